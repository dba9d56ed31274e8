import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import type { Interpretation } from '../../../payload-types'

import { appendAudit } from '../../../src/audit/auditTrail'
import { idOf } from '../../../src/ids'

/** Every change to a package member leaves a trace (处处留痕); workflow steps write their own entries. */
export const auditMemberChange: CollectionAfterChangeHook<Interpretation> = async ({ context, doc, operation, req }) => {
  if (context.supplementAction) return doc
  await appendAudit(req, {
    action: operation === 'create' ? 'member-created' : 'member-updated',
    policy: idOf(doc.policy as never),
    department: idOf(doc.department as never),
    members: [{ collection: 'interpretations', id: doc.id }],
    details: { title: doc.title, form: doc.form, supplementary: Boolean(doc.supplementary) },
  })
  return doc
}

export const auditMemberDeletion: CollectionAfterDeleteHook<Interpretation> = async ({ doc, req }) => {
  await appendAudit(req, {
    action: 'member-deleted',
    policy: idOf(doc.policy as never),
    department: idOf(doc.department as never),
    members: [{ collection: 'interpretations', id: doc.id }],
    details: { title: doc.title, form: doc.form },
  })
}
