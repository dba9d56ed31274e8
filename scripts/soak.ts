/**
 * `npm run soak -- [--url URL] [--duration 30s] [--warmup 5s] [--readers 20] [--editors 2] [--members 4] [--live 2] [--server next|api]`
 *
 * Two phases in one run, each --duration long, on the same server: N readers alone (idle), then N readers while
 * M editors publish; it prints each phase's figures, the readers' p99 of both and, last,
 * `p99 ratio (publishing/idle): <number>`.
 *
 * Load while publishing, on loopback: N readers hammer the public API (list, bundle, lookup, search, feeds; some
 * requests conditional) while M editors walk fresh packages through the whole workflow with the demo accounts
 * (drafter creates the policy and its interpretations and submits, reviewer approves twice, signer signs and
 * releases) and withdraw the oldest once more than `--live` of theirs are out. A withdrawn package is final, so
 * every cycle makes a new one.
 *
 * Every bundle read (`/api/public/policies/:id`, `/api/public/lookup`) must be whole — the policy with exactly
 * the members it was released with (the audit log's release entry for demo packages, the editor's own list for
 * new ones; supplements, released on their own, aside) — or a 404: never partial. Reports requests, errors
 * (statuses other than 2xx and the expected 304/404, network errors), p50/p99 latency per endpoint, releases,
 * withdrawals and partial bundles; exits 1 when there are errors or partial bundles.
 *
 * Without --url it starts a server on a fresh SQLite file in a temporary directory and seeds the demo data:
 * `next start` when a production build exists (.next/BUILD_ID), else the API-only server (src/server/main.ts,
 * schema pushed from the sources). With --url, the instance needs the demo users (password `demo1234`, or
 * --password); the packages the editors create stay there, withdrawn or released.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'

import { walkTo } from '../src/lifecycle/steps'
import { type ContentClient, createContentClient, type FeedName } from '../clients/typescript/src/index'
import { lexicalFromText } from '../src/richText/plainText'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

const { values: args } = parseArgs({
  options: {
    url: { type: 'string' },
    duration: { type: 'string', default: '30s' },
    warmup: { type: 'string', default: '5s' },
    readers: { type: 'string', default: '20' },
    editors: { type: 'string', default: '2' },
    members: { type: 'string', default: '4' },
    live: { type: 'string', default: '2' },
    server: { type: 'string' },
    password: { type: 'string', default: 'demo1234' },
  },
})

function parseDuration(text: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(text.trim())
  if (!match) throw new Error(`--duration ${text}: expected e.g. 20s, 2m or 500ms`)
  return Number(match[1]) * ({ ms: 1, s: 1000, m: 60_000 } as const)[(match[2] ?? 's') as 'm' | 'ms' | 's']
}

const DURATION_MS = parseDuration(args.duration!)
const WARMUP_MS = parseDuration(args.warmup!)
const READERS = Number(args.readers)
const EDITORS = Number(args.editors)
const MEMBERS = Math.max(1, Number(args.members))
const LIVE = Math.max(0, Number(args.live))
const TTY = process.stderr.isTTY

// ---------------------------------------------------------------------------------------------------------------
// The server under test
// ---------------------------------------------------------------------------------------------------------------

type Target = { describe: string; stop: () => Promise<void>; url: string }

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const srv = createServer()
    srv.on('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number }
      srv.close(() => resolve(port))
    })
  })

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

function run(command: string, argv: string[], env: NodeJS.ProcessEnv, label: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, argv, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    child.stdout.setEncoding('utf8').on('data', (c: string) => (out = (out + c).slice(-4000)))
    child.stderr.setEncoding('utf8').on('data', (c: string) => (out = (out + c).slice(-4000)))
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${label} exited ${code}:\n${out}`))))
  })
}

async function startTarget(): Promise<Target> {
  const kind = args.server ?? (existsSync(path.join(root, '.next', 'BUILD_ID')) ? 'next' : 'api')
  if (kind !== 'next' && kind !== 'api') throw new Error(`--server ${kind}: use next or api`)
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cms-soak-'))
  const port = await freePort()
  const { NODE_ENV: _ignored, ...inherited } = process.env
  const env = {
    ...inherited,
    DATABASE_URL: `file:${path.join(dir, 'soak.db')}`,
    PAYLOAD_SECRET: 'soak-secret',
    MEDIA_DIR: path.join(dir, 'media'),
    JOBS_AUTORUN: 'false',
    SEARCH_SNAPSHOT_DIR: 'off',
    // An idle server polling the audit log holds read locks that fail the seed's writes (SQLITE_BUSY).
    SEARCH_POLL_MS: '0',
    NEXT_TELEMETRY_DISABLED: '1',
  } as unknown as NodeJS.ProcessEnv // without NODE_ENV: next start sets its own; the seed and --push need it unset
  // `next start` applies the shipped migrations at boot; the API-only server pushes the sources' schema.
  const child: ChildProcess =
    kind === 'next'
      ? spawn(path.join(root, 'node_modules', '.bin', 'next'), ['start', '-p', String(port), '-H', '127.0.0.1'], {
          cwd: root,
          env,
          stdio: ['ignore', 'pipe', 'pipe'],
        })
      : spawn(
          process.execPath,
          ['--conditions=production', '--no-deprecation', '--import', 'tsx', 'src/server/main.ts', '--port', String(port), '--push'],
          {
            cwd: root,
            env,
            stdio: ['ignore', 'pipe', 'pipe'],
          },
        )
  let log = ''
  child.stdout!.setEncoding('utf8').on('data', (c: string) => (log = (log + c).slice(-8000)))
  child.stderr!.setEncoding('utf8').on('data', (c: string) => (log = (log + c).slice(-8000)))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM')
      await Promise.race([exited, sleep(5000)])
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
      await exited
    }
    rmSync(dir, { recursive: true, force: true })
  }
  const url = `http://127.0.0.1:${port}`
  const started = Date.now()
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the ${kind} server exited (${child.exitCode}):\n${log}`)
      if (Date.now() - started > 180_000) throw new Error(`the ${kind} server did not answer within 180 s:\n${log}`)
      // Any answer below 500 means the server is up (and, under next start, the migrations are applied).
      const ok = await fetch(`${url}/api/departments`).then(
        (r) => r.status < 500,
        () => false,
      )
      if (ok) break
      progressLine(
        `soak: starting ${kind === 'next' ? 'next start' : 'the API server'} on ${url} (${((Date.now() - started) / 1000).toFixed(0)} s)`,
      )
      await sleep(500)
    }
    endProgress(`soak: ${kind === 'next' ? 'next start' : 'API server'} up on ${url} in ${((Date.now() - started) / 1000).toFixed(1)} s`)
    const seeding = Date.now()
    const ticker = setInterval(() => progressLine(`soak: seeding the demo data (${((Date.now() - seeding) / 1000).toFixed(0)} s)`), 1000)
    try {
      await run(
        process.execPath,
        ['--conditions=production', '--no-deprecation', '--import', 'tsx', 'scripts/seed.ts'],
        env,
        'npm run seed',
      )
    } finally {
      clearInterval(ticker)
    }
    endProgress(`soak: demo data seeded in ${((Date.now() - seeding) / 1000).toFixed(1)} s`)
  } catch (error) {
    await stop()
    throw error
  }
  return { describe: `${kind === 'next' ? 'next start' : 'API server'}, fresh SQLite with demo data`, stop, url }
}

// ---------------------------------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------------------------------

let lastProgressAt = 0
/** A progress line: redrawn in place on a terminal, at most every 5 s in a log. */
function progressLine(text: string) {
  if (TTY) process.stderr.write(`\r\x1b[K${text}`)
  else if (Date.now() - lastProgressAt >= 5000) {
    lastProgressAt = Date.now()
    process.stderr.write(`${text}\n`)
  }
}
function endProgress(text: string) {
  if (TTY) process.stderr.write(`\r\x1b[K`)
  lastProgressAt = 0
  console.log(text)
}

