import type { CollectionBeforeChangeHook } from 'payload'

import type { Policy } from '../../../payload-types'

import { documentTypeLabel, interpretationExemptTypes } from '../../../src/rules/documentTypes'

/**
 * Types that need no interpretation (表彰决定、人事任免、批复…) get their exemption recorded automatically; any
 * exemption keeps who recorded it and when, so compliance figures can show it.
 */
export const recordExemption: CollectionBeforeChangeHook<Policy> = ({ data, originalDoc, req }) => {
  const exemption = { ...(originalDoc?.exemption ?? {}), ...(data.exemption ?? {}) }
  const type = data.documentType ?? originalDoc?.documentType
  if (type && interpretationExemptTypes().some((t) => t === type) && !exemption.interpretationExempt) {
    const label = documentTypeLabel(type)
    exemption.interpretationExempt = true
    exemption.interpretationExemptReason = `${label.zh}属于明显无需解读的文件类型（${label.en} needs no interpretation）`
  }
  const before = originalDoc?.exemption ?? {}
  const changed =
    Boolean(exemption.interpretationExempt) !== Boolean(before.interpretationExempt) ||
    Boolean(exemption.consultationExempt) !== Boolean(before.consultationExempt) ||
    (exemption.interpretationExemptReason ?? '') !== (before.interpretationExemptReason ?? '') ||
    (exemption.consultationExemptReason ?? '') !== (before.consultationExemptReason ?? '')
  if (changed) {
    exemption.recordedAt = new Date().toISOString()
    // Ids are numbers on SQLite and ObjectId strings on MongoDB; the generated types know only the SQLite form.
    exemption.recordedBy = req.user ? (req.user.id as number) : null
  }
  return { ...data, exemption }
}
