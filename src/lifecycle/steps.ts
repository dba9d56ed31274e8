/**
 * 三同步 as one table: every step of the package lifecycle with its transitions (from → to, and the audit action
 * each records), who may take it, what it checks and what it writes. The runner (`performAction` in
 * packageLifecycle.ts), start-up recovery, the pending list and the compliance report all read this table; adding a
 * step means adding a row here, its audit action in src/events/actions.ts, and its test.
 */
import type { PayloadRequest } from 'payload'

import type { Policy } from '../../payload-types'
import type { StepAuditAction } from '../events/actions'

import { refreshOfficialCalendar } from '../calendar'
import { L } from '../i18n'
import { assertReadyToLeaveDrafting } from '../rules/doubleAssociation'
import { RULE_NAMES, RuleViolation } from '../rules/errors'
import { isOverdue, releaseDeadline } from '../rules/releaseClock'
import type { Role } from '../roles'
import type { StepSpec } from './actorRules'
import { type Stage, STAGES } from './stages'

export const PACKAGE_ACTIONS = ['submit', 'approve', 'return', 'sign', 'release', 'withdraw', 'revise'] as const
export type PackageAction = (typeof PACKAGE_ACTIONS)[number]

/** 更正 (minor: typos, links) or 修订 (major: a change of substance, shown publicly with its 修改说明). */
export const CHANGE_TYPES = ['minor', 'major'] as const
export type ChangeType = (typeof CHANGE_TYPES)[number]

export type ActionInput = { changeNote?: string; changeType?: string; documentNumber?: string; reason?: string; releaseAt?: string }

export type Workflow = NonNullable<Policy['workflow']>

export type StepContext = { input: ActionInput; now: Date; policy: Policy; req: PayloadRequest }

/** One edge of the lifecycle: the stage it leaves, the stage it reaches, and what the trail records. */
export type Transition = {
  from: Stage
  to: Stage
  records: StepAuditAction
  /** The workflow field holding the instant of the step (start-up recovery records it). */
  stampedAt?: keyof Workflow
}

export type ActionSpec = Omit<StepSpec, 'from'> & {
  transitions: readonly Transition[]
  /** The target when several transitions leave the current stage (release: now, or scheduled). */
  choose?: (ctx: StepContext) => Stage
  /** Throws a RuleViolation when the package may not take this step. */
  guard?: (ctx: StepContext) => Promise<void> | void
  /** What to write for the chosen transition. */
  apply: (ctx: StepContext & { to: Stage }) => { data?: Partial<Policy>; workflow: Partial<Workflow> }
}

type Spec = ActionSpec & { from: Stage[] }

/** A row of the table; `from` (for refusals and the admin panel) is derived from its transitions. */
const step = (spec: ActionSpec): Spec => ({ ...spec, from: [...new Set(spec.transitions.map((t) => t.from))] })

const uid = (req: PayloadRequest): null | number => {
  // Ids are numbers on SQLite and ObjectId strings on MongoDB; the generated types know only the SQLite form.
  const id = req.user?.id
  return id === undefined ? null : (id as number)
}

const returnFrom = (from: Stage): Transition => ({ from, to: 'drafting', records: 'return', stampedAt: 'returnedAt' })

