import type { Payload, PayloadRequest, Where } from 'payload'

import { createHash } from 'node:crypto'

/**
 * The public content API's response cache, per instance, invalidated by what each audit entry changed.
 *
 * Every cached response carries tags: `policy:<id>` for each package it shows (a bundle, a lookup, each policy
 * on a list page, a member's policy), `<collection>:<id>` for a member's own page, and `lists` for list and feed
 * pages (a release or withdrawal can add or remove a row on any of them). An audit entry invalidates the tags of
 * what it changed (`invalidateForAuditEntry`): a release invalidates that package's bundle and members and the
 * lists, never the other packages' bundles, and drafting or review steps (not public) invalidate nothing that is
 * cached. Invalidation is lazy and race-free: it stamps the tag with a clock tick, and an entry is valid only if it
 * was started after every one of its tags was last stamped — an entry whose build began before the change is
 * never served, even if it is stored after it.
 *
 * Entries appended on this instance invalidate at once (the public-cache reaction, src/events/reactions.ts); entries of other
 * instances are read from the audit log once a second in the background (`pollChanges`), so every instance follows
 * within about a second, and within MAX_STALE_MS at worst. An entry seen first inside its transaction is applied
 * again when the poll sees it committed.
 */

/** How often an instance reads the audit log for entries of other instances. */
const RECHECK_MS = 1000
/**
 * The poll runs in the background while hits keep being served; only when no poll has succeeded for this long
 * (the database is slow or away) do reads wait for one. Bounds how stale another instance's change can be.
 */
const MAX_STALE_MS = 1800
const MAX_ENTRIES = 20_000
/** More new entries than this in one poll (a restore, a bulk import): simply drop everything. */
const POLL_LIMIT = 500

export const CACHE_CONTROL = 'public, max-age=30, stale-while-revalidate=300'

/** What invalidation needs of an audit entry (a full AuditLog document is one). */
function memberRefs(members: unknown): { collection: string; id: number | string }[] {
  if (!Array.isArray(members)) return []
  return members.flatMap((m: unknown) => {
    if (!m || typeof m !== 'object') return []
    const { collection, id } = m as { collection?: unknown; id?: unknown }
    return typeof collection === 'string' && (typeof id === 'string' || typeof id === 'number') ? [{ collection, id }] : []
  })
}

export type AuditEntryLike = {
  action: string
  details?: unknown
  /** The audit log stores members as JSON: read as `{ collection, id }[]` when it is one. */
  members?: unknown
  policy?: unknown
  refs?: null | { policy?: null | string }
  seq?: null | number
}

// Bodies are kept encoded: a hot hit then costs no UTF-8 encoding.
type Entry = { body: Uint8Array; contentType: string; etag: string; stamp: number; tags: string[] }

const entries = new Map<string, Entry>()
/** Logical clock; tag → the tick it was last invalidated at. `*` invalidates everything. */
let clock = 0
const stamps = new Map<string, number>()
const poll: { checkedAt: number; inFlight: null | Promise<void>; payload: null | Payload; seq: number } = {
  checkedAt: 0,
  inFlight: null,
  payload: null,
  seq: -1,
}
const counters = { hits: 0, misses: 0 }

export const policyTag = (id: unknown) => `policy:${String(id)}`
export const memberTag = (collection: string, id: unknown) => `${collection}:${String(id)}`
export const LISTS_TAG = 'lists'

/** The tick of the latest invalidation of anything. */
let invalidatedAt = 0

function invalidateTags(tags: Iterable<string>): void {
  clock += 1
  invalidatedAt = clock
  for (const tag of tags) stamps.set(tag, clock)
}

/** Drops everything this instance cached (a restore, an unknown gap in the audit log). */
export function invalidateAll(): void {
  invalidateTags(['*'])
}

const fresh = (entry: Entry) => {
  if ((stamps.get('*') ?? 0) >= entry.stamp) return false
  for (const tag of entry.tags) if ((stamps.get(tag) ?? 0) >= entry.stamp) return false
  return true
}

const idText = (value: unknown): null | string => {
  if (value === null || value === undefined || value === '') return null
  if (typeof value === 'object') return idText((value as { id?: unknown }).id)
  return String(value)
}

/** The tags an audit entry invalidates: what the step changed, and only that. Empty: nothing public changed. */
export function tagsForAuditEntry(entry: AuditEntryLike): string[] {
  const policy = idText(entry.policy) ?? idText(entry.refs?.policy)
  const own = [...(policy ? [policyTag(policy)] : []), ...memberRefs(entry.members).map((m) => memberTag(m.collection, m.id))]
  const stage = (entry.details as { stage?: unknown } | null | undefined)?.stage
  switch (entry.action) {
    // Public visibility of a package or a supplement changes: its bundle and members, and every list and feed.
    case 'release':
    case 'withdraw':
    case 'supplement-release':
    case 'policy-deleted':
    case 'imported': // a legacy document arrives released: a new row on the lists, its own bundle
      return [...own, LISTS_TAG]
    // A released policy's one editable field (validity) also filters lists; drafting edits are not public.
    case 'policy-updated':
      return stage === 'released' ? [...own, LISTS_TAG] : own
    // The validity job marked a released policy 失效: its bundle, and the lists filtered by validity / validOn.
    case 'policy-expired':
      return [...own, LISTS_TAG]
    // A member of a public package changing or going: its pages, its package's bundle, the interpretations feed.
    case 'member-updated':
    case 'member-deleted':
      return [...own, LISTS_TAG]
    case 'return':
      return own
    default:
      // A released interview's live record (status, segments, answers, photos): its page and its package's bundle.
      return entry.action.startsWith('interview-') ? own : []
  }
}

