/**
 * `npm run bench` — the public bundle endpoint against stock Payload REST and a raw node:http server, in one run.
 *
 * Seeds BENCH_POLICIES (10k) released policies with 3 interpretations each into a fresh SQLite file, serves
 * (a) GET /api/public/policies/:id (the bundle), (b) GET /api/policies/:id?depth=2 (stock Payload REST, the same
 * documents), (c) a raw node:http server answering the same bundle bytes from memory, and loads each with 50
 * connections from a separate process (autocannon). Then list latency at 1k vs BENCH_LARGE (100k) policies.
 * Benchmark data is inserted in batches through the adapter's tables (no hooks): it measures reading, not the rules.
 *
 * `npm run bench -- --site` — the reference website instead: one `next start` of the production build (the browser
 * test's server: fresh SQLite, demo data seeded), GET /policies/<id> of a released demo policy (the server-rendered
 * page) next to GET /api/public/policies/<id> (its bundle, which the page reads), both warmed, and their ratio.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { adapterInternals } from '../src/db/internals'

process.env.PAYLOAD_SECRET ??= 'bench-secret'
process.env.JOBS_AUTORUN = 'false'

const here = path.dirname(fileURLToPath(import.meta.url))
const POLICIES = Number(process.env.BENCH_POLICIES ?? 10_000)
const LARGE = Number(process.env.BENCH_LARGE ?? 100_000)
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10)
const CONNECTIONS = 50
const SAMPLE_IDS = 200

function bar(label: string, done: number, total: number) {
  const width = 30
  const filled = Math.round((done / total) * width)
  process.stderr.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`)
  if (done === total) process.stderr.write('\n')
}

async function boot(file: string) {
  const { getPayload } = await import('payload')
  const { buildAppConfig } = await import('../src/buildAppConfig')
  // Migrations, not push: a dev push is skipped when this process already pushed the same schema once.
  const config = buildAppConfig({ databaseUrl: `file:${file}`, database: { sqlitePush: false } })
  const payload = await getPayload({ config, key: file })
  await payload.db.migrate()
  return { config, payload }
}

type Booted = Awaited<ReturnType<typeof boot>>

/**
 * Inserts rows in batches straight through the adapter's drizzle tables: 100k policies in seconds rather
 * than minutes. Only for the benchmark's throw-away SQLite files.
 */
async function insertBatches(payload: Booted['payload'], table: string, rows: Record<string, unknown>[], label: string) {
  const db = adapterInternals(payload)
  const ids: (number | string)[] = []
  for (let i = 0; i < rows.length; i += 500) {
    const inserted = await db.drizzle
      .insert(db.tables[table])
      .values(rows.slice(i, i + 500))
      .returning({ id: (db.tables[table] as any).id })
    ids.push(...inserted.map((r: { id: number }) => r.id))
    bar(label, Math.min(i + 500, rows.length), rows.length)
  }
  return ids
}

async function seed(payload: Booted['payload'], count: number, interpretationsEach: number, label: string) {
  const { lexicalFromText } = await import('../src/richText/plainText')
  const department = await payload.db.create({
    collection: 'departments',
    data: { name: `基准测试部门${label}`, shortName: '黔测发', creditCode: '11520000MB00000010' },
  })
  const body = lexicalFromText(
    Array.from(
      { length: 8 },
      (_, i) => `第${i + 1}条 为规范涉农惠民资金管理，提高资金使用效益，根据有关规定，结合本省实际，制定本办法。`,
    ).join('\n'),
  )
  const now = Date.now()
  const stamp = new Date(now).toISOString()
  const policies = Array.from({ length: count }, (_, i) => {
    const released = new Date(now - i * 60_000).toISOString()
    return {
      title: `关于印发贵州省第${i + 1}号惠民政策管理办法的通知`,
      documentNumber: `黔测发〔2020〕${i + 1}号`,
      indexNumber: `11520000MB00000010/2020-${String(i + 1).padStart(5, '0')}`,
      indexYear: 2020,
      indexSerial: i + 1,
      documentType: 'normative',
      subject: 'finance',
      writtenAt: '2020-03-15T00:00:00.000Z',
      validity: 'valid',
      majorDecision: false,
      department: department.id,
      disclosure: 'proactive',
      stage: 'released',
      body,
      workflow_releasedAt: released,
      workflow_signedAt: released,
      updatedAt: stamp,
      createdAt: stamp,
    }
  })
  const ids = await insertBatches(payload, 'policies', policies, `policies ${label}`)
  if (interpretationsEach) {
    const interpretations = ids.flatMap((id, i) =>
      Array.from({ length: interpretationsEach }, (_, j) => ({
        title: `解读${j + 1}：一图读懂第${i + 1}号办法`,
        policy: id,
        form: ['text', 'expert', 'media'][j % 3],
        department: department.id,
        body,
        supplementary: false,
        updatedAt: stamp,
        createdAt: stamp,
      })),
    )
    await insertBatches(payload, 'interpretations', interpretations, `interpretations ${label}`)
  }
  return ids
}

