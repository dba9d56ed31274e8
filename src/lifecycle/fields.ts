import type { Field, GroupField } from 'payload'

import { L } from '../i18n'

const readOnly = { create: () => false, update: () => false }

const who = (name: string, label: ReturnType<typeof L>): Field => ({
  name,
  type: 'relationship',
  relationTo: 'users',
  label,
  access: readOnly,
  admin: { readOnly: true },
})

const when = (name: string, label: ReturnType<typeof L>): Field => ({
  name,
  type: 'date',
  label,
  access: readOnly,
  admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime', displayFormat: 'yyyy-MM-dd HH:mm' } },
})

const why = (name: string, label: ReturnType<typeof L>): Field => ({
  name,
  type: 'textarea',
  label,
  access: readOnly,
  admin: { readOnly: true },
})

/**
 * Who did each step of the package lifecycle and when. Written only by the lifecycle module; the audit
 * log keeps the full, tamper-evident history, this group the current facts readers and lists need.
 */
export const workflowGroup = (): GroupField => ({
  name: 'workflow',
  type: 'group',
  label: L('审签发布记录', 'Sign-off & release record'),
  admin: { description: L('由流程操作自动填写', 'Filled in by the workflow actions') },
  fields: [
    { type: 'row', fields: [who('submittedBy', L('提交人', 'Submitted by')), when('submittedAt', L('提交时间', 'Submitted at'))] },
    {
      type: 'row',
      fields: [
        who('confidentialityBy', L('保密审查人', 'Confidentiality reviewer')),
        when('confidentialityAt', L('保密审查时间', 'Confidentiality review at')),
      ],
    },
    {
      type: 'row',
      fields: [who('contentBy', L('内容审核人', 'Content reviewer')), when('contentAt', L('内容审核时间', 'Content review at'))],
    },
    { type: 'row', fields: [who('signedBy', L('签发人', 'Signed by')), when('signedAt', L('签发时间', 'Signed at'))] },
    {
      type: 'row',
      fields: [
        when('releaseDeadline', L('发布时限（3个工作日）', 'Release deadline (3 working days)')),
        when('scheduledReleaseAt', L('定时发布时间', 'Scheduled release')),
      ],
    },
    { type: 'row', fields: [who('releasedBy', L('发布人', 'Released by')), when('releasedAt', L('发布时间', 'Released at'))] },
    { type: 'row', fields: [who('returnedBy', L('退回人', 'Returned by')), when('returnedAt', L('退回时间', 'Returned at'))] },
    why('returnReason', L('退回理由', 'Reason for return')),
    { type: 'row', fields: [who('withdrawnBy', L('撤回人', 'Withdrawn by')), when('withdrawnAt', L('撤回时间', 'Withdrawn at'))] },
    why('withdrawReason', L('撤回理由', 'Reason for withdrawal')),
  ],
})
