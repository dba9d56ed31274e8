import { randomBytes } from 'node:crypto'
import { type Endpoint, isolateObjectProperty, type PayloadRequest } from 'payload'
import { z } from 'zod'

import { jsonEndpoint } from '../../endpoint'
import { badRequest } from '../../http'
import { type Bilingual, cstTime, pick } from '../../i18n'
import { type Id, idOf, sameId } from '../../ids'
import { attachImage, editableRecord } from '../attachments'
import { PHOTO_SPEC } from '../derivatives'
import { MEDIA_RULES, mediaRefusal } from '../rules'
import type { DerivativeRow } from '../storage'
import { toHtml, toMarkdown } from './export'
import { type InterviewDoc, serialised, writeRecord } from './liveWrite'
import {
  answerProblem,
  type InterviewStatus,
  NEXT_STATUS,
  publicQuestions,
  type Question,
  type Segment,
  statusLabel,
} from './record'

type Interview = InterviewDoc & {
  derivatives?: DerivativeRow[] | null
  photos?: null | { alt: string; caption?: null | string; height?: null | number; key: string; width?: null | number }[]
  questions?: null | Question[]
  segments?: null | Segment[]
  status?: InterviewStatus
}

/** Internal reads see the whole record (pending questions included): see the afterRead hook. */
const FULL = { fullRecord: true }

const fresh = (req: PayloadRequest, id: Id) =>
  req.payload.findByID({ collection: 'interviews', id, depth: 0, req, context: FULL })

/** The interview as the caller may read it, or null (unreleased for the public: answers 404). */
const readable = (req: PayloadRequest, id: string) =>
  req.payload
    .findByID({ collection: 'interviews', id, depth: 0, overrideAccess: false, user: req.user, req })
    .catch(() => null) as Promise<Interview | null>

const notFound = (req: PayloadRequest) =>
  Response.json({ errors: [{ message: pick(req, { en: 'Not found.', zh: '未找到该访谈。' }) }] }, { status: 404 })

const refuse = (req: PayloadRequest, doc: Interview, rule: 'interview-question' | 'interview-segment-order' | 'interview-status', status: number, message: Bilingual, hint: Bilingual) =>
  mediaRefusal(req, { status, rule, ruleName: MEDIA_RULES.liveRecord, message, hint, document: { collection: 'interviews', id: doc.id, title: doc.title } })

const requireStatus = (req: PayloadRequest, doc: Interview, allowed: InterviewStatus[], what: Bilingual) => {
  const status = doc.status ?? 'upcoming'
  if (allowed.includes(status)) return
  throw refuse(
    req,
    doc,
    'interview-status',
    409,
    { en: `“${doc.title}” is ${statusLabel(status).en.toLowerCase()}: ${what.en}`, zh: `《${doc.title}》当前为“${statusLabel(status).zh}”：${what.zh}` },
    {
      en: `This is possible while the interview is ${allowed.map((s) => statusLabel(s).en.toLowerCase()).join(' or ')}.`,
      zh: `仅在访谈处于“${allowed.map((s) => statusLabel(s).zh).join('”或“')}”时可以办理。`,
    },
  )
}

/** POST /:id/status {status} — upcoming → live → ended, by the department's editors. */
const statusEndpoint: Endpoint = jsonEndpoint({
  path: '/:id/status',
  method: 'post',
  body: z.object({ status: z.enum(['upcoming', 'live', 'ended']) }).strict(),
  handler: async (req, body) => {
    const id = String(req.routeParams?.id)
    const checked = await editableRecord<Interview>(req, 'interviews', id)
    const doc = await serialised(checked.id, async () => {
      const current = await fresh(req, checked.id)
      const from = current.status ?? 'upcoming'
      if (NEXT_STATUS[from] !== body.status) {
        throw refuse(
          req,
          current,
          'interview-status',
          409,
          { en: `“${current.title}” cannot go from ${statusLabel(from).en} to ${statusLabel(body.status).en}.`, zh: `《${current.title}》不能从“${statusLabel(from).zh}”变为“${statusLabel(body.status).zh}”。` },
          { en: 'An interview is announced, goes live, then ends; it does not go back.', zh: '访谈依次为预告、直播中、已结束，不能回退。' },
        )
      }
      const now = new Date().toISOString()
      return writeRecord(req, current, { status: body.status, ...(body.status === 'live' ? { startedAt: now } : { endedAt: now }) }, {
        action: 'interview-status',
        details: { title: current.title, from, to: body.status },
      })
    })
    return Response.json({ doc })
  },
})

