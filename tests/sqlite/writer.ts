/**
 * A second process writing to the test file's SQLite database, as a CLI script beside the server would:
 * boots Payload on DATABASE_URL (schema already there), prints `ready`, waits for a line on stdin, then either
 * creates WRITER_COUNT rows through the Local API (each in its own transaction) and prints `done <n>`, or, with
 * WRITER_HOLD_MS, holds the write lock that long in one open transaction and prints `released`.
 */
import { getPayload } from 'payload'
import { createInterface } from 'node:readline'

import { buildAppConfig } from '../../src/buildAppConfig'
import { adapterInternals } from '../../src/db/internals'

const count = Number(process.env.WRITER_COUNT ?? 0)
const holdMs = Number(process.env.WRITER_HOLD_MS ?? 0)
const tag = process.env.WRITER_TAG ?? 'child'

const payload = await getPayload({ config: buildAppConfig({ databaseUrl: process.env.DATABASE_URL, database: { sqlitePush: false } }) })
process.stdout.write('ready\n')
await new Promise<void>((resolve) => createInterface({ input: process.stdin }).once('line', () => resolve()))

if (holdMs > 0) {
  const client: { transaction: (mode: string) => Promise<{ commit: () => Promise<void>; execute: (sql: string) => Promise<unknown> }> } =
    adapterInternals(payload).client
  const tx = await client.transaction('write')
  await tx.execute(
    `INSERT INTO search_misses (query, count, updated_at, created_at) VALUES ('${tag}-held', 1, datetime('now'), datetime('now'))`,
  )
  process.stdout.write('holding\n')
  await new Promise((resolve) => setTimeout(resolve, holdMs))
  await tx.commit()
  process.stdout.write('released\n')
} else {
  for (let i = 0; i < count; i += 1) {
    await payload.create({ collection: 'search-misses', data: { query: `${tag}-${i}`, count: 1 }, overrideAccess: true })
  }
  process.stdout.write(`done ${count}\n`)
}
await payload.destroy()
process.exit(0)
