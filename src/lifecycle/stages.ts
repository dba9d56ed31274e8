import type { SelectField } from 'payload'

import { L } from '../i18n'

/**
 * The package lifecycle (三同步). This issue implements leaving drafting; the review, signing and release
 * transitions are declared here so that every module speaks the same states.
 */
export const STAGES = [
  { label: L('起草中', 'Drafting'), value: 'drafting' },
  { label: L('已提交', 'Submitted'), value: 'submitted' },
  { label: L('保密审查通过', 'Confidentiality review passed'), value: 'confidentiality-passed' },
  { label: L('内容审核通过', 'Content review passed'), value: 'content-passed' },
  { label: L('已签发', 'Signed'), value: 'signed' },
  { label: L('已发布', 'Released'), value: 'released' },
  { label: L('已撤回', 'Withdrawn'), value: 'withdrawn' },
] as const

export type Stage = (typeof STAGES)[number]['value']

/** Only the lifecycle module changes the stage (it writes with overrideAccess); users never edit it directly. */
export const stageField = (): SelectField => ({
  name: 'stage',
  type: 'select',
  required: true,
  index: true,
  defaultValue: 'drafting',
  label: L('流程状态', 'Stage'),
  options: STAGES.map((s) => ({ ...s })),
  access: { create: () => false, update: () => false },
  admin: { position: 'sidebar', readOnly: true },
})
