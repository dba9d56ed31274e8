import type { Endpoint } from 'payload'

import { badRequest } from '../../http'
import { releasedPolicies } from '../policyQueries'
import { cachedResponse, LISTS_TAG, policyTag } from '../publicCache'
import { policySummary } from '../publicViews'
import { listQuery, parseQuery } from '../query'

/** GET /api/public/policies — released 主动公开 policies, newest release first, filterable and paginated. */
export const listPoliciesEndpoint: Endpoint = {
  path: '/public/policies',
  method: 'get',
  handler: async (req) => {
    const q = parseQuery(req, listQuery)
    if ('error' in q) return badRequest(req, `Invalid query: ${q.error}.`, `查询参数有误：${q.error}。`)
    return cachedResponse(
      req,
      async () => {
        const result = await releasedPolicies(req.payload, q.value)
        return {
          body: JSON.stringify({
            docs: result.docs.map(policySummary),
            page: q.value.page,
            limit: q.value.limit,
            totalDocs: result.totalDocs,
            totalPages: result.totalPages,
          }),
          tags: [LISTS_TAG, ...result.docs.map((d) => policyTag(d.id))],
        }
      },
      () => new Response(null, { status: 404 }),
    )
  },
}
