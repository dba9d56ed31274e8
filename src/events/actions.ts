/**
 * Every audit action the system records, with the shape of its `details`, in one place. Subsystems that follow
 * the trail (public cache, search, compliance, stage reconciliation) read their action lists from `ACTION_TRAITS`
 * below instead of keeping their own: renaming or adding an action is a compile error wherever it matters.
 */

/** Recorded by every package step (src/lifecycle/packageLifecycle.ts) and by start-up recovery. */
export type StepDetails = {
  /** Taken by the system (the release job, recovery), not by a user. */
  system: boolean
  /** Completed at start-up after a crash cut the step short (src/audit/recoverSteps.ts). */
  recovered?: boolean
  /** The step's own instant, read from the policy when recovered. */
  stepAt?: null | string
  /** Scheduled releases: when. */
  releaseAt?: null | string
  /** Revisions of a released package (更正 / 修订): which kind, and the public change note. */
  revision?: { changeNote: null | string; changeType: string }
  /** What the compliance report needs at signing and release (see complianceDetails). */
  disclosure?: null | string
  releaseDeadline?: null | string
  exemption?: {
    consultation: boolean
    consultationReason: null | string
    interpretation: boolean
    interpretationReason: null | string
  }
}

type PolicyChange = { documentNumber: null | string; stage?: string; title: string }
type MemberChange = { form: string; supplementary?: boolean; title: string }
type InterviewRecord = { title?: null | string }
/** One row of a legacy library import (src/import): which file, which row, and what was kept as printed. */
type ImportRecord = {
  collection: string
  title: string
  file: string
  sha256: string
  row: number
  releasedAt: string
  legacyNumber?: null | { en: string; zh: string }
  form?: null | string
}

/** `details` per action. */
export type AuditDetails = {
  submit: StepDetails
  approve: StepDetails
  return: StepDetails
  sign: StepDetails
  schedule: StepDetails
  release: StepDetails
  withdraw: StepDetails
  revise: StepDetails
  'supplement-submit': undefined
  'supplement-approve': undefined
  'supplement-return': undefined
  'supplement-release': undefined
  'policy-created': PolicyChange
  'policy-updated': PolicyChange
  'policy-deleted': PolicyChange
  /** The validity job (src/lifecycle/validityJob.ts) marked a released policy 失效: its 有效期至 has passed (CST). */
  'policy-expired': { documentNumber: null | string; title: string; validUntil: string }
  'member-created': MemberChange
  'member-updated': MemberChange
  'member-deleted': MemberChange
  'interview-status': InterviewRecord & { from: string; to: string }
  'interview-segment': InterviewRecord & { seq: number }
  'interview-photo': InterviewRecord & { key: string }
  'interview-question-answer': InterviewRecord & { answerSeq: null | number | undefined; key: string }
  'interview-question-reject': InterviewRecord & { answerSeq: null | number | undefined; key: string }
  'search-reindex': { documents: number; engine?: string }
  imported: ImportRecord
  'search-term-changed': { enabled: boolean; operation: string; term: string }
  'search-term-deleted': { term: string }
}

export type AuditAction = keyof AuditDetails

/** The actions a package step records (their details are StepDetails). */
export type StepAuditAction = { [K in AuditAction]: AuditDetails[K] extends StepDetails ? K : never }[AuditAction]

/** What following the trail means for each action. */
export type ActionTraits = {
  /** Moves a package's stage: the stored stage is the `toStage` of the latest such entry (reconcileStages). */
  stage?: true
  /** Public content may read differently afterwards (public cache version). */
  public?: true
  /** A package step the compliance report replays (report.ts). */
  workflow?: true
  /** What search does: re-read the entry's package (default), rebuild the index, reload the dictionary. */
  search?: 'dictionary' | 'rebuild'
}

export const ACTION_TRAITS: Record<AuditAction, ActionTraits> = {
  submit: { stage: true, workflow: true },
  approve: { stage: true, workflow: true },
  return: { stage: true, workflow: true, public: true },
  sign: { stage: true, workflow: true },
  schedule: { stage: true, workflow: true },
  release: { stage: true, workflow: true, public: true },
  withdraw: { stage: true, workflow: true, public: true },
  // Opens a revision of a released package: nothing public changes until the revision is released.
  revise: { stage: true, workflow: true },
  'supplement-submit': {},
  'supplement-approve': {},
  'supplement-return': {},
  'supplement-release': { public: true },
  'policy-created': {},
  'policy-updated': { public: true },
  'policy-deleted': { public: true },
  // Validity shows in the public summary, bundle and validOn lists; search re-reads the package.
  'policy-expired': { public: true },
  'member-created': {},
  'member-updated': { public: true },
  'member-deleted': { public: true },
  'interview-status': {},
  'interview-segment': {},
  'interview-photo': {},
  'interview-question-answer': {},
  'interview-question-reject': {},
  'search-reindex': { search: 'rebuild' },
  // A legacy document arrives already released: a new public row, its package re-read by search.
  imported: { public: true },
  'search-term-changed': { search: 'dictionary' },
  'search-term-deleted': { search: 'dictionary' },
}

export const AUDIT_ACTIONS = Object.keys(ACTION_TRAITS) as AuditAction[]

/** The actions with a trait, for `where: { action: { in: … } }` and membership tests. */
export const actionsWhere = (test: (traits: ActionTraits) => boolean | undefined): AuditAction[] =>
  AUDIT_ACTIONS.filter((action) => test(ACTION_TRAITS[action]))

export const isAuditAction = (value: unknown): value is AuditAction => typeof value === 'string' && value in ACTION_TRAITS

/** The actions an interview record write (src/media/interview) records. */
export type InterviewAuditAction = Extract<AuditAction, `interview-${string}`>
