import { ACTION_TRAITS, isAuditAction } from '../events/actions'

export type SearchEffect = 'dictionary' | 'package' | 'rebuild'

/**
 * What search catch-up does with an entry: rebuild the index, reload the dictionary, or re-read the entry's package
 * (state-based, so replaying an entry twice is harmless). Null for actions search does not know.
 */
export function searchEffect(action: string): null | SearchEffect {
  if (!isAuditAction(action)) return null
  return ACTION_TRAITS[action].search ?? 'package'
}
