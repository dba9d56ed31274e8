/**
 * `npm run bench:search` — the search index against a substring (`contains`, SQL LIKE '%…%') query on the database,
 * in one run, on a throw-away SQLite file:
 *
 * 1. Speed: BENCH_SEARCH_DOCS (default 100 000) generated Chinese policy documents are indexed (docs/s), written to
 *    the database, and a mix of queries is timed through the index (parse, rank, facets, highlights of the first
 *    page) and through Payload `find` with `contains` on title and body (what a naive site search does): p50 / p95
 *    and the ratio. Also: snapshot size and the time to start from it.
 * 2. Relevance: the demo content (npm run seed's packages, walked through the real workflow) with a judged query
 *    set (src/search/relevance/demo-queries.json, or `--relevance FILE` for another): nDCG@10 and MRR for the
 *    index and for the substring baseline.
 *
 * `--engine opensearch`: the same on OpenSearch too (SEARCH_URL, or a node started here from scripts/opensearch):
 * the same documents bulk-indexed (docs/s), the same queries through the OpenSearch backend, p50/p95 for both
 * engines and the substring baseline in one run; relevance on both engines (nDCG@10 may drop by at most 0.02).
 *
 * `--no-speed` / `--no-relevance` skip a part. Run as `node --conditions=production --import tsx scripts/bench-search.ts`.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import type { Payload, Where } from 'payload'

import { adapterInternals } from '../src/db/internals'
import { DEPARTMENTS, generateCorpus } from '../src/search/relevance/corpus'
import type { Judgement } from '../src/search/relevance/metrics'

process.env.PAYLOAD_SECRET ??= 'bench-secret'
process.env.JOBS_AUTORUN = 'false'
// No snapshot files from the benchmark's throw-away databases (the speed part writes one explicitly).
process.env.SEARCH_SNAPSHOT_DIR = 'off'

const here = path.dirname(fileURLToPath(import.meta.url))
const args = process.argv.slice(2)
const DOCS = Number(process.env.BENCH_SEARCH_DOCS ?? 100_000)
const INDEX_REPS = Number(process.env.BENCH_SEARCH_REPS ?? 20)
const BASELINE_REPS = Number(process.env.BENCH_SEARCH_BASELINE_REPS ?? 3)
const relevanceFile = args.includes('--relevance')
  ? path.resolve(args[args.indexOf('--relevance') + 1])
  : path.join(here, '../src/search/relevance/demo-queries.json')

const ENGINE_OS = args.includes('--engine') && args[args.indexOf('--engine') + 1] === 'opensearch'
/** nDCG@10 on OpenSearch may be at most this much below the embedded index's. */
const NDCG_TOLERANCE = 0.02

const work = mkdtempSync(path.join(os.tmpdir(), 'bench-search-'))

