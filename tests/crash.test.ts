import { randomBytes } from 'node:crypto'
import { createLocalReq } from 'payload'

import { appendAudit } from '../src/audit/auditTrail'

import { lane } from './helpers/payload'
import { type MemberSpec, packages } from './fixtures/packages'
import { startWorld, type World } from './helpers/world'
import { type ServerCommand, type ServerProcess, type Standby, serverCommand, spawnStandby } from './crash/serverProcess'

/**
 * 同步发布 under failure, end to end. A server process (tests/crash/server.ts: the REST and public API through the
 * Next route's handlers, on this file's database) is SIGKILLed while it releases a signed package of 14 members
 * (12 interpretations, a video, an online interview), at moments spread over the release's duration as measured
 * in run 0, 20 times. After each kill another server process takes over the database (a standby: code loaded
 * beforehand, database opened only after the kill) and, through its public API, the package must be whole
 * (bundle with every member, each member readable, listed) or absent; through the workflow API, `released`, or
 * still `signed` with `release` open to the signer (pending, visibly), and completing the release then shows
 * the whole bundle. Same on both lanes (the MongoDB-wire lane has no transactions). Per-run outcomes and the
 * summary are printed. Where the database has no transactions, a kill between the stage write and the audit entry
 * leaves a released package without its entry: the restarted server must have completed the trail (one `release`
 * entry, marked recovered), see src/audit/recoverSteps.ts.
 */
const TEXT_MEMBERS = 12
const KILLED_RUNS = 20

type MemberRef = { id: number | string; slug: string }
type Package = { id: number | string; members: MemberRef[] }
type Seen = { listed: boolean; partial: boolean; policy: boolean; summary: string; visibleMembers: number }

let w: World
let command: ServerCommand
let server: ServerProcess | undefined
/** Server processes loading their code ahead of the kills that will need them (the next one and one more). */
const standbys: Standby[] = []
const STANDBYS = 2
const spawnStandbys = () => {
  while (standbys.length < STANDBYS) standbys.push(spawnStandby(command))
}

beforeAll(async () => {
  w = await startWorld()
  command = serverCommand()
})
afterAll(async () => {
  await server?.kill()
  await Promise.all(standbys.map((s) => s.kill()))
  command?.cleanup()
  await w?.payload.destroy()
})

const REQUEST_TIMEOUT_MS = 60_000
const log = (line: string) => process.stderr.write(`[${lane}] ${line}\n`)
/** CRASH_DEBUG=1 traces every step (where a run hangs). */
const phase = (what: string) =>
  process.env.CRASH_DEBUG && process.stderr.write(`[${lane}]   ${new Date().toISOString().slice(11, 23)} ${what}\n`)
const key = (m: MemberRef) => `${m.slug}:${m.id}`

/** The members of the crash package: TEXT_MEMBERS interpretations, a video (link) and an interview. */
const MEMBERS: MemberSpec[] = [
  ...Array.from({ length: TEXT_MEMBERS }, (_, i) => ({ collection: 'interpretations', data: { title: `解读${i + 1}` } })),
  {
    collection: 'videos',
    data: { title: '视频解读', transcript: '各位网友大家好。', externalUrl: 'https://v.qq.com/x/page/crash.html' },
  },
  {
    collection: 'interviews',
    data: {
      title: '在线访谈',
      topic: '政策怎么落实',
      scheduledAt: '2026-12-01T02:00:00.000Z',
      host: { name: '李主持', title: '主持人', department: '省政府办公厅' },
      guests: [{ name: '王处长', title: '处长', organisation: '贵州省财政厅' }],
    },
  },
]

/** The crash package walked to `signed` through REST (the in-process API; the killed server only releases). */
async function signedPackage(): Promise<Package> {
  const { policy, members } = await packages(w).make('signed', { overrides: { title: '关于崩溃测试政策包的通知' }, members: MEMBERS })
  return { id: policy.id, members: members.map((doc, i) => ({ slug: MEMBERS[i].collection, id: doc.id })) }
}

/** A stored document as the adapter takes it back: no id, timestamps or joins; array rows with new ids. */
function rowOf(slug: string, doc: Record<string, unknown>, overrides: Record<string, unknown>): Record<string, unknown> {
  const joins = w.payload.collections[slug as 'policies'].config.flattenedFields.filter((f) => f.type === 'join').map((f) => f.name)
  const strip = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map((item) =>
          item && typeof item === 'object' && !Array.isArray(item) && 'id' in item
            ? strip({ ...item, id: randomBytes(12).toString('hex') })
            : strip(item),
        )
      : value && typeof value === 'object'
        ? Object.fromEntries(
            Object.entries(value)
              .filter(([, v]) => v !== undefined)
              .map(([k, v]) => [k, strip(v)]),
          )
        : value
  const { id: _id, createdAt: _c, updatedAt: _u, ...rest } = doc
  for (const join of joins) delete rest[join]
  return { ...(strip(rest) as Record<string, unknown>), ...overrides }
}

