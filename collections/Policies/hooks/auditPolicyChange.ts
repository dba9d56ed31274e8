import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import type { Policy } from '../../../payload-types'

import { appendAudit } from '../../../src/audit/auditTrail'
import { idOf } from '../../../src/ids'

/** Drafting edits leave a trace too; workflow steps write their own, richer entries. */
export const auditPolicyChange: CollectionAfterChangeHook<Policy> = async ({ context, doc, operation, previousDoc, req }) => {
  // Steps and the validity job record their own, richer entries.
  if (context.lifecycleAction || context.validityJob) return doc
  // A validity change of a released policy is announced by the webhooks reaction (src/events/reactions.ts).
  await appendAudit(
    req,
    {
      action: operation === 'create' ? 'policy-created' : 'policy-updated',
      policy: doc.id,
      details: { title: doc.title, documentNumber: doc.documentNumber ?? null, stage: doc.stage },
    },
    { policy: doc, previous: previousDoc },
  )
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