const segmentBody = z
  .object({
    speaker: z.string().trim().min(1).max(80),
    role: z.enum(['host', 'guest', 'public']),
    text: z.string().trim().min(1).max(20_000),
    at: z.iso.datetime({ offset: true }).optional(),
    images: z.array(z.string().max(40)).max(20).optional(),
  })
  .strict()

/** Clocks of editors' machines drift a little; a minute ahead is still "now". */
const SEGMENT_CLOCK_SKEW_MS = 60_000

/** The highest sequence number ever appended to this interview, from the audit trail (the record may have lost it). */
async function lastAuditedSeq(req: PayloadRequest, doc: Interview): Promise<number> {
  const policy = idOf(doc.policy as Parameters<typeof idOf>[0])
  if (policy === undefined) return 0
  const { docs } = await req.payload.find({
    collection: 'audit-log',
    where: { and: [{ action: { equals: 'interview-segment' } }, { policy: { equals: policy } }] },
    pagination: false,
    depth: 0,
    select: { details: true, members: true },
    req,
  })
  return Math.max(
    0,
    ...docs
      .filter((e) => Array.isArray(e.members) && (e.members as { collection?: unknown; id?: Id }[]).some((m) => m.collection === 'interviews' && sameId(m.id, doc.id)))
      .map((e) => Number((e.details as { seq?: unknown } | null)?.seq) || 0),
  )
}

/** POST /:id/segments {speaker, role, text, at?, images?} — appends one segment to a live interview. */
const segmentEndpoint: Endpoint = jsonEndpoint({
  path: '/:id/segments',
  method: 'post',
  body: segmentBody,
  handler: async (req, body) => {
    const id = String(req.routeParams?.id)
    const checked = await editableRecord<Interview>(req, 'interviews', id)
    const result = await serialised(checked.id, async () => {
      const current = await fresh(req, checked.id)
      requireStatus(req, current, ['live'], { en: 'segments are appended only during the broadcast.', zh: '只能在直播期间追加实录。' })
      const segments = current.segments ?? []
      const last = segments.at(-1)
      const at = body.at ? new Date(body.at).toISOString() : new Date().toISOString()
      // A segment timed ahead of now would make every segment really spoken after it "go back in time" (409).
      if (new Date(at).getTime() > Date.now() + SEGMENT_CLOCK_SKEW_MS) {
        throw refuse(
          req,
          current,
          'interview-segment-order',
          400,
          { en: `the segment is timed ${cstTime(at)}, later than now (${cstTime(Date.now())}).`, zh: `该段时间（${cstTime(at)}）晚于当前时间（${cstTime(Date.now())}）。` },
          { en: 'Give the time it was spoken, or leave “at” out to use the current time.', zh: '请填写实际发言时间，或不填“at”以使用当前时间。' },
        )
      }
      if (last && new Date(at).getTime() < new Date(last.at).getTime()) {
        throw refuse(
          req,
          current,
          'interview-segment-order',
          409,
          { en: `the segment is timed ${cstTime(at)}, before the last one (${cstTime(last.at)}).`, zh: `该段时间（${cstTime(at)}）早于上一段（${cstTime(last.at)}）。` },
          { en: 'Segments are appended in the order they were spoken; leave “at” out to use the current time.', zh: '实录须按发言先后追加；不填“at”则使用当前时间。' },
        )
      }
      const keys = new Set((current.photos ?? []).map((p) => p.key))
      const unknown = (body.images ?? []).filter((k) => !keys.has(k))
      if (unknown.length) {
        throw refuse(
          req,
          current,
          'interview-segment-order',
          400,
          { en: `no photo ${unknown.join(', ')} on this interview.`, zh: `本访谈没有照片 ${unknown.join('、')}。` },
          { en: `Upload it first with POST /api/interviews/${current.id}/photos and use the key it returns.`, zh: `请先通过 POST /api/interviews/${current.id}/photos 上传照片，再引用返回的 key。` },
        )
      }
      // Numbers a live client has seen are never given again, even when an admin removed the segment since.
      const seq = Math.max(0, ...segments.map((s) => s.seq ?? 0), await lastAuditedSeq(req, current)) + 1
      const segment: Segment = { seq, speaker: body.speaker, role: body.role, text: body.text, at, images: body.images ?? [] }
      await writeRecord(req, current, { segments: [...segments, segment] }, { action: 'interview-segment', details: { title: current.title, seq } })
      return { segment, lastSeq: seq }
    })
    return Response.json(result, { status: 201 })
  },
})

