import type { Payload, Where } from 'payload'

import type { Policy } from '../../payload-types'

import type { ListQuery } from './query'
import { publicFind } from './publicRead'

/**
 * Turns list filters into a where clause; access control adds "released and 主动公开" on top. Null when the
 * filters already rule everything out.
 */
export async function policyWhere(payload: Payload, q: Partial<ListQuery>): Promise<null | Where> {
  const and: Where[] = []
  if (q.department) and.push({ department: { equals: q.department } })
  if (q.documentType) and.push({ documentType: { equals: q.documentType } })
  if (q.subject) and.push({ subject: { equals: q.subject } })
  if (q.validity) and.push({ validity: { equals: q.validity } })
  if (q.year) {
    and.push({ writtenAt: { greater_than_equal: new Date(`${q.year}-01-01T00:00:00+08:00`).toISOString() } })
    and.push({ writtenAt: { less_than: new Date(`${q.year + 1}-01-01T00:00:00+08:00`).toISOString() } })
  }
  if (q.form) {
    const { docs } = await publicFind(payload, 'interpretations', {
      where: { form: { equals: q.form } },
      pagination: false,
    })
    const ids = [...new Set(docs.map((d) => String((d.policy as { id?: unknown })?.id ?? d.policy)))]
    if (!ids.length) return null
    and.push({ id: { in: ids } })
  }
  return and.length ? { and } : {}
}

export async function releasedPolicies(payload: Payload, q: Partial<ListQuery> & { limit: number; page: number }) {
  const where = await policyWhere(payload, q)
  if (!where) return { docs: [] as Policy[], page: q.page, totalDocs: 0, totalPages: 0 }
  return publicFind(payload, 'policies', {
    where,
    sort: '-workflow.releasedAt',
    limit: q.limit,
    page: q.page,
    depth: 1,
  })
}
