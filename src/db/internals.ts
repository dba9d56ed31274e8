import type { Payload } from 'payload'

/**
 * The adapter's own members (drizzle tables and sessions, mongoose models, name maps) for backup/restore and the
 * benchmarks' bulk inserts. Payload types `payload.db` as the generic adapter interface, so these are untyped by
 * nature: the one explicit `any`, here, instead of a cast in every caller. The adapters are pinned to one version.
 */
export function adapterInternals(payload: Payload): any {
  return payload.db
}