/**
 * Invalidates what one audit entry changed, on this instance. Called for every entry appended here (the registry's
 * public-cache reaction) and for every entry of other instances found by the poll.
 */
export function invalidateForAuditEntry(entry: AuditEntryLike): void {
  const tags = tagsForAuditEntry(entry)
  if (tags.length) invalidateTags(tags)
}

/** Entries appended here may still be inside their transaction: read the trail again soon, and apply them again. */
function pollSoon(): void {
  poll.checkedAt = Math.min(poll.checkedAt, Date.now() - RECHECK_MS)
}

/**
 * Applies the audit entries appended since the last poll (by any instance, committed), at most once a second.
 * Public-affecting actions only; the query uses the `seq` and `action` indexes.
 */
async function readChanges(payload: Payload): Promise<void> {
  const checking = Date.now()
  if (poll.seq < 0) {
    // First read on this instance: nothing cached yet, start from the head of the trail.
    const { docs } = await payload.find({
      collection: 'audit-log',
      sort: '-seq',
      limit: 1,
      depth: 0,
      pagination: false,
      overrideAccess: true,
      select: { seq: true },
    })
    poll.seq = Number(docs[0]?.seq ?? 0)
    poll.checkedAt = checking
    return
  }
  const where: Where = { seq: { greater_than: poll.seq } }
  const { docs } = await payload.find({
    collection: 'audit-log',
    where,
    sort: 'seq',
    limit: POLL_LIMIT,
    depth: 0,
    pagination: false,
    overrideAccess: true,
    select: { seq: true, action: true, policy: true, members: true, details: true, refs: true },
  })
  if (docs.length >= POLL_LIMIT) invalidateAll()
  else {
    for (const doc of docs) if (!appliedCommitted.delete(Number(doc.seq))) invalidateForAuditEntry(doc as AuditEntryLike)
  }
  if (docs.length) poll.seq = Number(docs[docs.length - 1].seq)
  poll.checkedAt = checking
}

/** Starts a poll unless one is running; resolves when it is done. */
function startPoll(payload: Payload): Promise<void> {
  poll.inFlight ??= readChanges(payload).finally(() => {
    poll.inFlight = null
  })
  return poll.inFlight
}

/** Reads the trail now and applies what changed (waits for a poll already running); for tests and tools. */
export async function checkTrailNow(payload: Payload): Promise<void> {
  poll.payload = payload
  await startPoll(payload)
}

/**
 * Keeps the cache in step with the audit log: polls in the background once a second, and makes the caller wait
 * only on the first read or when no poll has succeeded for MAX_STALE_MS.
 */
async function pollChanges(payload: Payload): Promise<void> {
  poll.payload = payload
  const age = Date.now() - poll.checkedAt
  if (age < RECHECK_MS) return
  const running = startPoll(payload)
  if (poll.seq < 0 || age >= MAX_STALE_MS) await running
  else running.catch(() => undefined)
}

const etagOf = (body: string) => `"${createHash('sha1').update(body).digest('base64url')}"`

const etagMatches = (header: string, etag: string) =>
  header
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .includes(etag)

export type Built = { body: string; contentType?: string; tags: string[] }

/**
 * Serves a public response from the cache (or builds it), keyed by URL, with a content ETag and Cache-Control,
 * answering 304 to a matching If-None-Match. `build` returns null for "not found", else the body and the tags of
 * what it shows (see above).
 */
export async function cachedResponse(req: PayloadRequest, build: () => Promise<Built | null>, notFound: () => Response): Promise<Response> {
  await pollChanges(req.payload)
  const key = urlKey(req.url ?? '/')
  let entry = entries.get(key)
  const hit = Boolean(entry && fresh(entry))
  if (hit) counters.hits += 1
  else {
    counters.misses += 1
    // Concurrent misses on one URL share one build (no stampede after an invalidation), unless the running build
    // was started before the latest invalidation of what it shows: then it could be stale, and a new one starts.
    let running = building.get(key)
    if (!running || !freshBuild(running)) {
      running = startBuild(key, build)
      building.set(key, running)
    }
    const built = await running.done
    if (!built) return notFound()
    entry = built
  }
  return respond(entry!, req.headers.get('if-none-match'), hit ? 'HIT' : 'MISS')
}

