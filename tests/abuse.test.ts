import { XMLValidator } from 'fast-xml-parser'

import { mediaDir } from '../src/paths'
import {
  type AbuseCase,
  executableMarkup,
  type Fixtures,
  loadCorpus,
  messagesOf,
  requestOf,
  type Role,
  snapshot,
  unclear,
} from './abuse/corpus'
import { lane, type RestResponse } from './helpers/payload'
import { packages } from './fixtures/packages'
import { interpretationData, policyData, startWorld, type World } from './helpers/world'

/**
 * The abuse corpus (tests/abuse/*.json) through the real REST handler. Every invalid input is refused with a 4xx and
 * a clear message, and leaves every collection and the upload directory exactly as they were; markup that is
 * legitimately data (a title, rich text) is accepted in a draft and comes out of every public HTML output escaped.
 */

const corpus = loadCorpus()
const ROLES: Exclude<Role, 'anonymous'>[] = ['admin', 'drafter', 'drafter.b', 'editor', 'reviewer', 'signer']

let w: World
let fixtures: Fixtures
const tokens = new Map<Role, string>()
const tally = { refused: 0, neutralised: 0, serverErrors: [] as string[] }

const token = (role: Role) => (role === 'anonymous' ? undefined : tokens.get(role))

async function created(res: RestResponse, what: string) {
  if (res.status !== 201) throw new Error(`setup: ${what} answered ${res.status}: ${JSON.stringify(res.body).slice(0, 300)}`)
  return res.body.doc as { documentNumber?: string; id: number | string }
}

beforeAll(async () => {
  w = await startWorld()
  // Every token first: a login writes to the user (sessions), and no case may have a reason to.
  // 'drafter.b' is the drafter of department B.
  const roleOf = (role: (typeof ROLES)[number]) => (role === 'drafter.b' ? 'drafter' : role)
  for (const role of ROLES) tokens.set(role, await w.token(roleOf(role), role.endsWith('.b')))
  const draftA = await packages(w).make('drafted', {
    overrides: { title: '滥用测试：起草中的政策' },
    members: [{ collection: 'interpretations', data: { title: '滥用测试：解读' } }],
  })
  const draftB = await packages(w).make('drafted', { dept: 'b', overrides: { title: '滥用测试：乙部门政策' }, members: [] })
  const consultationB = await created(
    await w.rest.post(
      '/consultations',
      { title: '乙部门征求意见公告', opensAt: '2020-01-02T00:00:00.000Z', closesAt: '2020-02-01T00:00:00.000Z' },
      token('drafter.b'),
    ),
    'consultationB',
  )
  const videoA = await created(
    await w.rest.post(
      '/videos',
      {
        title: '滥用测试：视频解读',
        policy: draftA.policy.id,
        transcript: '各位网友大家好。',
        externalUrl: 'https://v.qq.com/x/page/abuse.html',
      },
      token('editor'),
    ),
    'videoA',
  )
  const reviewedA = await packages(w).make('reviewed', {
    overrides: { title: '滥用测试：待签发（无发文字号）', documentNumber: undefined },
  })
  const signedA = await packages(w).make('signed', { overrides: { title: '滥用测试：已签发' } })
  const departments = w.org.departments
  fixtures = {
    deptA: w.a.id,
    deptAShortName: String(w.a.shortName),
    deptB: w.b.id,
    deptProvince: departments.province.id,
    deptOffice: departments.office.id,
    draftA: draftA.policy.id,
    interpA: draftA.members[0].id,
    draftB: draftB.policy.id,
    consultationB: consultationB.id,
    videoA: videoA.id,
    reviewedA: reviewedA.policy.id,
    signedA: signedA.policy.id,
    takenNumber: String(draftA.policy.documentNumber),
    // Well-formed for the adapter, naming nothing.
    missingId: lane === 'mongo' ? 'ffffffffffffffffffffffff' : 999999,
  }
}, 300_000)