type Snapshot = {
  members: { doc: Record<string, unknown>; slug: string }[]
  policy: Record<string, unknown> & { indexNumber: string; title: string }
}

/** The signed package as stored, to be copied. */
async function snapshot(pkg: Package): Promise<Snapshot> {
  const read = (slug: string, id: number | string) => w.payload.findByID({ collection: slug as 'policies', id, depth: 0 }) as Promise<never>
  return {
    policy: await read('policies', pkg.id),
    members: await Promise.all(pkg.members.map(async (m) => ({ slug: m.slug, doc: await read(m.slug, m.id) }))),
  }
}

/**
 * A copy of the signed template, row for row, through the database adapter (no hooks): what REST made once,
 * stored again under a new id, title, document number and index number. Building 20 more packages through REST
 * (15 documents and 4 workflow steps each) would cost minutes on the MongoDB-wire lane; the release under test
 * and every read after it go through the real server.
 */
async function copyOf(template: Snapshot, n: number): Promise<Package> {
  const serial = 9000 + n
  const copy = await w.payload.db.create({
    collection: 'policies',
    data: rowOf('policies', template.policy, {
      title: `${template.policy.title}（副本${n}）`,
      documentNumber: `${w.a.shortName}〔2020〕${serial}号`,
      indexNumber: `${template.policy.indexNumber}-${serial}`,
      indexSerial: serial,
    }),
  })
  const members: MemberRef[] = []
  for (const m of template.members) {
    const row = await w.payload.db.create({ collection: m.slug as 'interpretations', data: rowOf(m.slug, m.doc, { policy: copy.id }) })
    members.push({ slug: m.slug, id: row.id as number | string })
  }
  // The copy's trail up to its signature, as the lifecycle records it: the restarted server recovers a release
  // from where the trail left off.
  const req = await createLocalReq({ user: { ...w.org.users['signer@demo.gov.cn'], collection: 'users' } }, w.payload)
  await appendAudit(req, { action: 'policy-created', policy: copy.id, details: { title: copy.title, documentNumber: null } })
  await appendAudit(req, { action: 'sign', policy: copy.id, fromStage: 'content-passed', toStage: 'signed' })
  return { id: copy.id as number | string, members }
}

/**
 * Removes a checked package (adapter, no hooks), so that the database stays small: the MongoDB-wire server
 * reads a whole collection for most queries, and 20 packages' worth of members would slow every later run.
 */
async function remove(pkg: Package): Promise<void> {
  for (const slug of new Set(pkg.members.map((m) => m.slug)) as Set<'interpretations'>) {
    const ids = pkg.members.filter((m) => m.slug === slug).map((m) => m.id)
    if (w.payload.collections[slug].config.versions) await w.payload.db.deleteVersions({ collection: slug, where: { parent: { in: ids } } })
    await w.payload.db.deleteMany({ collection: slug, where: { policy: { equals: pkg.id } } })
  }
  await w.payload.db.deleteVersions({ collection: 'policies', where: { parent: { equals: pkg.id } } })
  await w.payload.db.deleteOne({ collection: 'policies', where: { id: { equals: pkg.id } } })
}

async function api(path: string, init: { body?: unknown; token?: string } = {}): Promise<{ body: any; status: number }> {
  const headers: Record<string, string> = { 'accept-language': 'en' }
  if (init.token) headers.authorization = `JWT ${init.token}`
  if (init.body !== undefined) headers['content-type'] = 'application/json'
  phase(`${init.body === undefined ? 'GET' : 'POST'} ${path}`)
  const sent = performance.now()
  const send = (fresh = false) =>
    fetch(`${server!.url}/api${path}`, {
      // A server that stops answering fails the test with the request named, not with jest's timeout.
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      method: init.body === undefined ? 'GET' : 'POST',
      headers: fresh ? { ...headers, connection: 'close' } : headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    })
  // A GET on a pooled keep-alive socket the server closed at that moment fails with "other side closed" (seen in
  // CI, twice in a row: the pool held several sockets closed at once); a GET is safe to send again, on a new
  // connection. A server that really died refuses that too, and the failure then says how it ended.
  const res = await send().catch((error: unknown) => {
    const cause = String((error as { cause?: unknown })?.cause ?? '')
    if (init.body !== undefined || !/other side closed/.test(cause)) throw error
    phase(`  retry ${path.slice(0, 40)} after: ${cause}`)
    return send(true).catch((again: unknown) => {
      throw new Error(`GET ${path} failed twice (${cause}; then ${String(again)}); the server: ${server!.stderrTail()}`)
    })
  })
  const text = await res.text()
  phase(`  ${res.status} ${path.slice(0, 40)} after ${(performance.now() - sent).toFixed(0)} ms`)
  return { status: res.status, body: text ? JSON.parse(text) : null }
}