function bar(label: string, done: number, total: number) {
  const width = 30
  const filled = total ? Math.round((done / total) * width) : width
  process.stderr.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`)
  if (done >= total) process.stderr.write('\n')
}

const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 1)} ms`

async function boot(name: string): Promise<Payload> {
  const { getPayload } = await import('payload')
  const { buildAppConfig } = await import('../src/buildAppConfig')
  const file = path.join(work, `${name}.db`)
  // A fresh file per part; the schema is pushed (the search collections may not be in a migration yet).
  return getPayload({ config: buildAppConfig({ databaseUrl: `file:${file}`, database: { sqlitePush: true } }), key: name })
}

const QUERIES = [
  '农业保险',
  '公共租赁住房管理办法',
  '老旧小区改造 资金',
  '一网通办',
  '易地扶贫搬迁',
  '黔府发〔2021〕15号',
  '黔财农[2022]8号',
  '乡村振兴 试点',
  '醫療保障',
  '河长制',
  '住房公积金 绩效评价',
  '中小企业融资 贷款贴息',
  '茶产业',
  '应急管理 专项检查',
  '政务公开 同步发布',
  '职业技能培训',
  '农村饮水安全',
  '遵义市 危房改造',
  '大数据平台',
  '完全不存在的检索词组',
]

async function speed(): Promise<void> {
  const { normalizeText } = await import('../src/search/normalize')
  const { DEFAULT_TERMS } = await import('../src/search/dictionary')
  const { segmenterFor } = await import('../src/search/segmenter')
  const { SearchIndex } = await import('../src/search/searchIndex')
  const { parseQuery, runQuery } = await import('../src/search/query')
  const { highlightAll, snippet } = await import('../src/search/highlight')
  const { writeSnapshot, readSnapshot } = await import('../src/search/snapshot')
  const { lexicalFromText } = await import('../src/richText/plainText')
  const { percentile } = await import('../src/search/relevance/metrics')

  console.log(`\n== Speed: ${DOCS.toLocaleString('en')} generated documents ==`)
  let started = performance.now()
  const docs = generateCorpus(DOCS)
  console.log(
    `generated in ${((performance.now() - started) / 1000).toFixed(1)} s, ${Math.round(docs.reduce((n, d) => n + d.body.length + d.title.length, 0) / DOCS)} characters per document on average`,
  )

  const segmenter = segmenterFor([...DEFAULT_TERMS])
  normalizeText('预热') // builds the traditional-character table outside the timing
  const index = new SearchIndex(segmenter)
  started = performance.now()
  docs.forEach((d, i) => {
    index.add({
      key: `policies:${i + 1}`,
      collection: 'policies',
      id: i + 1,
      policy: String(i + 1),
      department: String(d.department),
      year: d.year,
      documentNumber: d.documentNumber,
      indexNumber: d.indexNumber,
      date: Date.UTC(d.year, 5, 1) + i,
      fields: {
        title: d.title,
        number: `${d.documentNumber}\n${d.indexNumber}`,
        organ: DEPARTMENTS[d.department][0],
        context: '',
        body: d.body,
      },
    })
    if ((i + 1) % 5000 === 0 || i + 1 === DOCS) bar('indexing', i + 1, DOCS)
  })
  const indexSeconds = (performance.now() - started) / 1000
  const heap = process.memoryUsage()
  console.log(
    `indexing: ${Math.round(DOCS / indexSeconds).toLocaleString('en')} docs/s (${indexSeconds.toFixed(1)} s), ${index.termCount.toLocaleString('en')} terms, heap ${(heap.heapUsed / 2 ** 20).toFixed(0)} MiB, rss ${(heap.rss / 2 ** 20).toFixed(0)} MiB`,
  )

  /** Wall time, and this process's CPU time (the machine may be shared: CPU time is what the query itself cost). */
  const timeIndex = (q: string) => {
    const cpu = process.cpuUsage()
    const t = performance.now()
    const parsed = parseQuery(index, q)
    const result = runQuery(index, parsed, {}, 0, 10)
    for (const hit of result.hits) {
      highlightAll(hit.doc.fields.title, hit.doc.norm.title, result.highlight)
      snippet(hit.doc.fields.body, hit.doc.norm.body, result.highlight)
    }
    const elapsed = performance.now() - t
    const used = process.cpuUsage(cpu)
    return { ms: elapsed, cpuMs: (used.user + used.system) / 1000, total: result.total }
  }

  // The same documents in the database, inserted in batches through the adapter's tables (no hooks: this
  // measures reading).
  const payload = await boot('speed')
  const db = adapterInternals(payload)
  const departmentIds: (number | string)[] = []
  for (const [i, [name, shortName]] of DEPARTMENTS.entries()) {
    const dept = await payload.db.create({
      collection: 'departments',
      data: { name, shortName, creditCode: `11520000MB${String(i).padStart(7, '0')}X` },
    })
    departmentIds.push(dept.id)
  }
  const stamp = new Date().toISOString()
  for (let i = 0; i < docs.length; i += 500) {
    const rows = docs.slice(i, i + 500).map((d) => ({
      title: d.title,
      documentNumber: d.documentNumber,
      indexNumber: d.indexNumber,
      documentType: 'notice',
      writtenAt: `${d.year}-06-01T00:00:00.000Z`,
      validity: 'valid',
      department: departmentIds[d.department],
      disclosure: 'proactive',
      stage: 'released',
      body: lexicalFromText(d.body),
      workflow_releasedAt: stamp,
      updatedAt: stamp,
      createdAt: stamp,
    }))
    await db.drizzle.insert(db.tables.policies).values(rows)
    bar('database', Math.min(i + 500, docs.length), docs.length)
  }

  /** What a site search without an index does: every word must occur in the title or the body (LIKE '%word%'). */
  const timeSubstring = async (q: string) => {
    const where: Where = {
      and: [
        { stage: { equals: 'released' } },
        { disclosure: { equals: 'proactive' } },
        ...q
          .split(/\s+/)
          .filter(Boolean)
          .map((word): Where => ({ or: [{ title: { contains: word } }, { body: { contains: word } }] })),
      ],
    }
    const t = performance.now()
    const found = await payload.find({ collection: 'policies', where, limit: 10, depth: 0, overrideAccess: true })
    return { ms: performance.now() - t, total: found.totalDocs }
  }

  // The same documents in OpenSearch, segmented the same way, bulk-indexed through the backend's document format.
  const os = ENGINE_OS ? await openSearchSpeed(payload, docs) : undefined

  for (const q of QUERIES) timeIndex(q) // warm-up
  const indexTimes: number[] = []
  const indexCpu: number[] = []
  const substringTimes: number[] = []
  if (os) for (const q of QUERIES) await os.time(q) // warm-up
  console.log(
    `\n${'query'.padEnd(24)} ${'index p50'.padStart(10)} ${'hits'.padStart(7)} ${'LIKE p50'.padStart(10)} ${'hits'.padStart(7)}${os ? ` ${'OS p50'.padStart(10)} ${'hits'.padStart(7)}` : ''}`,
  )
  for (const q of QUERIES) {
    const mine: number[] = []
    let total = 0
    for (let r = 0; r < INDEX_REPS; r += 1) {
      const run = timeIndex(q)
      mine.push(run.ms)
      indexCpu.push(run.cpuMs)
      total = run.total
    }
    const theirs: number[] = []
    let theirTotal = 0
    for (let r = 0; r < BASELINE_REPS; r += 1) {
      const run = await timeSubstring(q)
      theirs.push(run.ms)
      theirTotal = run.total
    }
    let osTotal = ''
    if (os) {
      for (let r = 0; r < INDEX_REPS; r += 1) {
        const run = await os.time(q)
        os.times.push(run.ms)
        osTotal = String(run.total)
      }
    }
    indexTimes.push(...mine)
    substringTimes.push(...theirs)
    const p50 = (xs: number[]) =>
      percentile(
        [...xs].sort((a, b) => a - b),
        50,
      )
    const osColumns = os ? ` ${ms(p50(os.times.slice(-INDEX_REPS))).padStart(10)} ${osTotal.padStart(7)}` : ''
    console.log(
      `${q.padEnd(24 - [...q].filter((c) => c.charCodeAt(0) > 0x2e80).length)} ${ms(p50(mine)).padStart(10)} ${String(total).padStart(7)} ${ms(p50(theirs)).padStart(10)} ${String(theirTotal).padStart(7)}${osColumns}`,
    )
  }
  indexTimes.sort((a, b) => a - b)
  substringTimes.sort((a, b) => a - b)
  const [i50, i95, s50, s95] = [
    percentile(indexTimes, 50),
    percentile(indexTimes, 95),
    percentile(substringTimes, 50),
    percentile(substringTimes, 95),
  ]
  indexCpu.sort((a, b) => a - b)
  console.log(
    `\nindex      p50 ${ms(i50)}  p95 ${ms(i95)}  (${indexTimes.length} queries; CPU time p50 ${ms(percentile(indexCpu, 50))} p95 ${ms(percentile(indexCpu, 95))})`,
  )
  console.log(`substring  p50 ${ms(s50)}  p95 ${ms(s95)}  (${substringTimes.length} queries, Payload find + count, contains on title/body)`)
  console.log(`ratio      p50 ${(s50 / i50).toFixed(0)}×  p95 ${(s95 / i95).toFixed(0)}×  faster with the index`)
  console.log(
    `target     p95 < 25 ms: ${i95 < 25 ? 'met' : 'NOT met'}; ≥ 10× faster: ${s95 / i95 >= 10 && s50 / i50 >= 10 ? 'met' : 'NOT met'}`,
  )
  if (os) {
    os.times.sort((a, b) => a - b)
    const [o50, o95] = [percentile(os.times, 50), percentile(os.times, 95)]
    console.log(
      `opensearch p50 ${ms(o50)}  p95 ${ms(o95)}  (${os.times.length} queries through the backend over HTTP, highlights included)`,
    )
    console.log(
      `opensearch indexing ${os.docsPerSecond.toLocaleString('en')} docs/s; node rss ${os.rssMiB} MiB (-Xmx512m), index on disk ${os.storeMiB} MiB`,
    )
    await os.close()
  }

  // Restart from a snapshot: write, read and index again (the boot path when the snapshot's watermark holds).
  const file = path.join(work, 'snapshot.v8.gz')
  started = performance.now()
  const bytes = await writeSnapshot(file, index.prepared(), { seq: 1, hash: 'x' })
  const wrote = (performance.now() - started) / 1000
  started = performance.now()
  const snapshot = await readSnapshot(file)
  const reloaded = new SearchIndex(segmenter)
  reloaded.addPrepared(snapshot!.index.terms, snapshot!.index.docs)
  console.log(
    `snapshot   ${(bytes / 2 ** 20).toFixed(1)} MiB written in ${wrote.toFixed(1)} s; start from it in ${((performance.now() - started) / 1000).toFixed(1)} s (${reloaded.size.toLocaleString('en')} documents)`,
  )
  await payload.destroy()
}

type SpeedDoc = ReturnType<typeof generateCorpus>[number]

/** Indexes the generated documents into OpenSearch (an index behind a bench alias) and times queries through the backend. */
async function openSearchSpeed(payload: Payload, docs: SpeedDoc[]) {
  const { openSearchConfigFromEnv, OpenSearchClient } = await import('../src/search/opensearch/client')
  const { indexBody, toOsDocs } = await import('../src/search/opensearch/documents')
  const { OpenSearchBackend } = await import('../src/search/opensearch/backend')
  const { DEFAULT_TERMS } = await import('../src/search/dictionary')
  const { segmenterFor } = await import('../src/search/segmenter')
  const { highlightAll, snippet } = await import('../src/search/highlight')
  const config = { ...openSearchConfigFromEnv()!, prefix: `bench-${Date.now()}`, timeoutMs: 120_000 }
  const client = new OpenSearchClient(config)
  const segmenter = segmenterFor([...DEFAULT_TERMS])
  const name = `${config.prefix}-docs-bench`
  await client.request('PUT', `/${name}`, indexBody(0))
  await client.request('PUT', `/${name}/_settings`, { index: { refresh_interval: '-1' } })
  const started = performance.now()
  const BULK = 1000
  for (let i = 0; i < docs.length; i += BULK) {
    const batch = docs.slice(i, i + BULK).map((d, k) => ({
      key: `policies:${i + k + 1}`,
      collection: 'policies',
      id: i + k + 1,
      policy: String(i + k + 1),
      department: String(d.department),
      year: d.year,
      documentNumber: d.documentNumber,
      indexNumber: d.indexNumber,
      date: Date.UTC(d.year, 5, 1) + i + k,
      fields: {
        title: d.title,
        number: `${d.documentNumber}\n${d.indexNumber}`,
        organ: DEPARTMENTS[d.department][0],
        context: '',
        body: d.body,
      },
    }))
    await client.bulk(toOsDocs(segmenter, batch).flatMap((doc) => [{ index: { _index: name, _id: doc.key } }, doc]))
    bar('opensearch', Math.min(i + BULK, docs.length), docs.length)
  }
  await client.request('PUT', `/${name}/_settings`, { index: { refresh_interval: '1s' } })
  await client.request('POST', `/${name}/_refresh`)
  const seconds = (performance.now() - started) / 1000
  await client.request('POST', '/_aliases', { actions: [{ add: { index: name, alias: `${config.prefix}-docs` } }] })
  await client.request('POST', `/${name}/_forcemerge?max_num_segments=1`).catch(() => undefined)
  const stats = await client.request<{ _all: { primaries: { store: { size_in_bytes: number } } } }>('GET', `/${name}/_stats/store`)
  const rss = await client.request<{
    nodes: Record<string, { process: { mem: { total_virtual_in_bytes: number } }; jvm: { mem: { heap_used_in_bytes: number } } }>
  }>('GET', '/_nodes/stats/jvm,process')
  const pid = openSearchPid
  const rssMiB = pid
    ? Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024)
    : Math.round(Object.values(rss.body.nodes)[0].jvm.mem.heap_used_in_bytes / 2 ** 20)
  const backend = new OpenSearchBackend(payload, config, { pollMs: 0, freshnessMs: 3_600_000, replicas: 0 })
  await backend.start()
  return {
    docsPerSecond: Math.round(docs.length / seconds),
    rssMiB,
    storeMiB: Math.round(stats.body._all.primaries.store.size_in_bytes / 2 ** 20),
    times: [] as number[],
    async time(q: string) {
      const t = performance.now()
      const outcome = await backend.search(q, {}, 0, 10)
      for (const hit of outcome.result.hits) {
        highlightAll(hit.doc.fields.title, hit.doc.norm.title, outcome.result.highlight)
        snippet(hit.doc.fields.body, hit.doc.norm.body, outcome.result.highlight)
      }
      return { ms: performance.now() - t, total: outcome.result.total }
    },
    async close() {
      backend.stop()
      await client.request('DELETE', `/${name}`).catch(() => undefined)
    },
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Relevance on the demo content
// ---------------------------------------------------------------------------------------------------------------

async function relevance(): Promise<void> {
  const { seedDemo } = await import('../src/seed')
  const { searchService } = await import('../src/search/service')
  const { ndcgAt, reciprocalRank, mean } = await import('../src/search/relevance/metrics')
  const judgements = JSON.parse(readFileSync(relevanceFile, 'utf8')) as Judgement[]
  console.log(`\n== Relevance: ${judgements.length} judged queries (${path.relative(process.cwd(), relevanceFile)}) on the demo content ==`)
  const payload = await boot('relevance')
  await seedDemo(payload)
  const service = searchService(payload)
  await service.start()
  const collections = ['policies', 'interpretations'] as const

  const viaIndex = async (q: string) =>
    (await service.query(q, {}, 0, 10)).result.hits.map((h) => `${h.doc.collection}:${h.doc.fields.title}`)
  let viaOpenSearch: ((q: string) => Promise<string[]>) | undefined
  if (ENGINE_OS) {
    const { openSearchConfigFromEnv } = await import('../src/search/opensearch/client')
    const { OpenSearchBackend } = await import('../src/search/opensearch/backend')
    const backend = new OpenSearchBackend(
      payload,
      { ...openSearchConfigFromEnv()!, prefix: `relevance-${Date.now()}` },
      { pollMs: 0, freshnessMs: 0, replicas: 0 },
    )
    await backend.start()
    viaOpenSearch = async (q) => (await backend.search(q, {}, 0, 10)).result.hits.map((h) => `${h.doc.collection}:${h.doc.fields.title}`)
  }
  const osScores = { ndcg: [] as number[], mrr: [] as number[] }
  /** Substring baseline over what the public may read (access applied), newest first as Payload sorts by default. */
  const viaSubstring = async (q: string) => {
    const words = q.split(/\s+/).filter(Boolean)
    const found: { at: string; key: string }[] = []
    for (const collection of collections) {
      const fields = collection === 'policies' ? ['title', 'body', 'documentNumber'] : ['title', 'body']
      const { docs } = await payload.find({
        collection,
        where: { and: words.map((word) => ({ or: fields.map((f) => ({ [f]: { contains: word } })) })) },
        limit: 10,
        depth: 0,
        overrideAccess: false,
      })
      for (const d of docs as { createdAt: string; title: string }[]) found.push({ at: d.createdAt, key: `${collection}:${d.title}` })
    }
    return found
      .sort((a, b) => (a.at < b.at ? 1 : -1))
      .map((f) => f.key)
      .slice(0, 10)
  }

  const scores = { index: { ndcg: [] as number[], mrr: [] as number[] }, substring: { ndcg: [] as number[], mrr: [] as number[] } }
  for (const j of judgements) {
    const [mine, theirs] = [await viaIndex(j.q), await viaSubstring(j.q)]
    scores.index.ndcg.push(ndcgAt(10, mine, j.relevant))
    scores.index.mrr.push(reciprocalRank(mine, j.relevant))
    scores.substring.ndcg.push(ndcgAt(10, theirs, j.relevant))
    scores.substring.mrr.push(reciprocalRank(theirs, j.relevant))
    let osColumn = ''
    if (viaOpenSearch) {
      const found = await viaOpenSearch(j.q)
      osScores.ndcg.push(ndcgAt(10, found, j.relevant))
      osScores.mrr.push(reciprocalRank(found, j.relevant))
      osColumn = ` | opensearch nDCG ${osScores.ndcg.at(-1)!.toFixed(2)} RR ${osScores.mrr.at(-1)!.toFixed(2)}${args.includes('--verbose') ? `\n   opensearch: ${found.slice(0, 3).join(' / ')}` : ''}`
    }
    const fmt = (n: number) => n.toFixed(2)
    console.log(
      `${j.q.padEnd(22 - [...j.q].filter((c) => c.charCodeAt(0) > 0x2e80).length)} index nDCG ${fmt(scores.index.ndcg.at(-1)!)} RR ${fmt(scores.index.mrr.at(-1)!)} | substring nDCG ${fmt(scores.substring.ndcg.at(-1)!)} RR ${fmt(scores.substring.mrr.at(-1)!)}${osColumn}${args.includes('--verbose') ? `\n   index: ${mine.slice(0, 3).join(' / ')}` : ''}`,
    )
  }
  console.log(`\nindex      nDCG@10 ${mean(scores.index.ndcg).toFixed(3)}  MRR ${mean(scores.index.mrr).toFixed(3)}`)
  console.log(`substring  nDCG@10 ${mean(scores.substring.ndcg).toFixed(3)}  MRR ${mean(scores.substring.mrr).toFixed(3)}`)
  if (viaOpenSearch) {
    const drop = mean(scores.index.ndcg) - mean(osScores.ndcg)
    console.log(
      `opensearch nDCG@10 ${mean(osScores.ndcg).toFixed(3)}  MRR ${mean(osScores.mrr).toFixed(3)}  (drop ${drop.toFixed(3)}, at most ${NDCG_TOLERANCE}: ${drop <= NDCG_TOLERANCE ? 'met' : 'NOT met'})`,
    )
    if (drop > NDCG_TOLERANCE) process.exitCode = 1
  }
  await payload.destroy()
}

/** The relevance part in a process of its own: Payload pushes a development schema once per process. */
function relevanceInChildProcess(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [...process.execArgv, fileURLToPath(import.meta.url), '--no-speed', ...args.filter((a) => a !== '--no-speed')],
      {
        stdio: 'inherit',
      },
    )
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`relevance part exited with ${code}`))))
  })
}

