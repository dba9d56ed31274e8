import type { DateFieldValidation } from 'payload'

import { date } from 'payload/shared'

import { type Bilingual, pick } from '../i18n'

/**
 * Dates people type: `new Date('2020-02-30')` quietly becomes 1 March and `+099999-01-01` is a valid instant, so a
 * date is checked on the calendar as written (year, month, day, time of day) and against the years a government
 * document can plausibly carry.
 */
const ISO = /^([+-]\d{6}|\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/

export type YearRange = { maxYearsAhead: number; minYear: number }

/** 成文日期 and the like: from the founding of the PRC to next year (the same bounds as a document number's year). */
export const DOCUMENT_YEARS: YearRange = { minYear: 1949, maxYearsAhead: 1 }

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate()

export function dateProblem(value: unknown, range: YearRange = DOCUMENT_YEARS, now = new Date()): Bilingual | null {
  if (value === null || value === undefined || value === '') return null
  let year: number
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { en: 'is not a valid date', zh: '不是有效的日期' }
    year = value.getUTCFullYear()
  } else {
    const shown = JSON.stringify(typeof value === 'string' ? value.slice(0, 40) : value)?.slice(0, 40)
    const match = typeof value === 'string' ? ISO.exec(value.trim()) : null
    if (!match) {
      return { en: `${shown} is not a date (YYYY-MM-DD or ISO 8601)`, zh: `${shown} 不是日期（应为 YYYY-MM-DD 或 ISO 8601 格式）` }
    }
    const [, y, m, d, hh, mm, ss] = match
    year = Number(y)
    const month = Number(m)
    const day = Number(d)
    if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) {
      return {
        en: `${shown} is not a day of the calendar (${y}-${m} has ${month >= 1 && month <= 12 ? daysIn(year, month) : 'no'} days)`,
        zh: `${shown} 不是日历上存在的日期`,
      }
    }
    if (Number(hh ?? 0) > 23 || Number(mm ?? 0) > 59 || Number(ss ?? 0) > 59) {
      return { en: `${shown} has an impossible time of day`, zh: `${shown} 的时刻不存在` }
    }
  }
  const maxYear = now.getFullYear() + range.maxYearsAhead
  if (year < range.minYear || year > maxYear) {
    return {
      en: `the year ${year} is not plausible (${range.minYear}–${maxYear})`,
      zh: `年份 ${year} 不合理（应在 ${range.minYear}—${maxYear} 年之间）`,
    }
  }
  return null
}

/** A date field's validation: the calendar check above, then Payload's own (required, parseable). */
export const validDate =
  (rule: Bilingual, range: YearRange = DOCUMENT_YEARS): DateFieldValidation =>
  (value, options) => {
    const problem = dateProblem(value, range)
    if (problem) return pick(options.req, { en: `[${rule.en}] ${problem.en}.`, zh: `【${rule.zh}】${problem.zh}。` })
    return date(value, options)
  }
