/** Display helpers shared by the site's pages (dates in China Standard Time, labels in Chinese). */
import type { Schemas } from './api'

export const zh = (option: Schemas['Option'] | undefined): string => option?.label.zh ?? '—'

/** 2026年3月1日 in CST: gov.cn writes dates this way, and a date written in Beijing is a Beijing date. */
export function dateZh(value: null | string | undefined): string {
  if (!value) return '—'
  const d = new Date(value)
  if (Number.isNaN(d.getTime())) return '—'
  return new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric' }).format(d)
}

export function dateTimeZh(value: null | string | undefined): string {
  if (!value) return '—'
  const d = new Date(value)
  if (Number.isNaN(d.getTime())) return '—'
  return new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'long', timeStyle: 'short' }).format(d)
}

export const FORM_LABELS: Record<string, string> = {
  text: '文字解读',
  leader: '主要负责同志解读',
  expert: '专家解读',
  media: '媒体解读',
  card: '明白卡',
}

export const DOCUMENT_TYPES: [string, string][] = [
  ['normative', '规范性文件'],
  ['regulation', '规章'],
  ['decree', '决定'],
  ['opinion', '意见'],
  ['notice', '通知'],
  ['plan', '规划/方案'],
  ['approval', '批复'],
  ['commendation', '表彰'],
  ['appointment', '任免'],
  ['other', '其他'],
]

export const VALIDITIES: [string, string][] = [
  ['valid', '有效'],
  ['expired', '失效'],
  ['repealed', '废止'],
]

/** A string field of a loosely typed API object (members vary by type), or undefined. */
export const str = (obj: unknown, key: string): string | undefined => {
  if (!obj || typeof obj !== 'object') return undefined
  const value = (obj as Record<string, unknown>)[key]
  return typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : undefined
}

export const arr = (obj: unknown, key: string): Record<string, unknown>[] => {
  if (!obj || typeof obj !== 'object') return []
  const value = (obj as Record<string, unknown>)[key]
  return Array.isArray(value) ? value.filter((v): v is Record<string, unknown> => !!v && typeof v === 'object') : []
}

export const obj = (o: unknown, key: string): Record<string, unknown> | undefined => {
  if (!o || typeof o !== 'object') return undefined
  const value = (o as Record<string, unknown>)[key]
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined
}

/** A query string from the params that have a value. */
export function qs(params: Record<string, number | string | undefined>): string {
  const search = new URLSearchParams()
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') search.set(k, String(v))
  const s = search.toString()
  return s ? `?${s}` : ''
}

/** The id of a relationship value as the API gives it (an id, or a populated object). */
export const idOfMember = (value: unknown): number | string | undefined => {
  if (typeof value === 'number' || (typeof value === 'string' && value)) return value
  if (value && typeof value === 'object' && 'id' in value) return idOfMember((value as { id: unknown }).id)
  return undefined
}
