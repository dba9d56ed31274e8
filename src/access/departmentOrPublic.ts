import type { Access, Where } from 'payload'

import { isAdminUser } from '../roles'
import { userDepartment } from './userDepartment'

/**
 * Read access for department-owned documents: admins read everything, other users their own department's
 * documents plus whatever is public, anonymous readers only what is public.
 */
export const departmentOrPublic =
  (publicWhere: (() => Where) | Where): Access =>
  ({ req }) => {
    if (isAdminUser(req.user)) return true
    const publicPart = typeof publicWhere === 'function' ? publicWhere() : publicWhere
    const department = userDepartment(req)
    if (!req.user || department === undefined) return publicPart
    return { or: [{ department: { equals: department } }, publicPart] }
  }
