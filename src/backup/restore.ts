/**
 * `restoreBackup`: a backup (backup.ts) into an empty database and media directory.
 *
 * 1. Checks, before writing anything: the manifest's format; the SHA-256, size and row count of every data file
 *    and the SHA-256 of every media file; that the target schema has every field the backup holds; that the
 *    target database holds no document in any collection the backup covers; that no media file would be
 *    overwritten with other bytes. Any failure is a `RestoreRefused` (4xx-style status and code) and nothing
 *    has been written.
 * 2. Writes documents collection by collection in dependency order (collections.ts), then versions, straight
 *    through the adapter (`payload.db.create` with the original id as `customID`; versions likewise, see
 *    writeVersion): no collection hook runs, so nothing is appended to the audit log, no lifecycle guard or lock
 *    judges old states, no upload is processed again, no webhook or search side effect fires, and `createdAt` /
 *    `updatedAt` keep their values. Ids: see ids.ts.
 * 3. Copies the media files byte for byte (hash checked after the copy).
 * 4. Verifies: row counts, and `verifyAuditChain` must pass and end on the manifest's audit head; otherwise a
 *    `RestoreVerificationFailed` is thrown. Stage reconciliation mismatches are reported.
 *
 * A failure during 2 leaves a SQLite target empty (one transaction); on MongoDB, and after 2, the target is
 * partly written: it was empty, so drop it (the MongoDB database or SQLite file, and the media directory) and
 * run the restore again.
 */
import { createHash } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import type { FlattenedField, Payload, PayloadRequest } from 'payload'

import { buildVersionCollectionFields } from 'payload'

import { type AuditVerification, verifyAuditChain } from '../audit/auditTrail'
import { reconcileStages, type StageMismatch } from '../audit/reconcileStages'
import { adapterInternals } from '../db/internals'
import { type Id, idKey } from '../ids'
import { contentTypeOf, type FileStore } from '../storage/fileStore'
import { countPart, type Progress, sourceIdType, storeFor } from './backup'
import { collectionOf, mapReferences, type Part, partFields, partKey, restoreOrder, slug } from './collections'
import { hashFile, safeRelative } from './files'
import { BACKUP_FORMAT, type DataFileEntry, FILES_DIR, FORMAT_VERSION, type Manifest, MANIFEST_FILE } from './format'
import { IdTranslator } from './ids'
import { readNdjson } from './ndjson'

export type RestoreOptions = {
  payload: Payload
  dir: string
  /** Where the files go: by default the target's file store (MEDIA_DIR, or its S3 bucket); `mediaDir` names another local root. */
  store?: FileStore
  mediaDir?: string
  onProgress?: Progress
  /**
   * Runs after the backup's files are verified and before the target is inspected: the CLI applies the SQLite
   * schema migrations to a new database file here (a fresh file has no tables to count).
   */
  prepareTarget?: () => Promise<void>
}

export type RestoreReport = {
  manifest: Manifest
  documents: number
  versions: number
  files: number
  /** Media files already in place with the same bytes. */
  filesAlreadyPresent: number
  /** `{ part: { sourceId: targetId } }` for every id that changed; empty when ids were kept. */
  idMap: Record<string, Record<string, Id>>
  idsKept: boolean
  audit: AuditVerification
  stageMismatches: StageMismatch[]
  seconds: number
}

export type RefusalCode =
  'not-a-backup' | 'unsupported-format' | 'manifest-mismatch' | 'schema-mismatch' | 'target-not-empty' | 'media-conflict'

/** The restore will not start; nothing was written. `status` says what kind of problem, HTTP-style. */
export class RestoreRefused extends Error {
  constructor(
    readonly status: 400 | 409 | 422,
    readonly code: RefusalCode,
    message: string,
    readonly details: string[] = [],
  ) {
    super(message)
    this.name = 'RestoreRefused'
  }
}

/** Written, but the result is not the backup: a broken audit chain, missing rows. */
export class RestoreVerificationFailed extends Error {
  constructor(
    message: string,
    readonly details: string[] = [],
  ) {
    super(message)
    this.name = 'RestoreVerificationFailed'
  }
}

type Doc = Record<string, unknown> & { id: Id }

// ---------------------------------------------------------------------------------------------------------------
// Checks (no writes)
// ---------------------------------------------------------------------------------------------------------------

