import type { Access, Where } from 'payload'

import { hasRole, isAdminUser, type Role } from '../roles'
import { userDepartment } from './userDepartment'

/**
 * Write access (update / delete) for department-owned documents: admins everywhere; the given roles only on
 * their own department's documents, further narrowed by `extra` (e.g. only while still in drafting).
 */
export const ownDepartment =
  (roles: Role[], extra?: Where): Access =>
  ({ req }) => {
    if (isAdminUser(req.user)) return true
    const department = userDepartment(req)
    if (!hasRole(req.user, ...roles) || department === undefined) return false
    const scope: Where = { department: { equals: department } }
    return extra ? { and: [scope, extra] } : scope
  }

/**
 * Create access: the role is checked here; the department of the new document is checked after it is
 * derived (see enforceDepartmentScope), because interpretations take theirs from their policy.
 */
export const createInOwnDepartment =
  (roles: Role[]): Access =>
  ({ req }) =>
    isAdminUser(req.user) || (hasRole(req.user, ...roles) && userDepartment(req) !== undefined)
