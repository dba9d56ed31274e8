import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import type { Policy } from '../../../payload-types'

import { appendAudit } from '../../../src/audit/auditTrail'
import { idOf } from '../../../src/ids'
import { enqueueWebhookEvent } from '../../../src/webhooks/events'

/** Drafting edits leave a trace too; workflow steps write their own, richer entries. */
export const auditPolicyChange: CollectionAfterChangeHook<Policy> = async ({ context, doc, operation, previousDoc, req }) => {
  if (context.lifecycleAction) return doc
  // The one change a released policy takes (有效/失效/废止) is news for the websites showing it.
  if (doc.stage === 'released' && previousDoc?.validity && previousDoc.validity !== doc.validity) {
    await enqueueWebhookEvent(req, 'updated', doc)
  }
  await appendAudit(req, {
    action: operation === 'create' ? 'policy-created' : 'policy-updated',
    policy: doc.id,
    details: { title: doc.title, documentNumber: doc.documentNumber ?? null, stage: doc.stage },
  })
  return doc
}

export const auditPolicyDeletion: CollectionAfterDeleteHook<Policy> = async ({ doc, req }) => {
  await appendAudit(req, {
    action: 'policy-deleted',
    policy: doc.id,
    policyDeleted: true,
    department: idOf(doc.department),
    details: { title: doc.title, documentNumber: doc.documentNumber ?? null },
  })
}
