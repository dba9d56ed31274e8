import { createLocalReq, type Payload } from 'payload'

import { complianceDetails } from '../lifecycle/packageLifecycle'
import { findPackageMembers } from '../lifecycle/packageMembers'
import type { Stage } from '../lifecycle/stages'
import { transitionBetween } from '../lifecycle/steps'
import { appendAudit } from './auditTrail'
import { reconcileStages } from './reconcileStages'

export type RecoveredStep = { action: string; id: number | string; logged: string; stored: string }

/**
 * Without transactions (SQLite as Payload configures it, MongoDB without a replica set) a step is two writes: the
 * policy's stage, then its audit entry. A process killed between them leaves a package whose stage is ahead of its
 * trail: public (if released) but unrecorded, so no webhook, no cache invalidation on other instances, no search
 * update, no compliance figure. At start the server completes such steps: it appends the missing entry, marked
 * `details.recovered` with the step's own instant from the policy (`details.stepAt`), and its reactions do what the
 * step would have done next (webhook event, scheduled-release job). A stage behind its trail is only reported
 * (audit:verify).
 */
export async function recoverUnloggedSteps(payload: Payload): Promise<RecoveredStep[]> {
  const recovered: RecoveredStep[] = []
  for (const mismatch of await reconcileStages(payload)) {
    // Only a single step of the table (src/lifecycle/steps.ts) from the logged stage to the stored one; anything else
    // is tampering, for audit:verify to report, not to paper over.
    const step = transitionBetween(mismatch.logged as Stage, mismatch.stored as Stage)
    if (!step) continue
    // A policy the trail does not name at all (ids it cannot match, e.g. after restoring MongoDB ids into SQLite)
    // is not one whose step was cut short.
    const named = await payload.count({ collection: 'audit-log', where: { policy: { equals: mismatch.id } }, overrideAccess: true })
    if (named.totalDocs === 0) continue
    const req = await createLocalReq({}, payload)
    const policy = await payload.findByID({ collection: 'policies', id: mismatch.id, depth: 0, overrideAccess: true, req })
    const workflow = policy.workflow ?? {}
    const members = (await findPackageMembers(req, policy.id)).flatMap(({ docs, member }) =>
      docs.map((d) => ({ collection: member.slug, id: d.id })),
    )
    await appendAudit(
      req,
      {
        action: step.records,
        policy: policy.id,
        fromStage: mismatch.logged,
        toStage: policy.stage,
        reason:
          policy.stage === 'drafting'
            ? (workflow.returnReason ?? undefined)
            : policy.stage === 'withdrawn'
              ? (workflow.withdrawReason ?? undefined)
              : undefined,
        members,
        details: {
          system: true,
          recovered: true,
          stepAt: (step.stampedAt && (workflow[step.stampedAt] as null | string | undefined)) || null,
          ...(policy.stage === 'scheduled' ? { releaseAt: workflow.scheduledReleaseAt ?? null } : {}),
          ...complianceDetails(policy, policy.stage, workflow),
        },
      },
      { policy },
    )
    recovered.push({ action: step.records, id: policy.id, logged: mismatch.logged, stored: policy.stage })
    payload.logger.warn(`Recovered an unlogged step: policy ${policy.id} ${mismatch.logged} → ${policy.stage} (${step.records})`)
  }
  return recovered
}
