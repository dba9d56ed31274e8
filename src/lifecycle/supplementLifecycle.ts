import type { PayloadRequest } from 'payload'

import type { Policy } from '../../payload-types'
import type { AuditAction } from '../events/actions'

import { L } from '../i18n'
import { type Id, idOf } from '../ids'
import { RULE_NAMES, RuleViolation } from '../rules/errors'
import { type StepSpec, stepRefusal } from './actorRules'
import type { MemberSlug } from './members'
import { runStep } from './runStep'
import { SUPPLEMENT_STAGES, type SupplementStage } from './stages'

export const SUPPLEMENT_ACTIONS = ['submit', 'approve', 'return', 'release'] as const
export type SupplementAction = (typeof SUPPLEMENT_ACTIONS)[number]

/** The supplement's steps: from → to, who, and the audit action each records. */
const STEPS: Record<
  SupplementAction,
  StepSpec & { from: SupplementStage[]; records: Extract<AuditAction, `supplement-${string}`>; to: SupplementStage }
> = {
  submit: {
    label: L('提交补充解读', 'Submit supplement'),
    from: ['drafting'],
    roles: ['drafter'],
    to: 'submitted',
    records: 'supplement-submit',
  },
  approve: {
    label: L('审核补充解读', 'Approve supplement'),
    from: ['submitted'],
    roles: ['reviewer'],
    notBySubmitter: true,
    to: 'approved',
    records: 'supplement-approve',
  },
  return: {
    label: L('退回补充解读', 'Return supplement'),
    from: ['submitted', 'approved'],
    roles: ['reviewer', 'signer'],
    reasonRequired: true,
    to: 'drafting',
    records: 'supplement-return',
  },
  release: {
    label: L('发布补充解读', 'Release supplement'),
    from: ['approved'],
    roles: ['signer'],
    notBySubmitter: true,
    to: 'released',
    records: 'supplement-release',
  },
}

const supplementStageLabel = (s: string) => SUPPLEMENT_STAGES.find((x) => x.value === s)?.label ?? L(s, s)

/**
 * A supplementary interpretation (补充解读: a later media interpretation, a new interview…) added after its
 * package was released goes through its own review and release. The package's release record is untouched.
 */
export async function performSupplementAction(
  req: PayloadRequest,
  slug: MemberSlug,
  interpretationId: Id,
  action: SupplementAction,
  input: { reason?: string } = {},
): Promise<object> {
  const doc = await req.payload
    .findByID({ collection: slug, id: interpretationId, depth: 0, overrideAccess: false, user: req.user, req })
    .catch(() => null)
  const document = { collection: slug, id: interpretationId, title: doc?.title }
  if (!doc || !doc.supplementary) {
    throw new RuleViolation(req, {
      status: doc ? 409 : 404,
      rule: 'stage-transition',
      ruleName: RULE_NAMES.lifecycle,
      message: doc
        ? {
            en: `“${doc.title}” is part of its package and moves with it.`,
            zh: `《${doc.title}》属于文件包的组成部分，随政策文件一同审签发布。`,
          }
        : {
            en: `interpretation ${interpretationId} was not found or is not yours to see.`,
            zh: `未找到解读材料（${interpretationId}），或您无权查看。`,
          },
      hint: doc
        ? { en: 'Use the policy’s workflow actions.', zh: '请在政策文件上办理流程。' }
        : { en: 'Check the id.', zh: '请核对编号。' },
      document,
    })
  }
  const step = STEPS[action]
  const stage = doc.supplement?.stage ?? 'drafting'
  const refused = stepRefusal(req, step, {
    department: doc.department,
    document,
    reason: input.reason,
    stage,
    stageLabel: supplementStageLabel,
    submittedBy: doc.supplement?.submittedBy,
  })
  if (refused) throw refused
  const policy = (await req.payload.findByID({ collection: 'policies', id: idOf(doc.policy)!, depth: 0, req })) as Policy
  if (action === 'release' && policy.stage !== 'released') {
    throw new RuleViolation(req, {
      status: 409,
      rule: 'stage-transition',
      ruleName: RULE_NAMES.lifecycle,
      message: { en: `its policy “${policy.title}” is not released.`, zh: `其政策文件《${policy.title}》未处于发布状态。` },
      hint: { en: 'A supplement is released only while its policy is.', zh: '补充解读只能在政策文件发布期间发布。' },
      document: { collection: 'policies', id: policy.id, title: policy.title },
    })
  }
  const now = new Date().toISOString()
  // Ids are numbers on SQLite and ObjectId strings on MongoDB; the generated types know only the SQLite form.
  const me = req.user ? (req.user.id as number) : null
  const supplement = {
    ...(doc.supplement ?? {}),
    stage: step.to,
    ...(action === 'submit' ? { submittedBy: me, submittedAt: now } : {}),
    ...(action === 'approve' ? { approvedBy: me, approvedAt: now } : {}),
    ...(action === 'release' ? { releasedBy: me, releasedAt: now } : {}),
    ...(action === 'return' ? { submittedBy: null, approvedBy: null, returnReason: input.reason } : {}),
  }
  return runStep(
    req,
    () =>
      req.payload.update({
        collection: slug,
        id: doc.id,
        data: { supplement },
        depth: 0,
        overrideAccess: true,
        req,
        context: { supplementAction: action },
      }),
    () => ({
      entry: {
        action: step.records,
        policy: policy.id,
        department: idOf(doc.department),
        fromStage: stage,
        toStage: step.to,
        reason: input.reason,
        members: [{ collection: slug, id: doc.id }],
      },
      subject: { policy },
    }),
  )
}
