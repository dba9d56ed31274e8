/**
 * Backup and restore (issue #9): export → a fresh empty database → import, then every document of every
 * collection (versions and audit log included) and every media file compared, the audit chain verified and the
 * restored system used. The SQLite lane restores SQLite into SQLite; the MongoDB-wire lane restores MongoDB into
 * MongoDB, a SQLite backup into MongoDB and back into SQLite, and MongoDB's own ids into SQLite.
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { getPayload, handleEndpoints, type Payload } from 'payload'

import { createBackup, restoreBackup, RestoreRefused, type RestoreReport } from '../src/backup'
import { verifyAuditChain } from '../src/audit/auditTrail'
import { buildAppConfig } from '../src/buildAppConfig'
import { objectIdForNumber } from '../src/ids'
import { lexicalFromText } from '../src/richText/plainText'
import { seedDemo } from '../src/seed'
import { seedOrganisation } from '../src/seed/organisation'
import { type FileStore, fileStoreOf, LocalFileStore, S3FileStore } from '../src/storage/fileStore'
import { s3Settings } from '../src/storage/settings'
import { countsOf, firstDifference, hashStore, hashTree, normalise, snapshotDatabase } from './backup/snapshot'
import { makeImage } from './fixtures/media/make'
import { lane } from './helpers/payload'

const SLOW = 15 * 60_000
const mongoOnly = lane === 'mongo' ? test : test.skip

type Kind = 'mongo' | 'sqlite'
type Rest = { get: (path: string, token?: string) => Promise<{ body: any; status: number }>; login: (email: string) => Promise<string> }
type Instance = { kind: Kind; payload: Payload; rest: Rest; store: FileStore }

/**
 * The real REST handler, bound to one Payload instance: handleEndpoints otherwise takes getPayload's default
 * cache entry, which is whichever instance was asked for first (tests/helpers/payload.ts serves one per file).
 */
function restFor(config: ReturnType<typeof buildAppConfig>, key: string): Rest {
  const call = async (method: string, url: string, init: { body?: string; token?: string } = {}) => {
    const headers: Record<string, string> = { 'accept-language': 'zh', 'content-type': 'application/json' }
    if (init.token) headers.authorization = `JWT ${init.token}`
    const request = new Request(`http://localhost:3000/api${url}`, { method, headers, body: init.body })
    const response = await handleEndpoints({ config, request, payloadInstanceCacheKey: key })
    const text = await response.text()
    let body: unknown = text
    try {
      body = JSON.parse(text)
    } catch {
      /* a file */
    }
    return { body: body as any, status: response.status }
  }
  return {
    get: (url, token) => call('GET', url, { token }),
    async login(email) {
      const res = await call('POST', '/users/login', { body: JSON.stringify({ email, password: 'demo1234' }) })
      if (res.status !== 200) throw new Error(`login ${email}: ${res.status} ${JSON.stringify(res.body)}`)
      return res.body.token as string
    },
  }
}

const root = path.join(os.tmpdir(), `cms-backup-${randomBytes(4).toString('hex')}`)
const instances: Instance[] = []

/**
 * The process's file store (tests/setup/env.ts: its MEDIA_DIR, or its prefix in the S3 bucket under STORAGE=s3).
 * Upload collections fix their folder in it when the config is built, so every Payload of this file stores
 * uploads there: the source writes into it, the wipe empties it and the main restore fills it again. Other
 * restores go into stores of their own (a directory, or another prefix of the bucket).
 */
const SHARED = 'shared'
const wipe = async (store: FileStore) => store.remove(await store.list())
function ownStore(name: string): FileStore {
  const s3 = s3Settings()
  // A sibling prefix, not one inside the shared store's (whose listing would then include it).
  return s3
    ? new S3FileStore({ ...s3, prefix: `${s3.prefix.replace(/\/$/, '')}-${name}/` })
    : new LocalFileStore(path.join(root, name, 'media'))
}

/**
 * A Payload on a database of its own (a new SQLite file, or a new database on the test's MongoDB-wire server).
 * getPayload caches one instance per `key`, so each gets a distinct key.
 */
