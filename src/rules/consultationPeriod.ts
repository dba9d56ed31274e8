/**
 * Minimum comment periods of a consultation (征求意见期限), by the kind of draft it puts out:
 * 政府规章草案 ≥ 30 days (《规章制定程序条例》第十五条), 行政规范性文件 ≥ 7 working days on the official calendar
 * (国办发〔2018〕37号; holidays skipped, 调休 make-up days counted), 重大行政决策 ≥ 30 days (《重大行政决策程序暂行条例》
 * 第十四条). Other consultations have no minimum. A shorter period is allowed with a recorded reason (e.g. 紧急情况),
 * which is published with the notice.
 *
 * Counting as the Civil Code counts periods (第二百零一条): the opening day is not counted, so a period opening on
 * 1 March that must last 30 days may close on 31 March at the earliest. Days are China Standard Time days.
 *
 * Configurable: CONSULTATION_MIN_REGULATION_DAYS (30), CONSULTATION_MIN_NORMATIVE_WORKING_DAYS (7),
 * CONSULTATION_MIN_MAJOR_DECISION_DAYS (30); 0 turns a minimum off.
 */
import { missingCalendarYear, nthWorkingDayAfter } from '../calendar'
import { type Bilingual, L } from '../i18n'
import { chinaDate } from './releaseClock'

export const DRAFT_KINDS = [
  { label: L('政府规章草案', 'Draft government regulation'), value: 'regulation' },
  { label: L('行政规范性文件', 'Administrative normative document'), value: 'normative' },
  { label: L('重大行政决策', 'Major administrative decision'), value: 'major-decision' },
  { label: L('其他', 'Other'), value: 'other' },
] as const satisfies readonly { label: Bilingual; value: string }[]

export type DraftKind = (typeof DRAFT_KINDS)[number]['value']

export const draftKindLabel = (value: string): Bilingual => DRAFT_KINDS.find((k) => k.value === value)?.label ?? L(value, value)

export type PeriodMinimum = { days: number; unit: 'calendar' | 'working' }

function envDays(name: string, fallback: number, env: NodeJS.ProcessEnv): number {
  const raw = env[name]?.trim()
  if (!raw) return fallback
  const n = Number(raw)
  if (!Number.isInteger(n) || n < 0 || n > 365) throw new Error(`${name} must be a whole number of days from 0 to 365, not “${raw}”`)
  return n
}

/** The minimum of each kind of draft (null: none), read from the environment each time (tests change it). */
export function periodMinimum(kind: null | string | undefined, env: NodeJS.ProcessEnv = process.env): null | PeriodMinimum {
  const of = (days: number, unit: PeriodMinimum['unit']) => (days > 0 ? { days, unit } : null)
  switch (kind) {
    case 'regulation':
      return of(envDays('CONSULTATION_MIN_REGULATION_DAYS', 30, env), 'calendar')
    case 'normative':
      return of(envDays('CONSULTATION_MIN_NORMATIVE_WORKING_DAYS', 7, env), 'working')
    case 'major-decision':
      return of(envDays('CONSULTATION_MIN_MAJOR_DECISION_DAYS', 30, env), 'calendar')
    default:
      return null
  }
}

export const minimumText = (m: PeriodMinimum): Bilingual =>
  m.unit === 'working' ? { en: `${m.days} working days`, zh: `${m.days} 个工作日` } : { en: `${m.days} days`, zh: `${m.days} 日` }

const addDays = (date: string, n: number) => {
  const [y, m, d] = date.split('-').map(Number)
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10)
}

export type EarliestClose =
  /** The earliest allowed closing day, YYYY-MM-DD (CST). */
  | { date: string; minimum: PeriodMinimum }
  /** Working days cannot be counted: the official calendar of that year is missing. */
  | { minimum: PeriodMinimum; missingYear: number }

/** The earliest day a period of this kind opening at `opensAt` may close; null when the kind has no minimum. */
export function earliestClose(kind: null | string | undefined, opensAt: Date | string): EarliestClose | null {
  const minimum = periodMinimum(kind)
  if (!minimum) return null
  const openDay = chinaDate(new Date(opensAt))
  if (minimum.unit === 'calendar') return { date: addDays(openDay, minimum.days), minimum }
  const date = nthWorkingDayAfter(minimum.days, openDay)
  return date ? { date, minimum } : { minimum, missingYear: missingCalendarYear(minimum.days, openDay) ?? Number(openDay.slice(0, 4)) }
}

export type PeriodCheck = { ok: true; short: boolean } | { earliest: EarliestClose; ok: false }

/**
 * Whether a period is long enough for its kind; `short` when it is shorter but a reason is recorded. A period whose
 * working days cannot be counted (calendar missing) counts as too short unless a reason is recorded.
 */
export function checkPeriod(p: {
  closesAt: Date | string
  draftKind?: null | string
  opensAt: Date | string
  shortPeriodReason?: null | string
}): PeriodCheck {
  const earliest = earliestClose(p.draftKind, p.opensAt)
  if (!earliest) return { ok: true, short: false }
  const longEnough = 'date' in earliest && chinaDate(new Date(p.closesAt)) >= earliest.date
  if (longEnough) return { ok: true, short: false }
  if (p.shortPeriodReason?.trim()) return { ok: true, short: true }
  return { ok: false, earliest }
}
