import type { CollectionBeforeChangeHook } from 'payload'

import type { Department } from '../../../payload-types'

import { idOf, sameId } from '../../../src/ids'
import { RuleViolation } from '../../../src/rules/errors'

/** A department cannot be its own ancestor (the county / town hierarchy is a tree). */
export const preventCycles: CollectionBeforeChangeHook<Department> = async ({ data, originalDoc, req }) => {
  const selfId = originalDoc?.id
  let parentId = idOf(data.parent)
  if (selfId === undefined || parentId === undefined) return data
  for (let depth = 0; parentId !== undefined && depth < 50; depth++) {
    if (sameId(parentId, selfId)) {
      throw new RuleViolation(req, {
        status: 400,
        rule: 'department-hierarchy',
        ruleName: { en: 'department hierarchy', zh: '机构层级' },
        message: {
          en: `“${originalDoc?.name}” cannot be placed under itself or one of its own sub-units.`,
          zh: `“${originalDoc?.name}”不能隶属于自身或其下级单位。`,
        },
        hint: { en: 'Choose a parent outside its own branch.', zh: '请选择不属于其下级的上级单位。' },
        document: { collection: 'departments', id: selfId, title: originalDoc?.name },
      })
    }
    const parent = await req.payload.findByID({ collection: 'departments', id: parentId, depth: 0, req }).catch(() => null)
    parentId = idOf(parent?.parent)
  }
  return data
}