/** The node this run started (`--engine opensearch` without SEARCH_URL), for its resident memory. */
let openSearchPid: number | undefined

async function main(): Promise<void> {
  let node: { close: () => Promise<void>; pid: number | undefined } | undefined
  if (ENGINE_OS && !process.env.SEARCH_URL) {
    const { startOpenSearch } = await import('./opensearch/node')
    const started = await startOpenSearch()
    node = started
    openSearchPid = started.pid
    // The relevance part (a child process) uses the same node.
    process.env.SEARCH_URL = started.url
    process.env.BENCH_OPENSEARCH_PID = String(started.pid)
    console.log(`opensearch: ${started.url} (started for this run)`)
  }
  openSearchPid ??= Number(process.env.BENCH_OPENSEARCH_PID) || undefined
  try {
    await run()
  } finally {
    await node?.close()
  }
}

async function run(): Promise<void> {
  const speedPart = !args.includes('--no-speed')
  const relevancePart = !args.includes('--no-relevance')
  if (speedPart || !relevancePart) {
    console.log(
      `node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? 'unknown'}), load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
    )
  }
  if (speedPart) await speed()
  if (relevancePart) await (speedPart ? relevanceInChildProcess() : relevance())
}

main()
  .then(() => {
    rmSync(work, { recursive: true, force: true })
    process.exit(process.exitCode ?? 0)
  })
  .catch((error: unknown) => {
    console.error(error)
    rmSync(work, { recursive: true, force: true })
    process.exit(1)
  })
