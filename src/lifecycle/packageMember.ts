import type {
  Access,
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeChangeHook,
  CollectionBeforeDeleteHook,
  CollectionConfig,
  Field,
  RelationshipField,
} from 'payload'

import { departmentOrPublic } from '../access/departmentOrPublic'
import { publiclyVisible } from '../access/publiclyVisible'
import { appendAudit } from '../audit/auditTrail'
import { departmentField } from '../fields/department'
import { enforceDepartmentScope } from '../hooks/enforceDepartmentScope'
import { type Bilingual, L } from '../i18n'
import { idOf } from '../ids'
import { LEGACY_IMPORT_FLAG } from '../import/flag'
import { memberDepartment } from '../rules/doubleAssociation'
import { assertMemberDeletable, memberWriteMarking } from './memberLock'
import type { MemberSlug } from './members'
import { SUPPLEMENT_STAGES } from './stages'
import { supplementWorkflowEndpoint } from './supplementWorkflowEndpoint'

/**
 * Everything a collection needs to be a member of a policy's package (三同步): the policy link, the derived
 * department, supplementary marking, the lock after submission, public visibility derived from the policy, the
 * audit trail, and the supplement workflow endpoint. Interpretations use it; media collections do too.
 */

/** Public only as part of a released, 主动公开 package, and a supplement only once itself released. */
export const memberReadAccess: Access = departmentOrPublic({
  and: [publiclyVisible('policy.'), { or: [{ supplementary: { not_equals: true } }, { 'supplement.stage': { equals: 'released' } }] }],
})

export const memberPolicyField = (label: Bilingual, description: Bilingual): RelationshipField => ({
  name: 'policy',
  type: 'relationship',
  relationTo: 'policies',
  required: true,
  index: true,
  label,
  admin: { description },
})

const readOnly = { create: () => false, update: () => false }

/** Supplementary marking, its own workflow record, and the department taken from the policy. */
export const memberFields = (): Field[] => [
  {
    name: 'supplementary',
    type: 'checkbox',
    defaultValue: false,
    index: true,
    label: L('补充解读', 'Supplementary'),
    access: readOnly,
    admin: {
      position: 'sidebar',
      readOnly: true,
      description: L('政策发布后新增的材料，单独审核发布', 'Added after release; reviewed and released on its own'),
    },
  },
  {
    name: 'supplement',
    type: 'group',
    label: L('补充解读流程', 'Supplement workflow'),
    access: readOnly,
    admin: { condition: (data) => Boolean(data?.supplementary), readOnly: true },
    fields: [
      { name: 'stage', type: 'select', index: true, options: SUPPLEMENT_STAGES.map((s) => ({ ...s })), label: L('状态', 'Stage') },
      {
        type: 'row',
        fields: [
          { name: 'submittedBy', type: 'relationship', relationTo: 'users', label: L('提交人', 'Submitted by') },
          { name: 'submittedAt', type: 'date', label: L('提交时间', 'Submitted at') },
        ],
      },
      {
        type: 'row',
        fields: [
          { name: 'approvedBy', type: 'relationship', relationTo: 'users', label: L('审核人', 'Approved by') },
          { name: 'approvedAt', type: 'date', label: L('审核时间', 'Approved at') },
        ],
      },
      {
        type: 'row',
        fields: [
          { name: 'releasedBy', type: 'relationship', relationTo: 'users', label: L('发布人', 'Released by') },
          { name: 'releasedAt', type: 'date', label: L('发布时间', 'Released at') },
        ],
      },
      { name: 'returnReason', type: 'textarea', label: L('退回理由', 'Reason for return') },
    ],
  },
  departmentField({
    admin: { position: 'sidebar', readOnly: true, description: L('自动取政策文件的起草部门', 'Taken from the policy') },
    required: false,
    access: {},
    defaultValue: undefined,
  }),
]

/** The member hooks, in order: derive the department, check scope, apply the package lock; audit afterwards. */
export function memberHooks(slug: MemberSlug): NonNullable<CollectionConfig['hooks']> {
  const deriveDepartment: CollectionBeforeChangeHook = async ({ data, originalDoc, req }) => {
    const merged = { ...(originalDoc ?? {}), ...data }
    const department = await memberDepartment(req, slug, { department: data.department, policy: merged.policy, title: merged.title })
    return { ...data, department }
  }
  const lock: CollectionBeforeChangeHook = async ({ context, data, operation, originalDoc, req }) => ({
    ...data,
    ...(await memberWriteMarking(req, operation, data, originalDoc, context)),
  })
  const auditChange: CollectionAfterChangeHook = async ({ context, doc, operation, req }) => {
    // The importer writes the one `imported` entry of an imported member itself.
    if (context.supplementAction || context[LEGACY_IMPORT_FLAG]) return doc
    await appendAudit(req, {
      action: operation === 'create' ? 'member-created' : 'member-updated',
      policy: idOf(doc.policy),
      department: idOf(doc.department),
      members: [{ collection: slug, id: doc.id }],
      details: { title: doc.title, form: doc.form ?? slug, supplementary: Boolean(doc.supplementary) },
    })
    return doc
  }
  const lockDeletion: CollectionBeforeDeleteHook = async ({ context, id, req }) => {
    // The importer undoing a row it could not finish (src/import/run.ts).
    if (context[LEGACY_IMPORT_FLAG]) return
    await assertMemberDeletable(req, await req.payload.findByID({ collection: slug, id, depth: 0, req }))
  }
  const auditDeletion: CollectionAfterDeleteHook = async ({ doc, req }) => {
    await appendAudit(req, {
      action: 'member-deleted',
      policy: idOf(doc.policy),
      department: idOf(doc.department),
      members: [{ collection: slug, id: doc.id }],
      details: { title: doc.title, form: doc.form ?? slug },
    })
  }
  return {
    beforeChange: [deriveDepartment, enforceDepartmentScope, lock],
    afterChange: [auditChange],
    beforeDelete: [lockDeletion],
    afterDelete: [auditDeletion],
  }
}

/** The supplement workflow endpoint for this member collection. */
export const memberEndpoints = (slug: MemberSlug) => [supplementWorkflowEndpoint(slug)]
