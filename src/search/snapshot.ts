import { createHash } from 'node:crypto'
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import v8 from 'node:v8'
import { gunzip, gzip } from 'node:zlib'

import { projectRoot } from '../paths'
import type { PreparedIndex } from './searchIndex'

/**
 * A snapshot is the indexed documents, segmented, with the dictionary version they were segmented with (after a
 * dictionary edit they are segmented again from their texts), and the audit-log entry it is current to, `{ seq, hash }`. Loading it is valid only while that entry still has
 * that hash: the audit log is a hash chain, so an equal hash means the database's history up to there is the one
 * the snapshot saw (a restored backup or another database fails the check and the index is rebuilt instead).
 */
export type Watermark = { hash: null | string; seq: number }

export type Snapshot = { format: number; index: PreparedIndex; savedAt: string; watermark: Watermark }

const FORMAT = 2

/** Distinguishes concurrent writes of one process (a scheduled save and an explicit one). */
let writes = 0

/** `SEARCH_SNAPSHOT_DIR` (default data/search; `off` disables), one file per database URL. Off under tests unless set. */
export function snapshotPath(databaseUrl: string | undefined): string | undefined {
  const configured = process.env.SEARCH_SNAPSHOT_DIR
  if (configured === 'off' || (!configured && process.env.NODE_ENV === 'test')) return undefined
  const dir = path.resolve(projectRoot, configured || 'data/search')
  const tag = createHash('sha256')
    .update(databaseUrl || 'default')
    .digest('hex')
    .slice(0, 12)
  return path.join(dir, `index-${tag}.v8.gz`)
}

export async function writeSnapshot(file: string, index: PreparedIndex, watermark: Watermark): Promise<number> {
  const snapshot: Snapshot = { format: FORMAT, savedAt: new Date().toISOString(), watermark, index }
  const bytes = await promisify(gzip)(v8.serialize(snapshot), { level: 1 })
  await mkdir(path.dirname(file), { recursive: true })
  // Write aside and rename: a reader (another instance starting) never sees half a file.
  const temp = `${file}.${process.pid}.${(writes += 1)}.tmp`
  await writeFile(temp, bytes)
  await rename(temp, file)
  return bytes.length
}

export async function readSnapshot(file: string): Promise<Snapshot | undefined> {
  try {
    const snapshot = v8.deserialize(await promisify(gunzip)(await readFile(file))) as Snapshot
    return snapshot?.format === FORMAT && Array.isArray(snapshot.index?.docs) ? snapshot : undefined
  } catch {
    return undefined
  }
}
