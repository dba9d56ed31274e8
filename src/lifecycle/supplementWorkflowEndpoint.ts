import type { Endpoint } from 'payload'

import { z } from 'zod'

import { badRequest, readJsonBody } from '../http'
import { pick } from '../i18n'
import type { MemberSlug } from './members'
import { performSupplementAction, SUPPLEMENT_ACTIONS, type SupplementAction } from './supplementLifecycle'

const body = z.object({ reason: z.string().max(2000).optional() }).strict()

/** POST /api/<member collection>/:id/workflow/{submit,approve,return,release} — supplementary members only. */
export const supplementWorkflowEndpoint = (slug: MemberSlug): Endpoint => ({
  path: '/:id/workflow/:action',
  method: 'post',
  handler: async (req) => {
    // Anonymous callers get 401 before their body is looked at.
    if (!req.user) {
      return Response.json(
        {
          errors: [
            {
              name: 'UnauthorizedError',
              message: pick(req, { en: 'Sign in first (POST /api/users/login).', zh: '请先登录（POST /api/users/login）。' }),
            },
          ],
        },
        { status: 401 },
      )
    }
    const action = String(req.routeParams?.action)
    if (!(SUPPLEMENT_ACTIONS as readonly string[]).includes(action)) {
      return Response.json(
        { errors: [{ message: pick(req, { en: `Unknown action “${action}”.`, zh: `未知操作“${action}”。` }) }] },
        { status: 404 },
      )
    }
    const raw = await readJsonBody(req)
    if (!raw.ok) return badRequest(req, 'The body is not valid JSON.', '请求体不是有效的 JSON。')
    const parsed = body.safeParse(raw.value)
    if (!parsed.success) return badRequest(req, 'Only “reason” is accepted.', '仅接受“reason”字段。')
    const doc = await performSupplementAction(req, slug, String(req.routeParams?.id), action as SupplementAction, parsed.data)
    return Response.json({ doc })
  },
})