const MEMBER_SLUGS = ['interpretations', 'videos', 'interviews']

const bundleMembers = (bundle: { body: any; status: number }) =>
  bundle.status === 200
    ? [
        ...Object.values(bundle.body.interpretations as Record<string, { id: number | string; type: string }[]>).flat(),
        ...['infographics', 'videos', 'interviews'].flatMap((slug) => bundle.body[slug] as { id: number | string; type: string }[]),
      ]
        .map((m) => key({ slug: m.type, id: m.id }))
        .sort()
    : []

const listed = (list: { body: any }, pkg: Package) => list.body.docs.some((d: { id: number | string }) => String(d.id) === String(pkg.id))

/** The bundle alone, once the package must be out: whole (every member, by id) and heading the list. */
async function bundleView(pkg: Package): Promise<Seen> {
  const [bundle, list] = await Promise.all([api(`/public/policies/${pkg.id}`), api('/public/policies?limit=3')])
  const inBundle = bundleMembers(bundle)
  const whole = bundle.status === 200 && listed(list, pkg) && JSON.stringify(inBundle) === JSON.stringify(pkg.members.map(key).sort())
  return {
    listed: listed(list, pkg),
    partial: !whole,
    policy: bundle.status === 200,
    visibleMembers: inBundle.length,
    summary: whole
      ? `whole (${inBundle.length}/${pkg.members.length} members)`
      : `PARTIAL (bundle ${bundle.status} with ${inBundle.length} members)`,
  }
}

/**
 * What anonymous readers see of the package: the bundle (policy and members by id), the newest releases, every
 * member through the collections' anonymous REST reads (the access rules behind the public API; one query per
 * collection), and one member per collection through its own public endpoint (each costs a full member view).
 */
async function publicView(pkg: Package): Promise<Seen> {
  const interpretations = pkg.members.filter((m) => m.slug === 'interpretations')
  const sample = [interpretations[0], ...pkg.members.filter((m) => m.slug !== 'interpretations')]
  const [bundle, list, ...reads] = await Promise.all([
    api(`/public/policies/${pkg.id}`),
    // Newest release first: a package released now heads the list.
    api('/public/policies?limit=3'),
    ...MEMBER_SLUGS.map((slug) => api(`/${slug}?where[policy][equals]=${pkg.id}&depth=0&limit=100`)),
    ...sample.map((m) => api(`/public/${m.slug}/${m.id}`)),
  ])
  const collections = reads.slice(0, MEMBER_SLUGS.length)
  const singles = reads.slice(MEMBER_SLUGS.length)
  expect([200, 404]).toContain(bundle.status)
  for (const r of collections) expect(r.status).toBe(200)
  for (const r of singles) expect([200, 404]).toContain(r.status)
  const isListed = listed(list, pkg)
  const readable = collections.flatMap((r, i) =>
    (r.body.docs as { id: number | string }[]).map((d) => key({ slug: MEMBER_SLUGS[i], id: d.id })),
  )
  const singlesVisible = singles.filter((r) => r.status === 200).length
  const inBundle = bundleMembers(bundle)
  const expected = JSON.stringify(pkg.members.map(key).sort())
  const whole =
    bundle.status === 200 &&
    isListed &&
    JSON.stringify(inBundle) === expected &&
    JSON.stringify(readable.sort()) === expected &&
    singlesVisible === sample.length
  const none = bundle.status === 404 && !isListed && readable.length === 0 && singlesVisible === 0
  return {
    listed: isListed,
    partial: !whole && !none,
    policy: bundle.status === 200,
    visibleMembers: readable.length,
    summary: whole
      ? `whole (${inBundle.length}/${pkg.members.length} members)`
      : none
        ? 'none'
        : `PARTIAL (bundle ${bundle.status} with ${inBundle.length} members, ${readable.length}/${pkg.members.length} members readable, ${singlesVisible}/${sample.length} member endpoints 200, listed ${isListed})`,
  }
}

/** The oldest standby takes over as the server, and another one starts loading for a later restart. */
async function takeOver(): Promise<ServerProcess> {
  const next = standbys.shift() ?? spawnStandby(command)
  spawnStandbys()
  return next.go()
}

