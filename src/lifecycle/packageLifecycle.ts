import { commitTransaction, initTransaction, killTransaction, type PayloadRequest } from 'payload'

import type { Policy } from '../../payload-types'

import { appendAudit } from '../audit/auditTrail'
import { L } from '../i18n'
import { type Id, idOf } from '../ids'
import { assertReadyToLeaveDrafting, packageReadiness } from '../rules/doubleAssociation'
import { RULE_NAMES, RuleViolation } from '../rules/errors'
import { isOverdue, releaseDeadline } from '../rules/releaseClock'
import { enqueueWebhookEvent } from '../webhooks/events'
import { type StepSpec, stepRefusal } from './actorRules'
import { findPackageMembers } from './packageMembers'
import { type Stage, stageLabel } from './stages'

export const PACKAGE_ACTIONS = ['submit', 'approve', 'return', 'sign', 'release', 'withdraw'] as const
export type PackageAction = (typeof PACKAGE_ACTIONS)[number]

export type ActionInput = { documentNumber?: string; reason?: string; releaseAt?: string }

type Workflow = NonNullable<Policy['workflow']>

type Ctx = { input: ActionInput; now: Date; policy: Policy; req: PayloadRequest }

type ActionSpec = StepSpec & {
  from: Stage[]
  /** Throws a RuleViolation when the package may not take this step. */
  guard?: (ctx: Ctx) => Promise<void>
  /** The new stage and what to record. */
  apply: (ctx: Ctx) => { data?: Partial<Policy>; stage: Stage; workflow: Partial<Workflow> }
}

const uid = (req: PayloadRequest) => (req.user ? (req.user.id as never) : null)

/** Queue name of scheduled releases; the admin server's job runner polls it every minute. */
export const RELEASE_QUEUE = 'releases'

/**
 * 三同步 as one table: every step of the package lifecycle, who may take it, from where, and what it
 * records. Endpoints, the admin panel and the release job all go through `performAction`.
 */
