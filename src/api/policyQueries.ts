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
  if (q.validOn) and.push(...inForceOn(q.validOn))
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

const absent = (field: string): Where => ({ or: [{ [field]: { exists: false } }, { [field]: { equals: null } }] })

/**
 * In force on a CST day: 施行日期 on or before it (or none), 有效期至 on or after it (or none). A policy marked 失效 or
 * 废止 was in force until its 有效期至 only: without one, when it lapsed is unknown and it is not listed.
 */
function inForceOn(day: string): Where[] {
  const start = new Date(`${day}T00:00:00+08:00`).toISOString()
  const end = new Date(new Date(start).getTime() + 24 * 3600_000).toISOString()
  return [
    { or: [absent('validFrom'), { validFrom: { less_than: end } }] },
    {
      or: [{ and: [{ validity: { equals: 'valid' } }, absent('validUntil')] }, { validUntil: { greater_than_equal: start } }],
    },
  ]
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
