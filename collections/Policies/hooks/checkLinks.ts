import type { CollectionBeforeChangeHook } from 'payload'

import type { Policy } from '../../../payload-types'

import { guardStageChange } from '../../../src/lifecycle/packageLifecycle'
import { assertConsultationDepartment } from '../../../src/rules/doubleAssociation'

/** Double association and the stage guard, on the merged document about to be stored. */
export const checkLinks: CollectionBeforeChangeHook<Policy> = async ({ data, originalDoc, req }) => {
  const next = { ...(originalDoc ?? {}), ...data } as Policy
  if (data.consultation !== undefined || data.department !== undefined) {
    await assertConsultationDepartment(req, next)
  }
  await guardStageChange(req, originalDoc, next)
  return data
}
