import { isWorkingDay as calendarWorkingDay, nthWorkingDayAfter } from '../calendar'

/** Proactively disclosed documents are published within this many working days of signing. */
export const RELEASE_WORKING_DAYS = 3

const TIME_ZONE = 'Asia/Shanghai'

/** The calendar date (YYYY-MM-DD) of an instant in China Standard Time. */
export function chinaDate(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant)
}

/** Whether a date is a working day on the official calendar (src/calendar); null when no calendar covers it. */
export const isWorkingDay = (date: string): boolean | null => calendarWorkingDay(date)

/**
 * The end (23:59:59 CST) of the Nth working day after the signing date, on the official calendar (src/calendar):
 * public holidays are skipped and make-up working days (调休) count. Null when the way there crosses a year no
 * calendar covers: the deadline is unknown, not guessed.
 */
export function releaseDeadline(signedAt: Date, workingDays = RELEASE_WORKING_DAYS): Date | null {
  const day = nthWorkingDayAfter(workingDays, chinaDate(signedAt))
  return day ? new Date(`${day}T23:59:59.999+08:00`) : null
}

export const isOverdue = (deadline: Date | null | string | undefined, now = new Date()): boolean =>
  Boolean(deadline) && new Date(deadline as string).getTime() < now.getTime()
