import type { PayloadRequest } from 'payload'

/** A label in both languages the admin ships with; Payload picks one by the user's language. */
export type Bilingual = { en: string; zh: string }

export const L = (zh: string, en: string): Bilingual => ({ en, zh })

/** Picks the request's language for messages built at run time (hooks, endpoints). Chinese is the default. */
export const pick = (req: Pick<PayloadRequest, 'i18n'> | undefined, text: Bilingual): string =>
  req?.i18n?.language === 'en' ? text.en : text.zh

/** An instant as China Standard Time wall time for messages (`2026-12-01 10:00 CST`); readers here live in UTC+8. */
export function cstTime(value: Date | number | string): string {
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return String(value)
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date)
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}:${get('second')} CST`
}
