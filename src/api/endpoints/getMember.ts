import type { Endpoint } from 'payload'

import { pick } from '../../i18n'
import { isDocumentId } from '../../input/ids'
import type { MemberSlug } from '../../lifecycle/members'
import { cachedResponse, memberTag, policyTag } from '../publicCache'
import { publicFindOne } from '../publicRead'
import { memberView } from '../publicViews'

/** GET /api/public/<member collection>/:id — one released member with its link back to the policy (原文). */
export const getMemberEndpoint = (slug: MemberSlug): Endpoint => ({
  path: `/public/${slug}/:id`,
  method: 'get',
  handler: (req) => {
    const notFound = () => Response.json({ errors: [{ message: pick(req, { en: 'Not found.', zh: '未找到。' }) }] }, { status: 404 })
    // `Infinity`, `1e3`, `abc`: no id of this adapter, so nothing to find (SQLite would parse some of them as numbers).
    if (!isDocumentId(req.payload, String(req.routeParams?.id))) return notFound()
    return cachedResponse(
      req,
      async () => {
        const doc = await publicFindOne(req.payload, slug, { id: { equals: String(req.routeParams?.id) } }, 1)
        return doc
          ? {
              body: JSON.stringify(memberView(slug, doc)),
              tags: [
                policyTag(doc.policy && typeof doc.policy === 'object' ? (doc.policy as { id: unknown }).id : doc.policy),
                memberTag(slug, doc.id),
              ],
            }
          : null
      },
      notFound,
    )
  },
})
