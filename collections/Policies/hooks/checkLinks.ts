import type { CollectionBeforeChangeHook } from 'payload'

import type { Policy } from '../../../payload-types'

import { assertPolicyEditable } from '../../../src/lifecycle/locks'
import { guardStageChange } from '../../../src/lifecycle/packageLifecycle'
import { assertConsultationDepartment } from '../../../src/rules/doubleAssociation'

/** Double association, the content lock after submission, and the stage guard, on the document about to be stored. */
export const checkLinks: CollectionBeforeChangeHook<Policy> = async ({ context, data, originalDoc, req }) => {
  assertPolicyEditable(req, originalDoc, data, context)
  guardStageChange(req, originalDoc, { ...(originalDoc ?? {}), ...data } as Policy, context)
  if (data.consultation !== undefined || data.department !== undefined) {
    await assertConsultationDepartment(req, { ...(originalDoc ?? {}), ...data })
  }
  return data
}
