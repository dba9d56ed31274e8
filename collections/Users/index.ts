import type { CollectionConfig } from 'payload'

import { adminOnly, adminOnlyField } from '../../src/access/adminOnly'
import { selfOrAdmin } from '../../src/access/selfOrAdmin'
import { GROUPS } from '../../src/groups'
import { L } from '../../src/i18n'
import { ROLES } from '../../src/roles'
import { existingRelation } from '../../src/fields/existingRelation'
import { firstUserIsAdmin } from './hooks/firstUserIsAdmin'

export const Users: CollectionConfig<'users'> = {
  slug: 'users',
  labels: { singular: L('用户', 'User'), plural: L('用户', 'Users') },
  auth: {
    maxLoginAttempts: 5,
    lockTime: 10 * 60 * 1000,
    cookies: { secure: process.env.NODE_ENV === 'production' && process.env.INSECURE_COOKIES !== 'true', sameSite: 'Lax' },
  },
  admin: {
    group: GROUPS.organisation,
    useAsTitle: 'email',
    defaultColumns: ['name', 'email', 'roles', 'department'],
  },
  access: { read: selfOrAdmin, create: adminOnly, update: selfOrAdmin, delete: adminOnly, unlock: adminOnly },
  hooks: { beforeChange: [firstUserIsAdmin] },
  fields: [
    { name: 'name', type: 'text', label: L('姓名', 'Name') },
    {
      name: 'roles',
      type: 'select',
      hasMany: true,
      required: true,
      defaultValue: ['viewer'],
      label: L('角色', 'Roles'),
      options: ROLES.map((r) => ({ ...r })),
      access: { create: adminOnlyField, update: adminOnlyField },
      saveToJWT: true,
    },
    {
      name: 'department',
      type: 'relationship',
      relationTo: 'departments',
      validate: existingRelation(L('部门', 'department')),
      label: L('所属部门', 'Department'),
      access: { create: adminOnlyField, update: adminOnlyField },
      saveToJWT: true,
      admin: {
        description: L(
          '起草、审核、签发、编辑只能办理本部门的文件',
          'Drafters, reviewers, signers and editors act only for this department',
        ),
      },
    },
  ],
}