async function boot(kind: Kind, name: string, where?: typeof SHARED): Promise<Instance> {
  const dir = path.join(root, name)
  await fs.mkdir(dir, { recursive: true })
  const databaseUrl =
    kind === 'sqlite'
      ? `file:${path.join(dir, 'cms.db')}`
      : `${process.env.TEST_MONGO_URL!.replace(/\/?$/, '/')}${path.basename(root).replace(/-/g, '_')}_${name.replace(/-/g, '_')}`
  const config = buildAppConfig({
    databaseUrl,
    database: kind === 'mongo' ? { mongo: { useJoinAggregations: false, disableIndexHints: true } } : { sqlitePush: true },
  })
  // Drizzle pushes a dev schema only when it differs from the last one pushed in this process: force it for
  // every new SQLite file.
  process.env.PAYLOAD_FORCE_DRIZZLE_PUSH = 'true'
  const key = `${path.basename(root)}-${name}`
  const payload = await getPayload({ config, key }).finally(() => {
    delete process.env.PAYLOAD_FORCE_DRIZZLE_PUSH
  })
  const instance = { kind, payload, rest: restFor(config, key), store: where === SHARED ? fileStoreOf(payload) : ownStore(name) }
  instances.push(instance)
  return instance
}

/**
 * Demo content (every workflow state, versions, audit entries, a scheduled-release job) plus what the demo lacks:
 * an uploaded PNG attachment with its image sizes, referenced from a relationship and from a rich-text upload
 * node; an infographic with its derivatives; a search-dictionary entry (its own audit entry).
 */
async function seed(instance: Instance): Promise<void> {
  const { payload } = instance
  await seedDemo(payload)
  const org = await seedOrganisation(payload)
  const department = org.departments.finance
  const png = await makeImage(1700, 900)
  const media = await payload.create({
    collection: 'media',
    data: { alt: '补贴标准示意图', department: department.id },
    file: { data: png, mimetype: 'image/png', name: 'subsidy-chart.png', size: png.length },
    overrideAccess: true,
  })
  const { docs } = await payload.find({
    collection: 'policies',
    where: { and: [{ stage: { equals: 'drafting' } }, { department: { equals: department.id } }] },
    limit: 1,
    depth: 0,
  })
  const policy = docs[0]
  const released = (await payload.find({ collection: 'policies', where: { stage: { equals: 'released' } }, limit: 1, depth: 0 })).docs[0]
  const text = lexicalFromText('附图说明：补贴标准见下图。')
  const links = [
    { type: 'upload', relationTo: 'media', value: media.id, fields: null, format: '', version: 3 },
    { type: 'relationship', relationTo: 'policies', value: released.id, format: '', version: 2 },
  ]
  const body = { ...text, root: { ...text.root, children: [...text.root.children, ...links] } }
  const drafter = { ...org.users['drafter@demo.gov.cn'], collection: 'users' as const }
  await payload.update({
    collection: 'policies',
    id: policy.id,
    data: { attachments: [media.id], body },
    user: drafter,
    overrideAccess: false,
  })
  const image = await makeImage(800, 2000)
  await payload.create({
    collection: 'infographics',
    data: { title: '一图读懂：补贴标准', policy: policy.id, alt: '补贴标准长图', textAlternative: '一、补贴对象……二、补贴标准……' },
    file: { data: image, mimetype: 'image/png', name: 'yitu.png', size: image.length },
    overrideAccess: true,
  })
  await payload.create({ collection: 'search-terms', data: { term: '保费补贴', synonyms: ['保险补贴'] }, overrideAccess: true })
}

/** The references inside policies' rich text (the seed puts an upload and a relationship node in one): [relationTo, value]. */
async function richTextReferences(payload: Payload): Promise<[string, unknown][]> {
  const { docs } = await payload.find({ collection: 'policies', pagination: false, depth: 0, sort: 'id' })
  const nodes = docs.flatMap(
    (d) => (d.body as { root?: { children?: { relationTo?: string; value?: unknown }[] } } | null)?.root?.children ?? [],
  )
  return nodes.filter((n) => n.relationTo).map((n) => [n.relationTo!, n.value])
}

const emptyCounts = (counts: Record<string, number>) => Object.fromEntries(Object.keys(counts).map((k) => [k, 0]))

