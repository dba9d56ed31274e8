import type { PayloadRequest } from 'payload'

import type { Policy } from '../../payload-types'
import type { StepDetails } from '../events/actions'

import { type Id, idOf } from '../ids'
import { packageReadiness } from '../rules/doubleAssociation'
import { RULE_NAMES, RuleViolation } from '../rules/errors'
import { refreshOfficialCalendar } from '../calendar'
import { deadlineStatus } from '../calendar/deadline'
import { stepRefusal } from './actorRules'
import { findPackageMembers } from './packageMembers'
import { runStep } from './runStep'
import { type Stage, stageLabel } from './stages'
import { ACTIONS, type ActionInput, isOverdueAt, PACKAGE_ACTIONS, type PackageAction, type StepContext, type Workflow } from './steps'

// The step table lives in steps.ts; these names stay importable from here.
export { ACTIONS, type ActionInput, PACKAGE_ACTIONS, type PackageAction } from './steps'
export { RELEASE_QUEUE } from '../events/reactions'

/** Why the caller may not take `action` now, or null when they may. Pure: reads nothing but its arguments. */
export function refusal(req: PayloadRequest, policy: Policy, action: PackageAction, input: ActionInput = {}): null | RuleViolation {
  return stepRefusal(req, ACTIONS[action], {
    department: policy.department,
    document: { collection: 'policies', id: policy.id, title: policy.title },
    reason: input.reason,
    stage: policy.stage,
    stageLabel,
    submittedBy: policy.workflow?.submittedBy,
  })
}

/** The caller's possible next steps, with whatever currently blocks each (for the admin panel and scripts). */
export async function workflowState(req: PayloadRequest, policy: Policy) {
  await refreshOfficialCalendar(req.payload)
  const problems = policy.stage === 'drafting' ? await packageReadiness(req, policy) : []
  const actions = PACKAGE_ACTIONS.map((action) => {
    const blocked = refusal(req, policy, action, { reason: 'x' })
    return {
      action,
      label: ACTIONS[action].label,
      allowed: !blocked,
      reasonRequired: Boolean(ACTIONS[action].reasonRequired),
      blockedBy: blocked?.data,
    }
  })
  const deadline = policy.workflow?.releaseDeadline
  return {
    stage: policy.stage,
    stageLabel: stageLabel(policy.stage),
    workflow: policy.workflow ?? {},
    releaseDeadline: deadline ?? null,
    deadlineStatus: deadlineStatus(policy),
    overdue: isOverdueAt(policy.stage, deadline),
    problems,
    actions,
  }
}

/**
 * What the compliance report (src/compliance/report.ts) needs from a step, recorded in the audit entry so that
 * its figures come from the trail alone, not from fields that change later: disclosure and deadline at
 * signing; disclosure and exemptions (with their reasons) at scheduling and release.
 */
export function complianceDetails(policy: Policy, stage: Stage, workflow: Partial<Workflow>): Omit<StepDetails, 'system'> {
  if (stage === 'signed') return { disclosure: policy.disclosure ?? null, releaseDeadline: workflow.releaseDeadline ?? null }
  if (stage !== 'released' && stage !== 'scheduled') return {}
  const e = policy.exemption ?? {}
  return {
    disclosure: policy.disclosure ?? null,
    exemption: {
      interpretation: Boolean(e.interpretationExempt),
      interpretationReason: e.interpretationExempt ? (e.interpretationExemptReason ?? null) : null,
      consultation: Boolean(e.consultationExempt),
      consultationReason: e.consultationExempt ? (e.consultationExemptReason ?? null) : null,
    },
  }
}

/**
 * Takes one step of the lifecycle for the whole package: checks the rules, writes the policy's single
 * stage (members' visibility derives from it, so they move in the same write), records who/when, and appends
 * the audit entry — in one transaction where the database has them.
 */