test(`a release SIGKILLed at ${KILLED_RUNS} moments shows the whole package or none of it after a restart`, async () => {
  const started = Date.now()
  // The first servers load their code while the package is built.
  spawnStandbys()
  const template = await signedPackage()
  const stored = await snapshot(template)
  log(
    `crash: a signed package of ${template.members.length} members built through REST (${((Date.now() - started) / 1000).toFixed(1)} s); each later run releases a copy`,
  )
  server = await takeOver()
  const starts: number[] = []
  const signer = await w.token('signer')

  let duration = 0
  let killedMidRelease = 0
  let partials = 0
  const after = { pending: 0, released: 0, releasedWithoutAudit: 0 }
  for (let run = 0; run <= KILLED_RUNS; run++) {
    // Made while the live server idles (SQLite: one writer at a time).
    const pkg = run === 0 ? template : await copyOf(stored, run)
    // Run 0 releases on a server as warm as the later ones will be (they have answered the previous run's checks).
    if (run === 0) await publicView(pkg)
    // Also warms the keep-alive connection, so that the release request leaves at once.
    const before = await api(`/policies/${pkg.id}/workflow`, { token: signer })
    expect(before.body.stage).toBe('signed')

    // Run 0 completes and measures the release; the others are killed at moments spread over that duration.
    const delay = run === 0 ? null : Math.round(((run - 0.5) / KILLED_RUNS) * duration)
    const sentAt = performance.now()
    let answeredAfter: null | number = null
    const release = fetch(`${server.url}/api/policies/${pkg.id}/workflow/release`, {
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      method: 'POST',
      headers: { authorization: `JWT ${signer}`, 'content-type': 'application/json' },
      body: '{}',
    }).then(
      async (res) => {
        await res.arrayBuffer()
        answeredAfter = performance.now() - sentAt
        return res.status
      },
      () => 'connection lost' as const,
    )
    let outcome: string
    if (delay === null) {
      expect(await release).toBe(200)
      duration = answeredAfter!
      outcome = `completed in ${duration.toFixed(0)} ms`
    } else {
      await new Promise((resolve) => setTimeout(resolve, delay))
      const inFlight = answeredAfter === null
      await server.kill()
      const status = await release
      if (inFlight) killedMidRelease += 1
      outcome = `killed at ${String(delay).padStart(3)} ms, ${inFlight ? `in flight (${status})` : `after the answer (${status})`}`
      phase('take over')
      server = await takeOver()
      starts.push(server.startMs)
    }

    const seen = await publicView(pkg)
    const state = await api(`/policies/${pkg.id}/workflow`, { token: signer })
    const releaseOpen = state.body.actions.find((a: { action: string }) => a.action === 'release')?.allowed === true
    phase('count audit entries')
    const releaseEntries = await w.payload.find({
      collection: 'audit-log',
      where: { and: [{ policy: { equals: pkg.id } }, { action: { equals: 'release' } }] },
      depth: 0,
    })
    const audits = releaseEntries.totalDocs
    const recovered = releaseEntries.docs.filter((e) => (e.details as null | { recovered?: boolean })?.recovered).length
    log(
      `crash run ${String(run).padStart(2)}: ${outcome}; ${delay === null ? 'same server' : `restarted in ${server.startMs} ms`}: ` +
        `stage ${state.body.stage}${releaseOpen ? ' (release open)' : ''}, public: ${seen.summary}, release audit entries ${audits}${recovered ? ' (recovered at restart)' : ''}`,
    )
    if (seen.partial) partials += 1
    // Whole or nothing, and the workflow says which: released and public, or visibly pending and hidden.
    expect(seen.partial).toBe(false)
    if (state.body.stage === 'released') {
      expect(seen.policy).toBe(true)
      if (delay !== null) after.released += 1
      // Every release is on the trail exactly once, recovered at restart when the kill fell between the two writes.
      expect(audits).toBe(1)
      if (recovered > 0) after.releasedWithoutAudit += 1
    } else {
      expect([state.body.stage, releaseOpen, seen.policy]).toEqual(['signed', true, false])
      after.pending += 1
      // A release that did not happen is completed, and then the whole bundle appears (and heads the list).
      expect((await api(`/policies/${pkg.id}/workflow/release`, { body: {}, token: signer })).status).toBe(200)
      const completed = await bundleView(pkg)
      log(`              → release completed: ${completed.summary}`)
      if (completed.partial) partials += 1
      expect([completed.partial, completed.policy]).toEqual([false, true])
    }
    await remove(pkg)
  }
  starts.sort((a, b) => a - b)
  log(
    `crash: ${KILLED_RUNS + 1} runs, ${killedMidRelease} killed mid-release, ${partials} partial bundles ` +
      `(release ≈ ${duration.toFixed(0)} ms; after the ${KILLED_RUNS} kills: ${after.released} released ` +
      `(${after.releasedWithoutAudit} of them with their audit entry recovered at restart), ${after.pending} pending then completed; ` +
      `restart p50 ${starts[Math.floor(starts.length / 2)]} ms; ${((Date.now() - started) / 1000).toFixed(0)} s in all)`,
  )
  // The kills must have cut releases short, or the test proved nothing.
  expect(after.pending).toBeGreaterThan(0)
}, 300_000)