function serve(handler: Parameters<typeof createServer>[1]): Promise<{ server: Server; url: string }> {
  const server = createServer(handler)
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` })),
  )
}

/** The API as the Next route serves it (cache fast path, then Payload's REST handler), on node:http. */
async function servePayload(config: Booted['config']) {
  const { serveApi } = await import('../src/server/apiServer')
  return serveApi(config)
}

type Result = { errors: number; non2xx: number; p50: number; p99: number; rps: number; timeouts: number; total: number }

function load(urls: string[]): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(here, 'bench', 'load.cjs'), String(CONNECTIONS), String(SECONDS), ...urls], {
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let out = ''
    child.stdout.on('data', (c) => (out += c))
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out) as Result) : reject(new Error(`load generator exited ${code}`))))
  })
}

async function timeSequential(urls: string[]) {
  const times: number[] = []
  for (const url of urls) {
    const t = performance.now()
    const res = await fetch(url)
    await res.arrayBuffer()
    times.push(performance.now() - t)
  }
  times.sort((a, b) => a - b)
  return { p50: times[Math.floor(times.length / 2)], p95: times[Math.floor(times.length * 0.95)] }
}

/** Waits for the load generator, showing how far into its SECONDS it is. */
async function loadWithProgress(label: string, urls: string[]): Promise<Result> {
  const started = Date.now()
  // The bar completes (and ends its line) only when the generator has answered: it can take longer than SECONDS.
  const timer = setInterval(() => bar(label, Math.min(SECONDS - 1, Math.floor((Date.now() - started) / 1000)), SECONDS), 1000)
  try {
    const result = await load(urls)
    bar(label, SECONDS, SECONDS)
    return result
  } finally {
    clearInterval(timer)
  }
}

const line = (label: string, r: Result) =>
  `${label.padEnd(44)} ${r.rps.toFixed(0).padStart(7)} req/s  p50 ${String(r.p50).padStart(4)} ms  p99 ${String(r.p99).padStart(4)} ms  (${r.total} requests, ${r.non2xx} non-2xx, ${r.errors} errors)`

/** `--site`: the server-rendered policy page against the bundle it is built from, on one `next start`. */
async function siteBench() {
  const { buildId, startServer } = await import('../tests/e2e/server')
  console.log(
    `bench --site: one next start of the production build, ${CONNECTIONS} connections, ${SECONDS} s per target, ${os.cpus().length} CPUs`,
  )
  console.error('bench --site: migrating, seeding the demo data and starting next start …')
  const server = await startServer()
  try {
    console.log(`bench --site: build ${buildId()} on ${server.baseURL}`)
    const list = await (await fetch(`${server.baseURL}/api/public/policies?limit=1`)).json()
    const id = list?.docs?.[0]?.id
    if (id === undefined) throw new Error('no released demo policy to load')
    const targets = {
      page: { label: `policy page GET /policies/${id}`, urls: [`${server.baseURL}/policies/${id}`] },
      bundle: { label: `bundle GET /api/public/policies/${id}`, urls: [`${server.baseURL}/api/public/policies/${id}`] },
    }
    for (const target of Object.values(targets)) {
      const res = await fetch(target.urls[0]!)
      if (res.status !== 200) throw new Error(`${target.urls[0]} answered ${res.status}`)
      await res.arrayBuffer()
    }
    const results = {} as Record<keyof typeof targets, Result>
    for (const [key, target] of Object.entries(targets) as [keyof typeof targets, (typeof targets)['page']][]) {
      console.error(`bench --site: warming ${target.label} …`)
      await load(target.urls) // warm-up (JIT, Next's data cache, the public cache), discarded
      results[key] = await loadWithProgress(target.label, target.urls)
      console.log(line(target.label, results[key]))
    }
    console.log(
      `site: policy page ${results.page.rps.toFixed(0)} req/s vs bundle ${results.bundle.rps.toFixed(0)} req/s → ratio ${(results.page.rps / results.bundle.rps).toFixed(2)} (target ≥ 0.5)`,
    )
  } finally {
    await server.stop()
  }
}

async function main() {
  if (process.argv.includes('--site')) return siteBench()
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cms-bench-'))
  console.log(
    `bench: ${POLICIES} policies × 3 interpretations, ${CONNECTIONS} connections, ${SECONDS} s per target, ${os.cpus().length} CPUs`,
  )
  const { config, payload } = await boot(path.join(dir, 'bench.db'))
  const ids = await seed(payload, POLICIES, 3, `${POLICIES}`)
  const sample = ids.filter((_, i) => i % Math.max(1, Math.floor(ids.length / SAMPLE_IDS)) === 0).slice(0, SAMPLE_IDS)
  const app = await servePayload(config)

  const bundles = new Map<string, Buffer>()
  for (const id of sample) bundles.set(String(id), Buffer.from(await (await fetch(`${app.url}/api/public/policies/${id}`)).arrayBuffer()))
  const raw = await serve((req, res) => {
    const body = bundles.get(String(req.url?.split('/').pop()))
    res.writeHead(body ? 200 : 404, { 'content-type': 'application/json; charset=utf-8' })
    res.end(body)
  })

  const targets = {
    a: { label: '(a) bundle  GET /api/public/policies/:id', urls: sample.map((id) => `${app.url}/api/public/policies/${id}`) },
    b: { label: '(b) stock   GET /api/policies/:id?depth=2', urls: sample.map((id) => `${app.url}/api/policies/${id}?depth=2`) },
    c: { label: '(c) raw node:http, same bytes', urls: sample.map((id) => `${raw.url}/${id}`) },
  }
  const { publicCacheStats } = await import('../src/api/publicCache')
  const results: Record<string, Result> = {}
  for (const [key, target] of Object.entries(targets)) {
    await load(target.urls.slice(0, 20)) // warm-up, discarded
    publicCacheStats(true)
    results[key] = await load(target.urls)
    const r = results[key]
    // The public cache's own count for this run (the stock REST and raw targets do not use it).
    const cache = publicCacheStats(true)
    const ratio =
      cache.hits + cache.misses
        ? `cache hit ratio ${cache.hitRatio.toFixed(4)} (${cache.hits} hits, ${cache.misses} misses)`
        : 'cache not used'
    console.log(
      `${target.label.padEnd(44)} ${r.rps.toFixed(0).padStart(7)} req/s  p50 ${String(r.p50).padStart(4)} ms  p99 ${String(r.p99).padStart(4)} ms  (${r.total} requests, ${r.non2xx} non-2xx, ${r.errors} errors; ${ratio})`,
    )
  }
  console.log(`ratio a/b (bundle vs stock REST): ${(results.a.rps / results.b.rps).toFixed(2)}  (target ≥ 3)`)
  console.log(`ratio a/c (bundle vs raw bytes):  ${(results.a.rps / results.c.rps).toFixed(2)}  (target ≥ 0.5)`)
  console.log(`bundle p99: ${results.a.p99} ms  (target < 20 ms)`)
  await app.close()
  raw.server.close()

  // List latency grows with the table? Distinct pages, so every request misses the response cache.
  const listLatency = async (count: number) => {
    const booted = await boot(path.join(dir, `list-${count}-${Date.now()}.db`))
    await seed(booted.payload, count, 0, `${count}`)
    const server = await servePayload(booted.config)
    await timeSequential(Array.from({ length: 50 }, (_, i) => `${server.url}/api/public/policies?limit=7&page=${i + 1}`)) // warm-up
    const urls = Array.from({ length: 200 }, (_, i) => `${server.url}/api/public/policies?limit=5&page=${i + 1}`)
    const timing = await timeSequential(urls)
    await server.close()
    await booted.payload.destroy()
    return timing
  }
  await listLatency(1000) // first server in the process: JIT and query-plan warm-up, discarded
  const small = await listLatency(1000)
  const large = await listLatency(LARGE)
  console.log(
    `list GET /api/public/policies (uncached pages): 1k p50 ${small.p50.toFixed(1)} ms, ${LARGE / 1000}k p50 ${large.p50.toFixed(1)} ms → ratio ${(large.p50 / small.p50).toFixed(2)} (target ≤ 2)`,
  )
  await payload.destroy()
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error)
    process.exit(1)
  },
)