/** GET /:id/live?after=<seq> — the segments after `after` (and questions answered by them): cheap to poll. */
function liveSlice(doc: Interview, after: number) {
  const segments = (doc.segments ?? []).filter((s) => (s.seq ?? 0) > after)
  const lastSeq = Math.max(after, 0, ...(doc.segments ?? []).map((s) => s.seq ?? 0))
  const questions = publicQuestions(doc.questions).filter((q) => (q.answerSeq ?? 0) > after)
  return { id: doc.id, status: doc.status ?? 'upcoming', statusLabel: statusLabel(doc.status ?? 'upcoming'), lastSeq, segments, questions }
}

/** Largest cursor accepted: no interview has a million segments, and a bigger number is a client's mistake. */
const MAX_CURSOR = 1_000_000

/** The `after` cursor (or Last-Event-ID), a whole number ≥ 0; null when it is not one. Absent or empty: 0. */
const cursor = (req: PayloadRequest): null | number => {
  const raw = req.searchParams?.get('after') || req.headers.get('last-event-id') || '0'
  return /^\d{1,7}$/.test(raw) && Number(raw) <= MAX_CURSOR ? Number(raw) : null
}

const badCursor = (req: PayloadRequest) =>
  mediaRefusal(req, {
    status: 400,
    rule: 'request-input',
    ruleName: { en: 'request format', zh: '请求格式' },
    message: {
      en: `after “${String(req.searchParams?.get('after') ?? req.headers.get('last-event-id')).slice(0, 20)}” is not a segment number (a whole number from 0 to ${MAX_CURSOR}).`,
      zh: `after“${String(req.searchParams?.get('after') ?? req.headers.get('last-event-id')).slice(0, 20)}”不是实录段落序号（0 至 ${MAX_CURSOR} 的整数）。`,
    },
    hint: { en: 'Send the lastSeq of the previous answer, or leave it out.', zh: '请传入上次返回的 lastSeq，或不传。' },
  })

const cacheFor = (req: PayloadRequest, seconds: number) => (req.user ? 'private, no-cache' : `public, max-age=${seconds}`)

const liveEndpoint: Endpoint = {
  path: '/:id/live',
  method: 'get',
  handler: async (req) => {
    const doc = await readable(req, String(req.routeParams?.id))
    if (!doc) return notFound(req)
    const after = cursor(req)
    if (after === null) throw badCursor(req)
    return Response.json(liveSlice(doc, after), { headers: { 'Cache-Control': cacheFor(req, 2) } })
  },
}

const pollMs = () => Math.max(200, Number(process.env.INTERVIEW_STREAM_POLL_MS) || 2000)
const STREAM_MAX_MS = 10 * 60_000

/**
 * GET /:id/live/stream?after=<seq> — the same as server-sent events: `segment` events (id = seq, so a
 * reconnecting EventSource resumes by Last-Event-ID), `question` events, `status`, then `end` when the interview
 * ends, or `gone` when it stops being readable (withdrawn). Closes after ten minutes; EventSource reconnects.
 */
