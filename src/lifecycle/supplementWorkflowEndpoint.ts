import type { Endpoint } from 'payload'

import { z } from 'zod'

import { jsonEndpoint } from '../endpoint'
import type { MemberSlug } from './members'
import { performSupplementAction, SUPPLEMENT_ACTIONS, type SupplementAction } from './supplementLifecycle'

const body = z.object({ reason: z.string().max(2000).optional() }).strict()

/** POST /api/<member collection>/:id/workflow/{submit,approve,return,release} — supplementary members only. */
export const supplementWorkflowEndpoint = (slug: MemberSlug): Endpoint =>
  jsonEndpoint({
    path: '/:id/workflow/:action',
    method: 'post',
    signedIn: { en: 'the workflow of a supplementary interpretation', zh: '补充解读的审签流程' },
    choices: { action: SUPPLEMENT_ACTIONS },
    body,
    fields: Object.keys(body.shape),
    handler: async (req, input) => {
      const action = String(req.routeParams?.action) as SupplementAction // one of SUPPLEMENT_ACTIONS: checked by `choices`
      const doc = await performSupplementAction(req, slug, String(req.routeParams?.id), action, input)
      return Response.json({ doc })
    },
  })
