/**
 * The search contract on the configured engine: `npm test` runs it on the embedded index, `TEST_SEARCH=opensearch`
 * on a real OpenSearch 2.19.6 node started here (scripts/opensearch), which also runs the outage tests: the node is
 * stopped and restarted, and the index catches up from the last applied audit seq.
 */
import { randomBytes } from 'node:crypto'
import { getPayload, type Payload } from 'payload'

import { startOpenSearch, type OpenSearchNode } from '../scripts/opensearch/node'
import { lexicalFromText } from '../src/richText/plainText'
import { searchBackend } from '../src/search/backend'
import { searchKey } from '../src/search/searchIndex'
import { testConfig } from './helpers/payload'
import { interpretationData, policyData, startWorld, type World } from './helpers/world'

const engine = process.env.TEST_SEARCH === 'opensearch' ? 'opensearch' : 'embedded'
process.env.SEARCH_POLL_MS = '200'

let w: World
let node: OpenSearchNode | undefined
let other: Payload | undefined

beforeAll(async () => {
  if (engine === 'opensearch') {
    node = await startOpenSearch()
    process.env.SEARCH_URL = node.url
    // Both database lanes may share one cluster in CI: every test file has its own indexes.
    process.env.SEARCH_INDEX_PREFIX = `test-${randomBytes(4).toString('hex')}`
    // A cold node's first queries on a loaded 2-core machine took over 5 s (CI); an outage is a refused connection, not a wait.
    process.env.SEARCH_TIMEOUT_MS = '30000'
  }
  w = await startWorld()
}, 360_000)
afterAll(async () => {
  await other?.destroy()
  await w?.payload.destroy()
  await node?.close()
  delete process.env.SEARCH_URL
})

type Role = Parameters<World['token']>[0]

async function pkg(
  until: 'drafting' | 'released',
  policy: Record<string, any> = {},
  interpretation: Record<string, any> = {},
  second = false,
) {
  const dept = second ? w.b : w.a
  const token = await w.token('drafter', second)
  const created = await w.rest.post('/policies', policyData(dept, policy), token)
  expect(created.status).toBe(201)
  const p = created.body.doc
  const i = (await w.rest.post('/interpretations', interpretationData(p.id, interpretation), token)).body.doc
  expect(i.id).toBeDefined()
  const steps: [string, Role][] = [
    ['submit', 'drafter'],
    ['approve', 'reviewer'],
    ['approve', 'reviewer'],
    ['sign', 'signer'],
    ['release', 'signer'],
  ]
  if (until === 'released') {
    for (const [action, role] of steps) {
      const res = await w.rest.post(`/policies/${p.id}/workflow/${action}`, {}, await w.token(role, second))
      expect([action, res.status]).toEqual([action, 200])
    }
  }
  return { policy: p, interpretation: i }
}

const search = (params: Record<string, string>, lang = 'zh') =>
  w.rest.call('GET', `/public/search?${new URLSearchParams(params)}`, { headers: { 'accept-language': lang } })
const keysOf = (body: any): string[] => body.hits.map((h: any) => `${h.collection}:${h.id}`)

async function eventually(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 600; i += 1) {
    if (await check()) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`never happened: ${what}`)
}

