/**
 * 睡眠栏目 (sleeping columns): a catalog item whose website column has had no public release of matching content
 * within its declared update period is stale.
 *
 * `assessStaleness` is the rule, pure (its inputs are the item, the releases and `now`). `loadPublicReleases` is the
 * loader: it reads what the public can read — through the Local API with access control on and no user — so drafts,
 * packages in review, withdrawn packages and anything not 主动公开 never count as an update.
 */
import type { Payload } from 'payload'

import { type Id, idOf, type RelationValue } from '../ids'
import { nthWorkingDayAfter } from '../calendar'
import { chinaDate } from '../rules/releaseClock'
import { FEED_KIND_VALUES, type FeedKind, PERIOD_MONTHS, REALTIME_WORKING_DAYS, type UpdatePeriod } from './options'

/** One piece of content as the public first saw it: what it is, whose, and when it became public. */
export type PublicRelease = {
  at: string
  department: null | string
  /** Policies only. */
  documentType?: null | string
  /** Interpretations only. */
  form?: null | string
  kind: FeedKind
}

/** The parts of a catalog item the rule reads. */
export type CatalogRule = {
  feed?: {
    documentTypes?: null | string[]
    forms?: null | string[]
    kind?: FeedKind | null
    /** Count only content of the item's responsible unit (default). */
    responsibleUnitOnly?: boolean | null
  } | null
  periodDays?: null | number
  responsibleUnit?: RelationValue
  updatePeriod?: null | UpdatePeriod
}

export type Staleness = {
  /** End of the update period that began with the last update; null when there was none. */
  deadline: null | string
  lastUpdatedAt: null | string
  /** True when tracked and there is no update, or the period since the last one has run out. */
  stale: boolean
  /** False when the item declares no feed (a column this system does not publish): staleness is unknown. */
  tracked: boolean
}

const endOfChinaDay = (day: string) => new Date(`${day}T23:59:59.999+08:00`)

/** Adds calendar days or months to a CST calendar date (YYYY-MM-DD); month ends clamp (01-31 + 1 month → 02-28/29). */
function addToDay(day: string, { days = 0, months = 0 }: { days?: number; months?: number }): string {
  const [y, m, d] = day.split('-').map(Number)
  if (months) {
    const target = new Date(Date.UTC(y, m - 1 + months, 1))
    const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate()
    target.setUTCDate(Math.min(d, lastDay))
    return target.toISOString().slice(0, 10)
  }
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10)
}

/**
 * The end of the update period that starts at `from`: the end (23:59:59 CST) of the 20th working day after it on
 * the official calendar for `realtime`, of the same day N months later for monthly/quarterly/yearly, of the Nth
 * calendar day after it for `days`. Null when the period cannot be computed (no days given).
 */
export function periodEnd(from: Date, period: null | string | undefined, days?: null | number): Date | null {
  const day = chinaDate(from)
  if (period === 'realtime') {
    // No calendar for the year on the way: the period's end is unknown (src/calendar), not guessed.
    const end = nthWorkingDayAfter(REALTIME_WORKING_DAYS, day)
    return end ? endOfChinaDay(end) : null
  }
  const months = PERIOD_MONTHS[period as UpdatePeriod]
  if (months) return endOfChinaDay(addToDay(day, { months }))
  if (period === 'days' && days && days > 0) return endOfChinaDay(addToDay(day, { days: Math.floor(days) }))
  return null
}

/** Whether a release feeds the item's column. */
export function feedsColumn(rule: CatalogRule, release: PublicRelease): boolean {
  const feed = rule.feed
  if (!feed?.kind || release.kind !== feed.kind) return false
  if (feed.responsibleUnitOnly !== false) {
    const unit = idOf(rule.responsibleUnit)
    if (unit === undefined || release.department !== String(unit)) return false
  }
  if (feed.kind === 'policies' && feed.documentTypes?.length && !feed.documentTypes.includes(String(release.documentType))) return false
  if (feed.kind === 'interpretations' && feed.forms?.length && !feed.forms.includes(String(release.form))) return false
  return true
}

