import type { Endpoint } from 'payload'

import { submitPackage } from '../../../src/lifecycle/packageLifecycle'
import { RULE_NAMES, RuleViolation } from '../../../src/rules/errors'

/** POST /api/policies/:id/submit — 提交审核. */
export const submitEndpoint: Endpoint = {
  path: '/:id/submit',
  method: 'post',
  handler: async (req) => {
    if (!req.user) {
      throw new RuleViolation(req, {
        status: 401,
        rule: 'department-scope',
        ruleName: RULE_NAMES.departmentScope,
        message: { en: 'sign in to submit a package.', zh: '请先登录再提交。' },
        hint: { en: 'Log in as a drafter of the drafting department.', zh: '请以起草部门起草人身份登录。' },
      })
    }
    const policy = await submitPackage(req, String(req.routeParams?.id))
    return Response.json({ doc: policy, message: req.i18n.language === 'en' ? 'Submitted for review.' : '已提交审核。' })
  },
}