export async function readManifest(dir: string): Promise<Manifest> {
  let manifest: Manifest
  try {
    manifest = JSON.parse(await fs.readFile(path.join(dir, MANIFEST_FILE), 'utf8')) as Manifest
  } catch (error) {
    throw new RestoreRefused(400, 'not-a-backup', `${path.join(dir, MANIFEST_FILE)} cannot be read: ${(error as Error).message}`)
  }
  if (manifest?.format !== BACKUP_FORMAT) {
    throw new RestoreRefused(400, 'not-a-backup', `${dir} holds no ${BACKUP_FORMAT} manifest.`)
  }
  if (manifest.formatVersion !== FORMAT_VERSION) {
    throw new RestoreRefused(
      422,
      'unsupported-format',
      `backup format version ${manifest.formatVersion}; this version restores ${FORMAT_VERSION}.`,
    )
  }
  const badPaths = [...manifest.data.map((d) => d.file), ...manifest.media.map((m) => m.path)].filter((p) => !safeRelative(p))
  if (badPaths.length) throw new RestoreRefused(422, 'manifest-mismatch', 'the manifest names files outside the backup.', badPaths)
  return manifest
}

/** Hashes every data file (collecting ids) and media file against the manifest. */
async function verifyBackupFiles(dir: string, manifest: Manifest, tick: () => void): Promise<Map<string, Id[]>> {
  const problems: string[] = []
  const ids = new Map<string, Id[]>()
  for (const entry of manifest.data) {
    const file = path.join(dir, entry.file)
    const totals: { bytes: number; sha256?: string } = { bytes: 0 }
    const list: Id[] = []
    try {
      for await (const line of readNdjson(file, totals)) {
        const id = (JSON.parse(line) as { id?: unknown }).id
        if (typeof id !== 'number' && typeof id !== 'string') throw new Error(`a row without an id`)
        list.push(id)
        tick()
      }
    } catch (error) {
      problems.push(`${entry.file}: unreadable (${(error as Error).message})`)
      continue
    }
    if (totals.sha256 !== entry.sha256) problems.push(`${entry.file}: SHA-256 ${totals.sha256} ≠ manifest ${entry.sha256}`)
    else if (totals.bytes !== entry.bytes || list.length !== entry.count) {
      problems.push(`${entry.file}: ${list.length} rows / ${totals.bytes} bytes ≠ manifest ${entry.count} / ${entry.bytes}`)
    }
    ids.set(partKey(entry), list)
  }
  for (const entry of manifest.media) {
    const file = path.join(dir, FILES_DIR, entry.path)
    const actual = await hashFile(file).catch((error: Error) => error)
    if (actual instanceof Error) problems.push(`${FILES_DIR}/${entry.path}: ${actual.message}`)
    else if (actual.sha256 !== entry.sha256)
      problems.push(`${FILES_DIR}/${entry.path}: SHA-256 ${actual.sha256} ≠ manifest ${entry.sha256}`)
    tick()
  }
  if (problems.length) {
    throw new RestoreRefused(
      422,
      'manifest-mismatch',
      `the backup does not match its manifest (${problems.length} file(s)); nothing was restored.`,
      problems,
    )
  }
  return ids
}

const topLevelNames = (fields: FlattenedField[]): Set<string> =>
  new Set(['id', ...fields.map((f) => ('name' in f ? f.name : '')).filter(Boolean)])

function checkSchema(payload: Payload, manifest: Manifest): void {
  const problems: string[] = []
  for (const entry of manifest.data) {
    const collection = collectionOf(payload, entry.collection)
    if (!collection) {
      problems.push(`collection ${entry.collection} (${entry.count} rows) does not exist here`)
      continue
    }
    if (entry.kind === 'versions' && !collection.config.versions) {
      problems.push(`${entry.collection} keeps no versions here (${entry.count} in the backup)`)
      continue
    }
    const known = topLevelNames(partFields(payload, entry))
    const unknown = entry.fields.filter((f) => !known.has(f))
    if (unknown.length) problems.push(`${entry.file}: field(s) ${unknown.join(', ')} do not exist here`)
  }
  if (problems.length) {
    throw new RestoreRefused(
      422,
      'schema-mismatch',
      'this application’s schema cannot hold the backup without losing data; restore with the version that made it.',
      problems,
    )
  }
}

async function checkTargetEmpty(payload: Payload, parts: Part[]): Promise<void> {
  const found: string[] = []
  for (const part of parts) {
    const n = await countPart(payload, part)
    if (n > 0) found.push(`${partKey(part)}: ${n}`)
  }
  if (found.length) {
    throw new RestoreRefused(
      409,
      'target-not-empty',
      'the target database is not empty; a backup is restored only into an empty database.',
      found,
    )
  }
}