afterAll(async () => {
  const total = corpus.reduce((n, file) => n + file.cases.length, 0)
  console.log(
    `[${lane}] abuse corpus: ${total} inputs, ${tally.refused} refused 4xx, ${tally.neutralised} neutralised, ${tally.serverErrors.length} 5xx` +
      (tally.serverErrors.length ? ` (${tally.serverErrors.join(', ')})` : '') +
      `\n${corpus.map((f) => `  ${f.category}: ${f.cases.length}`).join('\n')}`,
  )
  await w?.payload.destroy()
})

async function withEnv<T>(vars: Record<string, string> | undefined, fn: () => Promise<T>): Promise<T> {
  if (!vars) return fn()
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]))
  Object.assign(process.env, vars)
  try {
    return await fn()
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k]
      else process.env[k] = v
    }
  }
}

const shown = (res: RestResponse) => `${res.status} ${(typeof res.body === 'string' ? res.body : JSON.stringify(res.body))?.slice(0, 600)}`

function assertStatus(c: AbuseCase, res: RestResponse) {
  if (res.status >= 500) tally.serverErrors.push(c.id)
  const expected = [c.expect.status].flat()
  if (!expected.includes(res.status)) throw new Error(`${c.id}: expected ${expected.join(' or ')}, got ${shown(res)}`)
}

function assertClearRefusal(c: AbuseCase, res: RestResponse) {
  expect([c.id, res.status >= 400 && res.status < 500]).toEqual([c.id, true])
  const messages = messagesOf(res.body)
  if (!messages.length) throw new Error(`${c.id}: a ${res.status} without a message: ${shown(res)}`)
  for (const message of messages) {
    const problem = unclear(message)
    if (problem) throw new Error(`${c.id}: the message is ${problem}: ${message}`)
  }
  const text = messages.join('\n')
  for (const fragment of [c.expect.message ?? []].flat()) {
    if (!text.includes(fragment)) throw new Error(`${c.id}: no “${fragment}” in the messages: ${text}`)
  }
  const first = (res.body as { errors?: { data?: { errors?: { path: string }[]; rule?: string } }[] }).errors?.[0]
  if (c.expect.rule) expect([c.id, first?.data?.rule]).toEqual([c.id, c.expect.rule])
  if (c.expect.field)
    expect([c.id, (first?.data?.errors ?? []).map((e) => e.path)]).toEqual([c.id, expect.arrayContaining([c.expect.field])])
}

// ---------------------------------------------------------------------------------------------------------------
// Neutralised: release what was accepted and read every public output
// ---------------------------------------------------------------------------------------------------------------

/** HTML-bearing strings anywhere in a value (bundle fields named html, search highlights). */
function htmlStrings(value: unknown, key = ''): string[] {
  if (typeof value === 'string') return /html$|highlighted$|^snippet$/i.test(key) ? [value] : []
  if (Array.isArray(value)) return value.flatMap((v) => htmlStrings(v, key))
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => htmlStrings(v, k))
  return []
}

function assertSafeHtml(c: AbuseCase, where: string, html: string) {
  const markup = executableMarkup(html)
  if (markup) throw new Error(`${c.id}: executable markup in ${where}: ${markup}`)
  for (const payload of c.neutralise!.payloads) {
    if (html.includes(payload)) throw new Error(`${c.id}: “${payload}” unescaped in ${where}`)
  }
}

/** The elements RSS 2.0 and Atom documents of the feed library consist of; anything else was injected. */
const FEED_ELEMENTS = new Set(
  'rss channel title link description lastBuildDate docs generator language copyright item guid pubDate category content:encoded atom:link feed id updated entry summary content author name email uri subtitle icon logo rights'.split(
    ' ',
  ),
)

