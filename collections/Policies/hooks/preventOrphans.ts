import type { CollectionBeforeDeleteHook } from 'payload'

import { packageLocked } from '../../../src/lifecycle/locks'
import { RULE_NAMES, RuleViolation } from '../../../src/rules/errors'

/**
 * Only a package still in drafting can be deleted (released documents are withdrawn, not deleted), and not
 * while it has interpretations: they would be orphaned (their policy link is required).
 */
export const preventOrphans: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const policy = await req.payload.findByID({ collection: 'policies', id, depth: 0, req })
  if (policy.stage !== 'drafting') throw packageLocked(req, policy, 'delete')
  const { totalDocs } = await req.payload.count({ collection: 'interpretations', where: { policy: { equals: id } }, req })
  if (totalDocs > 0) {
    throw new RuleViolation(req, {
      status: 409,
      rule: 'interpretation-required',
      ruleName: RULE_NAMES.doubleAssociation,
      message: {
        en: `policy ${id} still has ${totalDocs} interpretation(s).`,
        zh: `该政策文件仍关联 ${totalDocs} 份解读材料。`,
      },
      hint: {
        en: 'Delete or re-link its interpretations first; released documents are withdrawn, not deleted.',
        zh: '请先删除或改挂其解读材料；已发布的文件应撤回或废止，而不是删除。',
      },
      document: { collection: 'policies', id },
    })
  }
}
