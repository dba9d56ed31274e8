/**
 * The access matrix (tests/access-matrix/table.ts), cell by cell, against the real REST handler: every role ×
 * own / other department × every collection × create / read / update / delete / each workflow step.
 *
 * The read fixtures are built once per department through the Local API and the real lifecycle (performAction).
 * A cell that may change its target (update, delete, workflow step) gets a fresh one, in the right stage, when the
 * table allows it, and otherwise shares one with the other refused cells of its row on that department (rebuilt
 * whenever a request got through), so that the only reason a request can fail is who sends it. Refused means
 * 401/403/404 *and* nothing changed in the database; allowed means 2xx *and* the change is stored.
 */
import type { CollectionSlug } from 'payload'

import type { Department, User } from '../payload-types'

import { type Id, sameId } from '../src/ids'
import type { PackageAction } from '../src/lifecycle/packageLifecycle'
import type { Stage } from '../src/lifecycle/stages'
import { walkTo } from '../src/lifecycle/steps'
import type { SupplementAction } from '../src/lifecycle/supplementLifecycle'
import type { Role } from '../src/roles'
import { withCheckCharacter } from '../src/rules/indexNumber'
import { demoEmail } from '../src/seed/organisation'
import { type Code, type Column, columnLabel, cellsOf, type Row, type RowKey, TABLE } from './access-matrix/table'
import { form, makeImage } from './fixtures/media/make'
import { packages } from './fixtures/packages'
import { interpretationData, policyData, startWorld, type World } from './helpers/world'

let w: World

type DeptKey = 'a' | 'b'
type Doc = Record<string, any> & { id: Id }

/** What one department holds for the read rows (write rows build their own targets). */
type Fixtures = {
  dept: Department
  drafting: Pkg
  submitted: Pkg
  released: Pkg & { supplement: Doc }
  onRequest: Pkg
  withdrawn: Pkg
  /** A released package that carries the supplements of the supplement workflow rows. */
  supplementHost: Pkg
  consultationDraft: Doc
  consultationOpen: Doc
  mediaPrivate: Doc
  mediaPublic: Doc
  colleague: Doc
  auditEntry: Doc
  catalogItem: Doc
}
type Pkg = { policy: Doc; interpretation: Doc; infographic?: Doc; video?: Doc; interview?: Doc }

const fixtures = {} as Record<DeptKey, Fixtures>
let webhook: Doc
let delivery: Doc
let term: Doc
let miss: Doc
let calendar: Doc
let png: Buffer

let counter = 0
const next = () => ++counter
const unique = (prefix: string) => `${prefix}${next()}-${Date.now().toString(36)}`

const userOf = (role: Role, k: DeptKey): User => w.org.users[demoEmail(role, k === 'b')]

// ---------------------------------------------------------------------------------------------------------------
// Fixture builders (Local API for content; stages through the real lifecycle, walked by tests/fixtures/packages.ts)

const create = (collection: CollectionSlug, data: Record<string, unknown>, file?: { data: Buffer; mimetype: string; name: string }) =>
  w.payload.create({
    collection,
    data: data as never, // one helper creates any collection from plain records; Payload types data per literal slug
    depth: 0,
    ...(file ? { file: { ...file, size: file.data.length } } : {}),
  }) as Promise<Doc>

const infographicData = (policy: Id, title = unique('一图读懂')) => ({
  title,
  policy,
  alt: '政策要点图',
  textAlternative: '一、补贴对象……二、补贴标准……',
})
const videoData = (policy: Id, title = unique('视频解读')) => ({
  title,
  policy,
  transcript: '各位网友大家好。',
  externalUrl: 'https://v.qq.com/x/page/abc.html',
})
const interviewData = (policy: Id, title = unique('在线访谈')) => ({
  title,
  policy,
  topic: '惠农补贴怎么领',
  scheduledAt: '2026-12-01T02:00:00.000Z',
  host: { name: '李主持', title: '主持人', department: '省政府办公厅' },
  guests: [{ name: '王处长', title: '处长', organisation: '贵州省财政厅' }],
})

/** A package of department `k` (policy + text interpretation, optionally one member of each media type) in `stage`. */
async function makePackage(k: DeptKey, stage: Stage, options: { media?: boolean; overrides?: Record<string, unknown> } = {}): Promise<Pkg> {
  const dept = k === 'a' ? w.a : w.b
  const policy = await create('policies', policyData(dept, options.overrides))
  const interpretation = await create('interpretations', interpretationData(policy.id, { title: unique('解读') }))
  const pkg: Pkg = { policy, interpretation }
  if (options.media) {
    pkg.infographic = await create('infographics', infographicData(policy.id), { data: png, mimetype: 'image/png', name: 'chart.png' })
    pkg.video = await create('videos', videoData(policy.id))
    pkg.interview = await create('interviews', interviewData(policy.id))
  }
  await packages(w).walk(policy.id, stage, { dept: k, via: 'local' })
  return pkg
}