// ---------------------------------------------------------------------------------------------------------------
// HTTP
// ---------------------------------------------------------------------------------------------------------------

type Reply = { body: any; etag: null | string; ms: number; status: number }

let base = ''

async function call(pathname: string, init: { body?: unknown; etag?: string; method?: string; token?: string } = {}): Promise<Reply> {
  const headers: Record<string, string> = { 'accept-language': 'zh' }
  if (init.token) headers.authorization = `JWT ${init.token}`
  if (init.etag) headers['if-none-match'] = init.etag
  if (init.body !== undefined) headers['content-type'] = 'application/json'
  const started = performance.now()
  const res = await fetch(`${base}${pathname}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  })
  const text = await res.text()
  const ms = performance.now() - started
  let body: unknown = text
  if ((res.headers.get('content-type') ?? '').includes('json') && text) {
    try {
      body = JSON.parse(text)
    } catch {
      /* a broken JSON body is the caller's to judge */
    }
  }
  const cache = res.headers.get('x-cache')
  if (cache === 'HIT') stats.cache.hits += 1
  else if (cache === 'MISS') stats.cache.misses += 1
  return { body, etag: res.headers.get('etag'), ms, status: res.status }
}

// ---------------------------------------------------------------------------------------------------------------
// Statistics
// ---------------------------------------------------------------------------------------------------------------

const KINDS = ['list', 'bundle', 'lookup', 'search', 'feed'] as const
type Kind = (typeof KINDS)[number]

const newStats = () => ({
  latencies: Object.fromEntries(KINDS.map((k) => [k, [] as number[]])) as Record<Kind, number[]>,
  errors: Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>,
  errorSamples: [] as string[],
  bundles: { notFound: 0, notModified: 0, partial: 0, unknown: 0, whole: 0 },
  partialSamples: [] as string[],
  releases: 0,
  withdrawals: 0,
  editorErrors: 0,
  editorSteps: [] as number[],
  /** Public responses by the server's X-Cache header (search is not cached there). */
  cache: { hits: 0, misses: 0 },
})
/** The current phase's figures (idle, then publishing). */
let stats = newStats()

const totalRequests = () => KINDS.reduce((n, k) => n + stats.latencies[k].length, 0)
const totalErrors = () => KINDS.reduce((n, k) => n + stats.errors[k], 0) + stats.editorErrors

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

function error(kind: 'editor' | Kind, text: string) {
  if (kind === 'editor') stats.editorErrors += 1
  else stats.errors[kind] += 1
  if (stats.errorSamples.length < 10) stats.errorSamples.push(`${kind}: ${text}`)
}

// ---------------------------------------------------------------------------------------------------------------
// What each released package consists of
// ---------------------------------------------------------------------------------------------------------------

type Known = { documentNumber?: null | string; indexNumber?: null | string; members: null | Set<string> }

/** Policy id → what a bundle of it must contain. Members null: not checkable (no release entry seen). */
const known = new Map<string, Known>()
/** Packages made by the editors (any stage): the readers' favourite targets. */
const fresh: string[] = []

const memberKey = (collection: string, id: unknown) => `${collection}:${String(id)}`

type Member = { id: number | string; links?: { policy?: string }; supplementary?: boolean; type: string }

function bundleMembers(bundle: any): Member[] {
  const interpretations = Object.values((bundle.interpretations ?? {}) as Record<string, Member[]>).flat()
  const media = ['infographics', 'videos', 'interviews'].flatMap((slug) => (bundle[slug] ?? []) as Member[])
  return [...interpretations, ...media]
}

/** Whole: exactly the members it was released with (supplements aside), each linking back to the policy. */
function checkBundle(bundle: any, url: string) {
  const id = String(bundle?.id)
  const expected = known.get(id)?.members
  if (!expected) {
    stats.bundles.unknown += 1
    return
  }
  const members = bundleMembers(bundle)
  const seen = new Set(members.filter((m) => !m.supplementary).map((m) => memberKey(m.type, m.id)))
  const missing = [...expected].filter((k) => !seen.has(k))
  const extra = [...seen].filter((k) => !expected.has(k))
  const unlinked = members.filter((m) => m.links?.policy !== `/api/public/policies/${id}`)
  if (missing.length || extra.length || unlinked.length) {
    stats.bundles.partial += 1
    if (stats.partialSamples.length < 10) {
      stats.partialSamples.push(
        `${url}: ${seen.size}/${expected.size} members (missing ${missing.join(' ') || '-'}; extra ${extra.join(' ') || '-'}; wrong link ${unlinked.length})`,
      )
    }
  } else stats.bundles.whole += 1
}

/** Demo packages already out: members from their release audit entries (read as the admin). */
async function learnReleased(adminToken: string) {
  for (let page = 1; ; page += 1) {
    // Through the typed client websites use (clients/typescript): the soak reads the API as they do.
    const list = await createContentClient({ baseUrl: base }).listPolicies({ limit: 50, page })
    for (const p of list.docs) {
      const entry = await call(`/api/audit-log?where[policy][equals]=${p.id}&where[action][equals]=release&sort=-seq&depth=0`, {
        token: adminToken,
      })
      if (entry.status !== 200)
        throw new Error(`reading the audit log as admin@demo.gov.cn: ${entry.status} ${JSON.stringify(entry.body).slice(0, 300)}`)
      const doc = entry.body.docs[0]
      const members = doc
        ? new Set(((doc.members ?? []) as { collection: string; id: string }[]).map((m) => memberKey(m.collection, m.id)))
        : null
      known.set(String(p.id), { documentNumber: p.documentNumber, indexNumber: p.indexNumber, members })
    }
    if (page >= list.totalPages) break
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Readers
// ---------------------------------------------------------------------------------------------------------------

const SEARCH_WORDS = ['补贴', '住房', '政策解读', '农业保险', '公租房', '医疗', '通知', '办法', '浸泡测试', '三同步']
const FEEDS: FeedName[] = ['policies.rss', 'policies.atom', 'policies.json', 'interpretations.rss', 'interpretations.json']
let feeds: ContentClient | undefined
const feedClient = () => (feeds ??= createContentClient({ baseUrl: base }))
const pick = <T>(items: T[]): T => items[Math.floor(Math.random() * items.length)]

/** Half the bundle reads go to the editors' packages (being released or withdrawn right now), half to any. */
function somePolicy(): null | string {
  if (fresh.length && Math.random() < 0.5) return pick(fresh.slice(-8))
  const ids = [...known.keys()]
  return ids.length ? pick(ids) : null
}

function nextRequest(): { kind: Kind; url: string } {
  const r = Math.random()
  if (r < 0.2) {
    const page = Math.random() < 0.8 ? 1 : 2
    return { kind: 'list', url: `/api/public/policies?page=${page}&limit=${pick([10, 20])}` }
  }
  if (r < 0.55) {
    const id = somePolicy()
    if (id) return { kind: 'bundle', url: `/api/public/policies/${id}` }
  }
  if (r < 0.7) {
    const id = somePolicy()
    const k = id ? known.get(id) : undefined
    if (k?.documentNumber) return { kind: 'lookup', url: `/api/public/lookup?documentNumber=${encodeURIComponent(k.documentNumber)}` }
    if (k?.indexNumber) return { kind: 'lookup', url: `/api/public/lookup?indexNumber=${encodeURIComponent(k.indexNumber)}` }
  }
  if (r < 0.85) return { kind: 'search', url: `/api/public/search?q=${encodeURIComponent(pick(SEARCH_WORDS))}` }
  return { kind: 'feed', url: new URL(feedClient().feedUrl(pick(FEEDS))).pathname }
}

const etags = new Map<string, string>()

async function reader(deadline: number) {
  while (Date.now() < deadline) {
    const { kind, url } = nextRequest()
    // About a third of the requests are conditional, as a site's cache would send them.
    const etag = Math.random() < 0.3 ? etags.get(url) : undefined
    let reply: Reply
    try {
      reply = await call(url, { etag })
    } catch (e) {
      error(kind, `${url}: ${(e as Error).cause ?? (e as Error).message}`)
      continue
    }
    stats.latencies[kind].push(reply.ms)
    if (reply.etag) etags.set(url, reply.etag)
    const bundleKind = kind === 'bundle' || kind === 'lookup'
    if (reply.status === 200) {
      if (bundleKind) {
        if (typeof reply.body === 'object' && reply.body) checkBundle(reply.body, url)
        else error(kind, `${url}: 200 without a JSON body`)
      }
    } else if (reply.status === 304 && etag) {
      if (bundleKind) stats.bundles.notModified += 1
    } else if (reply.status === 404 && bundleKind) {
      stats.bundles.notFound += 1
    } else {
      error(kind, `${url}: ${reply.status} ${JSON.stringify(reply.body).slice(0, 200)}`)
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Editors
// ---------------------------------------------------------------------------------------------------------------

async function login(email: string): Promise<{ department: number | string; token: string }> {
  const res = await call('/api/users/login', { body: { email, password: args.password } })
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`)
  const department = res.body.user?.department
  return { department: typeof department === 'object' && department ? department.id : department, token: res.body.token }
}

