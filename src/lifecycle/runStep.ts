import { commitTransaction, initTransaction, killTransaction, type PayloadRequest } from 'payload'

import { type AuditEntryInput, appendAudit } from '../audit/auditTrail'
import type { ReactionSubject } from '../events/reactions'

/** What a step records after its write: the audit entry and the documents its reactions are about. */
export type StepRecord = { entry: AuditEntryInput; subject?: ReactionSubject }

/**
 * The skeleton every step shares (package steps, supplements, interview record writes): one transaction where the
 * database has them → the write → the audit entry → its reactions (src/events/reactions.ts, run by appendAudit in
 * the same request) → commit, or roll back everything when any part throws. A step cut short where there are no
 * transactions is completed at start (src/audit/recoverSteps.ts).
 */
export async function runStep<T>(req: PayloadRequest, write: () => Promise<T>, record: (written: T) => null | StepRecord): Promise<T> {
  const shouldCommit = await initTransaction(req)
  try {
    const written = await write()
    const recorded = record(written)
    if (recorded) await appendAudit(req, recorded.entry, recorded.subject)
    if (shouldCommit) await commitTransaction(req)
    return written
  } catch (error) {
    if (shouldCommit) await killTransaction(req)
    throw error
  }
}
