/**
 * The JSON shape of the compliance report (`GET /api/compliance`), shared with the admin dashboard.
 * Stable: fields may be added, never renamed or removed. See report.ts for what each figure counts.
 *
 * Ids are strings (as the audit trail records them: SQLite's numeric ids and MongoDB's ObjectIds alike).
 * Instants are ISO 8601 UTC strings; months (`YYYY-MM`) and years are calendar periods in China Standard Time.
 * Shares are fractions 0…1 (not percentages) rounded to 4 decimals, null when their denominator is 0.
 */

/** Interpretation forms: the five of `interpretations.form`, then one per media member collection. */
export const COMPLIANCE_FORMS = ['text', 'leader', 'expert', 'media', 'card', 'infographic', 'video', 'interview'] as const
export type ComplianceForm = (typeof COMPLIANCE_FORMS)[number]

/** Released interpretation materials by form (initial members at their package's release + supplements at theirs). */
export type FormsMix = Record<ComplianceForm, number>

export type ExemptionKind = 'consultation' | 'interpretation'

export type ExemptionRow = {
  /** 免于解读 (interpretation) or 免于征求意见 (consultation). */
  kind: ExemptionKind
  /** The written reason as recorded; null when the trail predates reasons being recorded. */
  reason: null | string
  /** Released policies carrying this exemption at release. */
  count: number
}

/** The figures of one scope (overall, a department, a month, a year). */
export type ComplianceFigures = {
  /** Policies released (first release) in the period. */
  released: number
  /** Of those, released as 主动公开 (proactive): the ones the 3-working-day clock applies to. */
  proactive: number
  /** Of those released, withdrawn since (by the report's `now`). */
  withdrawn: number
  /** Released with an interpretation exemption (免于解读) recorded. */
  exempt: number
  /** released − exempt: the denominator of the interpretation shares. */
  requiringInterpretation: number
  /** Not exempt, released with at least one package member (interpretation, infographic, video, interview). */
  withInterpretations: number
  withInterpretationsShare: null | number
  /** Not exempt, with ≥1 initial member, and every initial member released at the policy's release instant. */
  inSync: number
  inSyncShare: null | number
  /** Proactive releases within the deadline (end of the 3rd working day after the last signature). */
  onTime: number
  /** Proactive releases after the deadline. */
  late: number
  /** onTime / proactive. */
  onTimeShare: null | number
  /** Package returns (退回修改) made in the period. */
  returns: number
  /** Supplementary interpretations (补充解读) released in the period. */
  supplementary: number
  forms: FormsMix
  /** Packages signed (or scheduled), 主动公开, past their release deadline at `now` (not filtered by year). */
  overdueNow: number
}

export type DepartmentRow = {
  id: string
  /** Display name from the departments collection (a label, not a figure); the id when the department is gone. */
  name: string
  figures: ComplianceFigures
}

export type MonthRow = {
  /** YYYY-MM in China Standard Time. */
  month: string
  released: number
  withInterpretations: number
  inSync: number
  proactive: number
  onTime: number
  late: number
  returns: number
  supplementary: number
}

export type YearRow = { year: number; figures: ComplianceFigures }

export type OverdueRow = {
  policy: string
  title: string
  department: string
  departmentName: string
  /** The signature the deadline runs from (the last one). */
  signedAt: string
  deadline: string
  /** `signed` or `scheduled`. */
  stage: string
  /** Whole days past the deadline at `now` (calendar days, at least 0). */
  daysOverdue: number
}

/** A proactive package whose release deadline no calendar can compute (the year's official calendar is missing). */
export type DeadlineUnknownRow = {
  policy: string
  title: string
  department: string
  departmentName: string
  signedAt: string
  stage: string
  /** Enter this year in the official calendar (法定工作日历) to get the deadline. */
  missingYear: null | number
}

export const IMPORTED_NOTE = {
  en: 'Imported packages (legacy library) are counted apart and in none of the figures: their drafting, review and signing happened outside this system and left no trail here.',
  zh: '存量导入的文件单独统计，不计入各项指标：其起草、审核、签发过程不在本系统，无留痕可查。',
} as const

export type ComplianceReport = {
  /** The report's `now`: when it was computed; overdue figures are as of this instant. */
  generatedAt: string
  filters: { department: null | string; year: null | number }
  overall: ComplianceFigures
  /** Every department with activity in scope (or the one asked for), by id. */
  departments: DepartmentRow[]
  /** Year filter: its 12 months; otherwise every month from the first to the last with activity. */
  byMonth: MonthRow[]
  /** Every year with activity in scope, ascending (one row with a year filter). */
  byYear: YearRow[]
  /** = overall.forms, for charts. */
  forms: FormsMix
  /** Sorted by count, descending, then kind and reason. */
  exemptionsByReason: ExemptionRow[]
  /** Sorted by deadline, oldest first. */
  overdueNow: OverdueRow[]
  /** Deadline unknown, calendar missing (not counted as late or on time), oldest signature first. */
  deadlineUnknown: DeadlineUnknownRow[]
  /** Packages imported from the legacy library in scope (by their original release year), kept out of every figure. */
  imported: { note: { en: string; zh: string }; packages: number }
  /** The last audit entry the report was computed from; null for an empty trail. */
  auditHead: null | { hash: string; seq: number }
}
