import type { CollectionBeforeChangeHook, CollectionBeforeDeleteHook } from 'payload'

import type { Interpretation } from '../../../payload-types'

import { assertMemberDeletable, memberWriteMarking } from '../../../src/lifecycle/memberLock'

/** A member moves with its package; after release new ones are supplementary (see memberLock). */
export const lockMembers: CollectionBeforeChangeHook<Interpretation> = async ({ context, data, operation, originalDoc, req }) => ({
  ...data,
  ...(await memberWriteMarking(req, operation, data, originalDoc, context)),
})

export const lockMemberDeletion: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const doc = await req.payload.findByID({ collection: 'interpretations', id, depth: 0, req })
  await assertMemberDeletable(req, doc)
}