/** The rule: last public update of the item's column, the deadline for the next one, and whether it has passed. */
export function assessStaleness(rule: CatalogRule, releases: readonly PublicRelease[], now: Date = new Date()): Staleness {
  if (!rule.feed?.kind) return { tracked: false, lastUpdatedAt: null, deadline: null, stale: false }
  let last: number | null = null
  for (const release of releases) {
    const at = new Date(release.at).getTime()
    // Content released after `now` (an assessment as of an earlier date) did not exist yet.
    if (Number.isNaN(at) || at > now.getTime() || !feedsColumn(rule, release)) continue
    if (last === null || at > last) last = at
  }
  if (last === null) return { tracked: true, lastUpdatedAt: null, deadline: null, stale: true }
  const deadline = periodEnd(new Date(last), rule.updatePeriod, rule.periodDays)
  return {
    tracked: true,
    lastUpdatedAt: new Date(last).toISOString(),
    deadline: deadline ? deadline.toISOString() : null,
    stale: deadline ? deadline.getTime() < now.getTime() : false,
  }
}

// -------------------------------------------------------------------------------------------------------------------
// Loader
// -------------------------------------------------------------------------------------------------------------------

const MEMBER_KINDS = ['interpretations', 'infographics', 'videos', 'interviews'] as const
type MemberKind = (typeof MEMBER_KINDS)[number]

type AnyDoc = Record<string, unknown> & { id: Id }

const text = (value: unknown) => (value === null || value === undefined ? null : String(value))
const iso = (value: unknown) => {
  if (!value) return null
  const date = new Date(value as string)
  return Number.isNaN(date.getTime()) ? null : date.toISOString()
}

/** Reads as an anonymous reader: access control on, no user, no request (so no signed-in user leaks in). */
async function asPublic(payload: Payload, collection: FeedKind, select: Record<string, unknown>): Promise<AnyDoc[]> {
  const { docs } = await payload.find({ collection, overrideAccess: false, user: null, depth: 0, pagination: false, select })
  // Spread: a plain record of the document's fields (the generated interfaces carry no index signature).
  return docs.map((doc) => ({ ...doc }))
}

/**
 * Everything of the given kinds the public can read now, with the instant it became public: a policy at its
 * release; a package member at its policy's release (released together, 三同步), a supplementary one at its own
 * release; a consultation notice when its comment period opened. Withdrawn packages are no longer public and so
 * count no more.
 */
export async function loadPublicReleases(payload: Payload, kinds: Iterable<FeedKind>): Promise<PublicRelease[]> {
  const wanted = new Set(kinds)
  const releases: PublicRelease[] = []
  const members = MEMBER_KINDS.filter((k) => wanted.has(k))
  const policyReleasedAt = new Map<string, null | string>()
  if (wanted.has('policies') || members.length) {
    const policies = await asPublic(payload, 'policies', { department: true, documentType: true, workflow: { releasedAt: true } })
    for (const p of policies) {
      const at = iso((p.workflow as { releasedAt?: unknown } | undefined)?.releasedAt)
      policyReleasedAt.set(String(p.id), at)
      if (at && wanted.has('policies')) {
        releases.push({ kind: 'policies', at, department: text(idOf(p.department)), documentType: text(p.documentType) })
      }
    }
  }
  for (const kind of members) {
    const docs = await asPublic(payload, kind, {
      policy: true,
      department: true,
      supplementary: true,
      supplement: { releasedAt: true },
      ...(kind === 'interpretations' ? { form: true } : {}),
    })
    for (const doc of docs) {
      const at = doc.supplementary
        ? iso((doc.supplement as { releasedAt?: unknown } | undefined)?.releasedAt)
        : (policyReleasedAt.get(String(idOf(doc.policy))) ?? null)
      if (!at) continue
      releases.push({
        kind: kind as MemberKind,
        at,
        department: text(idOf(doc.department)),
        form: kind === 'interpretations' ? text(doc.form) : null,
      })
    }
  }
  if (wanted.has('consultations')) {
    for (const doc of await asPublic(payload, 'consultations', { department: true, opensAt: true })) {
      const at = iso(doc.opensAt)
      if (at) releases.push({ kind: 'consultations', at, department: text(idOf(doc.department)) })
    }
  }
  return releases
}

/** Every kind, loaded once per request object (an admin list page reads many items in one request). */
const perRequest = new WeakMap<object, Promise<PublicRelease[]>>()

export function publicReleasesFor(key: object, payload: Payload): Promise<PublicRelease[]> {
  let loaded = perRequest.get(key)
  if (!loaded) {
    loaded = loadPublicReleases(payload, FEED_KIND_VALUES)
    perRequest.set(key, loaded)
    // A failed load must not be served to later readers of the same request.
    loaded.catch(() => perRequest.delete(key))
  }
  return loaded
}
