/**
 * What happens after an audit entry is appended, in one list (as Whitehall's edition_services initializer does).
 *
 * Two kinds of reaction:
 * - `inline`: runs in the step's request and transaction right after the entry is written (appendAudit calls
 *   `react`), so a step that fails sends nothing: webhooks, the scheduled-release job, public-cache invalidation.
 * - `follows`: reads the trail later, by seq, and needs no call; the registry names the actions it follows so that
 *   nobody keeps a private list: search catch-up, the compliance replay, stage reconciliation and start-up recovery.
 *
 * Each reaction's internals live with its subsystem behind one function taking the typed entry.
 */
import type { PayloadRequest } from 'payload'

import type { Policy } from '../../payload-types'
import type { TypedAuditEntry } from '../audit/auditTrail'

import { publicCacheAfterAudit } from '../api/publicCache'
import { searchEffect } from '../search/effect'
import { enqueueWebhookEvent } from '../webhooks/events'
import { type AuditAction, actionsWhere } from './actions'

/** The documents the entry is about, as the step left them (what webhooks announce). */
export type ReactionSubject = { policy?: Policy; previous?: Policy }

export type ReactionContext = { entry: TypedAuditEntry; req: PayloadRequest; subject: ReactionSubject }

/** Queue name of scheduled releases; the admin server's job runner polls it every minute. */
export const RELEASE_QUEUE = 'releases'

type Inline = { kind: 'inline'; name: string; run: (ctx: ReactionContext) => Promise<void> | void }
type Follows = { kind: 'follows'; name: string; on: readonly AuditAction[]; where: string }

/** Webhook events: released / withdrawn packages, and news about a released one (supplement, validity, expiry). */
async function webhooks({ entry, req, subject: { policy, previous } }: ReactionContext): Promise<void> {
  if (!policy) return
  switch (entry.action) {
    case 'release':
    case 'withdraw':
      if (policy.stage === 'released' || policy.stage === 'withdrawn') await enqueueWebhookEvent(req, policy.stage, policy)
      return
    case 'supplement-release':
      await enqueueWebhookEvent(req, 'updated', policy)
      return
    case 'policy-expired':
      if (policy.stage === 'released') await enqueueWebhookEvent(req, 'updated', policy)
      return
    case 'policy-updated':
      // The one change a released policy takes (有效/失效/废止) is news for the websites showing it.
      if (policy.stage === 'released' && previous?.validity && previous.validity !== policy.validity)
        await enqueueWebhookEvent(req, 'updated', policy)
      return
  }
}

/** A scheduled release (定时发布) is a job in Payload's queue, so it survives restarts. */
async function releaseJob({ entry, req, subject: { policy } }: ReactionContext): Promise<void> {
  if (entry.action !== 'schedule' || !policy || !entry.details?.releaseAt) return
  // The release job releases only if the package is still scheduled for that instant, so a duplicate is harmless.
  await req.payload.jobs.queue({
    task: 'releaseScheduledPackage',
    queue: RELEASE_QUEUE,
    input: { policy: String(policy.id), releaseAt: entry.details.releaseAt },
    waitUntil: new Date(entry.details.releaseAt),
    req,
  })
}

export const REACTIONS: readonly (Follows | Inline)[] = [
  { kind: 'inline', name: 'webhooks', run: webhooks },
  { kind: 'inline', name: 'release-job', run: releaseJob },
  {
    kind: 'inline',
    name: 'public-cache',
    // initTransaction leaves a Promise of null on req where the adapter has no transactions: then the entry is committed.
    run: async ({ entry, req }) =>
      publicCacheAfterAudit(entry, { committed: !(req.transactionID instanceof Promise ? await req.transactionID : req.transactionID) }),
  },
  {
    kind: 'follows',
    name: 'search',
    on: actionsWhere(() => true).filter((action) => searchEffect(action) !== null),
    where: 'src/search/service.ts (catch-up by seq; searchEffect decides per entry)',
  },
  { kind: 'follows', name: 'compliance', on: actionsWhere((t) => t.workflow), where: 'src/compliance/report.ts (replay of the trail)' },
  { kind: 'follows', name: 'recovery', on: actionsWhere((t) => t.stage), where: 'src/audit/reconcileStages.ts, src/audit/recoverSteps.ts' },
]

/** The actions a following reaction reads. */
export const followedBy = (name: string): readonly AuditAction[] => {
  const reaction = REACTIONS.find((r): r is Follows => r.kind === 'follows' && r.name === name)
  if (!reaction) throw new Error(`no following reaction named ${name}`)
  return reaction.on
}

/** Runs the inline reactions to a just-appended entry, in order, in the caller's request. */
export async function react(req: PayloadRequest, entry: TypedAuditEntry, subject: ReactionSubject = {}): Promise<void> {
  for (const reaction of REACTIONS) if (reaction.kind === 'inline') await reaction.run({ entry, req, subject })
}