/** Paths already present with the same bytes (skipped); any other present file refuses the restore. */
async function checkMediaTarget(store: FileStore, manifest: Manifest): Promise<Set<string>> {
  const same = new Set<string>()
  const conflicts: string[] = []
  const present = new Set(await store.list())
  for (const entry of manifest.media) {
    if (!present.has(entry.path)) continue
    const bytes = await store.get(entry.path)
    if (bytes && createHash('sha256').update(bytes).digest('hex') === entry.sha256) same.add(entry.path)
    else conflicts.push(entry.path)
  }
  if (conflicts.length) {
    throw new RestoreRefused(
      409,
      'media-conflict',
      `the file store ${store.location} already holds other files under the same names.`,
      conflicts,
    )
  }
  return same
}

// ---------------------------------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------------------------------

const AUDIT = 'audit-log'

/**
 * Ids this application keeps inside JSON fields and reads back as references (not relationship fields, so the
 * walker cannot see them): translated across adapters like relationships. The audit log's JSON is not: it is
 * hashed, and keeps the ids as recorded.
 */
const JOB_INPUT_REFERENCES: Record<string, Record<string, string>> = {
  releaseScheduledPackage: { policy: 'policies' },
  deliverWebhook: { delivery: 'webhook-deliveries' },
}

function translateJsonReferences(collection: string, data: Record<string, unknown>, ids: IdTranslator): Record<string, unknown> {
  const ref = (slug: string, value: unknown): unknown => {
    if (typeof value !== 'number' && typeof value !== 'string') return value
    const target = ids.target(slug, value)
    // Keep the JSON's own type: job inputs are strings, delivery payloads carry the adapter's id.
    return target === undefined ? value : typeof value === 'string' ? String(target) : target
  }
  const translateInput = (taskSlug: unknown, input: unknown) => {
    const refs = JOB_INPUT_REFERENCES[String(taskSlug)]
    if (!refs || !input || typeof input !== 'object') return input
    const out = { ...(input as Record<string, unknown>) }
    for (const [key, slug] of Object.entries(refs)) if (key in out) out[key] = ref(slug, out[key])
    return out
  }
  if (collection === 'payload-jobs') {
    const log = Array.isArray(data.log)
      ? data.log.map((row: Record<string, unknown>) => ({ ...row, input: translateInput(row.taskSlug, row.input) }))
      : data.log
    return { ...data, input: translateInput(data.taskSlug, data.input), log }
  }
  if (collection === 'webhook-deliveries') {
    const body = data.payload as { policy?: { id?: unknown; links?: { bundle?: unknown } } } | null
    if (!body?.policy) return data
    const id = ref('policies', body.policy.id)
    const bundle = body.policy.links?.bundle
    const links = typeof bundle === 'string' ? { ...body.policy.links, bundle: bundle.replace(/[^/]+$/, String(id)) } : body.policy.links
    return { ...data, payload: { ...body, policy: { ...body.policy, id, ...(links ? { links } : {}) } } }
  }
  if (collection === 'search-misses') {
    const filters = data.lastFilters as Record<string, unknown> | null
    if (!filters || !('department' in filters)) return data
    return { ...data, lastFilters: { ...filters, department: ref('departments', filters.department) } }
  }
  return data
}

/**
 * An audit entry's relationship columns must name the ids recorded (and hashed) in `refs`, or be empty
 * (verifyAuditChain). A translated column that `idKey` cannot match with the recorded id — a MongoDB ObjectId
 * restored as a fresh SQLite integer — is left empty; the recorded id stays in `refs`, the id map says where
 * the document went.
 */
function auditColumns(data: Record<string, unknown>): Record<string, unknown> {
  const refs = (data.refs ?? {}) as Record<string, unknown>
  const out = { ...data }
  for (const key of ['policy', 'department', 'actor']) {
    const column = out[key] as Id | null | undefined
    if (column !== null && column !== undefined && idKey(column) !== idKey(refs[key] as Id | null | undefined)) out[key] = null
  }
  return out
}

const snake = (slug: string) =>
  slug
    .replace(/([a-z\d])([A-Z])/g, '$1_$2')
    .replace(/[^a-zA-Z\d]+/g, '_')
    .toLowerCase()

/**
 * SQLite: all rows in one transaction — one commit instead of one per row (much faster), and a failure leaves
 * the target as empty as it was. This project runs the SQLite adapter without transactions (no
 * `transactionOptions`), so the drizzle transaction functions are called on the adapter directly, as the adapter
 * itself does when they are configured. MongoDB: none (a replica set would abort a transaction that runs longer
 * than 60 s; without one there are none).
 */
