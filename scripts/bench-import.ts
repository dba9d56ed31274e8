/**
 * `npm run bench:import [-- --rows 10000] [--short]`: imports N real-looking rows (tests/fixtures/realText.ts: traditional
 * characters, full-width punctuation, converter debris, HTML with tables, every 10th body 400 paragraphs long; one
 * interpretation per two policies) from a JSON Lines file into a fresh SQLite database, and prints rows/s and peak
 * memory (resident set and V8 heap). `--short` keeps every body short (the import path without the long bodies);
 * `--wal` runs the database in WAL mode with synchronous=NORMAL.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { drawProgress, runCli } from './lib/cli'

process.env.JOBS_AUTORUN = 'false'

const canExecute = (client: unknown): client is { execute: (sql: string) => Promise<unknown> } =>
  typeof client === 'object' && client !== null && typeof (client as { execute?: unknown }).execute === 'function'

async function main(): Promise<number> {
  const args = process.argv.slice(2)
  const target = args.includes('--rows') ? Number(args[args.indexOf('--rows') + 1]) : 10_000
  const short = args.includes('--short')
  const work = mkdtempSync(path.join(os.tmpdir(), 'bench-import-'))
  const { getPayload } = await import('payload')
  const { buildAppConfig } = await import('../src/buildAppConfig')
  const { seedOrganisation } = await import('../src/seed/organisation')
  const { importAdmin } = await import('../src/import/admin')
  const { importFile, summaryLine } = await import('../src/import/run')
  const { realTextRows, toJsonl } = await import('../tests/fixtures/realText')

  const payload = await getPayload({
    config: buildAppConfig({ databaseUrl: `file:${path.join(work, 'bench.db')}`, database: { sqlitePush: true } }),
  })
  try {
    const client: unknown = 'client' in payload.db ? payload.db.client : null
    if (args.includes('--wal') && canExecute(client)) {
      // What WAL with synchronous=NORMAL gives: Payload's SQLite adapter runs without transactions by default, so every
      // statement is its own commit, and in the default rollback journal every commit waits for the disk.
      await client.execute('PRAGMA journal_mode=WAL')
      await client.execute('PRAGMA synchronous=NORMAL')
    }
    await seedOrganisation(payload)
    const user = await importAdmin(payload)
    // Two rows (policy + interpretation) per two policies: 2/3 of the rows are policies.
    let rows = realTextRows(Math.ceil((target * 2) / 3), 'B').slice(0, target)
    if (short) rows = rows.map((r) => ('body' in r && String(r.body).length > 5000 ? { ...r, body: String(r.body).slice(0, 2000) } : r))
    const file = path.join(work, 'library.jsonl')
    const text = toJsonl(rows)
    writeFileSync(file, text)
    console.log(
      `bench:import — ${rows.length} rows${args.includes('--wal') ? ' (WAL, synchronous=NORMAL)' : ''}, ${(Buffer.byteLength(text) / 2 ** 20).toFixed(1)} MiB JSON Lines, SQLite ${work}`,
    )

    let peakRss = process.memoryUsage().rss
    let peakHeap = process.memoryUsage().heapUsed
    const sampler = setInterval(() => {
      const m = process.memoryUsage()
      peakRss = Math.max(peakRss, m.rss)
      peakHeap = Math.max(peakHeap, m.heapUsed)
    }, 100)
    const started = Date.now()
    const report = await importFile(payload, Buffer.from(text), {
      user,
      fileName: file,
      baseDir: work,
      onProgress: (done, total) => {
        if (done % 100 === 0 || done === total) {
          const seconds = (Date.now() - started) / 1000
          drawProgress(done, total, `rows · ${seconds > 0 ? Math.round(done / seconds) : 0}/s`)
        }
      },
    })
    clearInterval(sampler)
    process.stderr.write('\n')
    const seconds = (Date.now() - started) / 1000
    const mib = (b: number) => `${(b / 2 ** 20).toFixed(0)} MiB`
    console.log(summaryLine(report))
    console.log(`rows/s: ${(rows.length / seconds).toFixed(1)} (${rows.length} rows in ${seconds.toFixed(1)} s)`)
    console.log(`peak memory: rss ${mib(peakRss)}, heap ${mib(peakHeap)}`)
    return report.failed > 0 ? 1 : 0
  } finally {
    await payload.destroy()
  }
}

runCli(main, 'bench:import failed', 2)