const deptOf = (k: DeptKey) => (k === 'a' ? w.a : w.b)

const makeConsultation = (k: DeptKey, extra: Record<string, unknown> = {}) =>
  create('consultations', { title: unique('征求意见'), opensAt: '2020-01-01', closesAt: '2020-02-01', department: deptOf(k).id, ...extra })
const makeMedia = (k: DeptKey) =>
  create('media', { alt: unique('附件'), department: deptOf(k).id }, { data: png, mimetype: 'image/png', name: 'scan.png' })
const makeUser = (k: DeptKey) =>
  create('users', { email: `${unique('colleague')}@demo.gov.cn`, password: 'demo1234', roles: ['viewer'], department: deptOf(k).id })
/** A unit under department `k` (creditCode: a fresh 17-character body with its check character). */
const makeDepartment = (k: DeptKey) =>
  create('departments', {
    name: unique('测试下属单位'),
    creditCode: withCheckCharacter(`11520000MC${String(1_000_000 + next()).slice(-7)}`),
    parent: deptOf(k).id,
  })
const makeWebhook = (extra: Record<string, unknown> = {}) =>
  // Inactive: releases in other rows must not queue deliveries to it.
  create('webhooks', {
    name: unique('网站'),
    url: 'https://example.invalid/hook',
    secret: 'a-secret-of-24-characters',
    events: ['released'],
    active: false,
    ...extra,
  })
const makeDelivery = () =>
  create('webhook-deliveries', { webhook: webhook.id, event: 'released', status: 'failed', lastError: unique('timeout') })
const makeTerm = () => create('search-terms', { term: unique('测试词') })
// Years far from any the tests release in, one per calendar (the year is unique).
let calendarYear = 2060
const makeCalendar = () => create('official-calendars', { year: calendarYear++, notice: unique('节假日安排通知') })
const makeMiss = () => create('search-misses', { query: unique('未命中'), count: 1 })
const catalogItemData = (k: DeptKey, itemNumber = unique('MATRIX-')) => ({
  itemNumber,
  title: '政策解读',
  content: '政策文件的文字解读、专家解读',
  websiteColumn: '政策解读',
  updatePeriod: 'monthly',
  responsibleUnit: deptOf(k).id,
  channels: ['website'],
  legalBasis: '《中华人民共和国政府信息公开条例》第六条',
  audience: 'public',
  method: 'proactive',
})
const makeCatalogItem = (k: DeptKey) => create('catalog-items', catalogItemData(k))

/**
 * The policy of a fresh package of `k` in `stage`, for a workflow cell. The read fixtures walk the real lifecycle;
 * the ~120 packages of the workflow rows are placed in their stage directly (as tests/access.test.ts does), with
 * the record the walk would leave (who submitted: the two-person rule), which is many times cheaper on MongoDB.
 */
async function packageAt(k: DeptKey, stage: Stage): Promise<Doc> {
  const { policy } = await makePackage(k, 'drafting')
  if (stage === 'drafting') return policy
  const passed = walkTo(stage).map((s) => s.to)
  const reached = (s: Stage) => passed.includes(s)
  const by = (role: Role) => userOf(role, k).id
  const now = new Date().toISOString()
  const workflow = {
    submittedBy: by('drafter'),
    submittedAt: now,
    ...(reached('confidentiality-passed') ? { confidentialityBy: by('reviewer'), confidentialityAt: now } : {}),
    ...(reached('content-passed') ? { contentBy: by('reviewer'), contentAt: now } : {}),
    ...(reached('signed') ? { signedBy: by('signer'), signedAt: now } : {}),
    ...(reached('released') ? { releasedBy: by('signer'), releasedAt: now } : {}),
  }
  await w.payload.db.updateOne({ collection: 'policies', id: policy.id, data: { stage, workflow } })
  return policy
}

/** A supplementary interpretation of `k`'s released host package in `stage` (placed like packageAt). */
async function makeSupplement(k: DeptKey, stage: 'approved' | 'drafting' | 'submitted') {
  const doc = await create('interpretations', interpretationData(fixtures[k].supplementHost.policy.id, { title: unique('补充解读') }))
  expect([doc.supplementary, doc.supplement?.stage]).toEqual([true, 'drafting'])
  if (stage === 'drafting') return doc
  const now = new Date().toISOString()
  const supplement = {
    stage,
    submittedBy: userOf('drafter', k).id,
    submittedAt: now,
    ...(stage === 'approved' ? { approvedBy: userOf('reviewer', k).id, approvedAt: now } : {}),
  }
  await w.payload.db.updateOne({ collection: 'interpretations', id: doc.id, data: { supplement } })
  return doc
}

