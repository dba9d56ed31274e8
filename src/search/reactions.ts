import type { AuditLog } from '../../payload-types'

import type { AuditAction } from '../events/actions'
import { searchEffect } from './effect'

/** The audit action that makes every instance rebuild its search index (the admin button, the reindex script). */
export const REINDEX_ACTION = 'search-reindex' satisfies AuditAction

/** What an audit entry asks of the search index. State-based: applying it twice is harmless. */
export type SearchReaction = { kind: 'dictionary' } | { kind: 'none' } | { kind: 'package'; policy: string } | { kind: 'reindex' }

/**
 * How the audit trail drives search, per entry, for both engines: a `search-reindex` entry rebuilds, a
 * `search-term-*` entry reloads the dictionary, an entry naming a policy re-reads that whole package and indexes or
 * removes it by its current state (so nothing depends on which step it was).
 */
export function searchReaction(entry: Pick<AuditLog, 'action' | 'refs'>): SearchReaction {
  // What each action means for search is one trait of the action (src/events/actions.ts).
  const effect = searchEffect(entry.action)
  if (effect === 'rebuild') return { kind: 'reindex' }
  if (effect === 'dictionary') return { kind: 'dictionary' }
  if (effect === null) return { kind: 'none' }
  const policy = entry.refs?.policy
  return policy ? { kind: 'package', policy: String(policy) } : { kind: 'none' }
}
