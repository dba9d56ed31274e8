/**
 * `createBackup`: every document of every collection (versions and the audit log included) and every media file,
 * with a manifest of SHA-256 hashes. See format.ts for the layout and collections.ts for what is left out.
 *
 * Reads go through `payload.db` (the adapter) rather than the Local API: no afterRead hooks (which hide fields
 * from some readers), hidden fields such as password hashes included, and exactly what a restore must write back.
 */
import { createHash } from 'node:crypto'
import { createWriteStream } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import type { Payload, Where } from 'payload'

import type { Id } from '../ids'
import { derivedKey } from '../media/storage'
import { mediaDir as defaultMediaDir, projectRoot } from '../paths'
import { type FileStore, fileStoreOf, LocalFileStore } from '../storage/fileStore'
import { backedUpCollections, collectionOf, mapReferences, NO_JOINS, type Part, partFields, restoreOrder, slug } from './collections'
import { exists, writeHashed } from './files'
import {
  BACKUP_FORMAT,
  DATA_DIR,
  type DataFileEntry,
  dataFileName,
  FILES_DIR,
  FORMAT_VERSION,
  type IdType,
  type Manifest,
  MANIFEST_FILE,
  type MediaFileEntry,
} from './format'

export type Progress = (done: number, total: number, phase: string) => void

export type BackupOptions = {
  payload: Payload
  /** Created if absent; must be empty. */
  dir: string
  /**
   * Where the files are read from: by default the instance's file store (MEDIA_DIR, or the S3 bucket); `mediaDir`
   * names another local media root.
   */
  store?: FileStore
  mediaDir?: string
  onProgress?: Progress
  /** Documents read per query. */
  pageSize?: number
}

export type BackupResult = { dir: string; manifest: Manifest; manifestSha256: string; seconds: number }

export class BackupError extends Error {
  constructor(
    readonly code: 'backup-dir-not-empty' | 'changed-during-backup' | 'media-outside-media-dir',
    message: string,
  ) {
    super(message)
    this.name = 'BackupError'
  }
}

type Row = Record<string, unknown> & { id: Id }

export async function auditHead(payload: Payload): Promise<Manifest['auditHead']> {
  const { docs } = await payload.db.find({ collection: 'audit-log', sort: '-seq', limit: 1, pagination: false, where: {} })
  const last = docs[0] as { hash?: string; seq?: number } | undefined
  return last?.hash ? { seq: Number(last.seq), hash: last.hash } : null
}

/** Every row of a part, `pageSize` at a time, by ascending id (keyset paging: no offsets on big tables). */
export async function* readPart(payload: Payload, part: Part, pageSize = 500): AsyncGenerator<Row[]> {
  let last: Id | undefined
  for (;;) {
    const where: Where = last === undefined ? {} : { id: { greater_than: last } }
    const args = { collection: slug(part.collection), where, sort: 'id', limit: pageSize, pagination: false }
    // joins: false, or the SQLite adapter resolves join fields (written back, they would be ignored anyway).
    const { docs } =
      part.kind === 'versions' ? await payload.db.findVersions<Row>(args) : await payload.db.find<Row>({ ...args, joins: NO_JOINS })
    if (!docs.length) return
    yield docs
    last = docs[docs.length - 1]!.id
    if (docs.length < pageSize) return
  }
}

export async function countPart(payload: Payload, part: Part): Promise<number> {
  const { totalDocs } =
    part.kind === 'versions'
      ? await payload.db.countVersions({ collection: slug(part.collection), where: {} })
      : await payload.db.count({ collection: slug(part.collection), where: {} })
  return totalDocs
}

export const sourceIdType = (payload: Payload): IdType => (payload.db.defaultIDType === 'number' ? 'number' : 'text')

async function payloadVersion(): Promise<string> {
  const pkg = JSON.parse(await fs.readFile(path.join(projectRoot, 'node_modules', 'payload', 'package.json'), 'utf8')) as {
    version: string
  }
  return pkg.version
}

async function appliedMigrations(payload: Payload): Promise<string[]> {
  if (!payload.collections['payload-migrations']) return []
  const { docs } = await payload.db.find({ collection: 'payload-migrations', sort: 'id', pagination: false, where: {} })
  return docs.map((d) => String((d as { name?: unknown }).name ?? '')).filter(Boolean)
}

/** The store a backup reads from or a restore writes to. */
export function storeFor(payload: Payload, options: { mediaDir?: string; store?: FileStore }): FileStore {
  return options.store ?? (options.mediaDir ? new LocalFileStore(path.resolve(options.mediaDir)) : fileStoreOf(payload))
}

/**
 * Media files documents name, as store keys (paths under the media root): upload originals and image sizes, and
 * the derivatives the media pipeline lists (src/media/storage.ts). Used only to report what is missing.
 */
function expectedMediaFiles(payload: Payload, collection: string, doc: Row, mediaRoot: string): string[] {
  const config = collectionOf(payload, collection)!.config
  const out: string[] = []
  if (config.upload) {
    const dir = path.relative(mediaRoot, path.resolve(config.upload.staticDir ?? ''))
    const name = (v: unknown) => (typeof v === 'string' && v ? path.posix.join(dir.split(path.sep).join('/'), v) : undefined)
    const own = name(doc.filename)
    if (own) out.push(own)
    for (const size of Object.values((doc.sizes ?? {}) as Record<string, { filename?: unknown } | null>)) {
      const file = name(size?.filename)
      if (file) out.push(file)
    }
  }
  if (Array.isArray(doc.derivatives)) {
    for (const row of doc.derivatives as { filename?: unknown }[]) {
      if (typeof row?.filename === 'string' && row.filename) out.push(derivedKey(collection, row.filename))
    }
  }
  return out
}