async function beginWrite(
  payload: Payload,
): Promise<undefined | { commit: () => Promise<void>; id: string; rollback: () => Promise<void> }> {
  if (payload.db.name === 'mongoose') return undefined
  const { beginTransaction, commitTransaction, rollbackTransaction } = await import('@payloadcms/drizzle')
  const db = adapterInternals(payload)
  const id = (await beginTransaction.call(db, {})) as null | number | string
  if (id === null || id === undefined) return undefined
  return {
    id: String(id),
    commit: () => commitTransaction.call(db, id),
    rollback: () => rollbackTransaction.call(db, id),
  }
}

/**
 * `payload.db.createVersion` takes no id, so a version is written the way it writes one, with its id: drizzle's
 * `upsertRow` with `customID` (SQLite, Postgres) or the adapter's own write transform and the version model
 * (MongoDB). Both are adapter internals (`@payloadcms/db-mongodb/internal` is marked so); the adapters are
 * pinned to one exact version in package.json, and the round-trip tests exercise both paths.
 */
async function writeVersion(
  payload: Payload,
  collection: string,
  id: Id,
  data: Record<string, unknown>,
  transactionID?: string,
): Promise<void> {
  const config = collectionOf(payload, collection)!.config
  const db = adapterInternals(payload)
  if (payload.db.name === 'mongoose') {
    const { transform } = await import('@payloadcms/db-mongodb/internal')
    const doc: Record<string, unknown> = { ...data }
    transform({ adapter: db, data: doc, fields: buildVersionCollectionFields(payload.config, config), operation: 'write' })
    doc._id = id
    await db.versions[collection].create([doc], { timestamps: false })
    return
  }
  const { upsertRow } = await import('@payloadcms/drizzle')
  const tableName = db.tableNameMap.get(`_${snake(collection)}${db.versionsSuffix ?? '_v'}`)
  if (!tableName) throw new Error(`no versions table for ${collection}`)
  await upsertRow({
    adapter: db,
    collectionSlug: collection,
    customID: id,
    data,
    db: (transactionID && db.sessions?.[transactionID]?.db) || db.drizzle,
    fields: buildVersionCollectionFields(payload.config, config, true),
    ignoreResult: true,
    operation: 'create',
    tableName,
  })
}

