/**
 * The official working-day calendar (法定节假日与调休), one place for the release clock and the catalog's 睡眠栏目 rule.
 *
 * Sources, by precedence: a year entered by an admin in the `official-calendars` collection (from the State Council
 * notice that set it, e.g. 国务院办公厅关于2027年部分节假日安排的通知), then the `chinese-days` library's data (official
 * through 2026 in the version pinned). A date in a year that neither knows has no answer: `isWorkingDay` returns
 * null and deadlines are unknown ("calendar missing"), never guessed from weekdays.
 *
 * The entered years are held in memory (the answers are needed synchronously inside a step); the collection's
 * hooks reload them on every change, and `refreshOfficialCalendar` reloads them when older than a minute, which
 * keeps several server instances in step.
 */
import type { Payload } from 'payload'

import chineseDays from 'chinese-days'

export type OfficialYear = {
  year: number
  /** Public holidays (days off), YYYY-MM-DD. */
  holidays: string[]
  /** Make-up working days (调休上班), usually a Saturday or Sunday, YYYY-MM-DD. */
  workdays: string[]
  notice: string
}

export type CalendarSource = 'library' | 'official'

const entered = new Map<number, { holidays: Set<string>; notice: string; workdays: Set<string> }>()
let loadedAt = 0
const REFRESH_MS = 60_000

const libraryYears = new Map<number, boolean>()

/** Whether chinese-days has the official schedule of `year` (it lists holidays for every year it knows). */
function libraryKnows(year: number): boolean {
  let known = libraryYears.get(year)
  if (known === undefined) {
    known = chineseDays.getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 0
    libraryYears.set(year, known)
  }
  return known
}

/** Replaces the entered years (the loader and tests call it). */
export function setOfficialYears(years: readonly OfficialYear[]): void {
  entered.clear()
  for (const y of years) entered.set(y.year, { holidays: new Set(y.holidays), workdays: new Set(y.workdays), notice: y.notice })
  loadedAt = Date.now()
}

type CalendarDoc = {
  holidays?: null | { date?: null | string }[]
  notice?: null | string
  workdays?: null | { date?: null | string }[]
  year?: null | number
}

export const officialYearOf = (doc: CalendarDoc): OfficialYear | null =>
  typeof doc.year === 'number'
    ? {
        year: doc.year,
        holidays: (doc.holidays ?? []).flatMap((h) => (h.date ? [h.date] : [])),
        workdays: (doc.workdays ?? []).flatMap((w) => (w.date ? [w.date] : [])),
        notice: doc.notice ?? '',
      }
    : null

/** Reads every entered year from the database. */
export async function loadOfficialCalendar(payload: Payload): Promise<void> {
  const { docs } = await payload.find({ collection: 'official-calendars', limit: 1000, depth: 0, pagination: false, overrideAccess: true })
  setOfficialYears(docs.flatMap((d) => officialYearOf(d) ?? []))
}

/** Reloads the entered years when the copy in memory is older than a minute (another instance may have changed them). */
export async function refreshOfficialCalendar(payload: Payload): Promise<void> {
  if (Date.now() - loadedAt < REFRESH_MS) return
  await loadOfficialCalendar(payload).catch(() => undefined)
}

/** Which source answers for `year`, or null when none does. */
export function calendarSource(year: number): CalendarSource | null {
  if (entered.has(year)) return 'official'
  return libraryKnows(year) ? 'library' : null
}

/** The notice an entered year was taken from. */
export const calendarNotice = (year: number): null | string => entered.get(year)?.notice ?? null

const weekday = (date: string) => new Date(`${date}T12:00:00Z`).getUTCDay()

/** Whether `date` (YYYY-MM-DD, China) is a working day; null when no calendar covers its year. */
export function isWorkingDay(date: string): boolean | null {
  const year = Number(date.slice(0, 4))
  const official = entered.get(year)
  if (official) {
    if (official.workdays.has(date)) return true
    if (official.holidays.has(date)) return false
    const d = weekday(date)
    return d !== 0 && d !== 6
  }
  return libraryKnows(year) ? chineseDays.isWorkday(date) : null
}

const nextDay = (date: string) => {
  const [y, m, d] = date.split('-').map(Number)
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10)
}

/**
 * The Nth working day after `from` (YYYY-MM-DD); null when a day on the way lies in a year no calendar covers.
 * Same counting as chinese-days' findWorkday(n ≥ 1, from).
 */
export function nthWorkingDayAfter(n: number, from: string): null | string {
  let day = from
  let count = 0
  // A year has at most ~120 days off; 400 days bounds any N up to 250 working days.
  for (let i = 0; i < 400 + n * 2; i += 1) {
    day = nextDay(day)
    const working = isWorkingDay(day)
    if (working === null) return null
    if (working) count += 1
    if (count >= n) return day
  }
  return null
}

/** The year whose calendar is missing on the way from `from` to its Nth working day, or null when none is. */
export function missingCalendarYear(n: number, from: string): null | number {
  if (nthWorkingDayAfter(n, from) !== null) return null
  let day = from
  for (let i = 0; i < 400 + n * 2; i += 1) {
    day = nextDay(day)
    if (isWorkingDay(day) === null) return Number(day.slice(0, 4))
  }
  return null
}

export const CALENDAR_MISSING = {
  en: 'deadline unknown, calendar missing',
  zh: '截止日期未知：缺少法定工作日历',
} as const
