import type { Payload, Where } from 'payload'

import type { CatalogItem, Department } from '../../payload-types'

import type { Bilingual } from '../i18n'
import { type Id, idOf } from '../ids'
import { CATALOG_ITEMS, FEED_KIND_VALUES, periodLabel } from './options'
import { assessStaleness, loadPublicReleases, type PublicRelease, type Staleness } from './staleness'

export type CatalogItemStatus = Staleness & {
  id: string
  itemNumber: string
  title: string
  websiteColumn: string
  updatePeriod: string
  period: Bilingual
  /** 更新时限 as written in the catalog. */
  periodText: null | string
  responsibleUnit: null | { id: string; name: string }
  feed: null | string
}

export type CatalogStatus = {
  generatedAt: string
  department: null | string
  total: number
  stale: number
  items: CatalogItemStatus[]
}

/** One item's row: its elements as listed, and its staleness against the given releases. */
export function itemStatus(item: CatalogItem, releases: readonly PublicRelease[], now: Date): CatalogItemStatus {
  const unit = item.responsibleUnit as Department | Id | null | undefined
  return {
    id: String(item.id),
    itemNumber: item.itemNumber,
    title: item.title,
    websiteColumn: item.websiteColumn,
    updatePeriod: item.updatePeriod,
    period: periodLabel(item.updatePeriod, item.periodDays),
    periodText: item.updatePeriodText ?? null,
    responsibleUnit:
      unit === null || unit === undefined
        ? null
        : typeof unit === 'object'
          ? { id: String(unit.id), name: unit.name }
          : { id: String(unit), name: String(unit) },
    feed: item.feed?.kind ?? null,
    ...assessStaleness(item, releases, now),
  }
}

/**
 * Every catalog item (or one responsible unit's) with its last public update, the deadline of the next one and
 * whether its column sleeps. Stale items first, then by item number.
 */
export async function catalogStatus(payload: Payload, options: { department?: Id | null; now?: Date } = {}): Promise<CatalogStatus> {
  const now = options.now ?? new Date()
  const where: Where | undefined = options.department ? { responsibleUnit: { equals: options.department } } : undefined
  const [{ docs }, releases] = await Promise.all([
    // The catalog itself is public; the caller's scope is applied by `where`.
    payload.find({ collection: CATALOG_ITEMS, where, depth: 1, pagination: false, sort: 'itemNumber' }),
    loadPublicReleases(payload, FEED_KIND_VALUES),
  ])
  const items = docs
    .map((item) => itemStatus(item, releases, now))
    .sort((a, b) => Number(b.stale) - Number(a.stale) || a.itemNumber.localeCompare(b.itemNumber))
  return {
    generatedAt: now.toISOString(),
    department: options.department === null || options.department === undefined ? null : String(idOf(options.department)),
    total: items.length,
    stale: items.filter((i) => i.stale).length,
    items,
  }
}