function assertSafeFeed(c: AbuseCase, where: string, xml: string) {
  expect([c.id, where, XMLValidator.validate(xml)]).toEqual([c.id, where, true])
  const cdata = [...xml.matchAll(/<!\[CDATA\[([\s\S]*?)\]\]>/g)].map((m) => m[1])
  const outside = xml.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '')
  for (const [, name] of outside.matchAll(/<([a-zA-Z][\w:.-]*)/g)) {
    if (!FEED_ELEMENTS.has(name)) throw new Error(`${c.id}: element <${name}> injected into ${where}`)
  }
  // Atom title/summary/content are type="html" and RSS readers render title and description as HTML.
  for (const text of cdata) assertSafeHtml(c, `${where} (CDATA)`, text)
}

async function neutralisedOutputs(c: AbuseCase, res: RestResponse, caseFixtures: Fixtures) {
  const n = c.neutralise!
  if (c.method === 'GET') {
    // The answer itself is the output: JSON, its highlights escaped.
    expect([c.id, res.headers.get('content-type')]).toEqual([c.id, expect.stringContaining('application/json')])
    for (const html of htmlStrings(res.body)) assertSafeHtml(c, 'the search answer', html)
    return
  }
  const doc = (res.body as { doc: { id: number | string } }).doc
  const policyId = c.path === '/policies' ? doc.id : caseFixtures.freshPolicy
  if (c.path === '/policies') {
    await created(
      await w.rest.post('/interpretations', interpretationData(policyId, { title: '解读材料' }), token('drafter')),
      `${c.id} interpretation`,
    )
  }
  await packages(w).walk(policyId, 'released')

  if (n.checks.includes('bundle')) {
    const bundle = await w.rest.get(`/public/policies/${policyId}`)
    expect([c.id, bundle.status]).toEqual([c.id, 200])
    const html = htmlStrings(bundle.body)
    expect(html.length).toBeGreaterThan(0)
    for (const h of html) assertSafeHtml(c, 'the bundle', h)
  }
  if (n.checks.includes('feeds')) {
    for (const kind of ['policies', 'interpretations']) {
      for (const format of ['rss', 'atom']) {
        const feed = await w.rest.get(`/public/feeds/${kind}.${format}`)
        expect([c.id, kind, format, feed.status]).toEqual([c.id, kind, format, 200])
        assertSafeFeed(c, `${kind}.${format}`, String(feed.body))
      }
      const json = await w.rest.get(`/public/feeds/${kind}.json`)
      for (const item of (json.body as { items: { content_html?: string }[] }).items)
        assertSafeHtml(c, `${kind}.json content_html`, item.content_html ?? '')
    }
  }
  if (n.checks.includes('search') && n.searchFor) {
    const search = await w.rest.get(`/public/search?q=${encodeURIComponent(n.searchFor)}&limit=50`)
    expect([c.id, search.status]).toEqual([c.id, 200])
    const hits = (search.body as { hits: { policy: { id: string } }[] }).hits.filter((h) => String(h.policy.id) === String(policyId))
    expect([c.id, hits.length > 0]).toEqual([c.id, true])
    for (const html of htmlStrings(hits)) assertSafeHtml(c, 'a search hit', html)
  }
}

// ---------------------------------------------------------------------------------------------------------------

describe.each(corpus.map((file) => [file.category, file] as const))('%s', (_category, file) => {
  test.each(file.cases.map((c) => [`${c.id}: ${c.description}`, c] as const))('%s', async (_name, c) => {
    const caseFixtures: Fixtures = { ...fixtures }
    if (JSON.stringify(c).includes('{{freshPolicy}}')) {
      caseFixtures.freshPolicy = (
        await created(await w.rest.post('/policies', policyData(w.a, { title: `关于${c.id}的通知` }), token('drafter')), 'freshPolicy')
      ).id
    }
    const { options, path } = await requestOf(c, caseFixtures)
    const refused = (c.kind ?? 'refused') === 'refused'
    const before = refused ? await snapshot(w.payload, mediaDir()) : null
    const res = await withEnv(c.env, () => w.rest.call(c.method, path, { ...options, token: token(c.role) }))
    assertStatus(c, res)
    if (refused) {
      assertClearRefusal(c, res)
      // Nothing changed: no document, no version, no file (the case id names the failing case in the diff).
      expect({ case: c.id, ...(await snapshot(w.payload, mediaDir())) }).toEqual({ case: c.id, ...before })
      tally.refused += 1
    } else {
      await neutralisedOutputs(c, res, caseFixtures)
      tally.neutralised += 1
    }
  })
})