describe(`search on the ${engine} engine`, () => {
  test('every answer names its engine; only released, proactively disclosed packages; a withdrawal removes them', async () => {
    const word = '甲乙丙丁戊己庚辛'
    const released = await pkg('released', { title: `${word}已发布的通知` }, { title: `${word}已发布的解读` })
    await pkg('drafting', { title: `${word}起草中的通知` }, { title: `${word}起草中的解读` })
    const res = await search({ q: word })
    expect(res.status).toBe(200)
    expect(res.body.engine).toBe(engine)
    expect(keysOf(res.body).sort()).toEqual(
      [searchKey('policies', released.policy.id), searchKey('interpretations', released.interpretation.id)].sort(),
    )
    expect(res.body.hits.find((h: any) => h.collection === 'interpretations').policy).toEqual({
      id: String(released.policy.id),
      title: `${word}已发布的通知`,
      documentNumber: released.policy.documentNumber,
    })
    const withdraw = await w.rest.post(`/policies/${released.policy.id}/workflow/withdraw`, { reason: '政策调整' }, await w.token('signer'))
    expect(withdraw.status).toBe(200)
    expect((await search({ q: word })).body.total).toBe(0)
  })

  test('an exact 发文字号 / 索引号 ranks its policy first, however it is typed', async () => {
    const target = await pkg('released', { title: '关于规范测试补贴资金管理的通知' })
    const number = target.policy.documentNumber as string
    const citing = await pkg('released', {
      title: '关于转发有关文件的通知',
      body: lexicalFromText(`根据${number}。按照${number}执行。${number}${number}的规定继续有效。`),
    })
    const res = await search({ q: number.replace('〔', '[').replace('〕', ']') })
    expect(res.body.hits[0]).toMatchObject({ collection: 'policies', id: target.policy.id, exact: true, documentNumber: number })
    expect(keysOf(res.body)).toContain(searchKey('policies', citing.policy.id))
    expect(res.body.hits.filter((h: any) => h.exact)).toHaveLength(1)
    const fullWidth = number.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))
    expect((await search({ q: fullWidth })).body.hits[0]).toMatchObject({ id: target.policy.id, exact: true })
    expect((await search({ q: target.policy.indexNumber.toLowerCase() })).body.hits[0]).toMatchObject({ id: target.policy.id, exact: true })
  })

  test('title above body; highlights mark the words and escape the rest; traditional input finds the same', async () => {
    const inBody = await pkg('released', {
      title: '关于做好年度统计工作的通知',
      body: lexicalFromText('各地要重视<b>琉璃瓦</b>修缮工作。同时做好统计报表的报送。'),
    })
    const inTitle = await pkg('released', { title: '关于加强琉璃瓦修缮工作的通知', body: lexicalFromText('做好古建筑保护。') })
    const res = await search({ q: '琉璃瓦修缮' })
    const keys = keysOf(res.body)
    expect(keys.indexOf(searchKey('policies', inTitle.policy.id))).toBeLessThan(keys.indexOf(searchKey('policies', inBody.policy.id)))
    expect(res.body.hits[0].titleHighlighted).toBe('关于加强<em>琉璃瓦修缮</em>工作的通知')
    const bodyHit = res.body.hits.find((h: any) => h.id === inBody.policy.id)
    expect(bodyHit.snippet).toContain('<em>')
    expect(bodyHit.snippet).toContain('&lt;b&gt;')
    expect(bodyHit.snippet).not.toContain('<b>')
    expect(keysOf((await search({ q: '琉璃瓦修繕' })).body)).toEqual(keys)
  })

  test('disjunctive facets, totals and paging; relaxed when no document has every word', async () => {
    const word = '辰巳午未申酉'
    const a = await pkg(
      'released',
      { title: `${word}甲部门通知`, writtenAt: '2021-06-01T00:00:00.000Z' },
      {
        title: `${word}明白卡`,
        form: 'card',
        body: undefined,
        card: { beneficiaries: '农户', standard: '每户补贴', process: '村委会申报', basis: '本通知' },
      },
    )
    const b = await pkg(
      'released',
      { title: `${word}乙部门通知`, writtenAt: '2022-03-01T00:00:00.000Z' },
      { title: `${word}文字解读` },
      true,
    )
    const all = await search({ q: word })
    expect(all.body.total).toBe(4)
    const count = (body: any, facet: string) => Object.fromEntries(body.facets[facet].map((f: any) => [f.value, f.count]))
    expect(count(all.body, 'type')).toEqual({ policies: 2, interpretations: 2 })
    expect(count(all.body, 'department')).toEqual({ [String(w.a.id)]: 2, [String(w.b.id)]: 2 })
    expect(count(all.body, 'year')).toEqual({ 2021: 2, 2022: 2 })
    expect(count(all.body, 'form')).toEqual({ card: 1, text: 1 })
    expect(all.body.facets.department.find((f: any) => f.value === String(w.a.id)).label).toBe(w.a.name)
    const cards = await search({ q: word, form: 'card' })
    expect(keysOf(cards.body)).toEqual([searchKey('interpretations', a.interpretation.id)])
    expect(cards.body.facets.form.map((f: any) => f.value).sort()).toEqual(['card', 'text'])
    expect(cards.body.facets.type).toEqual([expect.objectContaining({ value: 'interpretations', count: 1 })])
    expect(keysOf((await search({ q: word, year: '2022', department: String(w.b.id), type: 'policies' })).body)).toEqual([
      searchKey('policies', b.policy.id),
    ])
    const page2 = await search({ q: word, limit: '3', page: '2' })
    expect(page2.body).toMatchObject({ total: 4, page: 2, pageSize: 3, pages: 2 })
    expect(page2.body.hits).toHaveLength(1)
    expect(keysOf(page2.body)).not.toContain(keysOf((await search({ q: word, limit: '3' })).body)[0])
    const relaxed = await search({ q: `${word} 完全没有的词组乙` })
    expect(relaxed.body.query.relaxed).toBe(true)
    expect(relaxed.body.total).toBeGreaterThan(0)
    expect((await search({ q: word })).body.query.relaxed).toBe(false)
  })

  test('an admin’s dictionary term and synonym take effect (OpenSearch: a new index behind the alias)', async () => {
    const { policy } = await pkg('released', { title: '关于推动黔货出山和黔茶飘香的实施意见', body: lexicalFromText('支持黔货出山。') })
    await searchBackend(w.payload).sync()
    const before = await searchBackend(w.payload).status()
    const admin = await w.token('admin')
    expect((await w.rest.post('/search-terms', { term: '黔货出山', synonyms: ['贵州好货出山'] }, admin)).status).toBe(201)
    const settled = async () => {
      await searchBackend(w.payload).sync()
      const status = await searchBackend(w.payload).status()
      return status.state === 'ready' && status.dictionaryVersion !== before.dictionaryVersion
    }
    await eventually(settled, 'the index is segmented with the new dictionary')
    expect(keysOf((await search({ q: '贵州好货出山' })).body)[0]).toBe(searchKey('policies', policy.id))
    const res = await search({ q: '黔货出山' })
    expect(res.body.hits[0].titleHighlighted).toContain('<em>黔货出山</em>')
    const after = await searchBackend(w.payload).status()
    expect(after.dictionaryVersion).not.toBe(before.dictionaryVersion)
    if (engine === 'opensearch') {
      expect(after.index).not.toBe(before.index)
      expect(after.documents).toBe(before.documents)
    }
  })

  test('admins see the engine’s status and rebuild; others may not', async () => {
    const admin = await w.token('admin')
    await eventually(async () => (await w.rest.get('/search/status', admin)).body.state === 'ready', 'no rebuild running')
    const status = await w.rest.get('/search/status', admin)
    expect(status.status).toBe(200)
    expect(status.body).toMatchObject({ engine, state: 'ready', documents: expect.any(Number) })
    expect((await w.rest.get('/search/status', await w.token('signer'))).status).toBe(403)
    expect((await w.rest.post('/search/reindex', {})).status).toBe(401)
    const rebuilt = await w.rest.post('/search/reindex', {}, admin)
    expect(rebuilt.status).toBe(200)
    await eventually(async () => (await w.rest.get('/search/status', admin)).body.state === 'ready', 'the rebuild finishes')
    expect((await w.rest.get('/search/status', admin)).body.documents).toBe(status.body.documents)
  })
})