async function releasedPolicy(payload: Payload) {
  const { docs } = await payload.find({
    collection: 'policies',
    where: { and: [{ stage: { equals: 'released' } }, { disclosure: { equals: 'proactive' } }] },
    sort: 'id',
    limit: 1,
    depth: 0,
  })
  const interpretations = await payload.count({ collection: 'interpretations', where: { policy: { equals: docs[0].id } } })
  return { policy: docs[0], interpretations: interpretations.totalDocs }
}

/** The restored system in use: the public bundle of a released package and a login with a restored password. */
async function expectWorking(target: Instance, policyId: number | string, title: string, interpretations: number) {
  const bundle = await target.rest.get(`/public/policies/${policyId}`)
  expect([bundle.status, bundle.body.title]).toEqual([200, title])
  const members = Object.values(bundle.body.interpretations as Record<string, unknown[]>).flat()
  expect(members.length).toBe(interpretations)
  expect((members[0] as { links: { policy: string } }).links.policy).toBe(`/api/public/policies/${policyId}`)
  expect(typeof (await target.rest.login('admin@demo.gov.cn'))).toBe('string')
}

function expectSameSnapshot(
  restored: Awaited<ReturnType<typeof snapshotDatabase>>,
  original: Awaited<ReturnType<typeof snapshotDatabase>>,
) {
  expect(countsOf(restored)).toEqual(countsOf(original))
  expect(firstDifference(restored, original)).toBeNull()
}

let source: Instance
let backupDir: string
let original: Awaited<ReturnType<typeof snapshotDatabase>>
let originalFiles: Record<string, string>

beforeAll(async () => {
  source = await boot(lane, 'source', SHARED)
  await seed(source)
  original = await snapshotDatabase(source.payload)
  originalFiles = await hashStore(source.store)
  backupDir = path.join(root, 'backup')
}, SLOW)

afterAll(async () => {
  for (const instance of instances) await instance.payload.destroy().catch(() => undefined)
  await fs.rm(root, { recursive: true, force: true })
})