export async function createBackup(options: BackupOptions): Promise<BackupResult> {
  const started = Date.now()
  const { payload } = options
  const dir = path.resolve(options.dir)
  // Upload folders are laid out under the configured media root; keys are the same in every store.
  const mediaRoot = defaultMediaDir()
  const store = storeFor(payload, options)
  const pageSize = options.pageSize ?? 500
  const progress = options.onProgress ?? (() => {})

  for (const c of backedUpCollections(payload)) {
    const staticDir = c.upload ? path.resolve(c.upload.staticDir ?? '') : undefined
    if (staticDir && path.relative(mediaRoot, staticDir).startsWith('..')) {
      throw new BackupError(
        'media-outside-media-dir',
        `${c.slug} stores its files in ${staticDir}, outside the media directory ${mediaRoot}.`,
      )
    }
  }
  if ((await exists(dir)) && (await fs.readdir(dir)).length > 0) {
    throw new BackupError('backup-dir-not-empty', `${dir} is not empty: a backup goes into a new or empty directory.`)
  }
  await fs.mkdir(path.join(dir, DATA_DIR), { recursive: true })
  await fs.mkdir(path.join(dir, FILES_DIR), { recursive: true })

  try {
    const headBefore = await auditHead(payload)
    const parts = restoreOrder(payload)
    const counts = await Promise.all(parts.map((part) => countPart(payload, part)))
    const mediaFiles = await store.list()
    const total = counts.reduce((a, b) => a + b, 0) + mediaFiles.length
    let done = 0
    progress(done, total, 'documents')

    const data: DataFileEntry[] = []
    const expected = new Set<string>()
    for (const part of parts) {
      const file = dataFileName(part.collection, part.kind)
      const fields = partFields(payload, part)
      const hash = createHash('sha256')
      const out = createWriteStream(path.join(dir, file), { flags: 'wx' })
      const written = new Promise<void>((resolve, reject) => {
        out.on('finish', resolve)
        out.on('error', reject)
      })
      let count = 0
      let bytes = 0
      const names = new Set<string>()
      for await (const rows of readPart(payload, part, pageSize)) {
        let chunk = ''
        for (const row of rows) {
          // Join fields are computed on read; the identity visitor only drops them.
          const doc = mapReferences(payload, row, fields, (_relationTo, id) => id)
          for (const key of Object.keys(doc)) names.add(key)
          if (part.kind === 'documents') for (const f of expectedMediaFiles(payload, part.collection, row, mediaRoot)) expected.add(f)
          chunk += `${JSON.stringify(doc)}\n`
          count += 1
        }
        const buffer = Buffer.from(chunk, 'utf8')
        hash.update(buffer)
        bytes += buffer.length
        if (!out.write(buffer)) await new Promise<void>((resolve) => out.once('drain', () => resolve()))
        done += rows.length
        progress(done, total, 'documents')
      }
      out.end()
      await written
      data.push({ collection: part.collection, kind: part.kind, file, count, bytes, sha256: hash.digest('hex'), fields: [...names].sort() })
    }

    const media: MediaFileEntry[] = []
    for (const rel of mediaFiles) {
      const source = await store.stream(rel)
      // Removed since it was listed (a replaced or deleted upload): the audit check below refuses such a backup.
      if (!source) continue
      const { bytes, sha256 } = await writeHashed(source, path.join(dir, FILES_DIR, rel))
      media.push({ path: rel, bytes, sha256 })
      done += 1
      progress(done, total, 'files')
    }
    const present = new Set(media.map((m) => m.path))

    // Writers that ran meanwhile would leave documents and audit log out of step: refuse such a backup.
    const headAfter = await auditHead(payload)
    if (headAfter?.hash !== headBefore?.hash) {
      throw new BackupError(
        'changed-during-backup',
        `the database changed during the backup (audit log went from seq ${headBefore?.seq ?? 0} to ${headAfter?.seq ?? 0}); run it again at a quieter moment.`,
      )
    }

    const manifest: Manifest = {
      format: BACKUP_FORMAT,
      formatVersion: FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      source: {
        adapter: payload.db.name,
        idType: sourceIdType(payload),
        payloadVersion: await payloadVersion(),
        migrations: await appliedMigrations(payload),
      },
      auditHead: headAfter,
      counts: {
        documents: data.filter((d) => d.kind === 'documents').reduce((a, d) => a + d.count, 0),
        versions: data.filter((d) => d.kind === 'versions').reduce((a, d) => a + d.count, 0),
        files: media.length,
      },
      data,
      media,
      missingMedia: [...expected].filter((f) => !present.has(f)).sort(),
    }
    const text = `${JSON.stringify(manifest, null, 2)}\n`
    await fs.writeFile(path.join(dir, MANIFEST_FILE), text, { flag: 'wx' })
    return {
      dir,
      manifest,
      manifestSha256: createHash('sha256').update(text).digest('hex'),
      seconds: (Date.now() - started) / 1000,
    }
  } catch (error) {
    // Only what this call created: the directory was empty (or absent) when it started.
    await fs.rm(path.join(dir, DATA_DIR), { recursive: true, force: true })
    await fs.rm(path.join(dir, FILES_DIR), { recursive: true, force: true })
    await fs.rm(path.join(dir, MANIFEST_FILE), { force: true })
    throw error
  }
}
