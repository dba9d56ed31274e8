import type { Endpoint } from 'payload'

import { requestScope } from '../access/dashboardScope'
import { pick } from '../i18n'
import { catalogStatus } from './status'

/**
 * GET /api/catalog/status?department= — every catalog item with its column's last public update, the deadline of
 * the next and whether it sleeps (睡眠栏目). Signed-in users; department users see their own unit's items.
 */
export const catalogStatusEndpoint: Endpoint = {
  path: '/catalog/status',
  method: 'get',
  handler: async (req) => {
    const scope = requestScope(req)
    if (scope instanceof Response) return scope
    const status = await catalogStatus(req.payload, { department: scope.department })
    return Response.json(
      { ...status, items: status.items.map((i) => ({ ...i, periodLabel: pick(req, i.period) })) },
      { headers: { 'Cache-Control': 'private, no-store' } },
    )
  },
}

export const catalogEndpoints: Endpoint[] = [catalogStatusEndpoint]
