import type { PayloadRequest } from 'payload'

import type { Interview, Policy } from '../../../payload-types'
import type { AuditDetails, InterviewAuditAction } from '../../events/actions'

import { type Id, idOf } from '../../ids'
import { packageLocked } from '../../lifecycle/locks'
import { runStep } from '../../lifecycle/runStep'

/**
 * How a live interview coexists with the package lock (三同步).
 *
 * The interview's core — title, topic, host, guests, schedule, policy links — is a package member like any other:
 * drafted with the policy, frozen from submission, released with it. Its *record* — status, transcript segments,
 * public questions and their moderation, photos — is by nature written while the interview happens, which is
 * usually after the policy is out. So the record (and only the record) may be written through the interview
 * endpoints while the member is
 *   - editable anyway (package in drafting, or a supplementary interview still in drafting), or
 *   - public (released with its package, or released as a supplement): a live broadcast is published as it is
 *     spoken, by the department's editors, and every write is in the audit trail;
 * and never while the package is under review, signed, scheduled or withdrawn (what reviewers see must not move
 * under them; a withdrawn package stays withdrawn). Once the interview has ended the record is closed too.
 */

export type InterviewDoc = {
  department?: unknown
  id: Id
  policy?: unknown
  supplement?: null | { stage?: null | string }
  supplementary?: boolean | null
  title?: string
}

export type RecordWindow = 'editable' | 'public'

export async function recordWindow(req: PayloadRequest, doc: InterviewDoc): Promise<{ policy: Policy; window: RecordWindow }> {
  const policy = (await req.payload.findByID({ collection: 'policies', id: idOf(doc.policy)!, depth: 0, req })) as Policy
  const supplementStage = doc.supplement?.stage ?? 'drafting'
  if (policy.stage === 'drafting' || (policy.stage === 'released' && doc.supplementary && supplementStage === 'drafting')) {
    return { policy, window: 'editable' }
  }
  if (policy.stage === 'released' && (!doc.supplementary || supplementStage === 'released')) return { policy, window: 'public' }
  throw packageLocked(req, policy, `《${doc.title}》`)
}

/** Context of record writes: the lifecycle's own seam past the member lock (see packageMember / memberLock). */
export const LIVE_RECORD_CONTEXT = { supplementAction: 'live-record', liveRecord: true } as const

/** Record writes of one interview run one at a time in this process (read-modify-write of arrays). */
const queues = new Map<string, Promise<unknown>>()
export function serialised<T>(id: Id, fn: () => Promise<T>): Promise<T> {
  const key = String(id)
  const previous = queues.get(key) ?? Promise.resolve()
  const run = previous.catch(() => undefined).then(fn)
  const settled = run.catch(() => undefined)
  queues.set(key, settled)
  void settled.then(() => {
    if (queues.get(key) === settled) queues.delete(key)
  })
  return run
}

/** The audit entry of a record write: the action and its details (the interview's title among them). */
export type RecordAudit = { [K in InterviewAuditAction]: { action: K; details: AuditDetails[K] } }[InterviewAuditAction]

/**
 * Writes record fields of an interview (never its core: see guardRecordWrite) and appends the audit entry, in
 * one transaction where the database has them (runStep).
 */
export async function writeRecord(req: PayloadRequest, doc: InterviewDoc, data: Record<string, unknown>, audit: null | RecordAudit): Promise<Interview> {
  const { policy } = await recordWindow(req, doc)
  return runStep(
    req,
    () =>
      req.payload.update({
        collection: 'interviews',
        id: doc.id,
        data,
        depth: 0,
        overrideAccess: true,
        user: req.user ?? undefined,
        req,
        context: { ...LIVE_RECORD_CONTEXT },
      }),
    () =>
      audit && {
        entry: {
          ...audit,
          policy: policy.id,
          department: idOf(doc.department),
          members: [{ collection: 'interviews', id: doc.id }],
        },
      },
  )
}
