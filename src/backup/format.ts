/**
 * The on-disk format of a backup (`npm run backup -- <dir>`):
 *
 *   <dir>/manifest.json                      what is in it, with a SHA-256 for every file below
 *   <dir>/data/<slug>.ndjson                 every document of a collection, one JSON object per line, ids ascending
 *   <dir>/data/<slug>.versions.ndjson        every stored version of a versioned collection
 *   <dir>/files/<path under MEDIA_DIR>       every media file, byte for byte
 *
 * Documents are stored as the database adapter returns them (`payload.db`, depth 0: ids of related documents, no
 * hooks, hidden fields such as password hashes included): JSON is adapter-neutral, ids are numbers (SQLite) or
 * 24-hex strings (MongoDB), dates ISO strings.
 */

export const BACKUP_FORMAT = 'policy-cms-backup'
export const FORMAT_VERSION = 1

export const MANIFEST_FILE = 'manifest.json'
export const DATA_DIR = 'data'
export const FILES_DIR = 'files'

/** How ids look on the source database: Payload's `defaultIDType` of its adapter. */
export type IdType = 'number' | 'text'

export type DataFileEntry = {
  /** A collection slug; for versions, the slug of the versioned collection. */
  collection: string
  kind: 'documents' | 'versions'
  /** Relative to the backup directory, forward slashes. */
  file: string
  count: number
  bytes: number
  sha256: string
  /** Top-level field names the source stored (a restore into a schema that lacks one would lose data). */
  fields: string[]
}

export type MediaFileEntry = {
  /** Relative to MEDIA_DIR (and to `files/` in the backup), forward slashes. */
  path: string
  bytes: number
  sha256: string
}

export type Manifest = {
  format: typeof BACKUP_FORMAT
  formatVersion: number
  createdAt: string
  source: {
    adapter: string
    idType: IdType
    payloadVersion: string
    /** Names of the schema migrations applied to the source (SQLite); empty on MongoDB. */
    migrations: string[]
  }
  /** The last audit entry at backup time; a restore must end on the very same entry. */
  auditHead: { hash: string; seq: number } | null
  counts: { documents: number; files: number; versions: number }
  /** In restore order (dependencies first). */
  data: DataFileEntry[]
  media: MediaFileEntry[]
  /** Media files that documents name but that were not on disk at backup time. */
  missingMedia: string[]
}

export const dataFileName = (collection: string, kind: DataFileEntry['kind']): string =>
  `${DATA_DIR}/${collection}${kind === 'versions' ? '.versions' : ''}.ndjson`
