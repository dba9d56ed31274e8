/**
 * SQLite beside a second writing process (a CLI script next to the live server): WAL, and a busy timeout that
 * survives libsql's connection hand-over after a transaction (src/db/sqliteConcurrency.ts). SQLite only: the
 * MongoDB lane has no file locks to wait for.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import type { Payload } from 'payload'

import { adapterInternals } from '../src/db/internals'
import { lane, startPayload } from './helpers/payload'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const describeSqlite = lane === 'sqlite' ? describe : describe.skip

type Client = { execute: (sql: string) => Promise<{ rows: Record<string, unknown>[] }> }
const clientOf = (payload: Payload): Client => adapterInternals(payload).client

function startWriter(env: Record<string, string>) {
  const child: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    ['--conditions=production', '--no-deprecation', '--import', 'tsx', 'tests/sqlite/writer.ts'],
    { cwd: root, env: { ...process.env, NODE_OPTIONS: '', ...env }, stdio: ['pipe', 'pipe', 'pipe'] },
  )
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk) => (stdout += chunk))
  child.stderr.on('data', (chunk) => (stderr += chunk))
  const exited = new Promise<null | number>((resolve) => child.on('close', resolve))
  const line = (text: string, ms = 60_000) =>
    new Promise<void>((resolve, reject) => {
      const deadline = Date.now() + ms
      const timer = setInterval(() => {
        if (stdout.split('\n').includes(text)) {
          clearInterval(timer)
          resolve()
        } else if (Date.now() > deadline) {
          clearInterval(timer)
          reject(new Error(`writer never printed “${text}”. stdout: ${stdout}\nstderr: ${stderr}`))
        }
      }, 20)
    })
  return { child, exited, line, go: () => child.stdin.write('go\n'), output: () => ({ stdout, stderr }) }
}

describeSqlite('SQLite with a second writing process', () => {
  let payload: Payload

  beforeAll(async () => {
    ;({ payload } = await startPayload())
  })
  afterAll(async () => {
    await payload?.destroy()
  })

  it('runs in WAL mode and keeps the busy timeout on the connection libsql opens after a transaction', async () => {
    const client = clientOf(payload)
    expect((await client.execute('PRAGMA journal_mode')).rows[0]?.journal_mode).toBe('wal')
    // A Local API create runs in a transaction, which takes the client's connection away.
    await payload.create({ collection: 'search-misses', data: { query: 'pragma-check', count: 1 }, overrideAccess: true })
    expect(Number((await client.execute('PRAGMA busy_timeout')).rows[0]?.timeout)).toBe(10_000)
  })

  it('two processes writing at once both finish, every row stored', async () => {
    const writer = startWriter({ WRITER_COUNT: '40', WRITER_TAG: 'child' })
    await writer.line('ready')
    writer.go()
    const mine = Array.from({ length: 40 }, (_, i) => i)
    for (const i of mine)
      await payload.create({ collection: 'search-misses', data: { query: `parent-${i}`, count: 1 }, overrideAccess: true })
    await writer.line('done 40')
    expect(await writer.exited).toBe(0)
    const { totalDocs: child } = await payload.count({ collection: 'search-misses', where: { query: { like: 'child-' } } })
    const { totalDocs: parent } = await payload.count({ collection: 'search-misses', where: { query: { like: 'parent-' } } })
    expect({ child, parent }).toEqual({ child: 40, parent: 40 })
  })

  it('a write while another process holds the lock waits for it; without the timeout it fails “database is locked”', async () => {
    const writer = startWriter({ WRITER_HOLD_MS: '1500', WRITER_TAG: 'holder' })
    await writer.line('ready')
    writer.go()
    await writer.line('holding')
    const client = clientOf(payload)
    // The refusal SQLite gives without a timeout (what every CLI script beside the server used to get).
    await client.execute('PRAGMA busy_timeout = 0')
    await expect(
      client.execute(
        `INSERT INTO search_misses (query, count, updated_at, created_at) VALUES ('no-wait', 1, datetime('now'), datetime('now'))`,
      ),
    ).rejects.toThrow(/SQLITE_BUSY|database is locked/)
    await client.execute('PRAGMA busy_timeout = 10000')
    const started = Date.now()
    await payload.create({ collection: 'search-misses', data: { query: 'waited', count: 1 }, overrideAccess: true })
    // libsql waits synchronously, so the write returns only once the holder committed (held 1.5 s from `holding`).
    expect(Date.now() - started).toBeGreaterThan(500)
    await writer.line('released')
    expect(await writer.exited).toBe(0)
    const { docs } = await payload.find({
      collection: 'search-misses',
      where: { query: { in: ['holder-held', 'waited', 'no-wait'] } },
      overrideAccess: true,
    })
    expect(docs.map((d) => d.query).sort()).toEqual(['holder-held', 'waited'])
  })
})
