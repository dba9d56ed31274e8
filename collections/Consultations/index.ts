import type { CollectionConfig, Where } from 'payload'

import { departmentOrPublic } from '../../src/access/departmentOrPublic'
import { createInOwnDepartment, ownDepartment } from '../../src/access/ownDepartment'
import { ownDepartmentVersions } from '../../src/access/ownDepartmentVersions'
import { departmentField } from '../../src/fields/department'
import { existingUpload } from '../../src/fields/existingRelation'
import { GROUPS } from '../../src/groups'
import { enforceDepartmentScope } from '../../src/hooks/enforceDepartmentScope'
import { L, pick } from '../../src/i18n'
import { validRichText } from '../../src/richText/validate'
import { DRAFT_KINDS } from '../../src/rules/consultationPeriod'
import { validDate } from '../../src/rules/dates'
import { checkConsultation } from './hooks/checkConsultation'

const PERIOD_RULE = L('重大决策预公开', 'pre-disclosure of major decisions')
/** A comment period is announced ahead, but not years ahead. */
const PERIOD_YEARS = { minYear: 1949, maxYearsAhead: 5 }

/** A consultation notice is public once announced and its comment period has begun. */
const openToThePublic = (): Where => ({
  and: [{ announced: { equals: true } }, { opensAt: { less_than_equal: new Date().toISOString() } }],
})

export const Consultations: CollectionConfig<'consultations'> = {
  slug: 'consultations',
  labels: { singular: L('征求意见公告', 'Consultation notice'), plural: L('征求意见公告', 'Consultation notices') },
  admin: {
    group: GROUPS.content,
    useAsTitle: 'title',
    defaultColumns: ['title', 'department', 'opensAt', 'closesAt', 'announced'],
    description: L(
      '重大决策预公开：公布草案、征求意见期限和反馈渠道，期满后公布意见采纳情况。',
      'Pre-disclosure of major decisions: the draft, the comment period and channels, then the adoption summary.',
    ),
  },
  access: {
    read: departmentOrPublic(openToThePublic),
    create: createInOwnDepartment(['drafter']),
    update: ownDepartment(['drafter']),
    delete: ownDepartment(['drafter']),
    readVersions: ownDepartmentVersions,
  },
  versions: { maxPerDoc: 50 },
  hooks: {
    beforeChange: [enforceDepartmentScope, checkConsultation],
  },
  fields: [
    { name: 'title', type: 'text', required: true, maxLength: 200, label: L('公告标题', 'Title') },
    {
      name: 'draft',
      type: 'richText',
      label: L('征求意见稿', 'Draft for comment'),
      validate: validRichText(L('征求意见稿', 'draft for comment')),
    },
    {
      name: 'attachments',
      type: 'upload',
      relationTo: 'media',
      hasMany: true,
      validate: existingUpload(L('附件', 'attachment')),
      label: L('附件', 'Attachments'),
    },
    {
      name: 'draftKind',
      type: 'select',
      // Not required: consultations from before the field existed (and imports) read as 其他, no minimum.
      defaultValue: 'other',
      label: L('草案类别', 'Kind of draft'),
      options: DRAFT_KINDS.map((k) => ({ ...k })),
      admin: {
        description: L(
          '决定最短征求意见期限：政府规章草案不少于30日，行政规范性文件不少于7个工作日，重大行政决策不少于30日。',
          'Sets the minimum comment period: draft regulations 30 days, normative documents 7 working days, major decisions 30 days.',
        ),
      },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'opensAt',
          type: 'date',
          required: true,
          index: true,
          label: L('征求意见开始', 'Comments open'),
          validate: validDate(PERIOD_RULE, PERIOD_YEARS),
        },
        {
          name: 'closesAt',
          type: 'date',
          required: true,
          label: L('征求意见截止', 'Comments close'),
          validate: (value, options) => {
            const { req, siblingData } = options
            const invalid = validDate(PERIOD_RULE, PERIOD_YEARS)(value, options)
            if (invalid !== true) return invalid
            const opens = (siblingData as { opensAt?: string }).opensAt
            if (value && opens && new Date(value).getTime() <= new Date(opens).getTime()) {
              return pick(req, {
                en: '[pre-disclosure of major decisions] the comment period must close after it opens.',
                zh: '【重大决策预公开】征求意见截止时间必须晚于开始时间。',
              })
            }
            return true
          },
        },
      ],
    },
    {
      name: 'shortPeriodReason',
      type: 'textarea',
      maxLength: 1000,
      label: L('缩短征求意见期限的理由', 'Reason for a shorter comment period'),
      admin: {
        description: L(
          '征求意见期限短于该类草案的最短期限时必填（如紧急情况），随公告公开。',
          'Required when the period is shorter than the minimum for its kind (e.g. an emergency); published with the notice.',
        ),
      },
    },
    {
      name: 'channels',
      type: 'array',
      label: L('意见反馈渠道', 'Feedback channels'),
      labels: { singular: L('渠道', 'Channel'), plural: L('渠道', 'Channels') },
      fields: [
        {
          type: 'row',
          fields: [
            {
              name: 'kind',
              type: 'select',
              required: true,
              label: L('方式', 'Kind'),
              options: [
                { label: L('电子邮件', 'Email'), value: 'email' },
                { label: L('信函', 'Post'), value: 'post' },
                { label: L('电话', 'Phone'), value: 'phone' },
                { label: L('传真', 'Fax'), value: 'fax' },
                { label: L('网上留言', 'Online form'), value: 'online' },
              ],
            },
            { name: 'value', type: 'text', required: true, label: L('地址 / 号码', 'Address / number') },
          ],
        },
      ],
    },
    {
      name: 'announced',
      type: 'checkbox',
      defaultValue: false,
      index: true,
      label: L('已发布公告', 'Announced'),
      admin: { position: 'sidebar', description: L('发布后，征求意见期开始即对公众可见', 'Public once the comment period opens') },
    },
    {
      name: 'feedback',
      type: 'group',
      label: L('意见采纳情况', 'Feedback & adoption'),
      admin: { description: L('征求意见期满后填写', 'Filled in after the comment period closes') },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'receivedCount', type: 'number', min: 0, label: L('收到意见数', 'Comments received') },
            { name: 'adoptedCount', type: 'number', min: 0, label: L('采纳数', 'Comments adopted') },
          ],
        },
        { name: 'summary', type: 'textarea', label: L('采纳情况说明', 'Adoption summary') },
      ],
    },
    departmentField(),
    {
      name: 'policies',
      type: 'join',
      collection: 'policies',
      on: 'consultation',
      label: L('关联政策文件', 'Linked policies'),
    },
  ],
}
