import type { Endpoint } from 'payload'

import { z } from 'zod'

import { jsonEndpoint, requireSignedIn } from '../../../src/endpoint'
import { pick } from '../../../src/i18n'
import { dateProblem } from '../../../src/rules/dates'
import { RULE_NAMES, RuleViolation } from '../../../src/rules/errors'
import { PACKAGE_ACTIONS, type PackageAction, performAction, workflowState } from '../../../src/lifecycle/packageLifecycle'

/** A scheduled release is at most a few years ahead; a past time means “now”, as before. */
const SCHEDULE_YEARS = { minYear: 1949, maxYearsAhead: 5 }

const body = z
  .object({
    documentNumber: z.string().trim().min(1).max(60).optional(),
    reason: z.string().max(2000).optional(),
    releaseAt: z.string().max(40).optional(),
    // revise: 更正 (minor) or 修订 (major, with its public 修改说明); the step's guard names what is missing.
    changeType: z.string().max(20).optional(),
    changeNote: z.string().max(2000).optional(),
  })
  .strict()

const WORKFLOW = { en: 'the workflow of a package', zh: '审签流程' }

/** GET /api/policies/:id/workflow — stage, who did what, what blocks the package, and the caller's next steps. */
export const workflowStateEndpoint: Endpoint = {
  path: '/:id/workflow',
  method: 'get',
  handler: async (req) => {
    // Who submitted, reviewed and signed is internal: the public reads the released package, not its workflow.
    requireSignedIn(req, WORKFLOW)
    const policy = await req.payload
      .findByID({ collection: 'policies', id: String(req.routeParams?.id), depth: 0, overrideAccess: false, user: req.user, req })
      .catch(() => null)
    if (!policy) return Response.json({ errors: [{ message: pick(req, { en: 'Not found.', zh: '未找到。' }) }] }, { status: 404 })
    const state = await workflowState(req, policy)
    return Response.json({
      ...state,
      problems: state.problems.map((p) => ({ rule: p.rule, ruleName: p.ruleName, message: pick(req, p.message), hint: pick(req, p.hint) })),
    })
  },
}

/** POST /api/policies/:id/workflow/{submit,approve,return,sign,release,withdraw} with { reason?, releaseAt?, documentNumber? }. */
export const workflowActionEndpoint: Endpoint = jsonEndpoint({
  path: '/:id/workflow/:action',
  method: 'post',
  signedIn: WORKFLOW,
  choices: { action: PACKAGE_ACTIONS },
  body,
  fields: Object.keys(body.shape),
  handler: async (req, input) => {
    // `new Date('2020-02-30T09:00')` is 1 March: a past time, which would release at once instead of refusing.
    const when = input.releaseAt === undefined ? null : dateProblem(input.releaseAt, SCHEDULE_YEARS)
    if (when) {
      throw new RuleViolation(req, {
        status: 400,
        rule: 'release-time',
        ruleName: RULE_NAMES.lifecycle,
        message: { en: `releaseAt: ${when.en}.`, zh: `定时发布时间（releaseAt）：${when.zh}。` },
        hint: {
          en: 'Give releaseAt as ISO 8601, e.g. 2026-12-01T09:00:00+08:00, or omit it to release now.',
          zh: '定时发布时间请使用 ISO 8601 格式（如 2026-12-01T09:00:00+08:00），立即发布则不填。',
        },
      })
    }
    const action = String(req.routeParams?.action) as PackageAction // one of PACKAGE_ACTIONS: checked by `choices`
    const policy = await performAction(req, String(req.routeParams?.id), action, input)
    return Response.json({ doc: policy, ...(await workflowState(req, policy)) })
  },
})
