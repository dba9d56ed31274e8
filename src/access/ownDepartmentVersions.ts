import type { Access } from 'payload'

import { isAdminUser } from '../roles'
import { userDepartment } from './userDepartment'

/**
 * Version history (every draft as it was saved): admins, and the document's own department. Without it Payload
 * lets any signed-in user read every version, so another department (or an evaluator) would read drafts through
 * GET /api/<slug>/versions. Versions keep the document's fields under `version.`.
 */
export const ownDepartmentVersions: Access = ({ req }) => {
  if (isAdminUser(req.user)) return true
  const department = userDepartment(req)
  if (!req.user || department === undefined) return false
  return { 'version.department': { equals: department } }
}