async function editor(index: number, deadline: number) {
  // Editors alternate between the two demo departments (贵州省财政厅, 贵州省住房和城乡建设厅).
  const suffix = index % 2 === 0 ? '' : '.b'
  const drafter = await login(`drafter${suffix}@demo.gov.cn`)
  const reviewer = await login(`reviewer${suffix}@demo.gov.cn`)
  const signer = await login(`signer${suffix}@demo.gov.cn`)
  const department = await call(`/api/departments/${drafter.department}?depth=0`)
  const shortName = department.body?.shortName as string
  if (!shortName) throw new Error(`department ${drafter.department} has no shortName`)
  const year = new Date().getFullYear()
  const live: string[] = []

  const step = async (label: string, pathname: string, token: string, body: unknown = {}, expected = 200) => {
    const reply = await call(pathname, { body, token })
    stats.editorSteps.push(reply.ms)
    if (reply.status !== expected) {
      error('editor', `${label}: ${reply.status} ${JSON.stringify(reply.body).slice(0, 300)}`)
      return null
    }
    return reply.body
  }

  /** One package from creation to release (and the oldest one's withdrawal); stops early at the deadline. */
  async function cycle(n: number): Promise<void> {
    const title = `关于浸泡测试第${index + 1}-${n}号惠民政策的通知`
    let policy: any = null
    for (let attempt = 1; attempt <= 3 && !policy; attempt += 1) {
      // A random serial: another editor or an earlier run may have used the number (a 400 then; try another).
      const serial = 100_000 + Math.floor(Math.random() * 899_999)
      const reply = await call('/api/policies', {
        token: drafter.token,
        body: {
          title,
          documentNumber: `${shortName}〔${year}〕${serial}号`,
          documentType: 'notice',
          issuingOrgans: [drafter.department],
          writtenAt: new Date().toISOString(),
          department: drafter.department,
          disclosure: 'proactive',
          body: lexicalFromText('第一条 为检验发布过程中读取的一致性，制定本通知。\n第二条 本通知自发布之日起施行。'),
        },
      })
      stats.editorSteps.push(reply.ms)
      if (reply.status === 201) policy = reply.body.doc
      else if (attempt === 3) error('editor', `create policy: ${reply.status} ${JSON.stringify(reply.body).slice(0, 300)}`)
    }
    if (!policy) return
    const id = String(policy.id)
    const members = new Set<string>()
    for (let i = 0; i < MEMBERS; i++) {
      const body = {
        title: `${title}解读${i + 1}`,
        policy: policy.id,
        form: pick(['text', 'expert', 'media', 'leader']),
        body: lexicalFromText('一、出台背景\n二、主要内容\n三、适用对象'),
      }
      const created = await step('create interpretation', '/api/interpretations', drafter.token, body, 201)
      if (!created) return
      members.add(memberKey('interpretations', created.doc.id))
    }
    // Known before the release, so that readers already ask for it while it is being released.
    known.set(id, { documentNumber: policy.documentNumber, indexNumber: policy.indexNumber, members })
    fresh.push(id)
    // The walk of the step table (src/lifecycle/steps.ts), each step by the demo user of its role.
    const by = { drafter, reviewer, signer } as const
    for (const { action, role } of walkTo('released')) {
      if (role !== 'drafter' && role !== 'reviewer' && role !== 'signer') throw new Error(`soak: no demo user for ${role}`)
      const who = by[role]
      if (Date.now() >= deadline) return
      if (!(await step(action, `/api/policies/${id}/workflow/${action}`, who.token))) return
    }
    stats.releases += 1
    live.push(id)
    while (live.length > LIVE && Date.now() < deadline) {
      const oldest = live.shift()!
      if (
        !(await step('withdraw', `/api/policies/${oldest}/workflow/withdraw`, signer.token, { reason: '浸泡测试：撤回，由新的政策包接续' }))
      )
        return
      stats.withdrawals += 1
    }
  }

  for (let n = 1; Date.now() < deadline; n += 1) {
    const before = stats.editorErrors
    await cycle(n)
    // A step that keeps failing would only repeat its error: give up after a few.
    if (stats.editorErrors - before > 0 && stats.editorErrors >= 5) return
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------------------------

function readerP99(): number {
  return percentile(
    KINDS.flatMap((k) => stats.latencies[k]).sort((a, b) => a - b),
    99,
  )
}

function report(target: Target, seconds: number, editors: number, phase: string): boolean {
  const all = KINDS.flatMap((k) => stats.latencies[k]).sort((a, b) => a - b)
  const fmt = (ms: number) => `${ms < 10 ? ms.toFixed(1) : ms.toFixed(0)} ms`
  const requests = totalRequests()
  const errors = totalErrors()
  console.log('')
  console.log(`soak ${phase}: ${seconds.toFixed(0)} s, ${READERS} readers, ${editors} editors, on ${target.url} (${target.describe})`)
  console.log(
    `  requests ${requests} (${(requests / seconds).toFixed(0)}/s), errors ${errors}, p50 ${fmt(percentile(all, 50))}, p99 ${fmt(percentile(all, 99))}`,
  )
  for (const k of KINDS) {
    const sorted = [...stats.latencies[k]].sort((a, b) => a - b)
    console.log(
      `    ${k.padEnd(7)} ${String(sorted.length).padStart(7)} requests, ${stats.errors[k]} errors, p50 ${fmt(percentile(sorted, 50)).padStart(7)}, p99 ${fmt(percentile(sorted, 99)).padStart(7)}`,
    )
  }
  const b = stats.bundles
  console.log(
    `  bundles: ${b.whole} whole, ${b.notFound} not found (404), ${b.notModified} not modified (304), ${b.unknown} not checkable; partial ${b.partial}`,
  )
  const cached = stats.cache.hits + stats.cache.misses
  console.log(
    `  cache: ${stats.cache.hits} hits, ${stats.cache.misses} misses, hit ratio ${cached ? (stats.cache.hits / cached).toFixed(3) : '-'}`,
  )
  const steps = [...stats.editorSteps].sort((x, y) => x - y)
  console.log(
    `  editors: ${stats.releases} releases, ${stats.withdrawals} withdrawals, ${steps.length} steps (p50 ${fmt(percentile(steps, 50))}, p99 ${fmt(percentile(steps, 99))}), ${stats.editorErrors} errors`,
  )
  for (const s of stats.errorSamples) console.log(`  error: ${s}`)
  for (const s of stats.partialSamples) console.log(`  PARTIAL: ${s}`)
  const ok = errors === 0 && b.partial === 0 && (editors === 0 || stats.releases > 0)
  if (editors > 0 && stats.releases === 0) console.log('  no release completed: nothing was published while reading')
  console.log(`soak ${phase}: ${ok ? 'ok' : 'FAILED'} — ${errors} errors, ${b.partial} partial bundles`)
  return ok
}

async function main(): Promise<number> {
  const target: Target = args.url
    ? { describe: 'given instance', stop: async () => {}, url: args.url.replace(/\/$/, '') }
    : await startTarget()
  base = target.url
  // Ctrl-C still stops the server this command started and removes its temporary database.
  process.once('SIGINT', () => void target.stop().finally(() => process.exit(130)))
  try {
    const admin = await login('admin@demo.gov.cn')
    await learnReleased(admin.token)
    // Warm-up, not counted: the first reads of a fresh server build the search index and fill the caches.
    stats = newStats()
    progressLine(`soak: warming up for ${(WARMUP_MS / 1000).toFixed(0)} s`)
    await Promise.all(Array.from({ length: READERS }, () => reader(Date.now() + WARMUP_MS)))
    endProgress(`soak: warmed up (${totalRequests()} requests)`)
    // One run, two phases on the same server and data: readers alone, then readers while editors publish.
    const phases: { editors: number; name: string; ok: boolean; p99: number }[] = []
    for (const phase of [
      { name: 'idle', editors: 0 },
      { name: 'publishing', editors: EDITORS },
    ]) {
      if (phase.name === 'publishing' && EDITORS === 0) break
      stats = newStats()
      console.log(
        `soak ${phase.name}: ${known.size} packages released; ${READERS} readers and ${phase.editors} editors for ${(DURATION_MS / 1000).toFixed(0)} s`,
      )
      const started = Date.now()
      const deadline = started + DURATION_MS
      const ticker = setInterval(() => {
        const s = (Date.now() - started) / 1000
        progressLine(
          `soak ${phase.name}: ${s.toFixed(0)}/${(DURATION_MS / 1000).toFixed(0)} s  requests ${totalRequests()} (${(totalRequests() / Math.max(s, 0.001)).toFixed(0)}/s)  ` +
            `errors ${totalErrors()}  partial ${stats.bundles.partial}  releases ${stats.releases}  withdrawals ${stats.withdrawals}`,
        )
      }, 1000)
      await Promise.all([
        ...Array.from({ length: READERS }, () => reader(deadline)),
        ...Array.from({ length: phase.editors }, (_, i) =>
          editor(i, deadline).catch((e: unknown) => error('editor', `editor ${i + 1} stopped: ${(e as Error).message}`)),
        ),
      ])
      clearInterval(ticker)
      if (TTY) process.stderr.write('\r\x1b[K')
      const ok = report(target, (Date.now() - started) / 1000, phase.editors, phase.name)
      phases.push({ ...phase, ok, p99: readerP99() })
    }
    const idle = phases[0]
    const publishing = phases[1]
    console.log('')
    console.log(`reader p99 idle: ${idle.p99.toFixed(1)} ms`)
    if (publishing) {
      console.log(`reader p99 with ${publishing.editors} editors publishing: ${publishing.p99.toFixed(1)} ms`)
      console.log(`p99 ratio (publishing/idle): ${(publishing.p99 / Math.max(idle.p99, 0.001)).toFixed(2)}`)
    }
    return phases.every((p) => p.ok) ? 0 : 1
  } finally {
    await target.stop()
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error('\nsoak: could not run:', e)
    process.exit(2)
  },
)