export const ACTIONS: Record<PackageAction, Spec> = {
  submit: step({
    label: L('提交审核', 'Submit for review'),
    transitions: [{ from: 'drafting', to: 'submitted', records: 'submit', stampedAt: 'submittedAt' }],
    roles: ['drafter'],
    guard: ({ policy, req }) => assertReadyToLeaveDrafting(req, policy),
    apply: ({ now, req }) => ({ workflow: { submittedBy: uid(req), submittedAt: now.toISOString() } }),
  }),
  approve: step({
    label: L('审核通过', 'Approve'),
    // 二级审核: confidentiality and normativity first, then orientation and accuracy.
    transitions: [
      { from: 'submitted', to: 'confidentiality-passed', records: 'approve', stampedAt: 'confidentialityAt' },
      { from: 'confidentiality-passed', to: 'content-passed', records: 'approve', stampedAt: 'contentAt' },
    ],
    roles: ['reviewer'],
    notBySubmitter: true,
    apply: ({ now, req, to }) =>
      to === 'confidentiality-passed'
        ? { workflow: { confidentialityBy: uid(req), confidentialityAt: now.toISOString() } }
        : { workflow: { contentBy: uid(req), contentAt: now.toISOString() } },
  }),
  return: step({
    label: L('退回修改', 'Return to drafting'),
    transitions: (['submitted', 'confidentiality-passed', 'content-passed', 'signed', 'scheduled'] as const).map(returnFrom),
    roles: ['reviewer', 'signer'],
    reasonRequired: true,
    // Approvals and signature belong to the version that was approved: a returned package starts over.
    apply: ({ input, now, req }) => ({
      workflow: {
        returnedBy: uid(req),
        returnedAt: now.toISOString(),
        returnReason: input.reason,
        submittedBy: null,
        submittedAt: null,
        confidentialityBy: null,
        confidentialityAt: null,
        contentBy: null,
        contentAt: null,
        signedBy: null,
        signedAt: null,
        releaseDeadline: null,
        scheduledReleaseAt: null,
      },
    }),
  }),
  sign: step({
    label: L('签发', 'Sign off'),
    transitions: [{ from: 'content-passed', to: 'signed', records: 'sign', stampedAt: 'signedAt' }],
    roles: ['signer'],
    notBySubmitter: true,
    guard: async ({ input, policy, req }) => {
      if (!policy.documentNumber && !input.documentNumber) {
        throw new RuleViolation(req, {
          status: 422,
          rule: 'document-number-required',
          ruleName: RULE_NAMES.documentNumber,
          message: { en: `“${policy.title}” has no document number yet.`, zh: `《${policy.title}》尚未编发文字号。` },
          hint: { en: 'Give the document number (发文字号) when signing.', zh: '请在签发时填写发文字号。' },
          document: { collection: 'policies', id: policy.id, title: policy.title },
        })
      }
      // Members cannot change after submission (see memberLock), so the package approved is the package signed.
      await assertReadyToLeaveDrafting(req, policy)
      // The deadline is computed from the official calendar: pick up a year an admin entered on another instance.
      await refreshOfficialCalendar(req.payload)
    },
    apply: ({ input, now, policy, req }) => ({
      data: input.documentNumber ? { documentNumber: input.documentNumber } : undefined,
      workflow: {
        signedBy: uid(req),
        signedAt: now.toISOString(),
        releaseDeadline: policy.disclosure === 'proactive' ? (releaseDeadline(now)?.toISOString() ?? null) : null,
      },
    }),
  }),
  release: step({
    label: L('发布', 'Release'),
    // A release time in the future schedules (定时发布); releasing a scheduled package again reschedules it.
    transitions: [
      { from: 'signed', to: 'released', records: 'release', stampedAt: 'releasedAt' },
      { from: 'signed', to: 'scheduled', records: 'schedule' },
      { from: 'scheduled', to: 'released', records: 'release', stampedAt: 'releasedAt' },
      { from: 'scheduled', to: 'scheduled', records: 'schedule' },
    ],
    roles: ['signer'],
    guard: ({ input, req }) => {
      if (input.releaseAt !== undefined && Number.isNaN(new Date(input.releaseAt).getTime())) {
        throw new RuleViolation(req, {
          status: 400,
          rule: 'release-time',
          ruleName: RULE_NAMES.lifecycle,
          message: { en: `“${input.releaseAt}” is not a date and time.`, zh: `“${input.releaseAt}”不是有效的日期时间。` },
          hint: {
            en: 'Give releaseAt as ISO 8601, e.g. 2026-12-01T09:00:00+08:00, or omit it to release now.',
            zh: '定时发布时间请使用 ISO 8601 格式（如 2026-12-01T09:00:00+08:00），立即发布则不填。',
          },
        })
      }
    },
    choose: ({ input, now }) => (input.releaseAt && new Date(input.releaseAt).getTime() > now.getTime() ? 'scheduled' : 'released'),
    apply: ({ input, now, req, to }) =>
      to === 'scheduled'
        ? { workflow: { scheduledReleaseAt: new Date(input.releaseAt!).toISOString() } }
        : { workflow: { releasedBy: uid(req), releasedAt: now.toISOString(), scheduledReleaseAt: null } },
  }),
  withdraw: step({
    label: L('撤回', 'Withdraw'),
    transitions: [{ from: 'released', to: 'withdrawn', records: 'withdraw', stampedAt: 'withdrawnAt' }],
    roles: ['signer'],
    reasonRequired: true,
    apply: ({ input, now, req }) => ({ workflow: { withdrawnBy: uid(req), withdrawnAt: now.toISOString(), withdrawReason: input.reason } }),
  }),
  revise: step({
    label: L('更正/修订', 'Correct or revise'),
    // The package stays released (the public keeps reading the released version) while its revision is drafted.
    transitions: [{ from: 'released', to: 'released', records: 'revise' }],
    roles: ['drafter'],
    guard: ({ input, policy, req }) => {
      const document = { collection: 'policies', id: policy.id, title: policy.title }
      if (!CHANGE_TYPES.some((t) => t === input.changeType)) {
        throw new RuleViolation(req, {
          status: 400,
          rule: 'change-type',
          ruleName: RULE_NAMES.lifecycle,
          message: {
            en: `a revision is “minor” (更正) or “major” (修订), not “${input.changeType ?? ''}”.`,
            zh: `修改类型应为“minor”（更正）或“major”（修订），而不是“${input.changeType ?? ''}”。`,
          },
          hint: { en: 'Give changeType: minor or major.', zh: '请填写 changeType：minor 或 major。' },
          document,
        })
      }
      if (input.changeType === 'major' && !input.changeNote?.trim()) {
        throw new RuleViolation(req, {
          status: 400,
          rule: 'change-note-required',
          ruleName: RULE_NAMES.lifecycle,
          message: { en: 'a major revision needs a change note (修改说明).', zh: '修订须填写修改说明。' },
          hint: {
            en: 'Say what changes and why, in changeNote; it is shown publicly.',
            zh: '请在 changeNote 中说明修改内容和原因，该说明将公开。',
          },
          document,
        })
      }
    },
    apply: () => ({ workflow: {} }),
  }),
}