type Build = { done: Promise<Entry | null>; stamp: number }
const building = new Map<string, Build>()

/** A running build may be shared only if nothing at all was invalidated since it started (its tags are not known yet). */
const freshBuild = (b: Build) => invalidatedAt < b.stamp

function startBuild(key: string, build: () => Promise<Built | null>): Build {
  // Stamped before building: an invalidation during the build makes this entry stale at once.
  clock += 1
  const job: Build = { stamp: clock, done: Promise.resolve(null) }
  job.done = build()
    .then((built) => {
      if (!built) return null
      const entry: Entry = {
        body: Buffer.from(built.body),
        contentType: built.contentType ?? 'application/json; charset=utf-8',
        etag: etagOf(built.body),
        stamp: job.stamp,
        tags: built.tags,
      }
      entries.delete(key)
      if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string)
      entries.set(key, entry)
      return entry
    })
    .finally(() => {
      if (building.get(key) === job) building.delete(key)
    })
  return job
}

function respond(entry: Entry, ifNoneMatch: null | string, cache: 'HIT' | 'MISS'): Response {
  // X-Cache: whether this instance answered from memory (load tests count it; CDNs add their own).
  const headers = { etag: entry.etag, 'cache-control': CACHE_CONTROL, 'x-cache': cache }
  if (ifNoneMatch && etagMatches(ifNoneMatch, entry.etag)) return new Response(null, { status: 304, headers })
  return new Response(entry.body as BodyInit, { status: 200, headers: { ...headers, 'content-type': entry.contentType } })
}

/**
 * The cheap path for a hot public URL: answered from this instance's cache without building a Payload request,
 * while the audit log was read within the last second. Anything else returns null and takes the full path
 * (which polls the audit log first).
 */
export function fromCacheOnly(url: string, ifNoneMatch: null | string): null | Response {
  const hit = cachedBytes(url, ifNoneMatch)
  if (!hit) return null
  return new Response(hit.body as BodyInit | null, { status: hit.status, headers: hit.headers })
}

/**
 * The same, as bytes and plain headers, for a server that writes them itself (src/server/apiServer.ts): no
 * WHATWG Response or stream in between.
 */
export function cachedBytes(
  url: string,
  ifNoneMatch: null | string,
): null | { body: null | Uint8Array; headers: Record<string, string>; status: 200 | 304 } {
  if (!url.includes('/api/public/')) return null
  const age = Date.now() - poll.checkedAt
  if (age >= MAX_STALE_MS || !poll.payload) return null
  if (age >= RECHECK_MS) startPoll(poll.payload).catch(() => undefined)
  const entry = entries.get(urlKey(url))
  if (!entry || !fresh(entry)) return null
  counters.hits += 1
  const headers = { etag: entry.etag, 'cache-control': CACHE_CONTROL, 'x-cache': 'HIT' }
  if (ifNoneMatch && etagMatches(ifNoneMatch, entry.etag)) return { status: 304, body: null, headers }
  return {
    status: 200,
    body: entry.body,
    headers: { ...headers, 'content-type': entry.contentType, 'content-length': String(entry.body.length) },
  }
}

/** Hits and misses since the last reset (the bench prints the ratio of each run). */
export function publicCacheStats(reset = false): { entries: number; hitRatio: number; hits: number; misses: number } {
  const { hits, misses } = counters
  if (reset) {
    counters.hits = 0
    counters.misses = 0
  }
  return { entries: entries.size, hits, misses, hitRatio: hits + misses ? hits / (hits + misses) : 0 }
}

/** A stable cache key: path plus sorted query. */
export function urlKey(url: string): string {
  const q = url.indexOf('?')
  const start = url.indexOf('/api/')
  const pathname = start < 0 ? new URL(url, 'http://localhost').pathname : url.slice(start, q < 0 ? undefined : q)
  if (q < 0) return `${pathname}?`
  const params = [...new URLSearchParams(url.slice(q + 1)).entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `${pathname}?${new URLSearchParams(params).toString()}`
}

/**
 * The public-cache reaction of the registry (src/events/reactions.ts), run right after appendAudit writes an entry:
 * drop what the entry changed here, and read the trail again soon in case the entry was still inside its transaction.
 */
export function publicCacheAfterAudit(entry: AuditEntryLike, options: { committed?: boolean } = {}): void {
  invalidateForAuditEntry(entry)
  // Written outside a transaction, the entry is committed already: the poll need not apply it a second time (which
  // would drop what readers cached since). Inside one, readers may still see the old content until the commit.
  if (options.committed && typeof entry.seq === 'number') {
    appliedCommitted.add(entry.seq)
    if (appliedCommitted.size > MAX_ENTRIES) appliedCommitted.delete(appliedCommitted.values().next().value!)
  } else pollSoon()
}

/** Seqs of entries applied on this instance after their commit (see publicCacheAfterAudit). */
const appliedCommitted = new Set<number>()
