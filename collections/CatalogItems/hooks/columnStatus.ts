import type { FieldHook } from 'payload'

import type { CatalogItem } from '../../../payload-types'

import { assessStaleness, publicReleasesFor, type Staleness } from '../../../src/catalog/staleness'
import { idOf } from '../../../src/ids'

/** One assessment per document (and rule) per request, shared by the three virtual fields. */
const assessed = new WeakMap<object, Map<string, Promise<Staleness>>>()

/**
 * afterRead of the virtual fields `lastUpdatedAt`, `deadline` and `stale`: the column's staleness now. Staleness is
 * internal: anonymous readers get nothing computed (and the fields' read access strips them anyway).
 */
export const columnStatus =
  (key: keyof Pick<Staleness, 'deadline' | 'lastUpdatedAt' | 'stale'>): FieldHook<CatalogItem> =>
  async ({ data, overrideAccess, req }) => {
    if (!data?.id || !data.updatePeriod || (!req.user && !overrideAccess)) return null
    let byDoc = assessed.get(req)
    if (!byDoc) assessed.set(req, (byDoc = new Map()))
    // Keyed by what the rule reads too: an update within the same request may change the feed or the period.
    const memoKey = JSON.stringify([data.id, data.feed, data.updatePeriod, data.periodDays, idOf(data.responsibleUnit)])
    let result = byDoc.get(memoKey)
    if (!result) {
      result = publicReleasesFor(req, req.payload).then((releases) => assessStaleness(data, releases))
      byDoc.set(memoKey, result)
    }
    const status = await result
    // Items without a feed are not assessed: never flagged (stale false, as in GET /api/catalog/status).
    return status[key]
  }