export const ACTIONS: Record<PackageAction, ActionSpec> = {
  submit: {
    label: L('提交审核', 'Submit for review'),
    from: ['drafting'],
    roles: ['drafter'],
    guard: ({ policy, req }) => assertReadyToLeaveDrafting(req, policy),
    apply: ({ now, req }) => ({
      stage: 'submitted',
      workflow: { submittedBy: uid(req), submittedAt: now.toISOString() },
    }),
  },
  approve: {
    label: L('审核通过', 'Approve'),
    from: ['submitted', 'confidentiality-passed'],
    roles: ['reviewer'],
    notBySubmitter: true,
    apply: ({ now, policy, req }) =>
      policy.stage === 'submitted'
        ? { stage: 'confidentiality-passed', workflow: { confidentialityBy: uid(req), confidentialityAt: now.toISOString() } }
        : { stage: 'content-passed', workflow: { contentBy: uid(req), contentAt: now.toISOString() } },
  },
  return: {
    label: L('退回修改', 'Return to drafting'),
    from: ['submitted', 'confidentiality-passed', 'content-passed', 'signed', 'scheduled'],
    roles: ['reviewer', 'signer'],
    reasonRequired: true,
    // Approvals and signature belong to the version that was approved: a returned package starts over.
    apply: ({ input, now, req }) => ({
      stage: 'drafting',
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
  },
  sign: {
    label: L('签发', 'Sign off'),
    from: ['content-passed'],
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
    },
    apply: ({ input, now, policy, req }) => ({
      stage: 'signed',
      data: input.documentNumber ? { documentNumber: input.documentNumber } : undefined,
      workflow: {
        signedBy: uid(req),
        signedAt: now.toISOString(),
        releaseDeadline: policy.disclosure === 'proactive' ? releaseDeadline(now).toISOString() : null,
      },
    }),
  },
  release: {
    label: L('发布', 'Release'),
    from: ['signed', 'scheduled'],
    roles: ['signer'],
    guard: async ({ input, now, req }) => {
      if (input.releaseAt !== undefined && Number.isNaN(new Date(input.releaseAt).getTime())) {
        throw new RuleViolation(req, {
          status: 400,
          rule: 'release-time',
          ruleName: RULE_NAMES.lifecycle,
          message: { en: `“${input.releaseAt}” is not a date and time.`, zh: `“${input.releaseAt}”不是有效的日期时间。` },
          hint: { en: 'Give releaseAt as ISO 8601, e.g. 2026-12-01T09:00:00+08:00, or omit it to release now.', zh: '定时发布时间请使用 ISO 8601 格式（如 2026-12-01T09:00:00+08:00），立即发布则不填。' },
        })
      }
      void now
    },
    apply: ({ input, now, req }) => {
      const at = input.releaseAt ? new Date(input.releaseAt) : null
      if (at && at.getTime() > now.getTime()) {
        return { stage: 'scheduled', workflow: { scheduledReleaseAt: at.toISOString() } }
      }
      return { stage: 'released', workflow: { releasedBy: uid(req), releasedAt: now.toISOString(), scheduledReleaseAt: null } }
    },
  },
  withdraw: {
    label: L('撤回', 'Withdraw'),
    from: ['released'],
    roles: ['signer'],
    reasonRequired: true,
    apply: ({ input, now, req }) => ({
      stage: 'withdrawn',
      workflow: { withdrawnBy: uid(req), withdrawnAt: now.toISOString(), withdrawReason: input.reason },
    }),
  },
}

/** Why the caller may not take `action` now, or null when they may. Pure: reads nothing but its arguments. */
export function refusal(
  req: PayloadRequest,
  policy: Policy,
  action: PackageAction,
  input: ActionInput = {},
): null | RuleViolation {
  return stepRefusal(req, ACTIONS[action], {
    department: policy.department as never,
    document: { collection: 'policies', id: policy.id, title: policy.title },
    reason: input.reason,
    stage: policy.stage,
    stageLabel,
    submittedBy: policy.workflow?.submittedBy as never,
  })
}

/** The caller's possible next steps, with whatever currently blocks each (for the admin panel and scripts). */
export async function workflowState(req: PayloadRequest, policy: Policy) {
  const problems = policy.stage === 'drafting' ? await packageReadiness(req, policy) : []
  const actions = PACKAGE_ACTIONS.map((action) => {
    const blocked = refusal(req, policy, action, { reason: 'x' })
    return { action, label: ACTIONS[action].label, allowed: !blocked, reasonRequired: Boolean(ACTIONS[action].reasonRequired), blockedBy: blocked?.data }
  })
  const deadline = policy.workflow?.releaseDeadline
  return {
    stage: policy.stage,
    stageLabel: stageLabel(policy.stage),
    workflow: policy.workflow ?? {},
    releaseDeadline: deadline ?? null,
    overdue: ['signed', 'scheduled'].includes(policy.stage) && isOverdue(deadline),
    problems,
    actions,
  }
}

/**
 * What the compliance report (src/compliance/report.ts) needs from a step, recorded in the audit entry so that
 * its figures come from the trail alone, not from fields that change later: disclosure and deadline at
 * signing; disclosure and exemptions (with their reasons) at scheduling and release.
 */
export function complianceDetails(policy: Policy, stage: Stage, workflow: Partial<Workflow>): Record<string, unknown> {
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
      hint: { en: 'Sign in as the reviewer, signer or drafter of the drafting department.', zh: '请以起草部门的起草人、审核人或签发人身份登录。' },
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
  const ctx: Ctx = { input, now, policy, req }
  await ACTIONS[action].guard?.(ctx)
  const { data, stage, workflow } = ACTIONS[action].apply(ctx)

  const shouldCommit = await initTransaction(req)
  try {
    const updated = await req.payload.update({
      collection: 'policies',
      id: policy.id,
      data: { ...data, stage, workflow: { ...(policy.workflow ?? {}), ...workflow } },
      depth: 0,
      overrideAccess: true,
      req,
      context: { lifecycleAction: action },
    })
    const members = (await findPackageMembers(req, policy.id)).flatMap(({ docs, member }) =>
      docs.map((d) => ({ collection: member.slug, id: d.id })),
    )
    await appendAudit(req, {
      action: stage === 'scheduled' ? 'schedule' : action,
      policy: policy.id,
      department: idOf(policy.department),
      fromStage: policy.stage,
      toStage: stage,
      reason: input.reason,
      members,
      details: {
        system: Boolean(options.system),
        ...(stage === 'scheduled' ? { releaseAt: workflow.scheduledReleaseAt } : {}),
        ...complianceDetails(policy, stage, workflow),
      },
    })
    if (stage === 'released' || stage === 'withdrawn') {
      await enqueueWebhookEvent(req, stage, updated)
    }
    if (stage === 'scheduled') {
      await req.payload.jobs.queue({
        task: 'releaseScheduledPackage',
        queue: RELEASE_QUEUE,
        input: { policy: String(policy.id), releaseAt: workflow.scheduledReleaseAt! },
        waitUntil: new Date(workflow.scheduledReleaseAt!),
        req,
      })
    }
    if (shouldCommit) await commitTransaction(req)
    return updated
  } catch (error) {
    if (shouldCommit) await killTransaction(req)
    throw error
  }
}

/**
 * The stage is written only by performAction. Any other write that changes it (a script, a hook, a
 * misguided Local API call) is refused, so the audit trail and the stored stage cannot drift apart.
 */
export function guardStageChange(
  req: PayloadRequest,
  original: Policy | undefined,
  next: Policy,
  context: Record<string, unknown>,
): void {
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
