import type { Endpoint, PayloadRequest } from 'payload'

import { DEPARTMENT_PARAM, dashboardScope } from '../access/dashboardScope'
import { badRequest } from '../http'
import { pick } from '../i18n'
import { catalogStatus } from './status'

/** The `department` query parameter, checked; undefined when absent. */
export function departmentParam(req: PayloadRequest): { ok: false; value: string } | { ok: true; value: null | string } {
  const value = new URL(req.url ?? 'http://localhost/').searchParams.get('department')
  if (!value) return { ok: true, value: null }
  return DEPARTMENT_PARAM.test(value) ? { ok: true, value } : { ok: false, value: value.slice(0, 64) }
}

/**
 * GET /api/catalog/status?department= — every catalog item with its column's last public update, the deadline of
 * the next and whether it sleeps (睡眠栏目). Signed-in users; department users see their own unit's items.
 */
export const catalogStatusEndpoint: Endpoint = {
  path: '/catalog/status',
  method: 'get',
  handler: async (req) => {
    const param = departmentParam(req)
    if (!param.ok) return badRequest(req, `“${param.value}” is not a department id.`, `“${param.value}”不是有效的部门编号。`)
    const scope = dashboardScope(req, param.value)
    const status = await catalogStatus(req.payload, { department: scope.department })
    return Response.json(
      { ...status, items: status.items.map((i) => ({ ...i, periodLabel: pick(req, i.period) })) },
      { headers: { 'Cache-Control': 'private, no-store' } },
    )
  },
}

export const catalogEndpoints: Endpoint[] = [catalogStatusEndpoint]
