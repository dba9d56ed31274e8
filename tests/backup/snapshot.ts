/**
 * What a database and a media directory hold, read independently of src/backup (through the Local API, as the
 * application reads), normalised so that two databases can be compared: ids as strings (SQLite's 5, MongoDB's
 * 5 carried as 000000000000000000000005 — see src/ids.ts — all read "5"), dates as ISO strings, and absent,
 * null, false, [] and {} alike (SQLite returns empty columns as null where MongoDB omits them).
 */
import type { FileStore } from '../../src/storage/fileStore'
import { createHash } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import type { CollectionSlug, Payload } from 'payload'

import { EXCLUDED_COLLECTIONS, NO_JOINS } from '../../src/backup'
import { numberForObjectId } from '../../src/ids'

export type Snapshot = Record<string, Record<string, unknown>>

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/

/** `rename` maps ids that changed (a MongoDB ObjectId restored as a new SQLite integer) onto the new ones. */
export function normalise(value: unknown, rename: (text: string) => string = (t) => t): unknown {
  if (value === null || value === undefined || value === false) return undefined
  if (typeof value === 'number') return rename(String(value))
  if (typeof value === 'string') {
    if (ISO.test(value)) return new Date(value).toISOString()
    const n = numberForObjectId(value)
    return rename(n === undefined ? value : String(n))
  }
  if (typeof value !== 'object') return value
  if (value instanceof Date) return value.toISOString()
  if (Array.isArray(value)) {
    const items = value.map((v) => normalise(v, rename) ?? null)
    return items.length ? items : undefined
  }
  const out: Record<string, unknown> = {}
  for (const key of Object.keys(value).sort()) {
    const v = normalise((value as Record<string, unknown>)[key], rename)
    if (v !== undefined) out[key] = v
  }
  return Object.keys(out).length ? out : undefined
}

/** Every document of every backed-up collection and every stored version, keyed `slug` / `slug:versions`. */
export async function snapshotDatabase(payload: Payload, rename?: (text: string) => string): Promise<Snapshot> {
  const out: Snapshot = {}
  for (const config of payload.config.collections) {
    if (EXCLUDED_COLLECTIONS.has(config.slug)) continue
    const collection = config.slug as CollectionSlug
    const common = { collection, depth: 0, overrideAccess: true, pagination: false, showHiddenFields: true, sort: 'id' } as const
    const { docs } = await payload.find({ ...common, joins: NO_JOINS })
    out[collection] = Object.fromEntries(docs.map((d) => [normalise(d.id, rename) as string, normalise(d, rename)]))
    if (config.versions) {
      const versions = await payload.findVersions(common)
      out[`${collection}:versions`] = Object.fromEntries(
        versions.docs.map((d) => [normalise(d.id, rename) as string, normalise(d, rename)]),
      )
    }
  }
  return out
}

export const countsOf = (snapshot: Snapshot): Record<string, number> =>
  Object.fromEntries(Object.entries(snapshot).map(([part, docs]) => [part, Object.keys(docs).length]))

/** SHA-256 of every file under `dir`, by relative path. */
export async function hashTree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  const walk = async (d: string): Promise<void> => {
    for (const entry of await fs.readdir(d, { withFileTypes: true }).catch(() => [])) {
      const p = path.join(d, entry.name)
      if (entry.isDirectory()) await walk(p)
      else
        out[path.relative(dir, p).split(path.sep).join('/')] = createHash('sha256')
          .update(await fs.readFile(p))
          .digest('hex')
    }
  }
  await walk(dir)
  return out
}

/** The first difference between two snapshots, readable in a failed assertion (or null). */
export function firstDifference(a: Snapshot, b: Snapshot): null | string {
  for (const part of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const x = a[part] ?? {}
    const y = b[part] ?? {}
    for (const id of new Set([...Object.keys(x), ...Object.keys(y)])) {
      const left = JSON.stringify(x[id])
      const right = JSON.stringify(y[id])
      if (left !== right) {
        let i = 0
        while (i < Math.min(left?.length ?? 0, right?.length ?? 0) && left[i] === right[i]) i += 1
        return `${part} ${id}: …${left?.slice(Math.max(0, i - 80), i + 120)}… ≠ …${right?.slice(Math.max(0, i - 80), i + 120)}…`
      }
    }
  }
  return null
}

/** Every file of a file store (local or S3) with its SHA-256, keyed by store key. */
export async function hashStore(store: FileStore): Promise<Record<string, string>> {
  const out: Record<string, string> = {}
  for (const key of await store.list())
    out[key] = createHash('sha256')
      .update((await store.get(key))!)
      .digest('hex')
  return out
}