const streamEndpoint: Endpoint = {
  path: '/:id/live/stream',
  method: 'get',
  handler: async (req) => {
    const id = String(req.routeParams?.id)
    if (!(await readable(req, id))) return notFound(req)
    const start = cursor(req)
    if (start === null) throw badCursor(req)
    let after = start
    let timer: NodeJS.Timeout | undefined
    let closed = false
    const started = Date.now()
    const encoder = new TextEncoder()
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        const send = (event: string, data: unknown, eventId?: number) =>
          controller.enqueue(encoder.encode(`${eventId !== undefined ? `id: ${eventId}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`))
        const close = () => {
          if (closed) return
          closed = true
          if (timer) clearTimeout(timer)
          controller.close()
        }
        let lastStatus: string | undefined
        const tick = async () => {
          if (closed) return
          // A fresh read with the caller's access every time: a withdrawn package disappears mid-stream.
          const doc = (await req.payload
            .findByID({ collection: 'interviews', id, depth: 0, overrideAccess: false, user: req.user })
            .catch(() => null)) as Interview | null
          if (closed) return
          if (!doc) {
            send('gone', { id })
            return close()
          }
          const slice = liveSlice(doc, after)
          if (slice.status !== lastStatus) send('status', { status: slice.status, statusLabel: slice.statusLabel })
          lastStatus = slice.status
          for (const s of slice.segments) send('segment', s, s.seq ?? undefined)
          for (const q of slice.questions) send('question', q)
          after = slice.lastSeq
          if (slice.status === 'ended') {
            send('end', { lastSeq: after })
            return close()
          }
          if (Date.now() - started > STREAM_MAX_MS) return close()
          timer = setTimeout(() => void tick().catch(() => close()), pollMs())
        }
        controller.enqueue(encoder.encode('retry: 3000\n\n'))
        void tick().catch(() => close())
      },
      cancel() {
        closed = true
        if (timer) clearTimeout(timer)
      },
    })
    return new Response(stream, {
      headers: { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache', 'X-Accel-Buffering': 'no' },
    })
  },
}

const MAX_QUESTIONS = 2000

/** POST /:id/questions {question, askerName} — a reader's question (网友提问), pending until moderated. */
const questionEndpoint: Endpoint = jsonEndpoint({
  path: '/:id/questions',
  method: 'post',
  body: z.object({ question: z.string().trim().min(2).max(500), askerName: z.string().trim().min(1).max(40) }).strict(),
  handler: async (req, body) => {
    // Anyone who may read the interview may ask: the public only once it is released.
    const visible = await readable(req, String(req.routeParams?.id))
    if (!visible) return notFound(req)
    const question = await serialised(visible.id, async () => {
      const current = await fresh(req, visible.id)
      requireStatus(req, current, ['upcoming', 'live'], { en: 'questions are no longer taken.', zh: '已停止征集网友提问。' })
      const questions = current.questions ?? []
      if (questions.length >= MAX_QUESTIONS) {
        throw refuse(req, current, 'interview-question', 409, { en: 'this interview has taken all the questions it can.', zh: '本场访谈的提问数量已达上限。' }, { en: 'Try again at a later interview.', zh: '欢迎在下一场访谈中提问。' })
      }
      // eslint-disable-next-line no-control-regex -- control characters are what this strips
      const strip = (s: string) => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
      const entry: Question = {
        key: randomBytes(5).toString('hex'),
        question: strip(body.question),
        askerName: strip(body.askerName),
        askedAt: new Date().toISOString(),
        status: 'pending',
      }
      // Public input is not a staff action: it is not audited; its moderation is. It is written as the public's
      // (no user), so a signed-in reader of another department, or an evaluator, may ask like anyone else.
      const asPublic = isolateObjectProperty(req, 'user')
      asPublic.user = null
      await writeRecord(asPublic, current, { questions: [...questions, entry] }, null)
      return entry
    })
    return Response.json({ question: { key: question.key, status: question.status } }, { status: 201 })
  },
})

/** POST /:id/questions/:key/moderate {action: answer, answerSeq} | {action: reject, reason?} — editors only. */
const moderateEndpoint: Endpoint = jsonEndpoint({
  path: '/:id/questions/:key/moderate',
  method: 'post',
  body: z.discriminatedUnion('action', [
        z.object({ action: z.literal('answer'), answerSeq: z.number().int().positive() }).strict(),
        z.object({ action: z.literal('reject'), reason: z.string().max(500).optional() }).strict(),
      ]),
  handler: async (req, body) => {
    const checked = await editableRecord<Interview>(req, 'interviews', String(req.routeParams?.id))
    const key = String(req.routeParams?.key)
    const question = await serialised(checked.id, async () => {
      const current = await fresh(req, checked.id)
      const questions = current.questions ?? []
      const target = questions.find((q) => q.key === key)
      if (!target) {
        throw refuse(req, current, 'interview-question', 404, { en: `no question ${key} on this interview.`, zh: `本访谈没有编号为 ${key} 的提问。` }, { en: 'Check the key.', zh: '请核对提问编号。' })
      }
      const moderated: Question = {
        ...target,
        status: body.action === 'answer' ? 'answered' : 'rejected',
        answerSeq: body.action === 'answer' ? body.answerSeq : null,
        rejectReason: body.action === 'reject' ? (body.reason ?? null) : null,
        moderatedBy: req.user?.id ?? null,
        moderatedAt: new Date().toISOString(),
      }
      const problem = answerProblem(moderated, current.segments ?? [])
      if (problem) {
        throw refuse(req, current, 'interview-question', 400, problem, {
          en: 'Link the answer to the host’s or a guest’s segment that answers it.',
          zh: '请将回答关联到主持人或嘉宾作答的实录段落。',
        })
      }
      await writeRecord(req, current, { questions: questions.map((q) => (q.key === key ? moderated : q)) }, {
        action: body.action === 'answer' ? 'interview-question-answer' : 'interview-question-reject',
        details: { title: current.title, key, answerSeq: moderated.answerSeq },
      })
      return moderated
    })
    return Response.json({ question })
  },
})

/** GET /:id/export?format=md|html — the clean transcript of an ended interview. */
const exportEndpoint: Endpoint = {
  path: '/:id/export',
  method: 'get',
  handler: async (req) => {
    const doc = await readable(req, String(req.routeParams?.id))
    if (!doc) return notFound(req)
    const format = req.searchParams?.get('format') ?? 'md'
    if (format !== 'md' && format !== 'html') return badRequest(req, 'format is md or html.', 'format 只能为 md 或 html。')
    requireStatus(req, doc, ['ended'], { en: 'only a finished interview is exported.', zh: '访谈结束后方可导出实录。' })
    const full = { ...doc, title: doc.title ?? '', questions: publicQuestions(doc.questions) as Question[] }
    const body = format === 'md' ? toMarkdown(full) : toHtml(full)
    const name = `interview-${doc.id}.${format}`
    return new Response(body, {
      headers: {
        'Content-Type': format === 'md' ? 'text/markdown; charset=utf-8' : 'text/html; charset=utf-8',
        'Content-Disposition': `attachment; filename="${name}"`,
        'Cache-Control': cacheFor(req, 300),
      },
    })
  },
}

/** POST /:id/photos — multipart “file” + `_payload` {alt, caption?}: an interview photo (also usable in segments and for guests). */
const photosEndpoint: Endpoint = {
  path: '/:id/photos',
  method: 'post',
  handler: async (req) => {
    const checked = await editableRecord<Interview>(req, 'interviews', String(req.routeParams?.id))
    const key = randomBytes(5).toString('hex')
    const saved = await serialised(checked.id, async () => {
      const current = await fresh(req, checked.id)
      // The record of a finished interview is what was shown; photos belong to its announcement and broadcast.
      requireStatus(req, current, ['upcoming', 'live'], { en: 'photos are added before or during the broadcast.', zh: '只能在访谈开始前或直播期间添加照片。' })
      return attachImage(req, {
        doc: current,
        ref: key,
        slug: 'interviews',
        spec: PHOTO_SPEC,
        check: (meta) => {
          if (!String(meta.alt ?? '').trim()) {
            throw mediaRefusal(req, {
              status: 400,
              rule: 'media-file-required',
              ruleName: MEDIA_RULES.accessibility,
              message: { en: 'a photo needs alt text.', zh: '照片必须填写替代文本。' },
              hint: { en: 'Send {"alt": "…"} in the “_payload” field.', zh: '请在“_payload”字段中提供 {"alt": "…"}。' },
              document: { collection: 'interviews', id: current.id, title: current.title },
            })
          }
        },
        save: async (derivatives, image) => {
          const meta = (req.data ?? {}) as { alt?: string; caption?: string }
          const photo = { key, alt: String(meta.alt).trim(), caption: meta.caption ?? null, width: image.width, height: image.height }
          return writeRecord(req, current, { derivatives, photos: [...(current.photos ?? []), photo] }, { action: 'interview-photo', details: { title: current.title, key } })
        },
      })
    })
    return Response.json({ key, doc: saved }, { status: 201 })
  },
}

export const interviewEndpoints: Endpoint[] = [
  statusEndpoint,
  segmentEndpoint,
  liveEndpoint,
  streamEndpoint,
  questionEndpoint,
  moderateEndpoint,
  exportEndpoint,
  photosEndpoint,
]
