import { randomBytes } from 'node:crypto'
import type { CollectionAfterReadHook, CollectionBeforeChangeHook, CollectionConfig, Field, PayloadRequest } from 'payload'

import { userDepartment } from '../../src/access/userDepartment'
import { validDate } from '../../src/rules/dates'
import { L, pick } from '../../src/i18n'
import { sameId } from '../../src/ids'
import { packageLocked } from '../../src/lifecycle/locks'
import { interviewEndpoints } from '../../src/media/interview/endpoints'
import {
  answerProblem,
  assignSequence,
  INTERVIEW_STATUSES,
  publicQuestions,
  type Question,
  QUESTION_STATUSES,
  type Segment,
  segmentOrderProblem,
  SPEAKER_ROLES,
} from '../../src/media/interview/record'
import { mediaMemberCollection } from '../../src/media/memberCollection'
import { MEDIA_RULES, mediaRefusal } from '../../src/media/rules'
import { isAdminUser } from '../../src/roles'

const readOnly = { create: () => false, update: () => false }
const options = (list: readonly { label: { en: string; zh: string }; value: string }[]) =>
  list.map((o) => ({ label: { ...o.label }, value: o.value }))

/** The interview's core: frozen with its package. Everything else is its record (see liveWrite.ts). */
const CORE_FIELDS = ['title', 'policy', 'relatedPolicies', 'topic', 'scheduledAt', 'host', 'guests', 'replayVideo'] as const

const person = (withOrganisation: boolean): Field[] => [
  {
    type: 'row',
    fields: [
      { name: 'name', type: 'text', required: true, label: L('姓名', 'Name') },
      { name: 'title', type: 'text', label: L('职务', 'Title') },
      withOrganisation
        ? { name: 'organisation', type: 'text', label: L('单位', 'Organisation') }
        : { name: 'department', type: 'text', label: L('单位', 'Department') },
    ],
  },
]

/** Photo keys (a guest's photo, a segment's images) must name photos uploaded to this interview. */
const photoKeys = (value: unknown, { data, req }: { data: { photos?: { key?: string }[] }; req: PayloadRequest }) => {
  const keys = new Set((data?.photos ?? []).map((p) => p.key))
  const missing = (Array.isArray(value) ? value : value ? [value] : []).filter((k) => !keys.has(String(k)))
  return missing.length
    ? pick(req, {
        en: `[online interview record] no photo ${missing.join(', ')} on this interview; upload it with POST /api/interviews/:id/photos first.`,
        zh: `【在线访谈实录】本访谈没有照片 ${missing.join('、')}，请先通过 POST /api/interviews/:id/photos 上传。`,
      })
    : true
}

/** A real calendar date in a plausible year: interviews held since 2000, announced up to two years ahead. */
const scheduledAtValid = validDate(MEDIA_RULES.liveRecord, { minYear: 2000, maxYearsAhead: 2 })

/** Record writes (the interview endpoints) may not touch the core, whatever they send. */
const guardRecordWrite: CollectionBeforeChangeHook = async ({ context, data, originalDoc, req }) => {
  if (!context.liveRecord || !originalDoc) return data
  const touched = CORE_FIELDS.filter((f) => f in data && JSON.stringify(data[f]) !== JSON.stringify(originalDoc[f]))
  if (touched.length) {
    const policy = await req.payload.findByID({ collection: 'policies', id: originalDoc.policy, depth: 0, req })
    throw packageLocked(req, policy, touched.join(', '))
  }
  return data
}

/** Sequence numbers given once and kept; segments in order; answers pointing at real answers; question keys. */
const orderRecord: CollectionBeforeChangeHook = ({ data, originalDoc, req }) => {
  const document = { collection: 'interviews', id: originalDoc?.id, title: data.title ?? originalDoc?.title }
  let segments = (originalDoc?.segments ?? []) as Segment[]
  if (Array.isArray(data.segments)) {
    segments = assignSequence(originalDoc?.segments, data.segments as Segment[])
    const problem = segmentOrderProblem(segments)
    if (problem) {
      throw mediaRefusal(req, {
        status: 409,
        rule: 'interview-segment-order',
        ruleName: MEDIA_RULES.liveRecord,
        message: problem.message,
        hint: { en: 'Append new segments at the end, in the order they were spoken.', zh: '请按发言先后在末尾追加新的实录段落。' },
        document,
      })
    }
    data.segments = segments
  }
  if (Array.isArray(data.questions)) {
    data.questions = (data.questions as Question[]).map((q) => ({
      ...q,
      key: q.key || randomBytes(5).toString('hex'),
      status: q.status ?? 'pending',
    }))
    for (const q of data.questions as Question[]) {
      const problem = answerProblem(q, segments)
      if (problem) {
        throw mediaRefusal(req, {
          status: 400,
          rule: 'interview-question',
          ruleName: MEDIA_RULES.liveRecord,
          message: problem,
          hint: {
            en: 'Link the answer to the host’s or a guest’s segment that answers it.',
            zh: '请将回答关联到主持人或嘉宾作答的实录段落。',
          },
          document,
        })
      }
    }
  }
  return data
}

