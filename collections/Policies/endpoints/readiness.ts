import type { Endpoint } from 'payload'

import { pick } from '../../../src/i18n'
import { packageReadiness } from '../../../src/rules/doubleAssociation'

/**
 * GET /api/policies/:id/readiness — what keeps the package in drafting, as a list, read with the caller's
 * access (a document they cannot read is a 404).
 */
export const readinessEndpoint: Endpoint = {
  path: '/:id/readiness',
  method: 'get',
  handler: async (req) => {
    const policy = await req.payload
      .findByID({ collection: 'policies', id: String(req.routeParams?.id), depth: 0, overrideAccess: false, user: req.user, req })
      .catch(() => null)
    if (!policy) return Response.json({ errors: [{ message: pick(req, { en: 'Not found.', zh: '未找到。' }) }] }, { status: 404 })
    const problems = await packageReadiness(req, policy)
    return Response.json({
      ready: problems.length === 0,
      problems: problems.map((p) => ({
        rule: p.rule,
        ruleName: p.ruleName,
        message: pick(req, p.message),
        hint: pick(req, p.hint),
      })),
    })
  },
}
