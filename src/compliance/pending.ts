/**
 * Packages not yet released (drafting … scheduled), each with what blocks it (the double-association rules of
 * packageReadiness, with rule code, bilingual name and fix) and whether it has run past its release deadline (the
 * 3-working-day clock): the dashboard's "blocked and overdue" list, and `GET /api/compliance/pending`.
 */
import type { Endpoint, PayloadRequest, Where } from 'payload'

import type { Policy } from '../../payload-types'

import { requestScope } from '../access/dashboardScope'
import { type Bilingual, L, pick } from '../i18n'
import { type Id, idOf } from '../ids'
import { type Stage, stageLabel } from '../lifecycle/stages'
import { ACTIONS, forwardStep, isOverdueAt, PENDING_STAGES } from '../lifecycle/steps'
import { packageReadiness } from '../rules/doubleAssociation'
import { chinaDate, RELEASE_WORKING_DAYS } from '../rules/releaseClock'
import { CROSS_DEPARTMENT_ROLES, hasRole } from '../roles'

// Derived from the step table (src/lifecycle/steps.ts): the stages from which a package can still be released.
export { PENDING_STAGES }

/** At most this many packages in one answer (oldest deadlines and blockers first); `total` says how many there are. */
export const PENDING_LIMIT = 500

/** The release clock as a rule, for overdue packages (its refusals are not thrown: it is a deadline, not a guard). */
export const RELEASE_CLOCK_RULE = {
  rule: 'release-overdue',
  ruleName: L(`发布时限（签发后${RELEASE_WORKING_DAYS}个工作日内）`, `release within ${RELEASE_WORKING_DAYS} working days of signing`),
} as const

export type PendingIssue = {
  /** `blocker`: keeps the package from its next step; `overdue`: past its release deadline. */
  kind: 'blocker' | 'overdue'
  rule: string
  ruleName: Bilingual
  message: Bilingual
  hint: Bilingual
}

export type PendingPackage = {
  id: string
  title: string
  documentNumber: null | string
  department: { id: string; name: string } | null
  stage: Stage
  stageLabel: Bilingual
  /** The step that moves it on (submit, approve, sign, release), with its label. */
  nextStep: null | { action: string; label: Bilingual }
  releaseDeadline: null | string
  overdue: boolean
  blocked: boolean
  issues: PendingIssue[]
  /** The reason given when it was last returned to drafting, if it was. */
  returnReason: null | string
  updatedAt: null | string
  /** The policy's edit view in the admin. */
  adminPath: string
}

export type PendingList = { generatedAt: string; department: null | string; total: number; docs: PendingPackage[] }

const ORDER = (stage: string) => PENDING_STAGES.findIndex((s) => s === stage)

/** The forward step open from a stage (return and withdraw are not "what comes next"). */
export function nextStep(stage: Stage): PendingPackage['nextStep'] {
  const action = forwardStep(stage)
  return action ? { action, label: ACTIONS[action].label } : null
}

/**
 * The pending packages of a department (or all, `department: null`), scoped by the caller's rights before this is
 * called (see dashboardScope). Reads with access control for users with a department, and with the explicit
 * scope for admins and evaluators (who may read every department's packages here but not through /api/policies).
 */