/**
 * Who sees the whole question record (pending and rejected questions, moderation): admins and the interview's own
 * department. Without a document (a `where` on these fields is being checked) only admins: a query is answered
 * over every department's interviews.
 */
const seesModeration = (req: PayloadRequest, doc: undefined | { department?: unknown }) =>
  isAdminUser(req.user) || Boolean(req.user && doc && sameId(userDepartment(req), doc.department as Parameters<typeof sameId>[0]))

/**
 * One visibility rule for every way of reading questions (REST list and single read, GraphQL, `where`): the
 * afterRead hook keeps answered questions only, and field access hides moderation fields and refuses to query
 * question contents for everybody else. Only an explicit overrideAccess (the system's own Local API reads) skips it:
 * REST and GraphQL list reads leave overrideAccess undefined.
 */
const hideModeration: CollectionAfterReadHook = ({ context, doc, overrideAccess, req }) => {
  if (overrideAccess === true || context.fullRecord || seesModeration(req, doc)) return doc
  return { ...doc, questions: publicQuestions(doc.questions) }
}

const moderationOnly = { read: ({ doc, req }: { doc?: { department?: unknown }; req: PayloadRequest }) => seesModeration(req, doc) }
const answeredOrModeration = {
  read: ({ doc, req, siblingData }: { doc?: { department?: unknown }; req: PayloadRequest; siblingData?: { status?: unknown } }) =>
    seesModeration(req, doc) || (doc !== undefined && siblingData?.status === 'answered'),
}

