import type { Access } from 'payload'

import { isAdminUser } from '../roles'

/** Users see and edit their own account; admins all accounts. */
export const selfOrAdmin: Access = ({ req }) => {
  if (!req.user) return false
  if (isAdminUser(req.user)) return true
  return { id: { equals: req.user.id } }
}
