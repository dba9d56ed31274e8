import type { Access, FieldAccess } from 'payload'

import { isAdminUser } from '../roles'

export const adminOnly: Access = ({ req }) => isAdminUser(req.user)

export const adminOnlyField: FieldAccess = ({ req }) => isAdminUser(req.user)