describe(`backup and restore (${lane})`, () => {
  test(
    'the backup holds every document, version and media file, each hashed',
    async () => {
      const phases = new Set<string>()
      const result = await createBackup({
        payload: source.payload,
        dir: backupDir,
        store: source.store,
        onProgress: (_d, _t, p) => phases.add(p),
      })
      const { manifest } = result
      console.info(
        `[${lane}] backup: ${manifest.counts.documents} documents, ${manifest.counts.versions} versions, ${manifest.counts.files} files in ${result.seconds.toFixed(1)} s`,
      )
      expect([...phases].sort()).toEqual(['documents', 'files'])
      const counts = countsOf(original)
      expect(
        Object.fromEntries(manifest.data.map((d) => [d.kind === 'versions' ? `${d.collection}:versions` : d.collection, d.count])),
      ).toEqual(counts)
      expect(counts.policies).toBeGreaterThan(10)
      expect(counts['policies:versions']).toBeGreaterThan(counts.policies)
      expect(counts['audit-log']).toBeGreaterThan(100)
      expect(counts['payload-jobs']).toBeGreaterThan(0)
      expect(manifest.source).toMatchObject({
        adapter: lane === 'mongo' ? 'mongoose' : 'sqlite',
        idType: lane === 'mongo' ? 'text' : 'number',
      })
      expect(manifest.auditHead).toEqual(((await verifyAuditChain(source.payload)) as { head: unknown }).head)
      // Every media file (original, image sizes, derivatives) with its hash, and none missing.
      expect(Object.keys(originalFiles).length).toBeGreaterThan(8)
      expect(Object.fromEntries(manifest.media.map((m) => [m.path, m.sha256]))).toEqual(originalFiles)
      expect(manifest.missingMedia).toEqual([])
      expect(await hashTree(path.join(backupDir, 'files'))).toEqual(originalFiles)
    },
    SLOW,
  )

  test(
    'restored into an empty database it reproduces every document, every media file and the audit chain',
    async () => {
      // The wipe: a new empty database, and the file store emptied.
      await wipe(source.store)
      const target = await boot(lane, 'restored', SHARED)
      const report = await restoreBackup({ payload: target.payload, dir: backupDir, store: target.store })
      console.info(
        `[${lane}] restore: ${report.documents} documents, ${report.versions} versions, ${report.files} files in ${report.seconds.toFixed(1)} s`,
      )
      expect([report.idsKept, report.idMap]).toEqual([true, {}])
      expectSameSnapshot(await snapshotDatabase(target.payload), original)
      expect(await hashStore(target.store)).toEqual(originalFiles)
      expect(report.audit).toMatchObject({ ok: true, entries: countsOf(original)['audit-log'] })
      expect(await verifyAuditChain(target.payload)).toEqual(report.audit)
      expect(report.stageMismatches).toEqual([])

      const { policy, interpretations } = await releasedPolicy(source.payload)
      await expectWorking(target, policy.id, policy.title, interpretations)
      // A restored file is served with its record (the upload collection's own directory).
      const media = (await target.payload.find({ collection: 'media', limit: 1, depth: 0 })).docs[0]
      const file = await target.rest.get(`/media/file/${media.filename}`, await target.rest.login('admin@demo.gov.cn'))
      expect(file.status).toBe(200)

      // The restored database is not empty any more: a second restore is refused, and writes nothing.
      const before = countsOf(await snapshotDatabase(target.payload))
      const again = await restoreBackup({ payload: target.payload, dir: backupDir, store: target.store }).catch((e: unknown) => e)
      expect(again).toBeInstanceOf(RestoreRefused)
      expect(again).toMatchObject({ status: 409, code: 'target-not-empty' })
      expect((again as RestoreRefused).details).toContain(`policies: ${before.policies}`)
      expect(countsOf(await snapshotDatabase(target.payload))).toEqual(before)
    },
    SLOW,
  )

  test(
    'a backup changed by one byte is refused before anything is written',
    async () => {
      const tampered = path.join(root, 'tampered')
      await fs.cp(backupDir, tampered, { recursive: true })
      const data = path.join(tampered, 'data', 'policies.ndjson')
      const bytes = await fs.readFile(data)
      const at = bytes.indexOf(Buffer.from('"title":"')) + 9
      bytes[at] ^= 0x01
      await fs.writeFile(data, bytes)
      const [someFile] = Object.keys(originalFiles).filter((f) => f.endsWith('.png'))
      const media = path.join(tampered, 'files', someFile)
      const image = await fs.readFile(media)
      image[image.length - 1] ^= 0xff
      await fs.writeFile(media, image)

      const target = await boot(lane, 'refused')
      const refused = await restoreBackup({ payload: target.payload, dir: tampered, store: target.store }).catch((e: unknown) => e)
      expect(refused).toBeInstanceOf(RestoreRefused)
      expect(refused).toMatchObject({ status: 422, code: 'manifest-mismatch' })
      const details = (refused as RestoreRefused).details.join('\n')
      expect(details).toContain('data/policies.ndjson')
      expect(details).toContain(`files/${someFile}`)
      const counts = countsOf(await snapshotDatabase(target.payload))
      expect(counts).toEqual(emptyCounts(counts))
      expect(await hashStore(target.store)).toEqual({})
    },
    SLOW,
  )

  mongoOnly(
    'MongoDB’s own ids restored into SQLite: new integer ids, id map, audit chain intact',
    async () => {
      const target = await boot('sqlite', 'mongo-to-sqlite')
      const report: RestoreReport = await restoreBackup({ payload: target.payload, dir: backupDir, store: target.store })
      expect(report.idsKept).toBe(false)
      const renamed = new Map<string, string>()
      for (const map of Object.values(report.idMap)) for (const [from, to] of Object.entries(map)) renamed.set(from, String(to))
      expect(renamed.size).toBe(Object.values(countsOf(original)).reduce((a, b) => a + b, 0))
      expect(report.audit.ok).toBe(true)
      // Stage reconciliation follows `refs.policy`, here ObjectIds no SQLite row has: the report lists them.
      console.info(`[mongo → sqlite] ${report.stageMismatches.length} stage mismatches reported (refs keep MongoDB ids)`)
      expect(await hashStore(target.store)).toEqual(originalFiles)

      // Everything but the audit log reads the same once ids are renamed; the audit log keeps its recorded ids
      // (hashed), and its relationship columns, which cannot name the same ids, are empty.
      const restored = await snapshotDatabase(target.payload)
      const expected = await snapshotDatabase(source.payload, (t) => renamed.get(t) ?? t)
      const withoutAudit = (s: typeof restored) => Object.fromEntries(Object.entries(s).filter(([k]) => k !== 'audit-log'))
      expectSameSnapshot(withoutAudit(restored), withoutAudit(expected))
      const entries = await target.payload.find({ collection: 'audit-log', pagination: false, depth: 0, sort: 'seq' })
      const sourceEntries = await source.payload.find({ collection: 'audit-log', pagination: false, depth: 0, sort: 'seq' })
      expect(entries.docs.map((e) => [e.seq, e.hash, e.refs, e.policy ?? null])).toEqual(
        sourceEntries.docs.map((e) => [e.seq, e.hash, e.refs, null]),
      )

      const { policy, interpretations } = await releasedPolicy(source.payload)
      const restoredPolicy = await target.payload.findByID({ collection: 'policies', id: Number(renamed.get(String(policy.id))), depth: 0 })
      await expectWorking(target, restoredPolicy.id, policy.title, interpretations)
    },
    SLOW,
  )

  mongoOnly(
    'a SQLite backup restored into MongoDB and back into SQLite: same documents, same ids, same files, chain intact',
    async () => {
      const sqlite = await boot('sqlite', 'sqlite-source', SHARED)
      await seed(sqlite)
      const sqliteSnapshot = await snapshotDatabase(sqlite.payload)
      const sqliteFiles = await hashStore(sqlite.store)
      const first = path.join(root, 'backup-sqlite')
      await createBackup({ payload: sqlite.payload, dir: first, store: sqlite.store })

      // Wiped media directory: the MongoDB instance serves (and is backed up from) the process's media directory.
      await wipe(sqlite.store)
      const mongo = await boot('mongo', 'from-sqlite', SHARED)
      const there = await restoreBackup({ payload: mongo.payload, dir: first, store: mongo.store })
      expect(there.idsKept).toBe(false)
      expect(there.idMap.policies['1']).toBe(objectIdForNumber(1))
      // Ids differ only in spelling (5 ↔ 000000000000000000000005): the normalised snapshots are equal, relationship
      // columns of the audit log included, and stage reconciliation follows the recorded ids.
      expectSameSnapshot(await snapshotDatabase(mongo.payload), sqliteSnapshot)
      expect(await hashStore(mongo.store)).toEqual(sqliteFiles)
      expect([there.audit.ok, there.stageMismatches]).toEqual([true, []])
      // References inside rich text and JSON carry MongoDB's spelling of the ids, not SQLite's numbers.
      const sqliteRefs = await richTextReferences(sqlite.payload)
      expect(sqliteRefs.map(([to]) => to).sort()).toEqual(['media', 'policies'])
      expect(await richTextReferences(mongo.payload)).toEqual(sqliteRefs.map(([to, id]) => [to, objectIdForNumber(Number(id))]))
      const job = (await mongo.payload.find({ collection: 'payload-jobs', limit: 1, depth: 0 })).docs[0]
      expect(String((job.input as { policy: string }).policy)).toMatch(/^0{20}/)
      const second = path.join(root, 'backup-mongo')
      await createBackup({ payload: mongo.payload, dir: second, store: mongo.store })
      // Used only after its backup: a login adds a session to the user.
      const { policy, interpretations } = await releasedPolicy(sqlite.payload)
      await expectWorking(mongo, objectIdForNumber(Number(policy.id)), policy.title, interpretations)
      const back = await boot('sqlite', 'back-to-sqlite')
      const report = await restoreBackup({ payload: back.payload, dir: second, store: back.store })
      expect(Object.keys(report.idMap.policies ?? {}).length).toBe(Object.keys(sqliteSnapshot.policies).length)
      // The original SQLite ids come back exactly.
      const roundTrip = await snapshotDatabase(back.payload)
      expectSameSnapshot(roundTrip, sqliteSnapshot)
      expect(Object.keys(roundTrip.policies)).toEqual(Object.keys(sqliteSnapshot.policies))
      expect((await back.payload.findByID({ collection: 'policies', id: policy.id, depth: 0 })).title).toBe(policy.title)
      expect(await richTextReferences(back.payload)).toEqual(sqliteRefs)
      expect(await hashStore(back.store)).toEqual(sqliteFiles)
      expect(report.audit).toEqual(await verifyAuditChain(sqlite.payload))
      expect(normalise(report.manifest.auditHead)).toEqual(normalise(there.manifest.auditHead))
    },
    SLOW,
  )
})