export async function performAction(
  req: PayloadRequest,
  policyId: Id,
  action: PackageAction,
  input: ActionInput = {},
  options: { system?: boolean } = {},
): Promise<Policy> {
  if (!req.user && !options.system) {
    throw new RuleViolation(req, {
      status: 401,
      rule: 'department-scope',
      ruleName: RULE_NAMES.departmentScope,
      message: { en: 'workflow actions need a signed-in user.', zh: '办理流程须先登录。' },
      hint: {
        en: 'Sign in as the reviewer, signer or drafter of the drafting department.',
        zh: '请以起草部门的起草人、审核人或签发人身份登录。',
      },
      document: { collection: 'policies', id: policyId },
    })
  }
  const policy = await req.payload
    .findByID({ collection: 'policies', id: policyId, depth: 0, overrideAccess: Boolean(options.system), user: req.user, req })
    .catch(() => null)
  if (!policy) {
    throw new RuleViolation(req, {
      status: 404,
      rule: 'department-scope',
      ruleName: RULE_NAMES.departmentScope,
      message: { en: `policy ${policyId} was not found or is not yours to see.`, zh: `未找到政策文件（${policyId}），或您无权查看。` },
      hint: { en: 'Check the id, or ask its drafting department.', zh: '请核对编号，或联系其起草部门。' },
      document: { collection: 'policies', id: policyId },
    })
  }
  if (!options.system) {
    const refused = refusal(req, policy, action, input)
    if (refused) throw refused
  }
  const now = new Date()
  const ctx: StepContext = { input, now, policy, req }
  const spec = ACTIONS[action]
  await spec.guard?.(ctx)
  const options_ = spec.transitions.filter((t) => t.from === policy.stage)
  const to = spec.choose?.(ctx) ?? options_[0]?.to
  const transition = options_.find((t) => t.to === to)
  if (!transition) throw new Error(`step table: ${action} has no transition from ${policy.stage} to ${to}`)
  const { data, workflow } = spec.apply({ ...ctx, to: transition.to })

  return runStep(
    req,
    async () => {
      const updated = await req.payload.update({
        collection: 'policies',
        id: policy.id,
        data: { ...data, stage: transition.to, workflow: { ...(policy.workflow ?? {}), ...workflow } },
        depth: 0,
        overrideAccess: true,
        req,
        context: { lifecycleAction: action },
      })
      const members = (await findPackageMembers(req, policy.id)).flatMap(({ docs, member }) =>
        docs.map((d) => ({ collection: member.slug, id: d.id })),
      )
      return { members, updated }
    },
    ({ members, updated }) => ({
      entry: {
        action: transition.records,
        policy: policy.id,
        department: idOf(policy.department),
        fromStage: policy.stage,
        toStage: transition.to,
        reason: input.reason,
        members,
        details: {
          system: Boolean(options.system),
          ...(transition.to === 'scheduled' ? { releaseAt: workflow.scheduledReleaseAt } : {}),
          ...(transition.records === 'revise'
            ? { revision: { changeType: String(input.changeType), changeNote: input.changeNote?.trim() || null } }
            : {}),
          ...complianceDetails(policy, transition.to, workflow),
        },
      },
      subject: { policy: updated },
    }),
  ).then(({ updated }) => updated)
}

/**
 * The stage is written only by performAction. Any other write that changes it (a script, a hook, a
 * misguided Local API call) is refused, so the audit trail and the stored stage cannot drift apart.
 */
export function guardStageChange(req: PayloadRequest, original: Policy | undefined, next: Policy, context: Record<string, unknown>): void {
  const from = (original?.stage ?? 'drafting') as Stage
  const to = (next.stage ?? 'drafting') as Stage
  if (from === to || context.lifecycleAction) return
  throw new RuleViolation(req, {
    status: 409,
    rule: 'stage-transition',
    ruleName: RULE_NAMES.lifecycle,
    message: {
      en: `the stage of “${next.title}” changes only through the workflow actions (${stageLabel(from).en} → ${stageLabel(to).en} refused).`,
      zh: `《${next.title}》的流程状态只能通过流程操作变更（拒绝“${stageLabel(from).zh}”→“${stageLabel(to).zh}”）。`,
    },
    hint: { en: `Use POST /api/policies/${next.id}/workflow/<action>.`, zh: `请使用 POST /api/policies/${next.id}/workflow/<操作>。` },
    document: { collection: 'policies', id: next.id, title: next.title },
  })
}