if (engine === 'opensearch') {
  describe('OpenSearch outages', () => {
    test('a second instance keeps the shared index current; replaying entries changes nothing', async () => {
      other = await getPayload({ config: testConfig(), key: 'other' })
      const follower = searchBackend(other)
      await follower.start()
      const { policy } = await pkg('released', { title: '关于第二实例可见性测试的通知' })
      // Found through the other instance as well (same cluster, either instance applies the entry).
      const { result } = await follower.search('第二实例可见性测试', {}, 0, 10)
      expect(result.hits.map((h) => h.doc.key)).toContain(searchKey('policies', policy.id))
      const count = (await searchBackend(w.payload).status()).documents
      await Promise.all([follower.sync(), searchBackend(w.payload).sync()])
      expect((await follower.status()).documents).toBe(count)
    })

    test('unreachable: search answers 503 with a bilingual message, the site keeps working; after a restart it catches up', async () => {
      const { policy: kept } = await pkg('released', { title: '关于停机之前发布的通知' })
      expect(keysOf((await search({ q: '停机之前发布' })).body)).toContain(searchKey('policies', kept.id))
      const seqBefore = (await searchBackend(w.payload).status()).watermark.seq
      await node!.stop()

      const zh = await search({ q: '停机之前发布' })
      expect(zh.status).toBe(503)
      expect(zh.body.errors[0].data.rule).toBe('search-unavailable')
      expect(zh.body.errors[0].message).toContain('搜索引擎（opensearch）暂时无法访问')
      const en = await search({ q: '停机之前发布' }, 'en')
      expect(en.status).toBe(503)
      expect(en.body.errors[0].message).toContain('cannot be reached')
      // Not answered by the embedded index instead, and the rest of the site works: a package is released meanwhile.
      const { policy: during } = await pkg('released', { title: '关于停机期间发布的通知' })
      expect((await w.rest.get(`/policies/${during.id}`)).status).toBe(200)
      const status = await w.rest.get('/search/status', await w.token('admin'))
      expect(status.body).toMatchObject({ engine: 'opensearch', state: 'unavailable' })

      const restarted = performance.now()
      await node!.start()
      const nodeUp = performance.now()
      await eventually(async () => {
        const res = await search({ q: '停机期间发布' })
        return res.status === 200 && keysOf(res.body).includes(searchKey('policies', during.id))
      }, 'the release during the outage becomes searchable')
      const caughtUp = performance.now()
      console.log(
        `OpenSearch outage: node restart ${((nodeUp - restarted) / 1000).toFixed(1)} s, then caught up from seq ${seqBefore} in ${((caughtUp - nodeUp) / 1000).toFixed(2)} s`,
      )
      expect((await searchBackend(w.payload).status()).watermark.seq).toBeGreaterThan(seqBefore)
      expect(keysOf((await search({ q: '停机之前发布' })).body)).toContain(searchKey('policies', kept.id))
    })
  })
}