export const TRANSITIONS: readonly (Transition & { step: PackageAction })[] = PACKAGE_ACTIONS.flatMap((name) =>
  ACTIONS[name].transitions.map((t) => ({ ...t, step: name })),
)

/** The transition of `step` from `from` to `to`, if the table has one. */
export const transitionOf = (step: PackageAction, from: Stage, to: Stage) =>
  ACTIONS[step].transitions.find((t) => t.from === from && t.to === to)

/** The one step that leads from one stage straight to another (what recovery may complete), if any. */
export const transitionBetween = (from: Stage, to: Stage) => TRANSITIONS.find((t) => t.from === from && t.to === to && from !== to)

/** Stages from which the table reaches `target` without passing through it. */
function reaching(target: Stage): Stage[] {
  const found = new Set<Stage>()
  for (let grew = true; grew;) {
    grew = false
    for (const t of TRANSITIONS) {
      if (t.from !== target && !found.has(t.from) && (t.to === target || found.has(t.to))) {
        found.add(t.from)
        grew = true
      }
    }
  }
  return STAGES.map((s) => s.value).filter((s) => found.has(s))
}

/** Stages of a package that is not released yet but can be (the pending list): not released, not withdrawn. */
export const PENDING_STAGES: readonly Stage[] = reaching('released')

/** Stages whose next step is the release itself: the 3-working-day release clock runs there. */
export const RELEASE_CLOCK_STAGES: readonly Stage[] = [
  ...new Set(TRANSITIONS.filter((t) => t.to === 'released' && t.from !== t.to).map((t) => t.from)),
]

/** The one overdue rule: a package waiting for its release past its deadline. */
export const isOverdueAt = (stage: null | string | undefined, deadline: Date | null | string | undefined, now = new Date()): boolean =>
  RELEASE_CLOCK_STAGES.some((s) => s === stage) && isOverdue(deadline, now)

/** The forward step open from a stage (return and withdraw are not "what comes next"). */
export const forwardStep = (stage: Stage): PackageAction | undefined =>
  PACKAGE_ACTIONS.find((a) => a !== 'return' && a !== 'withdraw' && a !== 'revise' && ACTIONS[a].from.includes(stage))

export type WalkStep = { action: PackageAction; role: Role; to: Stage }

/**
 * The shortest forward walk from one stage to another through the table, each step by the first role that may take
 * it (no returns; a scheduled release needs a time, so `scheduled` is reached only when asked for). Test fixtures,
 * the demo seed and the soak walk packages with it.
 */
export function walkTo(target: Stage, from: Stage = 'drafting'): WalkStep[] {
  const edges = TRANSITIONS.filter((t) => t.step !== 'return' && t.from !== t.to && (t.to !== 'scheduled' || target === 'scheduled'))
  const previous = new Map<Stage, (typeof edges)[number]>()
  const queue: Stage[] = [from]
  const seen = new Set<Stage>([from])
  while (queue.length) {
    const stage = queue.shift()!
    for (const edge of edges.filter((e) => e.from === stage && !seen.has(e.to))) {
      seen.add(edge.to)
      previous.set(edge.to, edge)
      queue.push(edge.to)
    }
  }
  if (!seen.has(target)) throw new Error(`no forward walk from ${from} to ${target}`)
  const walk: WalkStep[] = []
  for (let stage = target; stage !== from;) {
    const edge = previous.get(stage)!
    walk.unshift({ action: edge.step, role: ACTIONS[edge.step].roles[0], to: edge.to })
    stage = edge.from
  }
  return walk
}
