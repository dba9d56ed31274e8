/**
 * Ids are numbers on SQLite and ObjectId strings on MongoDB. Relationship values arrive either as an id or as
 * a populated document. These helpers never parse ids: they compare their string forms.
 */
export type Id = number | string

/**
 * An id typed as payload-types.ts declares relations (generated for SQLite's numeric ids). MongoDB's ids are strings
 * at run time and are stored as given: the type describes one adapter, the value is right for both.
 */
export function asStoredId(id: Id): number
export function asStoredId(id: Id | null): null | number
export function asStoredId(id: Id | null): null | number {
  return id as null | number
}

export type RelationValue = { id: Id } | Id | null | undefined

const isId = (value: unknown): value is Id => (typeof value === 'number' || typeof value === 'string') && value !== ''

/**
 * The id of a relationship value. Takes `unknown` because hook data and raw rows are untyped: it checks the shape
 * at run time (an id, or an object carrying one) instead of asking callers to cast.
 */
export const idOf = (value: RelationValue | unknown): Id | undefined => {
  if (isId(value)) return value
  if (typeof value === 'object' && value !== null && 'id' in value && isId(value.id)) return value.id
  return undefined
}

export const sameId = (a: RelationValue | unknown, b: RelationValue | unknown): boolean => {
  const x = idOf(a)
  const y = idOf(b)
  return x !== undefined && y !== undefined && String(x) === String(y)
}

/**
 * Ids moved between databases by a backup restored across adapters (src/backup): SQLite's integer id n becomes
 * on MongoDB the ObjectId whose 24 hex digits are n, zero-padded (a zero timestamp, which no ObjectId MongoDB
 * generates has), and comes back as n. At most 13 hex digits (2^52 − 1) so that n stays an exact JS number.
 */
const ENCODED_NUMBER = /^0{11}[0-9a-f]{13}$/i

export const objectIdForNumber = (n: number): string => {
  if (!Number.isSafeInteger(n) || n < 0 || n >= 2 ** 52) throw new RangeError(`id ${n} cannot be carried in an ObjectId`)
  return n.toString(16).padStart(24, '0')
}

export const numberForObjectId = (hex: string): number | undefined => (ENCODED_NUMBER.test(hex) ? parseInt(hex, 16) : undefined)

/**
 * The canonical text of an id, for comparing an id as recorded (the audit log's `refs`) with a document's id on
 * another adapter after such a restore: `5` and `000000000000000000000005` are the same document.
 */
export const idKey = (value: RelationValue | unknown): string | undefined => {
  const id = idOf(value)
  if (id === undefined) return undefined
  const text = String(id)
  const n = numberForObjectId(text)
  return n === undefined ? text : String(n)
}
