import type { RelationshipField } from 'payload'

import { adminOnlyField } from '../access/adminOnly'
import { L } from '../i18n'
import { idOf } from '../ids'
import { existingRelation } from './existingRelation'

/**
 * The owning (drafting) department of a document. Defaults to the author's department and cannot be moved
 * to another department afterwards except by an admin.
 */
export const departmentField = (overrides: Partial<RelationshipField> = {}): RelationshipField =>
  ({
    name: 'department',
    type: 'relationship',
    relationTo: 'departments',
    required: true,
    index: true,
    label: L('起草部门', 'Drafting department'),
    defaultValue: ({ user }: { user?: { department?: unknown } | null }) => idOf(user?.department) ?? undefined,
    access: { update: adminOnlyField },
    admin: { position: 'sidebar' },
    validate: existingRelation(L('部门', 'department')),
    ...overrides,
  }) as RelationshipField