/**
 * Not part of the corpus: the well-formed neighbours of its inputs still pass, so the refusals above come from
 * what is wrong in each input and not from a check that refuses everything of its kind.
 */
describe('controls', () => {
  const controls: [string, Omit<AbuseCase, 'description' | 'expect' | 'id'>, number][] = [
    [
      'a list with limit, page and a sort on two fields',
      { method: 'GET', path: '/policies?limit=100&page=1&sort=-updatedAt,title', role: 'drafter' },
      200,
    ],
    ['limit=0 (all documents, as the admin panel asks)', { method: 'GET', path: '/policies?limit=0', role: 'drafter' }, 200],
    [
      'where with equals, in and and',
      { method: 'GET', path: '/policies?where[and][0][title][equals]=x&where[and][1][stage][in]=drafting,submitted', role: 'drafter' },
      200,
    ],
    [
      'where as JSON',
      { method: 'GET', path: '/policies?where=%7B%22stage%22%3A%7B%22in%22%3A%5B%22drafting%22%5D%7D%7D', role: 'drafter' },
      200,
    ],
    ['a document by its id', { method: 'GET', path: '/policies/{{draftA}}', role: 'drafter' }, 200],
    ['the public list by department', { method: 'GET', path: '/public/policies?department={{deptA}}&year=2020', role: 'anonymous' }, 200],
    [
      'search with every filter',
      { method: 'GET', path: '/public/search?q=政策&department={{deptA}}&year=2020&page=1&limit=10', role: 'anonymous' },
      200,
    ],
    [
      'a policy with rich text, a link and a past date',
      {
        method: 'POST',
        path: '/policies',
        role: 'drafter',
        build: {
          from: 'policy',
          with: {
            writtenAt: '2024-02-29',
            body: {
              '@generate': 'richTextWith',
              args: [
                {
                  type: 'link',
                  version: 3,
                  direction: null,
                  format: '',
                  indent: 0,
                  fields: { url: 'https://www.gov.cn/', linkType: 'custom', newTab: true },
                  children: [{ type: 'text', version: 1, text: '中国政府网', format: 0, mode: 'normal', style: '', detail: 0 }],
                },
              ],
            },
          },
        },
      },
      201,
    ],
    [
      'an infographic with a Chinese file name',
      {
        method: 'POST',
        path: '/infographics',
        role: 'editor',
        multipart: {
          file: { generator: 'png', args: [300, 200] },
          name: '惠农政策 一图读懂(2024).png',
          type: 'image/png',
          payload: { from: 'infographic' },
        },
      },
      201,
    ],
    [
      'an image attachment',
      {
        method: 'POST',
        path: '/media',
        role: 'drafter',
        multipart: { file: { generator: 'png', args: [800, 600] }, name: '附图.png', type: 'image/png', payload: { alt: '附图' } },
      },
      201,
    ],
    [
      'a PDF attachment without active content',
      {
        method: 'POST',
        path: '/media',
        role: 'drafter',
        multipart: { file: { generator: 'plainPdf' }, name: '通知全文.pdf', type: 'application/pdf', payload: {} },
      },
      201,
    ],
    [
      'a scheduled release at a real date',
      { method: 'POST', path: '/policies/{{signedA}}/workflow/release', role: 'signer', body: { releaseAt: '2026-12-31T09:00:00+08:00' } },
      200,
    ],
  ]
  test.each(controls)('%s', async (_name, c, status) => {
    const { options, path } = await requestOf({ ...c, id: 'control', description: '', expect: { status } }, fixtures)
    const res = await w.rest.call(c.method, path, { ...options, token: token(c.role) })
    if (res.status !== status) throw new Error(`expected ${status}, got ${shown(res)}`)
  })
})
