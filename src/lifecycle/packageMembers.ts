import type { PayloadRequest } from 'payload'

import type { Id } from '../ids'
import { PACKAGE_MEMBERS } from './members'

/** Every member of a policy's package, per member collection (in the caller's transaction, access not applied). */
export async function findPackageMembers(req: PayloadRequest, policyId: Id) {
  const found = []
  for (const member of PACKAGE_MEMBERS) {
    const { docs } = await req.payload.find({
      collection: member.slug,
      where: { policy: { equals: policyId } },
      depth: 0,
      pagination: false,
      req,
    })
    found.push({ member, docs: docs as { id: Id }[] })
  }
  return found
}
