import type { DatabaseAdapterObj } from 'payload'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import path from 'node:path'

import { migrations } from '../../migrations'
import { projectRoot } from '../paths'
import { sqliteBusyTimeoutMs, withSqliteConcurrency } from './sqliteConcurrency'

export const DEFAULT_DATABASE_URL = 'file:./data/cms.db'

export type DatabaseOptions = {
  /** Extra mongoose adapter options, e.g. what a MongoDB-wire test server needs. Production uses defaults. */
  mongo?: Partial<Parameters<typeof mongooseAdapter>[0]>
  /** Push the schema instead of running migrations (fresh throw-away test databases only). */
  sqlitePush?: boolean
}

export class UnsupportedDatabaseUrl extends Error {}

/** Resolves a relative `file:` URL against the project root, so that every command finds the same file. */
export function sqliteFileUrl(url: string): string {
  const file = url.slice('file:'.length)
  if (file.startsWith('/') || file === ':memory:') return url
  return `file:${path.resolve(projectRoot, file)}`
}

/** DATABASE_URL picks the adapter by scheme: `file:` → SQLite, `mongodb://` / `mongodb+srv://` → MongoDB. */
export function databaseAdapter(
  url: string = process.env.DATABASE_URL || DEFAULT_DATABASE_URL,
  options: DatabaseOptions = {},
): DatabaseAdapterObj {
  if (url.startsWith('file:')) {
    const fileUrl = sqliteFileUrl(url)
    return withSqliteConcurrency(
      sqliteAdapter({
        client: { url: fileUrl },
        migrationDir: path.resolve(projectRoot, 'migrations'),
        prodMigrations: migrations,
        push: options.sqlitePush ?? false,
        // A server and CLI scripts share the file: WAL lets readers run beside a writer, the timeout makes a
        // second writer wait (see sqliteConcurrency.ts for the connections libsql opens later).
        busyTimeout: sqliteBusyTimeoutMs(),
        wal: fileUrl.endsWith(':memory:') ? false : { synchronous: 'NORMAL' },
      }),
    )
  }
  if (url.startsWith('mongodb://') || url.startsWith('mongodb+srv://')) {
    return mongooseAdapter({ url, ...options.mongo })
  }
  const scheme = url.includes(':') ? url.slice(0, url.indexOf(':') + 1) : url
  throw new UnsupportedDatabaseUrl(
    `DATABASE_URL scheme "${scheme}" is not supported. Use file:./data/cms.db (SQLite, the default) or ` +
      `mongodb://host:27017/dbname / mongodb+srv://… (MongoDB).`,
  )
}
