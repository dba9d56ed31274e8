import type { Payload, PayloadRequest } from 'payload'

import { createHash } from 'node:crypto'

import type { TypedAuditEntry } from '../audit/auditTrail'

import { ACTION_TRAITS, actionsWhere } from '../events/actions'

/** Audit actions after which public content may read differently (src/events/actions.ts). */
const PUBLIC_ACTIONS = actionsWhere((t) => t.public)

/** How long an instance trusts its idea of the content version before asking the database again. */
const RECHECK_MS = 1000
const MAX_ENTRIES = 5000

export const CACHE_CONTROL = 'public, max-age=30, stale-while-revalidate=300'

// Bodies are kept encoded: a hot hit then costs no UTF-8 encoding.
type Entry = { body: Uint8Array; contentType: string; etag: string; version: number }

const state = { checkedAt: 0, version: -1 }
const entries = new Map<string, Entry>()

/** Called when this instance appends to the audit log: the next public read re-checks the version at once. */
export function touchPublicContent(): void {
  state.checkedAt = 0
}

/** The public-cache reaction (src/events/reactions.ts) to an appended audit entry. */
export function publicCacheAfterAudit(entry: TypedAuditEntry): void {
  if (ACTION_TRAITS[entry.action].public) touchPublicContent()
}

/**
 * The public content version is the seq of the last public-affecting audit entry. Every instance reads it from
 * the database (at most once a second), so a release or withdrawal handled by another instance invalidates
 * this instance's cache within a second too.
 */
async function contentVersion(payload: Payload): Promise<number> {
  if (Date.now() - state.checkedAt < RECHECK_MS) return state.version
  const { docs } = await payload.find({
    collection: 'audit-log',
    where: { action: { in: PUBLIC_ACTIONS } },
    sort: '-seq',
    limit: 1,
    depth: 0,
    pagination: false,
    overrideAccess: true,
    select: { seq: true },
  })
  const version = Number(docs[0]?.seq ?? 0)
  if (version !== state.version) entries.clear()
  state.version = version
  state.checkedAt = Date.now()
  return version
}

const etagOf = (body: string) => `"${createHash('sha1').update(body).digest('base64url')}"`

const etagMatches = (header: string, etag: string) =>
  header
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .includes(etag)

/**
 * Serves a public response from the cache (or builds it), keyed by URL, with a content ETag and Cache-Control,
 * answering 304 to a matching If-None-Match. `build` returns null for "not found".
 */
export async function cachedResponse(
  req: PayloadRequest,
  build: () => Promise<{ body: string; contentType?: string } | null>,
  notFound: () => Response,
): Promise<Response> {
  const version = await contentVersion(req.payload)
  const key = urlKey(req.url ?? '/')
  let entry = entries.get(key)
  if (!entry || entry.version !== version) {
    const built = await build()
    if (!built) return notFound()
    entry = { body: Buffer.from(built.body), contentType: built.contentType ?? 'application/json; charset=utf-8', etag: etagOf(built.body), version }
    if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string)
    entries.set(key, entry)
  }
  const headers = { etag: entry.etag, 'cache-control': CACHE_CONTROL }
  if (etagMatches(req.headers.get('if-none-match') ?? '', entry.etag)) return new Response(null, { status: 304, headers })
  return new Response(entry.body as BodyInit, { status: 200, headers: { ...headers, 'content-type': entry.contentType } })
}

/**
 * The cheap path for a hot public URL: answered from this instance's cache without building a Payload request,
 * while the cache's content version was confirmed within the last second. Anything else returns null and
 * takes the full path (which re-checks the version against the database).
 */
export function fromCacheOnly(url: string, ifNoneMatch: null | string): null | Response {
  if (Date.now() - state.checkedAt >= RECHECK_MS) return null
  const entry = entries.get(urlKey(url))
  if (!entry || entry.version !== state.version) return null
  const headers = { etag: entry.etag, 'cache-control': CACHE_CONTROL }
  if (ifNoneMatch && etagMatches(ifNoneMatch, entry.etag)) return new Response(null, { status: 304, headers })
  return new Response(entry.body as BodyInit, { status: 200, headers: { ...headers, 'content-type': entry.contentType } })
}

/** A stable cache key: path plus sorted query. */
export function urlKey(url: string): string {
  const parsed = new URL(url, 'http://localhost')
  const params = [...parsed.searchParams.entries()].sort(([a], [b]) => a.localeCompare(b))
  return `${parsed.pathname}?${new URLSearchParams(params).toString()}`
}
