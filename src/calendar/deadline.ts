import type { Bilingual } from '../i18n'

import { chinaDate, RELEASE_WORKING_DAYS, releaseDeadline } from '../rules/releaseClock'
import { CALENDAR_MISSING, missingCalendarYear } from '.'

export type DeadlineStatus = {
  /** `none`: no clock runs (not 主动公开, or not signed); `known`: `deadline` is set; `unknown`: calendar missing. */
  state: 'known' | 'none' | 'unknown'
  deadline: null | string
  /** The year whose official calendar is missing (state `unknown`). */
  missingYear: null | number
  message: Bilingual | null
}

type Clocked = { disclosure?: null | string; workflow?: null | { releaseDeadline?: null | string; signedAt?: null | string } }

/**
 * The release deadline of a signed package as the panel, the API and the reports show it: the one recorded at
 * signing, else computed now (a calendar may have been entered since), else "deadline unknown, calendar missing".
 */
export function deadlineStatus(policy: Clocked): DeadlineStatus {
  const signedAt = policy.workflow?.signedAt
  if (policy.disclosure !== 'proactive' || !signedAt) return { state: 'none', deadline: null, missingYear: null, message: null }
  const recorded = policy.workflow?.releaseDeadline
  const deadline = recorded ? new Date(recorded) : releaseDeadline(new Date(signedAt))
  if (deadline) return { state: 'known', deadline: deadline.toISOString(), missingYear: null, message: null }
  const year = missingCalendarYear(RELEASE_WORKING_DAYS, chinaDate(new Date(signedAt)))
  return {
    state: 'unknown',
    deadline: null,
    missingYear: year,
    message: {
      en: `${CALENDAR_MISSING.en}: enter the official calendar of ${year} (Official calendar in the admin).`,
      zh: `${CALENDAR_MISSING.zh}：请在“法定工作日历”中录入 ${year} 年的放假与调休安排。`,
    },
  }
}
