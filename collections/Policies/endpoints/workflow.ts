import type { Endpoint, PayloadRequest } from 'payload'

import { z } from 'zod'

import { badRequest, readJsonBody } from '../../../src/http'
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

/** 401 before anything else: anonymous callers learn nothing, not even whether their body would be valid. */
function requireUser(req: PayloadRequest): void {
  if (req.user) return
  throw new RuleViolation(req, {
    status: 401,
    rule: 'department-scope',
    ruleName: RULE_NAMES.departmentScope,
    message: { en: 'the workflow of a package is for signed-in users only.', zh: '审签流程仅限已登录用户。' },
    hint: { en: 'Sign in (Authorization: JWT <token> from POST /api/users/login).', zh: '请先登录（POST /api/users/login 获取令牌）。' },
  })
}

/** GET /api/policies/:id/workflow — stage, who did what, what blocks the package, and the caller's next steps. */
export const workflowStateEndpoint: Endpoint = {
  path: '/:id/workflow',
  method: 'get',
  handler: async (req) => {
    // Who submitted, reviewed and signed is internal: the public reads the released package, not its workflow.
    requireUser(req)
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
export const workflowActionEndpoint: Endpoint = {
  path: '/:id/workflow/:action',
  method: 'post',
  handler: async (req) => {
    requireUser(req)
    const action = String(req.routeParams?.action)
    if (!(PACKAGE_ACTIONS as readonly string[]).includes(action)) {
      return Response.json(
        {
          errors: [
            {
              message: pick(req, {
                en: `Unknown action “${action}”; use one of ${PACKAGE_ACTIONS.join(', ')}.`,
                zh: `未知操作“${action}”，可用：${PACKAGE_ACTIONS.join('、')}。`,
              }),
            },
          ],
        },
        { status: 404 },
      )
    }
    const raw = await readJsonBody(req)
    if (!raw.ok) return badRequest(req, 'The body is not valid JSON.', '请求体不是有效的 JSON。')
    const parsed = body.safeParse(raw.value)
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ')
      return badRequest(
        req,
        `Invalid body: ${issues}. Allowed: reason, releaseAt, documentNumber, changeType, changeNote.`,
        `请求参数有误：${issues}。可用字段：reason、releaseAt、documentNumber、changeType、changeNote。`,
      )
    }
    // `new Date('2020-02-30T09:00')` is 1 March: a past time, which would release at once instead of refusing.
    const when = parsed.data.releaseAt === undefined ? null : dateProblem(parsed.data.releaseAt, SCHEDULE_YEARS)
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
    const policy = await performAction(req, String(req.routeParams?.id), action as PackageAction, parsed.data)
    return Response.json({ doc: policy, ...(await workflowState(req, policy)) })
  },
}