export async function restoreBackup(options: RestoreOptions): Promise<RestoreReport> {
  const started = Date.now()
  const { payload } = options
  const dir = path.resolve(options.dir)
  const store = storeFor(payload, options)
  const progress = options.onProgress ?? (() => {})

  // 1. Checks.
  const manifest = await readManifest(dir)
  const rows = manifest.data.reduce((a, d) => a + d.count, 0)
  const checkTotal = rows + manifest.media.length
  let checked = 0
  progress(0, checkTotal, 'verify')
  const ids = await verifyBackupFiles(dir, manifest, () => {
    checked += 1
    if (checked % 200 === 0 || checked === checkTotal) progress(checked, checkTotal, 'verify')
  })
  checkSchema(payload, manifest)
  await options.prepareTarget?.()
  const order = restoreOrder(payload)
  const inBackup = new Map(manifest.data.map((d) => [partKey(d), d]))
  const parts = order.filter((p) => inBackup.has(partKey(p)))
  await checkTargetEmpty(payload, order)
  const alreadyThere = await checkMediaTarget(store, manifest)

  // 2. Documents, then versions.
  const translator = new IdTranslator(manifest.source.idType, sourceIdType(payload))
  for (const [part, list] of ids) translator.register(part, list)
  // SQLite refuses a row pointing at one not yet written (foreign keys): such references wait for a second pass.
  const foreignKeys = payload.db.name !== 'mongoose'
  const written = new Set<string>()
  const writtenKey = (collection: string, id: Id) => `${collection}\u0000${String(id)}`
  const deferred: { collection: string; id: Id; doc: Doc }[] = []
  const total = rows + manifest.media.length
  let done = 0
  progress(0, total, 'documents')

  const prepare = (part: Part, doc: Doc, onDeferred: () => void): Record<string, unknown> => {
    let data = mapReferences(payload, doc, partFields(payload, part), (relationTo, id) => {
      const ref = translator.reference(relationTo, id)
      if (ref === null) return null
      const held = translator.target(relationTo, id) !== undefined
      if (foreignKeys && held && !written.has(writtenKey(relationTo, ref))) {
        onDeferred()
        return null
      }
      return ref
    })
    // A job the source was running when the backup was taken has no process here: queue it again rather than
    // leave it marked as running for ever.
    if (part.kind === 'documents' && part.collection === 'payload-jobs' && data.processing) data = { ...data, processing: false }
    if (!translator.same) {
      if (part.kind === 'documents') data = translateJsonReferences(part.collection, data, translator)
      if (part.kind === 'documents' && part.collection === AUDIT) data = auditColumns(data)
    }
    delete data.id
    return data
  }

  const transaction = await beginWrite(payload)
  const req = transaction ? ({ transactionID: transaction.id } as Partial<PayloadRequest>) : undefined
  try {
    for (const part of parts) {
      const entry = inBackup.get(partKey(part)) as DataFileEntry
      const read: { bytes: number; sha256?: string } = { bytes: 0 }
      for await (const line of readNdjson(path.join(dir, entry.file), read)) {
        const doc = JSON.parse(line) as Doc
        const id = translator.target(partKey(part), doc.id)!
        let later = false
        const data = prepare(part, doc, () => (later = true))
        if (part.kind === 'versions') {
          await writeVersion(payload, part.collection, id, data, transaction?.id)
        } else {
          await payload.db.create({ collection: slug(part.collection), customID: id, data, req, returning: false })
          written.add(writtenKey(part.collection, id))
          if (later) deferred.push({ collection: part.collection, id, doc })
        }
        done += 1
        if (done % 20 === 0) progress(done, total, 'documents')
      }
      // The file was verified before writing began; it must not have changed since.
      if (read.sha256 !== entry.sha256) throw new RestoreVerificationFailed(`${entry.file} changed during the restore.`)
    }
    // Second pass: everything exists now, so the full references can be written.
    for (const { collection, id, doc } of deferred) {
      const data = prepare({ collection, kind: 'documents' }, doc, () => {})
      await payload.db.updateOne({ collection: slug(collection), id, data, req, returning: false })
    }
    await transaction?.commit()
  } catch (error) {
    await transaction?.rollback()
    throw error
  }
  progress(done, total, 'documents')

  // 3. Media files.
  let copied = 0
  for (const entry of manifest.media) {
    if (!alreadyThere.has(entry.path)) {
      // Read whole (files are bounded by the upload limits), checked, then written: the store never holds bytes
      // the manifest does not vouch for.
      const bytes = await fs.readFile(path.join(dir, FILES_DIR, entry.path))
      if (createHash('sha256').update(bytes).digest('hex') !== entry.sha256)
        throw new RestoreVerificationFailed(`${entry.path} changed while it was copied.`)
      await store.put(entry.path, bytes, { contentType: contentTypeOf(entry.path) })
      copied += 1
    }
    done += 1
    progress(done, total, 'files')
  }

  // 4. Verification.
  const shortfalls: string[] = []
  for (const entry of manifest.data) {
    const n = await countPart(payload, entry)
    if (n !== entry.count) shortfalls.push(`${partKey(entry)}: ${n} rows, backup ${entry.count}`)
  }
  if (shortfalls.length) throw new RestoreVerificationFailed('the restored database does not hold every row of the backup.', shortfalls)
  const audit = await verifyAuditChain(payload, (d, t) => progress(d, t, 'audit'))
  if (!audit.ok) {
    throw new RestoreVerificationFailed(`the restored audit chain is broken at seq ${audit.brokenAt}: ${audit.reason}`)
  }
  const head = audit.head
  if (head?.seq !== manifest.auditHead?.seq || head?.hash !== manifest.auditHead?.hash) {
    throw new RestoreVerificationFailed(
      `the restored audit chain ends at seq ${head?.seq ?? 0} (${head?.hash ?? '-'}), the backup at seq ${manifest.auditHead?.seq ?? 0} (${manifest.auditHead?.hash ?? '-'}).`,
    )
  }

  return {
    manifest,
    documents: manifest.counts.documents,
    versions: manifest.counts.versions,
    files: copied,
    filesAlreadyPresent: alreadyThere.size,
    idMap: translator.changes(),
    idsKept: translator.same,
    audit,
    stageMismatches: await reconcileStages(payload),
    seconds: (Date.now() - started) / 1000,
  }
}

/** The manifest's own SHA-256, to compare with the one printed when the backup was made. */
export async function manifestSha256(dir: string): Promise<string> {
  return createHash('sha256')
    .update(await fs.readFile(path.join(dir, MANIFEST_FILE)))
    .digest('hex')
}
