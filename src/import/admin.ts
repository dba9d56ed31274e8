import type { Payload } from 'payload'

import type { User } from '../../payload-types'

import { isAdminUser } from '../roles'

/** The admin an import runs as (the audit entries name them): the one given by email, else the first admin. */
export async function importAdmin(payload: Payload, email?: string): Promise<User> {
  const { docs } = await payload.find({
    collection: 'users',
    where: email ? { email: { equals: email } } : {},
    limit: email ? 1 : 100,
    depth: 0,
    overrideAccess: true,
  })
  const admin = docs.find((u) => isAdminUser(u))
  if (!admin) throw new Error(email ? `${email} is not an admin user` : 'no admin user: create one first (the import runs as an admin)')
  return { ...admin, collection: 'users' } as User
}
