import type { CollectionBeforeChangeHook } from 'payload'

import { userDepartment } from '../access/userDepartment'
import { sameId } from '../ids'
import { isAdminUser } from '../roles'
import { RULE_NAMES, RuleViolation } from '../rules/errors'

/**
 * Drafters, reviewers, signers and editors act only inside their own department. Runs after a document's
 * department is known (set, defaulted or derived), so it also covers documents that inherit theirs.
 */
export const enforceDepartmentScope: CollectionBeforeChangeHook = ({ collection, data, req }) => {
  const user = req.user
  if (!user || isAdminUser(user)) return data
  const own = userDepartment(req)
  if (!sameId(own, data.department)) {
    throw new RuleViolation(req, {
      status: 403,
      rule: 'department-scope',
      ruleName: RULE_NAMES.departmentScope,
      message: {
        en: `you act for your own department only; this ${collection.slug} document belongs to another department.`,
        zh: `您只能办理本部门的文件，该文件属于其他部门。`,
      },
      hint: {
        en: 'Choose your own department, or ask the other department (or an administrator) to do it.',
        zh: '请选择本部门，或请对应部门（或系统管理员）办理。',
      },
      document: { collection: collection.slug, title: (data as { title?: string }).title },
    })
  }
  return data
}
