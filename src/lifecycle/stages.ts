import type { SelectField } from 'payload'

import { L } from '../i18n'

/** The package lifecycle (三同步): one state for the policy and every member of its package. */
export const STAGES = [
  { label: L('起草中', 'Drafting'), value: 'drafting' },
  { label: L('已提交', 'Submitted'), value: 'submitted' },
  { label: L('保密审查通过', 'Confidentiality review passed'), value: 'confidentiality-passed' },
  { label: L('内容审核通过', 'Content review passed'), value: 'content-passed' },
  { label: L('已签发', 'Signed'), value: 'signed' },
  { label: L('定时发布', 'Scheduled'), value: 'scheduled' },
  { label: L('已发布', 'Released'), value: 'released' },
  { label: L('已撤回', 'Withdrawn'), value: 'withdrawn' },
] as const

export type Stage = (typeof STAGES)[number]['value']

export const stageLabel = (stage: string) => STAGES.find((s) => s.value === stage)?.label ?? L(stage, stage)

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

/** States of a supplementary interpretation (补充解读), reviewed on its own after its package was released. */
export const SUPPLEMENT_STAGES = [
  { label: L('起草中', 'Drafting'), value: 'drafting' },
  { label: L('已提交', 'Submitted'), value: 'submitted' },
  { label: L('审核通过', 'Approved'), value: 'approved' },
  { label: L('已发布', 'Released'), value: 'released' },
] as const

export type SupplementStage = (typeof SUPPLEMENT_STAGES)[number]['value']
