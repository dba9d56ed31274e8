import type { CollectionBeforeChangeHook } from 'payload'

/** The account created on an empty system (the admin panel's first-user screen) must be able to administer it. */
export const firstUserIsAdmin: CollectionBeforeChangeHook = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  const { totalDocs } = await req.payload.count({ collection: 'users', req })
  return totalDocs === 0 ? { ...data, roles: ['admin'] } : data
}
