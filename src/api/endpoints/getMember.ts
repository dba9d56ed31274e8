import type { Endpoint } from 'payload'

import { pick } from '../../i18n'
import type { MemberSlug } from '../../lifecycle/members'
import { cachedResponse, memberTag, policyTag } from '../publicCache'
import { publicFindOne } from '../publicRead'
import { memberView } from '../publicViews'

/** GET /api/public/<member collection>/:id — one released member with its link back to the policy (原文). */
export const getMemberEndpoint = (slug: MemberSlug): Endpoint => ({
  path: `/public/${slug}/:id`,
  method: 'get',
  handler: (req) =>
    cachedResponse(
      req,
      async () => {
        const doc = await publicFindOne(req.payload, slug, { id: { equals: String(req.routeParams?.id) } }, 1)
        return doc ? { body: JSON.stringify(memberView(slug, doc)), tags: [policyTag(doc.policy && typeof doc.policy === 'object' ? (doc.policy as { id: unknown }).id : doc.policy), memberTag(slug, doc.id)] } : null
      },
      () => Response.json({ errors: [{ message: pick(req, { en: 'Not found.', zh: '未找到。' }) }] }, { status: 404 }),
    ),
})
