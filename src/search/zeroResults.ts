import type { Payload } from 'payload'

export const SEARCH_MISSES = 'search-misses' as const

/** Long digit runs are phone, ID card or account numbers more often than not: they are not kept. */
const redact = (query: string) => query.replace(/\d{7,}/g, (digits) => `${digits.slice(0, 3)}…`)

/** Payload reports a unique-field clash as a ValidationError; the drivers' own messages are matched too. */
const isConflict = (error: unknown) =>
  (error as Error)?.name === 'ValidationError' ||
  /unique|duplicate|E11000|SQLITE_CONSTRAINT/i.test(`${(error as Error)?.message} ${String((error as { cause?: unknown })?.cause ?? '')}`)

/**
 * Counts a query that found nothing (one row per normalised query). Two instances recording the same new query at
 * once collide on the unique `query`; the loser then increments the winner's row.
 */
export async function recordZeroResult(payload: Payload, normalizedQuery: string, filters: Record<string, string>): Promise<void> {
  const query = redact(normalizedQuery).slice(0, 200)
  if (!query) return
  const now = new Date().toISOString()
  const increment = async (): Promise<boolean> => {
    const { docs } = await payload.find({
      collection: SEARCH_MISSES,
      where: { query: { equals: query } },
      limit: 1,
      depth: 0,
      overrideAccess: true,
    })
    const row = docs[0]
    if (!row) return false
    await payload.update({
      collection: SEARCH_MISSES,
      id: row.id,
      data: { count: Number(row.count ?? 0) + 1, lastAt: now, lastFilters: filters },
      depth: 0,
      overrideAccess: true,
    })
    return true
  }
  if (await increment()) return
  try {
    await payload.create({
      collection: SEARCH_MISSES,
      data: { query, count: 1, firstAt: now, lastAt: now, lastFilters: filters },
      depth: 0,
      overrideAccess: true,
    })
  } catch (error) {
    if (!isConflict(error) || !(await increment())) throw error
  }
}