async function buildFixtures(k: DeptKey): Promise<Fixtures> {
  const dept = deptOf(k)
  const drafting = await makePackage(k, 'drafting', { media: true })
  const released = await makePackage(k, 'released', { media: true })
  const supplement = await create('interpretations', interpretationData(released.policy.id, { title: unique('补充解读草稿') }))
  expect(supplement.supplementary).toBe(true)
  const mediaPublic = await makeMedia(k)
  // `public` is set by the system (field access), as the release wiring does.
  await w.payload.update({ collection: 'media', id: mediaPublic.id, data: { public: true }, depth: 0 })
  const audit = await w.payload.find({
    collection: 'audit-log',
    where: { and: [{ policy: { equals: drafting.policy.id } }, { action: { equals: 'policy-created' } }] },
    limit: 1,
    depth: 0,
  })
  return {
    dept,
    drafting,
    submitted: await makePackage(k, 'submitted'),
    released: { ...released, supplement },
    onRequest: await makePackage(k, 'released', {
      overrides: { disclosure: 'on-request', disclosureReason: '涉及个人信息', disclosureBasis: '《政府信息公开条例》第十五条' },
    }),
    withdrawn: await makePackage(k, 'withdrawn'),
    supplementHost: await makePackage(k, 'released'),
    consultationDraft: await makeConsultation(k),
    consultationOpen: await makeConsultation(k, { announced: true }),
    mediaPrivate: await makeMedia(k),
    mediaPublic,
    colleague: await makeUser(k),
    auditEntry: audit.docs[0] as Doc,
    catalogItem: await makeCatalogItem(k),
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Probes: perform one cell's request and say what came of it

type Cell = {
  k: DeptKey
  dept: Department
  fx: Fixtures
  token?: string
  me?: User
  expected: Code
  /** Key of the target shared by this row's refused cells on this department. */
  key: string
}
type Observed = { code: '?' | Code; detail: string }
type Probe = {
  run: (cell: Cell) => Promise<Observed>
  /** The target is the caller's own account: department-less columns are performed once. */
  selfOnly?: boolean
}

type Res = { body: any; status: number }
const refused = (status: number) => status === 401 || status === 403 || status === 404
const said = (res: Res) => {
  const error = res.body?.errors?.[0]
  const rule = error?.data?.rule ? ` ${error.data.rule}` : ''
  const message = error?.message ? ` “${String(error.message).slice(0, 120)}”` : ''
  return `${res.status}${rule}${message}`
}
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

const shared = new Map<string, Promise<Doc>>()
/** The cell's target: fresh where the table lets the request through (it may be consumed), shared otherwise. */
function acquire(cell: Cell, build: (cell: Cell) => Promise<Doc>): Promise<Doc> {
  if (cell.expected === 'Y') return build(cell)
  if (!shared.has(cell.key)) shared.set(cell.key, build(cell))
  return shared.get(cell.key)!
}

/** The document as stored (the adapter, no hooks: what changed, not how it reads; also spares computed fields). */
const stored = (collection: CollectionSlug, id: Id) =>
  w.payload.db.findOne({ collection, where: { id: { equals: id } } }) as Promise<Doc | null>

/** GET by id and in the list: allowed means both return it, refused means neither does. */
const read = (collection: CollectionSlug, pick: (cell: Cell) => Doc): Probe => ({
  run: async (cell) => {
    const id = pick(cell).id
    const one = await w.rest.get(`/${collection}/${id}?depth=0`, cell.token)
    const list = await w.rest.get(`/${collection}?depth=0&where[id][equals]=${id}`, cell.token)
    const found = one.status === 200 && sameId(one.body?.id, id)
    const listed = list.status === 200 && (list.body?.docs ?? []).some((d: Doc) => sameId(d.id, id))
    const detail = `GET /${collection}/${id} → ${said(one)}; list → ${list.status === 200 ? (listed ? '200 (listed)' : '200 (not listed)') : said(list)}`
    if (found && listed) return { code: 'Y', detail }
    if (refused(one.status) && !listed && (list.status === 200 || refused(list.status))) return { code: 'N', detail }
    return { code: '?', detail }
  },
})

/** The document's version history (GET /:collection/versions): the drafts it was. */
const readVersions = (collection: 'consultations' | 'interpretations' | 'policies', pick: (cell: Cell) => Doc): Probe => ({
  run: async (cell) => {
    const parent = pick(cell).id
    const versions = await w.payload.findVersions({ collection, where: { parent: { equals: parent } }, limit: 1, depth: 0 })
    const versionId = versions.docs[0]!.id
    const one = await w.rest.get(`/${collection}/versions/${versionId}?depth=0`, cell.token)
    const list = await w.rest.get(`/${collection}/versions?depth=0&where[parent][equals]=${parent}`, cell.token)
    const found = one.status === 200 && sameId(one.body?.id, versionId)
    const listed = list.status === 200 && (list.body?.docs ?? []).length > 0
    const detail = `GET /${collection}/versions/${versionId} → ${said(one)}; list → ${list.status === 200 ? `200 (${list.body.docs.length} versions)` : said(list)}`
    if (found && listed) return { code: 'Y', detail }
    if (refused(one.status) && !listed && (list.status === 200 || refused(list.status))) return { code: 'N', detail }
    return { code: '?', detail }
  },
})

/** An upload's original file, served with the record's read access. */
const readFile = (collection: CollectionSlug, pick: (cell: Cell) => Doc): Probe => ({
  run: async (cell) => {
    const res = await w.rest.get(`/${collection}/file/${encodeURIComponent(pick(cell).filename)}`, cell.token)
    const detail = `GET /${collection}/file/… → ${res.status}`
    return { code: res.status === 200 ? 'Y' : refused(res.status) ? 'N' : '?', detail }
  },
})

type Body = { data: Record<string, unknown>; file?: { buffer: Buffer; name: string; type: string } }

/** POST a new document; allowed means 201 and stored, refused means nothing with its marker was stored. */
const createDoc = (collection: CollectionSlug, marker: string, body: (cell: Cell, value: string) => Body): Probe => ({
  run: async (cell) => {
    const value = unique('matrix')
    const { data, file } = body(cell, value)
    const res = file
      ? await w.rest.call('POST', `/${collection}`, { body: form(file.buffer, file.name, file.type, data), token: cell.token })
      : await w.rest.post(`/${collection}`, data, cell.token)
    const count = (await w.payload.count({ collection, where: { [marker]: { equals: data[marker] } } })).totalDocs
    const detail = `POST /${collection} → ${said(res)}; stored: ${count}`
    if (res.status === 201 && count === 1) return { code: 'Y', detail }
    if (refused(res.status) && count === 0) return { code: 'N', detail }
    return { code: '?', detail }
  },
})

/**
 * PATCH the target; allowed means the change is stored, ignored means 2xx with the watched fields unchanged,
 * refused means 401/403/404 and nothing changed.
 */
const updateDoc = (
  collection: CollectionSlug,
  target: (cell: Cell) => Promise<Doc>,
  patch: (current: Doc) => Record<string, unknown>,
  options: { restore?: boolean; self?: boolean } = {},
): Probe => ({
  selfOnly: options.self,
  run: async (cell) => {
    const doc: Doc = options.self ? cell.me! : await acquire(cell, target)
    const before = (await stored(collection, doc.id))!
    const data = patch(before)
    const res = await w.rest.patch(`/${collection}/${doc.id}?depth=0`, data, cell.token)
    const after = (await stored(collection, doc.id))!
    const watched = Object.keys(data)
    const changed = watched.filter((f) => !same(before[f], after[f]))
    if (options.restore && changed.length) {
      // A change that should never have happened (e.g. a role granted to oneself): undo it for the other cells.
      await w.payload.update({ collection, id: doc.id, data: Object.fromEntries(watched.map((f) => [f, before[f]])), depth: 0 })
    }
    const detail = `PATCH /${collection}/${doc.id} ${JSON.stringify(data)} → ${said(res)}; changed: ${changed.join(', ') || 'nothing'}`
    if (res.status === 200 && changed.length === watched.length) return { code: 'Y', detail }
    if (res.status === 200 && changed.length === 0) return { code: 'I', detail }
    if (refused(res.status) && changed.length === 0) return { code: 'N', detail }
    return { code: '?', detail }
  },
})

/** DELETE the target; allowed means gone, refused means still there. */
const deleteDoc = (collection: CollectionSlug, target: (cell: Cell) => Promise<Doc>): Probe => ({
  run: async (cell) => {
    const doc = await acquire(cell, target)
    const res = await w.rest.delete(`/${collection}/${doc.id}`, cell.token)
    const exists = (await w.payload.count({ collection, where: { id: { equals: doc.id } } })).totalDocs > 0
    const detail = `DELETE /${collection}/${doc.id} → ${said(res)}; ${exists ? 'still there' : 'gone'}`
    if (res.status === 200 && !exists) return { code: 'Y', detail }
    if (refused(res.status) && exists) return { code: 'N', detail }
    return { code: '?', detail }
  },
})

/** POST an action endpoint; allowed means 2xx and the state moved, refused means 401/403/404 and it did not. */
const act = (
  target: (cell: Cell) => Promise<Doc>,
  path: (doc: Doc) => string,
  body: Record<string, unknown>,
  state: (doc: Doc) => Promise<unknown>,
  options: { shared?: boolean } = {},
): Probe => ({
  run: async (cell) => {
    // An action that may be repeated (asking a question) keeps one target for the whole row.
    const doc = options.shared ? await acquire({ ...cell, expected: 'N' }, target) : await acquire(cell, target)
    const before = await state(doc)
    const res = await w.rest.post(path(doc), body, cell.token)
    const after = await state(doc)
    const moved = !same(before, after)
    const detail = `POST ${path(doc)} → ${said(res)}; state ${JSON.stringify(before)} → ${JSON.stringify(after)}`
    if (res.status >= 200 && res.status < 300 && moved) return { code: 'Y', detail }
    if (refused(res.status) && !moved) return { code: 'N', detail }
    return { code: '?', detail }
  },
})

const stageOf = async (doc: Doc) => (await stored('policies', doc.id))?.stage
const supplementStageOf = async (doc: Doc) => (await stored('interpretations', doc.id))?.supplement?.stage
const policyStep = (stage: Stage, step: PackageAction, body: Record<string, unknown> = {}): Probe =>
  act(
    (cell) => packageAt(cell.k, stage),
    (doc) => `/policies/${doc.id}/workflow/${step}`,
    body,
    stageOf,
  )
const supplementStep = (stage: 'approved' | 'drafting' | 'submitted', step: SupplementAction, body: Record<string, unknown> = {}): Probe =>
  act(
    (cell) => makeSupplement(cell.k, stage),
    (doc) => `/interpretations/${doc.id}/workflow/${step}`,
    body,
    supplementStageOf,
  )

const retitle = () => ({ title: unique('改后标题') })
const drafting = (cell: Cell) => cell.fx.drafting.policy.id

// ---------------------------------------------------------------------------------------------------------------
// One probe per row of the table (the compiler checks that none is missing)

const PROBES: Record<RowKey, Probe> = {
  'policies create': createDoc('policies', 'title', (cell, title) => ({ data: policyData(cell.dept, { title }) })),
  'policies read · drafting': read('policies', (c) => c.fx.drafting.policy),
  'policies read · in review': read('policies', (c) => c.fx.submitted.policy),
  'policies read · released 主动公开': read('policies', (c) => c.fx.released.policy),
  'policies read · released 依申请公开': read('policies', (c) => c.fx.onRequest.policy),
  'policies read · withdrawn': read('policies', (c) => c.fx.withdrawn.policy),
  'policies read versions · drafting': readVersions('policies', (c) => c.fx.drafting.policy),
  'policies update · drafting': updateDoc('policies', (c) => packageAt(c.k, 'drafting'), retitle),
  'policies update validity · released': updateDoc(
    'policies',
    (c) => packageAt(c.k, 'released'),
    (current) => ({ validity: current.validity === 'expired' ? 'valid' : 'expired' }),
  ),
  'policies delete · drafting': deleteDoc('policies', (c) => create('policies', policyData(c.dept))),
  'policies ▶ submit': policyStep('drafting', 'submit'),
  'policies ▶ approve · level 1 保密审查': policyStep('submitted', 'approve'),
  'policies ▶ approve · level 2 导向/准确': policyStep('confidentiality-passed', 'approve'),
  'policies ▶ return': policyStep('submitted', 'return', { reason: '请补充解读内容' }),
  'policies ▶ sign': policyStep('content-passed', 'sign'),
  'policies ▶ release': policyStep('signed', 'release'),
  'policies ▶ withdraw': policyStep('released', 'withdraw', { reason: '政策调整' }),

  'interpretations create · drafting package': createDoc('interpretations', 'title', (cell, title) => ({
    data: interpretationData(drafting(cell), { title }),
  })),
  'interpretations read · drafting package': read('interpretations', (c) => c.fx.drafting.interpretation),
  'interpretations read · released 主动公开': read('interpretations', (c) => c.fx.released.interpretation),
  'interpretations read · released 依申请公开': read('interpretations', (c) => c.fx.onRequest.interpretation),
  'interpretations read · withdrawn package': read('interpretations', (c) => c.fx.withdrawn.interpretation),
  'interpretations read · draft supplement': read('interpretations', (c) => c.fx.released.supplement),
  'interpretations read · draft supplement in the policy’s join': {
    // The released policy is readable by everyone: the question is whether its join lists the draft supplement.
    run: async (cell) => {
      const { policy, supplement } = cell.fx.released
      const res = await w.rest.get(`/policies/${policy.id}?depth=0`, cell.token)
      const ids = ((res.body?.interpretations?.docs ?? []) as unknown[]).map((d) => (d as Doc)?.id ?? d) as Id[]
      const listed = ids.some((id) => sameId(id, supplement.id))
      const detail = `GET /policies/${policy.id} → ${res.status}; join lists ${ids.length} (${listed ? 'with' : 'without'} the supplement)`
      return { code: res.status !== 200 ? '?' : listed ? 'Y' : 'N', detail }
    },
  },
  'interpretations read versions · drafting': readVersions('interpretations', (c) => c.fx.drafting.interpretation),
  'interpretations update · drafting': updateDoc(
    'interpretations',
    (c) => create('interpretations', interpretationData(drafting(c), { title: unique('解读') })),
    retitle,
  ),
  'interpretations delete · drafting': deleteDoc('interpretations', (c) =>
    create('interpretations', interpretationData(drafting(c), { title: unique('解读') })),
  ),
  'interpretations ▶ supplement submit': supplementStep('drafting', 'submit'),
  'interpretations ▶ supplement approve': supplementStep('submitted', 'approve'),
  'interpretations ▶ supplement return': supplementStep('submitted', 'return', { reason: '请补充数据来源' }),
  'interpretations ▶ supplement release': supplementStep('approved', 'release'),

  'infographics create (upload) · drafting package': createDoc('infographics', 'title', (cell, title) => ({
    data: infographicData(drafting(cell), title),
    file: { buffer: png, name: 'chart.png', type: 'image/png' },
  })),
  'infographics read · drafting package': read('infographics', (c) => c.fx.drafting.infographic!),
  'infographics read · released 主动公开': read('infographics', (c) => c.fx.released.infographic!),
  'infographics read original file · drafting': readFile('infographics', (c) => c.fx.drafting.infographic!),
  'infographics update · drafting': updateDoc(
    'infographics',
    (c) => create('infographics', infographicData(drafting(c)), { data: png, mimetype: 'image/png', name: 'chart.png' }),
    retitle,
  ),
  'infographics delete · drafting': deleteDoc('infographics', (c) =>
    create('infographics', infographicData(drafting(c)), { data: png, mimetype: 'image/png', name: 'chart.png' }),
  ),
  'videos create (link) · drafting package': createDoc('videos', 'title', (cell, title) => ({ data: videoData(drafting(cell), title) })),
  'videos read · drafting package': read('videos', (c) => c.fx.drafting.video!),
  'videos read · released 主动公开': read('videos', (c) => c.fx.released.video!),
  'videos update · drafting': updateDoc('videos', (c) => create('videos', videoData(drafting(c))), retitle),
  'videos delete · drafting': deleteDoc('videos', (c) => create('videos', videoData(drafting(c)))),
  'interviews create · drafting package': createDoc('interviews', 'title', (cell, title) => ({
    data: interviewData(drafting(cell), title),
  })),
  'interviews read · drafting package': read('interviews', (c) => c.fx.drafting.interview!),
  'interviews read · released 主动公开': read('interviews', (c) => c.fx.released.interview!),
  'interviews update · drafting': updateDoc('interviews', (c) => create('interviews', interviewData(drafting(c))), retitle),
  'interviews delete · drafting': deleteDoc('interviews', (c) => create('interviews', interviewData(drafting(c)))),
  'interviews ▶ go live (POST /:id/status)': act(
    (c) => create('interviews', interviewData(drafting(c))),
    (doc) => `/interviews/${doc.id}/status`,
    { status: 'live' },
    async (doc) => (await stored('interviews', doc.id))?.status,
  ),
  'interviews ▶ ask a question · released': act(
    async (c) => c.fx.released.interview!,
    (doc) => `/interviews/${doc.id}/questions`,
    { question: '补贴什么时候发放？', askerName: '网友' },
    async (doc) => (await stored('interviews', doc.id))?.questions?.length ?? 0,
    { shared: true },
  ),

  'consultations create': createDoc('consultations', 'title', (cell, title) => ({
    data: { title, opensAt: '2020-01-01', closesAt: '2020-02-01', department: cell.dept.id },
  })),
  'consultations read · not announced': read('consultations', (c) => c.fx.consultationDraft),
  'consultations read · announced, open': read('consultations', (c) => c.fx.consultationOpen),
  'consultations read versions · not announced': readVersions('consultations', (c) => c.fx.consultationDraft),
  'consultations update': updateDoc('consultations', (c) => makeConsultation(c.k), retitle),
  'consultations delete': deleteDoc('consultations', (c) => makeConsultation(c.k)),

  'media create (upload)': createDoc('media', 'alt', (cell, alt) => ({
    data: { alt, department: cell.dept.id },
    file: { buffer: png, name: 'scan.png', type: 'image/png' },
  })),
  'media read · not public': read('media', (c) => c.fx.mediaPrivate),
  'media read · public': read('media', (c) => c.fx.mediaPublic),
  'media read file · not public': readFile('media', (c) => c.fx.mediaPrivate),
  'media update': updateDoc(
    'media',
    (c) => makeMedia(c.k),
    () => ({ alt: unique('新替代文本') }),
  ),
  'media delete': deleteDoc('media', (c) => makeMedia(c.k)),

  'departments create': createDoc('departments', 'name', (cell, name) => ({
    data: { name, creditCode: withCheckCharacter(`11520000MD${String(1_000_000 + next()).slice(-7)}`), parent: cell.dept.id },
  })),
  'departments read': read('departments', (c) => ({ ...c.dept })),
  'departments update': updateDoc(
    'departments',
    (c) => makeDepartment(c.k),
    () => ({ name: unique('改名单位') }),
  ),
  'departments delete': deleteDoc('departments', (c) => makeDepartment(c.k)),

  'users create': createDoc('users', 'email', (cell, value) => ({
    data: { email: `${value}@demo.gov.cn`, password: 'demo1234', roles: ['viewer'], department: cell.dept.id },
  })),
  'users read · own account': { ...read('users', (c) => c.me!), selfOnly: true },
  'users read · colleague': read('users', (c) => c.fx.colleague),
  'users update · own name': updateDoc(
    'users',
    async () => ({}) as Doc,
    () => ({ name: unique('新名字') }),
    { self: true },
  ),
  'users update · own roles and department': updateDoc(
    'users',
    async () => ({}) as Doc,
    (current) => ({ roles: ['admin'], department: sameId(current.department, w.a.id) ? w.b.id : w.a.id }),
    { self: true, restore: true },
  ),
  'users update · colleague': updateDoc(
    'users',
    (c) => makeUser(c.k),
    () => ({ name: unique('新名字') }),
  ),
  'users delete · colleague': deleteDoc('users', (c) => makeUser(c.k)),

  'audit-log create': createDoc('audit-log', 'action', (cell, action) => ({
    data: {
      action,
      seq: 1_000_000 + next(),
      at: new Date().toISOString(),
      department: cell.dept.id,
      hash: 'f'.repeat(64),
      prevHash: '0'.repeat(64),
    },
  })),
  'audit-log read · entry of the department': read('audit-log', (c) => c.fx.auditEntry),
  'audit-log update': updateDoc(
    'audit-log',
    async (c) => c.fx.auditEntry,
    () => ({ reason: unique('篡改') }),
  ),
  'audit-log delete': deleteDoc('audit-log', async (c) => c.fx.auditEntry),

  'webhooks create': createDoc('webhooks', 'name', (_cell, name) => ({
    data: { name, url: 'https://example.invalid/hook', secret: 'a-secret-of-24-characters', events: ['released'], active: false },
  })),
  'webhooks read': read('webhooks', () => webhook),
  'webhooks update': updateDoc(
    'webhooks',
    () => makeWebhook(),
    () => ({ name: unique('改名网站') }),
  ),
  'webhooks delete': deleteDoc('webhooks', () => makeWebhook()),
  'webhook-deliveries create': createDoc('webhook-deliveries', 'lastError', (_cell, lastError) => ({
    data: { webhook: webhook.id, event: 'released', status: 'delivered', lastError },
  })),
  'webhook-deliveries read': read('webhook-deliveries', () => delivery),
  'webhook-deliveries update': updateDoc(
    'webhook-deliveries',
    async () => delivery,
    (current) => ({ status: current.status === 'failed' ? 'delivered' : 'failed' }),
  ),
  'webhook-deliveries delete': deleteDoc('webhook-deliveries', () => makeDelivery()),

  'search-terms create': createDoc('search-terms', 'term', (_cell, term) => ({ data: { term } })),
  'search-terms read': read('search-terms', () => term),
  'search-terms update': updateDoc(
    'search-terms',
    () => makeTerm(),
    () => ({ note: unique('备注') }),
  ),
  'search-terms delete': deleteDoc('search-terms', () => makeTerm()),
  'search-misses create': createDoc('search-misses', 'query', (_cell, query) => ({ data: { query, count: 1 } })),
  'search-misses read': read('search-misses', () => miss),
  'search-misses update': updateDoc(
    'search-misses',
    async () => miss,
    (current) => ({ count: Number(current.count ?? 0) + 10 }),
  ),
  'search-misses delete': deleteDoc('search-misses', () => makeMiss()),

  'catalog-items create': createDoc('catalog-items', 'itemNumber', (cell, itemNumber) => ({ data: catalogItemData(cell.k, itemNumber) })),
  'catalog-items read': read('catalog-items', (c) => c.fx.catalogItem),
  'catalog-items update': updateDoc(
    'catalog-items',
    (c) => makeCatalogItem(c.k),
    () => ({ websiteColumn: unique('政策解读栏目') }),
  ),
  'catalog-items delete': deleteDoc('catalog-items', (c) => makeCatalogItem(c.k)),

  'official-calendars create': createDoc('official-calendars', 'notice', (_cell, notice) => ({ data: { year: calendarYear++, notice } })),
  'official-calendars read': read('official-calendars', () => calendar),
  'official-calendars update': updateDoc(
    'official-calendars',
    () => makeCalendar(),
    () => ({ notice: unique('修订通知') }),
  ),
  'official-calendars delete': deleteDoc('official-calendars', () => makeCalendar()),
}

// ---------------------------------------------------------------------------------------------------------------
// The cells

type Run = { column: Column; expected: Code; k: DeptKey; name: string }

const OUTCOME: Record<Code, string> = { Y: 'allowed', N: 'refused', I: 'accepted, change ignored', '-': 'n/a' }

/** Own: role of A on A's document; other: role of B on A's document; department-less roles: on A's and on B's. */
function runsOf(row: Row): Run[] {
  const probe = PROBES[row.key]
  return cellsOf(row).flatMap(({ code, column }): Run[] => {
    if (code === '-') return []
    const on: DeptKey[] = column.side === 'any' && !probe.selfOnly ? ['a', 'b'] : ['a']
    return on.map((k) => ({
      column,
      expected: code,
      k,
      name: `${columnLabel(column)}${on.length > 1 ? ` on ${k.toUpperCase()}’s` : ''} → ${OUTCOME[code]}`,
    }))
  })
}

const actorOf = (column: Column): null | { role: Role; second: boolean } =>
  column.role === 'anonymous' ? null : { role: column.role, second: column.side === 'other' }

beforeAll(async () => {
  w = await startWorld()
  png = await makeImage(64, 64)
  webhook = await makeWebhook()
  delivery = await makeDelivery()
  term = await makeTerm()
  miss = await makeMiss()
  calendar = await makeCalendar()
  fixtures.a = await buildFixtures('a')
  fixtures.b = await buildFixtures('b')
  // Log everyone in once (each login hashes a password).
  for (const role of ['viewer', 'drafter', 'reviewer', 'signer', 'editor', 'admin', 'evaluator'] as const) {
    await w.token(role)
    await w.token(role, true)
  }
}, 600_000)

afterAll(async () => {
  await w?.payload.destroy()
})

describe.each(TABLE.map((row) => [`${row.collection} · ${row.operation}`, row] as const))('%s', (_label, row) => {
  test.each(runsOf(row))('$name', async ({ column, expected, k }) => {
    const actor = actorOf(column)
    const cell: Cell = {
      k,
      dept: deptOf(k),
      fx: fixtures[k],
      token: actor ? await w.token(actor.role, actor.second) : undefined,
      me: actor ? w.org.users[demoEmail(actor.role, actor.second)] : undefined,
      expected,
      key: `${row.key}|${k}`,
    }
    const observed = await PROBES[row.key].run(cell)
    // Anything that got through may have changed the shared target: the next refused cell gets a new one.
    if (observed.code !== 'N') shared.delete(cell.key)
    const where = `${row.collection} · ${row.operation} — ${columnLabel(column)} on ${k.toUpperCase()}’s document`
    if (observed.code !== expected) {
      throw new Error(
        `${where}: expected ${OUTCOME[expected]}, got ${observed.code === '?' ? 'an unexpected answer' : OUTCOME[observed.code]}\n  ${observed.detail}`,
      )
    }
  })
})

test('every registered collection has rows in the matrix', () => {
  const inTable = new Set(TABLE.map((r) => r.collection))
  const registered = w.payload.config.collections.map((c) => c.slug).filter((slug) => !slug.startsWith('payload-'))
  expect(registered.filter((slug) => !inTable.has(slug))).toEqual([])
})
