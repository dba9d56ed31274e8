import { type Bilingual, L } from '../i18n'

export const DOCUMENT_TYPES = [
  { label: L('规范性文件', 'Normative document'), value: 'normative' },
  { label: L('政府规章', 'Government regulation'), value: 'regulation' },
  { label: L('政府令', 'Government decree'), value: 'decree' },
  { label: L('意见', 'Opinion'), value: 'opinion' },
  { label: L('通知', 'Notice'), value: 'notice' },
  { label: L('方案 / 规划', 'Plan / programme'), value: 'plan' },
  { label: L('批复', 'Approval (批复)'), value: 'approval' },
  { label: L('表彰决定', 'Commendation'), value: 'commendation' },
  { label: L('人事任免', 'Appointment / removal'), value: 'appointment' },
  { label: L('其他', 'Other'), value: 'other' },
] as const satisfies readonly { label: Bilingual; value: string }[]

export type DocumentType = (typeof DOCUMENT_TYPES)[number]['value']

const TYPE_VALUES = DOCUMENT_TYPES.map((t) => t.value) as readonly string[]

export const documentTypeLabel = (value: string): Bilingual => DOCUMENT_TYPES.find((t) => t.value === value)?.label ?? L(value, value)

function typeList(envValue: string | undefined, fallback: DocumentType[]): DocumentType[] {
  if (!envValue) return fallback
  const list = envValue
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean)
  const unknown = list.filter((v) => !TYPE_VALUES.includes(v))
  if (unknown.length) {
    throw new Error(`Unknown document type(s) ${unknown.join(', ')}; known: ${TYPE_VALUES.join(', ')}`)
  }
  return list as DocumentType[]
}

/**
 * Types that obviously need no interpretation (表彰决定、人事任免、批复…), configurable with
 * INTERPRETATION_EXEMPT_TYPES (comma-separated values).
 */
export const interpretationExemptTypes = (): DocumentType[] =>
  typeList(process.env.INTERPRETATION_EXEMPT_TYPES, ['approval', 'commendation', 'appointment'])

/** Types that must go through public consultation (重大决策预公开), configurable with CONSULTATION_REQUIRED_TYPES. */
export const consultationRequiredTypes = (): DocumentType[] =>
  typeList(process.env.CONSULTATION_REQUIRED_TYPES, ['normative', 'regulation'])
