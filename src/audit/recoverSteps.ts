import { createLocalReq, type Payload } from 'payload'

import type { Policy } from '../../payload-types'

import { ACTIONS, complianceDetails, type PackageAction, RELEASE_QUEUE } from '../lifecycle/packageLifecycle'
import { findPackageMembers } from '../lifecycle/packageMembers'
import type { Stage } from '../lifecycle/stages'
import { enqueueWebhookEvent } from '../webhooks/events'
import { appendAudit } from './auditTrail'
import { reconcileStages } from './reconcileStages'

/** The step that leads to a stage, and the workflow field that holds when it was taken. */
const STEP_INTO: Partial<Record<Stage, { action: string; at?: keyof NonNullable<Policy['workflow']>; step: PackageAction }>> = {
  submitted: { action: 'submit', step: 'submit', at: 'submittedAt' },
  'confidentiality-passed': { action: 'approve', step: 'approve', at: 'confidentialityAt' },
  'content-passed': { action: 'approve', step: 'approve', at: 'contentAt' },
  drafting: { action: 'return', step: 'return', at: 'returnedAt' },
  signed: { action: 'sign', step: 'sign', at: 'signedAt' },
  scheduled: { action: 'schedule', step: 'release' },
  released: { action: 'release', step: 'release', at: 'releasedAt' },
  withdrawn: { action: 'withdraw', step: 'withdraw', at: 'withdrawnAt' },
}

export type RecoveredStep = { action: string; id: number | string; logged: string; stored: string }

/**
 * Without transactions (SQLite as Payload configures it, MongoDB without a replica set) a step is two writes: the
 * policy's stage, then its audit entry. A process killed between them leaves a package whose stage is ahead of its
 * trail: public (if released) but unrecorded, so no webhook, no cache invalidation on other instances, no search
 * update, no compliance figure. At start the server completes such steps: it appends the missing entry, marked
 * `details.recovered` with the step's own instant from the policy (`details.stepAt`), and does what the step would
 * have done next (webhook event, scheduled-release job). A stage behind its trail is only reported (audit:verify).
 */
export async function recoverUnloggedSteps(payload: Payload): Promise<RecoveredStep[]> {
  const recovered: RecoveredStep[] = []
  for (const mismatch of await reconcileStages(payload)) {
    const step = STEP_INTO[mismatch.stored as Stage]
    // Only a single step the lifecycle could have taken from the logged stage; anything else is tampering, for
    // audit:verify to report, not to paper over.
    if (!step || !ACTIONS[step.step].from.includes(mismatch.logged as Stage)) continue
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
    await appendAudit(req, {
      action: step.action,
      policy: policy.id,
      fromStage: mismatch.logged,
      toStage: policy.stage,
      reason: policy.stage === 'drafting' ? (workflow.returnReason ?? undefined) : policy.stage === 'withdrawn' ? (workflow.withdrawReason ?? undefined) : undefined,
      members,
      details: {
        system: true,
        recovered: true,
        stepAt: (step.at && (workflow[step.at] as null | string | undefined)) || null,
        ...(policy.stage === 'scheduled' ? { releaseAt: workflow.scheduledReleaseAt ?? null } : {}),
        ...complianceDetails(policy, policy.stage as Stage, workflow),
      },
    })
    if (policy.stage === 'released' || policy.stage === 'withdrawn') await enqueueWebhookEvent(req, policy.stage, policy)
    if (policy.stage === 'scheduled' && workflow.scheduledReleaseAt) {
      // The release job releases only if the package is still scheduled for that instant, so a duplicate is harmless.
      await payload.jobs.queue({
        task: 'releaseScheduledPackage',
        queue: RELEASE_QUEUE,
        input: { policy: String(policy.id), releaseAt: workflow.scheduledReleaseAt },
        waitUntil: new Date(workflow.scheduledReleaseAt),
        req,
      })
    }
    recovered.push({ action: step.action, id: policy.id, logged: mismatch.logged, stored: policy.stage })
    payload.logger.warn(`Recovered an unlogged step: policy ${policy.id} ${mismatch.logged} → ${policy.stage} (${step.action})`)
  }
  return recovered
}
