import type { CollectionBeforeChangeHook } from 'payload'

import type { Interpretation } from '../../../payload-types'

import { interpretationDepartment } from '../../../src/rules/doubleAssociation'

/** 谁起草、谁解读: the department comes from the policy, and may not differ from it. */
export const deriveDepartment: CollectionBeforeChangeHook<Interpretation> = async ({ data, originalDoc, req }) => {
  const merged = { ...(originalDoc ?? {}), ...data }
  const department = await interpretationDepartment(req, {
    department: data.department,
    policy: merged.policy,
    title: merged.title,
  })
  return { ...data, department: department as never }
}
