import type { Payload } from 'payload'

/**
 * What a document id looks like on the configured adapter: a positive integer on SQLite, a 24-digit hex ObjectId
 * on MongoDB. Ids from a request are checked against it before they reach a query: SQLite cannot bind `abc` to an
 * integer column (a 500), and MongoDB cannot cast it to an ObjectId.
 */
export function isDocumentId(payload: Pick<Payload, 'db'>, value: unknown): boolean {
  if (typeof value === 'number') return payload.db.defaultIDType === 'number' && Number.isSafeInteger(value) && value > 0
  if (typeof value !== 'string') return false
  // 16 digits can still pass Number.MAX_SAFE_INTEGER (9007199254740992): such an id names no row and is refused.
  return payload.db.defaultIDType === 'number'
    ? /^[1-9]\d{0,15}$/.test(value) && Number.isSafeInteger(Number(value))
    : /^[0-9a-f]{24}$/i.test(value)
}
