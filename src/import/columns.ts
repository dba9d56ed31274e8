/**
 * The import columns (Chinese or English headers) and their values (as the API spells them or as their Chinese
 * labels). One table each, documented in docs/documents.md.
 */
import * as OpenCC from 'opencc-js/t2cn'

import { DISCLOSURE_OPTIONS } from '../fields/disclosure'
import { DOCUMENT_TYPES } from '../rules/documentTypes'
import { SUBJECTS } from '../rules/subjects'

export const COLUMNS = {
  indexNumber: ['索引号'],
  title: ['标题', '文件标题', '名称'],
  documentNumber: ['发文字号', '文号'],
  registrationNumber: ['统一登记号', '登记号', '规范性文件登记号'],
  organs: ['发文机关', '发布机构'],
  department: ['起草部门', '主办部门'],
  writtenAt: ['成文日期'],
  releasedAt: ['发布日期'],
  documentType: ['文种'],
  subject: ['主题分类'],
  validity: ['有效性'],
  disclosure: ['公开属性', '公开方式'],
  disclosureReason: ['不公开理由', '公开理由'],
  body: ['正文', '内容'],
  attachments: ['附件'],
  kind: ['类别'],
  form: ['解读形式'],
  relatesTo: ['关联文件', '所解读文件'],
} as const

export type Column = keyof typeof COLUMNS

const HEADER = new Map<string, Column>()
for (const [key, aliases] of Object.entries(COLUMNS) as [Column, readonly string[]][]) {
  HEADER.set(key.toLowerCase(), key)
  for (const alias of aliases) HEADER.set(alias, key)
}

let toSimplified: ((text: string) => string) | undefined
/** Trimmed, NFKC (full-width letters and digits half-width), traditional characters simplified. */
export function simplify(text: string): string {
  toSimplified ??= OpenCC.Converter({ from: 'tw', to: 'cn' })
  return toSimplified(
    text
      .normalize('NFKC')
      .replace(/[\s\u3000]+/g, ' ')
      .trim(),
  )
}

/** The column a header names, or null (unknown headers are reported once, never guessed). */
export const columnOf = (header: string): Column | null =>
  HEADER.get(simplify(header).replace(/\s+/g, '').toLowerCase()) ?? HEADER.get(simplify(header).replace(/\s+/g, '')) ?? null

type Option = { label: { zh: string }; value: string }
const optionMap = (options: readonly Option[], extra: Record<string, string> = {}) => {
  const map = new Map<string, string>()
  for (const o of options) {
    map.set(o.value.toLowerCase(), o.value)
    map.set(o.label.zh, o.value)
  }
  for (const [k, v] of Object.entries(extra)) map.set(k, v)
  return map
}

/** Interpretation forms (values of interpretations.form, labels as the admin shows them). */
const FORMS: Option[] = [
  { label: { zh: '文字解读' }, value: 'text' },
  { label: { zh: '主要负责同志解读' }, value: 'leader' },
  { label: { zh: '专家解读' }, value: 'expert' },
  { label: { zh: '媒体解读' }, value: 'media' },
  { label: { zh: '明白卡' }, value: 'card' },
]

export const VALUES = {
  documentType: optionMap(DOCUMENT_TYPES, {
    令: 'decree',
    命令: 'decree',
    政府令: 'decree',
    部门令: 'decree',
    规章: 'regulation',
    部门规章: 'regulation',
    方案: 'plan',
    规划: 'plan',
  }),
  subject: optionMap(SUBJECTS),
  validity: optionMap(
    [
      { label: { zh: '有效' }, value: 'valid' },
      { label: { zh: '失效' }, value: 'expired' },
      { label: { zh: '废止' }, value: 'repealed' },
    ],
    { 现行有效: 'valid', 已失效: 'expired', 已废止: 'repealed' },
  ),
  disclosure: optionMap(DISCLOSURE_OPTIONS, { 依申请: 'on-request', 不公开: 'not-disclosed' }),
  kind: optionMap(
    [
      { label: { zh: '政策文件' }, value: 'policy' },
      { label: { zh: '解读材料' }, value: 'interpretation' },
      { label: { zh: '征求意见公告' }, value: 'consultation' },
    ],
    { 政策: 'policy', 文件: 'policy', 解读: 'interpretation', 征求意见: 'consultation' },
  ),
  form: optionMap(FORMS, { 文字: 'text', 图文解读: 'text', 领导解读: 'leader', 专家: 'expert', 媒体: 'media' }),
} as const

export type ValueColumn = keyof typeof VALUES

/** A value as the API spells it, from the API value or the Chinese label; null when unknown. */
export function valueOf(column: ValueColumn, raw: string): null | string {
  const text = simplify(raw)
  return VALUES[column].get(text.toLowerCase()) ?? VALUES[column].get(text) ?? null
}

/** The values a column accepts, for the report's problem text. */
export const acceptedValues = (column: ValueColumn) => [...new Set(VALUES[column].values())].join(', ')

/** A day from 2023-01-05, 2023/1/5, 2023.1.5, 2023年1月5日 (full-width digits too), or an ISO instant. */
export function parseDay(raw: string): null | string {
  const text = raw.normalize('NFKC').trim()
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(text)
  if (compact) return parseDay(`${compact[1]}-${compact[2]}-${compact[3]}`)
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[T\s].*)?$/.exec(text)
  if (!m) return null
  const day = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`
  const check = new Date(`${day}T00:00:00Z`)
  return !Number.isNaN(check.getTime()) && check.toISOString().slice(0, 10) === day ? day : null
}

/** A list cell: JSON arrays as they are, text split on ；;、，, | and line breaks. */
export function listOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.map((v) => String(v).trim()).filter(Boolean)
  return String(value ?? '')
    .split(/[；;、，,|\n]+/)
    .map((v) => v.trim())
    .filter(Boolean)
}