export async function pendingPackages(
  req: PayloadRequest,
  options: { department: Id | null; now?: Date; limit?: number },
): Promise<PendingList> {
  const now = options.now ?? new Date()
  const where: Where = {
    and: [{ stage: { in: [...PENDING_STAGES] } }, ...(options.department ? [{ department: { equals: options.department } }] : [])],
  }
  // Department users read through their own access (defence in depth); admins, evaluators and system callers by scope.
  const asUser = Boolean(req.user) && !hasRole(req.user, ...CROSS_DEPARTMENT_ROLES)
  const [{ docs, totalDocs }, departments] = await Promise.all([
    req.payload.find({
      collection: 'policies',
      where,
      depth: 0,
      limit: options.limit ?? PENDING_LIMIT,
      sort: '-updatedAt',
      ...(asUser ? { overrideAccess: false, user: req.user } : { overrideAccess: true }),
      req,
    }),
    req.payload.find({ collection: 'departments', depth: 0, pagination: false, select: { name: true }, req }),
  ])
  const names = new Map(departments.docs.map((d) => [String(d.id), d.name]))
  const list: PendingPackage[] = []
  for (const policy of docs) list.push(await describe(req, policy, names, now))
  list.sort(
    (a, b) =>
      Number(b.overdue) - Number(a.overdue) ||
      Number(b.blocked) - Number(a.blocked) ||
      ORDER(b.stage) - ORDER(a.stage) ||
      String(b.updatedAt).localeCompare(String(a.updatedAt)),
  )
  return {
    generatedAt: now.toISOString(),
    department: options.department ? String(options.department) : null,
    total: totalDocs,
    docs: list,
  }
}

async function describe(req: PayloadRequest, policy: Policy, names: Map<string, string>, now: Date): Promise<PendingPackage> {
  const stage = policy.stage as Stage
  const issues: PendingIssue[] = []
  if (stage === 'drafting') {
    for (const p of await packageReadiness(req, policy)) {
      issues.push({ kind: 'blocker', rule: p.rule, ruleName: p.ruleName, message: p.message, hint: p.hint })
    }
  }
  const deadline = policy.workflow?.releaseDeadline ?? null
  const overdue = isOverdueAt(stage, deadline, now)
  if (overdue && deadline) {
    const days = Math.max(0, Math.floor((now.getTime() - new Date(deadline).getTime()) / 86_400_000))
    const day = chinaDate(new Date(deadline))
    issues.push({
      kind: 'overdue',
      ...RELEASE_CLOCK_RULE,
      message: {
        en: `“${policy.title}” was due for release by ${day}${days ? ` and is ${days} day(s) late` : ''}.`,
        zh: `《${policy.title}》应于${day}前发布${days ? `，已超期${days}天` : '，已超期'}。`,
      },
      hint:
        stage === 'scheduled'
          ? {
              en: 'Its scheduled time is past the deadline: the signer should release it now.',
              zh: '定时发布时间晚于发布时限，请签发人立即发布。',
            }
          : { en: 'The signer should release it now, or return it with a reason.', zh: '请签发人立即发布，或说明理由后退回修改。' },
    })
  }
  const department = idOf(policy.department)
  return {
    id: String(policy.id),
    title: policy.title,
    documentNumber: policy.documentNumber ?? null,
    department: department === undefined ? null : { id: String(department), name: names.get(String(department)) ?? String(department) },
    stage,
    stageLabel: stageLabel(stage),
    nextStep: nextStep(stage),
    releaseDeadline: deadline,
    overdue,
    blocked: issues.some((i) => i.kind === 'blocker'),
    issues,
    returnReason: stage === 'drafting' ? (policy.workflow?.returnReason ?? null) : null,
    updatedAt: policy.updatedAt ?? null,
    adminPath: `/collections/policies/${policy.id}`,
  }
}

/**
 * GET /api/compliance/pending?department= — packages not yet released with their blockers and overdue state, in the
 * request's language. Admins and evaluators: every department (or the one asked for); others: their own.
 */
export const pendingEndpoint: Endpoint = {
  path: '/compliance/pending',
  method: 'get',
  handler: async (req) => {
    const scope = requestScope(req)
    if (scope instanceof Response) return scope
    const list = await pendingPackages(req, { department: scope.department })
    const admin = req.payload.config.routes.admin
    return Response.json(
      {
        ...list,
        docs: list.docs.map((d) => ({
          ...d,
          adminUrl: `${admin}${d.adminPath}`,
          issues: d.issues.map((i) => ({ ...i, message: pick(req, i.message), hint: pick(req, i.hint) })),
        })),
      },
      { headers: { 'Cache-Control': 'private, no-store' } },
    )
  },
}
