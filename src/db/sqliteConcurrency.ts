import type { DatabaseAdapterObj } from 'payload'

/**
 * SQLite beside other processes: WAL (readers never wait for a writer; journal_mode is stored in the file) and a
 * busy timeout, so a CLI script (backup, reindex, import) writing while the server runs waits for the lock
 * instead of failing with "database is locked".
 *
 * The adapter's own `busyTimeout` sets the pragma once, on its first connection. But libsql hands that connection
 * to the first transaction and opens a fresh one lazily for the next statement, without the pragma (busy_timeout
 * is per connection): from then on a second writer got "database is locked" at once. So the pragmas are applied
 * again on every connection libsql opens after a transaction takes the previous one.
 */

/** SQLITE_BUSY_TIMEOUT_MS, default 10 s: long enough for a backup's or import's write batch. */
export const sqliteBusyTimeoutMs = (): number => {
  const raw = process.env.SQLITE_BUSY_TIMEOUT_MS
  const value = raw === undefined || raw.trim() === '' ? 10_000 : Number(raw)
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`SQLITE_BUSY_TIMEOUT_MS must be a whole number of milliseconds (got “${raw}”).`)
  return value
}

type Executor = { execute: (sql: string) => Promise<unknown> }
type LibsqlClient = Executor & { transaction: (mode?: string) => Promise<unknown> }

/** What every new connection needs; `synchronous` is per connection too (NORMAL is durable enough under WAL). */
export const connectionPragmas = (busyTimeoutMs: number): string[] => [
  `PRAGMA busy_timeout = ${busyTimeoutMs}`,
  'PRAGMA synchronous = NORMAL',
]

const configured = new WeakSet<object>()

function reapplyOnNewConnections(client: LibsqlClient, pragmas: string[]): void {
  if (configured.has(client)) return
  configured.add(client)
  const transaction = client.transaction.bind(client)
  client.transaction = async (mode?: string) => {
    const tx = await transaction(mode)
    // The client's next statement opens a new connection: open it now and configure it before anyone uses it.
    for (const pragma of pragmas) await client.execute(pragma)
    return tx
  }
}

/** Wraps the SQLite adapter so that each of its connections carries the pragmas above. */
export function withSqliteConcurrency(adapter: DatabaseAdapterObj, busyTimeoutMs = sqliteBusyTimeoutMs()): DatabaseAdapterObj {
  const pragmas = connectionPragmas(busyTimeoutMs)
  return {
    ...adapter,
    init: (args) => {
      const db = adapter.init(args)
      const connect = db.connect?.bind(db)
      if (connect) {
        db.connect = async (options) => {
          await connect(options)
          // The adapter's libsql client is not part of its declared type: read it as the member it is.
          const client = Reflect.get(db, 'client') as LibsqlClient | undefined
          if (!client) return
          for (const pragma of pragmas) await client.execute(pragma)
          reapplyOnNewConnections(client, pragmas)
        }
      }
      return db
    },
  }
}