export const Interviews: CollectionConfig = mediaMemberCollection({
  slug: 'interviews',
  labels: { singular: L('在线访谈', 'Online interview'), plural: L('在线访谈', 'Online interviews') },
  description: L(
    '在线访谈：预告、直播中、已结束；实录按序追加，网友提问经审核后公开；结束后可导出 Markdown/HTML 实录。',
    'Online interviews: upcoming, live, ended; the transcript is appended in order, public questions are moderated; an ended interview exports as Markdown/HTML.',
  ),
  policyLabel: L('所解读的政策文件', 'Policy interpreted'),
  defaultColumns: ['title', 'policy', 'status', 'scheduledAt', 'department'],
  hooks: { beforeChange: [guardRecordWrite, orderRecord], afterRead: [hideModeration] },
  endpoints: interviewEndpoints,
  fields: [
    {
      name: 'liveConsole',
      type: 'ui',
      label: L('文字直播', 'Live broadcast'),
      admin: { position: 'sidebar', components: { Field: '/src/components/media/InterviewLiveConsole#InterviewLiveConsole' } },
    },
    {
      name: 'relatedPolicies',
      type: 'relationship',
      relationTo: 'policies',
      hasMany: true,
      label: L('其他相关政策', 'Other related policies'),
      admin: { description: L('本访谈还解读的其他政策文件', 'Other policies this interview also covers') },
    },
    { name: 'topic', type: 'textarea', label: L('访谈主题', 'Topic') },
    {
      type: 'row',
      fields: [
        {
          name: 'scheduledAt',
          type: 'date',
          required: true,
          label: L('访谈时间', 'Scheduled at'),
          admin: { date: { pickerAppearance: 'dayAndTime' } },
          validate: scheduledAtValid,
        },
        {
          name: 'status',
          type: 'select',
          required: true,
          defaultValue: 'upcoming',
          index: true,
          label: L('状态', 'Status'),
          options: options(INTERVIEW_STATUSES),
          access: readOnly,
          admin: { readOnly: true, description: L('通过“开始直播/结束访谈”操作变更', 'Changed by the go-live / end actions') },
        },
        { name: 'startedAt', type: 'date', label: L('开始时间', 'Started at'), access: readOnly, admin: { readOnly: true } },
        { name: 'endedAt', type: 'date', label: L('结束时间', 'Ended at'), access: readOnly, admin: { readOnly: true } },
      ],
    },
    { name: 'host', type: 'group', label: L('主持人', 'Host'), fields: person(false) },
    {
      name: 'guests',
      type: 'array',
      label: L('嘉宾', 'Guests'),
      fields: [
        ...person(true),
        {
          name: 'photo',
          type: 'text',
          label: L('照片编号', 'Photo key'),
          validate: photoKeys,
          admin: { description: L('引用“照片”中的编号', 'A key from Photos') },
        },
      ],
    },
    { name: 'replayVideo', type: 'relationship', relationTo: 'videos', label: L('回放视频', 'Replay video') },
    {
      name: 'photos',
      type: 'array',
      label: L('照片', 'Photos'),
      admin: { description: L('通过 POST /api/interviews/:id/photos 上传', 'Uploaded with POST /api/interviews/:id/photos') },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'key', type: 'text', required: true, label: L('编号', 'Key'), access: readOnly, admin: { readOnly: true } },
            { name: 'alt', type: 'text', required: true, label: L('替代文本', 'Alt text') },
            { name: 'caption', type: 'text', label: L('图片说明', 'Caption') },
          ],
        },
        {
          type: 'row',
          fields: [
            { name: 'width', type: 'number', access: readOnly, admin: { readOnly: true }, label: L('宽', 'Width') },
            { name: 'height', type: 'number', access: readOnly, admin: { readOnly: true }, label: L('高', 'Height') },
          ],
        },
      ],
    },
    {
      name: 'segments',
      type: 'array',
      label: L('访谈实录', 'Transcript'),
      labels: { singular: L('实录段落', 'Segment'), plural: L('实录段落', 'Segments') },
      admin: { description: L('直播中由编辑按序追加（POST /api/interviews/:id/segments）', 'Appended in order during the broadcast') },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'seq', type: 'number', label: L('序号', 'No.'), admin: { readOnly: true } },
            { name: 'speaker', type: 'text', required: true, label: L('发言人', 'Speaker') },
            { name: 'role', type: 'select', required: true, options: options(SPEAKER_ROLES), label: L('身份', 'Role') },
            { name: 'at', type: 'date', required: true, label: L('时间', 'Time'), admin: { date: { pickerAppearance: 'dayAndTime' } } },
          ],
        },
        { name: 'text', type: 'textarea', required: true, label: L('内容', 'Text') },
        { name: 'images', type: 'text', hasMany: true, validate: photoKeys, label: L('照片编号', 'Photo keys') },
      ],
    },
    {
      name: 'questions',
      type: 'array',
      label: L('网友提问', 'Public questions'),
      admin: { description: L('公众提交，审核后（已回答）公开', 'Submitted by the public; public once answered') },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'key', type: 'text', label: L('编号', 'Key'), admin: { readOnly: true } },
            { name: 'askerName', type: 'text', required: true, label: L('网友昵称', 'Asker'), access: answeredOrModeration },
            { name: 'askedAt', type: 'date', label: L('提问时间', 'Asked at'), admin: { readOnly: true } },
            {
              name: 'status',
              type: 'select',
              required: true,
              defaultValue: 'pending',
              options: options(QUESTION_STATUSES),
              label: L('状态', 'Status'),
            },
          ],
        },
        { name: 'question', type: 'textarea', required: true, label: L('提问', 'Question'), access: answeredOrModeration },
        {
          type: 'row',
          fields: [
            { name: 'answerSeq', type: 'number', label: L('回答段落序号', 'Answer segment no.') },
            { name: 'rejectReason', type: 'text', label: L('未采用原因', 'Reason not used'), access: moderationOnly },
            {
              name: 'moderatedBy',
              type: 'relationship',
              relationTo: 'users',
              label: L('审核人', 'Moderated by'),
              admin: { readOnly: true },
              access: moderationOnly,
            },
            { name: 'moderatedAt', type: 'date', label: L('审核时间', 'Moderated at'), admin: { readOnly: true }, access: moderationOnly },
          ],
        },
      ],
    },
  ],
})
