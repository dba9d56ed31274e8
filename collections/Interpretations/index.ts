import type { CollectionConfig } from 'payload'

import { departmentOrPublic } from '../../src/access/departmentOrPublic'
import { createInOwnDepartment, ownDepartment } from '../../src/access/ownDepartment'
import { publiclyVisible } from '../../src/access/publiclyVisible'
import { SUPPLEMENT_STAGES } from '../../src/lifecycle/stages'
import { departmentField } from '../../src/fields/department'
import { GROUPS } from '../../src/groups'
import { enforceDepartmentScope } from '../../src/hooks/enforceDepartmentScope'
import { L, pick } from '../../src/i18n'
import { supplementWorkflowEndpoint } from './endpoints/supplementWorkflow'
import { auditMemberChange, auditMemberDeletion } from './hooks/auditMembers'
import { deriveDepartment } from './hooks/deriveDepartment'
import { lockMemberDeletion, lockMembers } from './hooks/lockMembers'

export const INTERPRETATION_FORMS = [
  { label: L('文字解读', 'Text interpretation'), value: 'text' },
  { label: L('主要负责同志解读', 'Leader interpretation'), value: 'leader' },
  { label: L('专家解读', 'Expert interpretation'), value: 'expert' },
  { label: L('媒体解读', 'Media interpretation'), value: 'media' },
  { label: L('明白卡', 'Plain-language card'), value: 'card' },
] as const

const requiredOnCard = ((value: unknown, { req, data }: { data: { form?: string }; req: never }) =>
  data?.form === 'card' && !String(value ?? '').trim()
    ? pick(req, {
        en: '[plain-language card] who benefits, the standard, how to apply and the legal basis are all required on a card.',
        zh: '【明白卡】享受对象、享受标准、申办流程、政策依据均为必填项。',
      })
    : true) as never

const cardField = (name: string, label: ReturnType<typeof L>) => ({
  name,
  type: 'textarea' as const,
  label,
  validate: requiredOnCard,
})

export const Interpretations: CollectionConfig<'interpretations'> = {
  slug: 'interpretations',
  labels: { singular: L('解读材料', 'Interpretation'), plural: L('解读材料', 'Interpretations') },
  admin: {
    group: GROUPS.content,
    useAsTitle: 'title',
    defaultColumns: ['title', 'policy', 'form', 'department', 'updatedAt'],
    description: L(
      '谁起草、谁解读：解读材料与政策文件同步起草、同步审签、同步发布。',
      'Whoever drafts, interprets: interpretations are drafted, signed and released together with their policy.',
    ),
  },
  access: {
    // Visibility is derived from the policy: an interpretation is never public before its policy, and a
    // supplementary one not before its own release.
    read: departmentOrPublic({
      and: [
        publiclyVisible('policy.'),
        { or: [{ supplementary: { not_equals: true } }, { 'supplement.stage': { equals: 'released' } }] },
      ],
    }),
    create: createInOwnDepartment(['drafter']),
    // The package lock (hooks) refuses edits after submission with an explanation.
    update: ownDepartment(['drafter']),
    delete: ownDepartment(['drafter']),
  },
  versions: { maxPerDoc: 50 },
  endpoints: [supplementWorkflowEndpoint],
  hooks: {
    beforeChange: [deriveDepartment, enforceDepartmentScope, lockMembers],
    afterChange: [auditMemberChange],
    beforeDelete: [lockMemberDeletion],
    afterDelete: [auditMemberDeletion],
  },
  fields: [
    { name: 'title', type: 'text', required: true, maxLength: 200, label: L('标题', 'Title') },
    {
      name: 'policy',
      type: 'relationship',
      relationTo: 'policies',
      required: true,
      index: true,
      label: L('所解读的政策文件', 'Policy interpreted'),
      admin: { description: L('双关联：解读材料关联其政策文件（原文）', 'Double association: the policy (original text) it interprets') },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'form',
          type: 'select',
          required: true,
          index: true,
          defaultValue: 'text',
          label: L('解读形式', 'Form'),
          options: INTERPRETATION_FORMS.map((f) => ({ ...f })),
        },
        { name: 'author', type: 'text', label: L('解读人', 'Interpreter') },
        {
          name: 'interpreterRole',
          type: 'text',
          label: L('解读人身份', 'Interpreter’s role'),
          admin: { description: L('如 厅长、研究员、记者', 'e.g. director, researcher, journalist') },
        },
      ],
    },
    { name: 'body', type: 'richText', label: L('解读正文', 'Body') },
    {
      name: 'card',
      type: 'group',
      label: L('明白卡', 'Plain-language card'),
      admin: { condition: (data) => data?.form === 'card' },
      fields: [
        cardField('beneficiaries', L('享受对象', 'Who benefits')),
        cardField('standard', L('享受标准', 'Benefit standard')),
        cardField('process', L('申办流程', 'How to apply')),
        cardField('basis', L('政策依据', 'Legal basis')),
      ],
    },
    {
      name: 'supplementary',
      type: 'checkbox',
      defaultValue: false,
      index: true,
      label: L('补充解读', 'Supplementary'),
      access: { create: () => false, update: () => false },
      admin: { position: 'sidebar', readOnly: true, description: L('政策发布后新增的解读，单独审核发布', 'Added after release; reviewed and released on its own') },
    },
    {
      name: 'supplement',
      type: 'group',
      label: L('补充解读流程', 'Supplement workflow'),
      access: { create: () => false, update: () => false },
      admin: { condition: (data) => Boolean(data?.supplementary), readOnly: true },
      fields: [
        { name: 'stage', type: 'select', index: true, options: SUPPLEMENT_STAGES.map((s) => ({ ...s })), label: L('状态', 'Stage') },
        { type: 'row', fields: [
          { name: 'submittedBy', type: 'relationship', relationTo: 'users', label: L('提交人', 'Submitted by') },
          { name: 'submittedAt', type: 'date', label: L('提交时间', 'Submitted at') },
        ] },
        { type: 'row', fields: [
          { name: 'approvedBy', type: 'relationship', relationTo: 'users', label: L('审核人', 'Approved by') },
          { name: 'approvedAt', type: 'date', label: L('审核时间', 'Approved at') },
        ] },
        { type: 'row', fields: [
          { name: 'releasedBy', type: 'relationship', relationTo: 'users', label: L('发布人', 'Released by') },
          { name: 'releasedAt', type: 'date', label: L('发布时间', 'Released at') },
        ] },
        { name: 'returnReason', type: 'textarea', label: L('退回理由', 'Reason for return') },
      ],
    },
    departmentField({
      admin: { position: 'sidebar', readOnly: true, description: L('自动取政策文件的起草部门', 'Taken from the policy') },
      required: false,
      access: {},
      defaultValue: undefined,
    }),
  ],
}
