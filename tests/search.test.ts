import { mkdtempSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { getPayload, type Payload } from 'payload'

import { lexicalFromText } from '../src/richText/plainText'
import { DEFAULT_TERMS } from '../src/search/dictionary'
import { documentNumberKey, normalizeText } from '../src/search/normalize'
import { parseQuery, runQuery } from '../src/search/query'
import { SearchIndex, searchKey } from '../src/search/searchIndex'
import { segmenterFor } from '../src/search/segmenter'
import { SearchService, searchService } from '../src/search/service'
import { readSnapshot } from '../src/search/snapshot'
import { testConfig } from './helpers/payload'
import { packages } from './fixtures/packages'
import { interpretationData, startWorld, type World } from './helpers/world'

// Idle instances poll the audit log this often; the second instance below relies on it.
process.env.SEARCH_POLL_MS = '200'

let w: World
let other: Payload | undefined

beforeAll(async () => {
  w = await startWorld()
})
afterAll(async () => {
  await other?.destroy()
  await w?.payload.destroy()
})

type Role = Parameters<World['token']>[0]

/** A package of department A (or B) with one interpretation, walked through the REST workflow to `trait`. */
async function pkg(
  trait: 'drafted' | 'released' | 'signed' | 'submitted',
  overrides: Record<string, any> = {},
  interpretation: Record<string, any> = {},
  second = false,
) {
  const { policy, members } = await packages(w).make(trait, {
    dept: second ? 'b' : 'a',
    overrides,
    members: [{ collection: 'interpretations', data: interpretation }],
  })
  return { policy, interpretation: members[0] }
}

const search = (params: Record<string, string>, lang = 'zh') =>
  w.rest.call('GET', `/public/search?${new URLSearchParams(params)}`, { headers: { 'accept-language': lang } })

const keysOf = (body: any): string[] => body.hits.map((h: any) => `${h.collection}:${h.id}`)

const body = (text: string) => lexicalFromText(text)

/** Polls without asserting on time: a condition that never comes true fails the test at its timeout. */
async function eventually(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 300; i += 1) {
    if (await check()) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`never happened: ${what}`)
}

describe('normalisation and segmentation', () => {
  test('full-width, upper case and traditional characters normalise without changing length', () => {
    for (const [input, expected] of [
      ['ＰＭ２．５', 'pm2.5'],
      ['政府資訊公開條例', '政府资讯公开条例'],
      ['農業保險保費補貼', '农业保险保费补贴'],
      ['黔财农〔２０２１〕５号', '黔财农〔2021〕5号'],
    ]) {
      expect(normalizeText(input)).toBe(expected)
      expect(normalizeText(input)).toHaveLength(input.length)
    }
  })

  test('document numbers are recognised however the brackets are typed', () => {
    for (const typed of [
      '黔府发〔2020〕1号',
      '黔府发[2020]1号',
      '黔府发（2020）1号',
      '黔府发(2020)01号',
      '黔府发【2020】第1号',
      '黔府发 2020 1号',
    ]) {
      expect(documentNumberKey(typed)).toBe('黔府发〔2020〕1号')
    }
  })

  test('policy language: government terms stay whole, search mode adds the words inside longer ones', () => {
    const segmenter = segmenterFor([...DEFAULT_TERMS])
    const words = segmenter.queryTokens(normalizeText('落实三同步、双关联要求，深化放管服改革，推进一网通办'))
    expect(words).toEqual(expect.arrayContaining(['三同步', '双关联', '放管服', '一网通办']))
    expect(words).not.toContain('的')
    const indexed = segmenter.indexTokens('全面贯彻落实中华人民共和国政府信息公开条例')
    expect(indexed).toEqual(expect.arrayContaining(['贯彻落实', '落实', '信息', '公开', '条例']))
    // Without the dictionary jieba cuts them apart: that is what the dictionary is for.
    expect(segmenterFor([]).queryTokens('三同步')).not.toContain('三同步')
  })
})

describe('only released, proactively disclosed content', () => {
  test('drafts, packages in review or signed, non-proactive and withdrawn packages are never returned', async () => {
    const word = '甲乙丙丁戊己庚辛'
    const released = await pkg('released', { title: `${word}已发布的通知` }, { title: `${word}已发布的解读` })
    const drafting = await pkg('drafted', { title: `${word}起草中的通知` }, { title: `${word}起草中的解读` })
    const submitted = await pkg('submitted', { title: `${word}审核中的通知` })
    const signed = await pkg('signed', { title: `${word}已签发的通知` })
    const onRequest = await pkg('released', {
      title: `${word}依申请公开的通知`,
      disclosure: 'on-request',
      disclosureReason: '涉及个人信息',
      disclosureBasis: '《政府信息公开条例》第十五条',
    })
    const res = await search({ q: word })
    expect(res.status).toBe(200)
    expect(keysOf(res.body).sort()).toEqual(
      [searchKey('policies', released.policy.id), searchKey('interpretations', released.interpretation.id)].sort(),
    )
    const index = searchService(w.payload).current()!
    for (const hidden of [drafting, submitted, signed, onRequest]) {
      expect(index.has(searchKey('policies', hidden.policy.id))).toBe(false)
      expect(index.has(searchKey('interpretations', hidden.interpretation.id))).toBe(false)
    }

    await packages(w).walk(released.policy.id, 'withdrawn')
    const after = await search({ q: word })
    expect(after.body.total).toBe(0)
    expect(index.keysOfPolicy(String(released.policy.id))).toEqual([])
  })

  test('a supplementary interpretation appears only once it is released itself', async () => {
    const word = '壬癸子丑寅卯'
    const { policy } = await pkg('released', { title: `${word}补充解读测试的通知` })
    const token = await w.token('drafter')
    const created = await w.rest.post(
      '/interpretations',
      interpretationData(policy.id, { title: `${word}媒体补充解读`, form: 'media' }),
      token,
    )
    expect(created.body.doc.supplementary).toBe(true)
    const id = created.body.doc.id
    const supplementKey = searchKey('interpretations', id)
    const supp = async (action: string, role: Role) =>
      expect((await w.rest.post(`/interpretations/${id}/workflow/${action}`, {}, await w.token(role))).status).toBe(200)

    expect(keysOf((await search({ q: `${word}媒体补充解读` })).body)).not.toContain(supplementKey)
    await supp('submit', 'drafter')
    await supp('approve', 'reviewer')
    expect(keysOf((await search({ q: `${word}媒体补充解读` })).body)).not.toContain(supplementKey)
    await supp('release', 'signer')
    const found = await search({ q: `${word}媒体补充解读` })
    expect(keysOf(found.body)[0]).toBe(supplementKey)
    expect(found.body.hits[0].form).toEqual({ value: 'media', label: '媒体解读' })
  })
})

describe('media members', () => {
  test('a video transcript and an interview are found with their package; unanswered public questions never', async () => {
    const editor = await w.token('editor')
    const { policy } = await pkg('drafted', { title: '关于媒体成员检索测试的通知' })
    const video = (
      await w.rest.post(
        '/videos',
        {
          title: '视频解读：媒体成员检索',
          policy: policy.id,
          transcript: '今天我们讲一讲鲟鱼养殖补贴怎么申请。',
          externalUrl: 'https://v.qq.com/x/page/search.html',
        },
        editor,
      )
    ).body.doc
    const interview = (
      await w.rest.post(
        '/interviews',
        {
          title: '在线访谈：媒体成员检索',
          policy: policy.id,
          topic: '猕猴桃种植保险怎么投保',
          scheduledAt: '2026-12-01T02:00:00.000Z',
          host: { name: '李主持', title: '主持人', department: '省政府办公厅' },
          guests: [{ name: '王处长', title: '处长', organisation: '贵州省财政厅' }],
        },
        editor,
      )
    ).body.doc
    expect([video?.id, interview?.id].every(Boolean)).toBe(true)
    await packages(w).walk(policy.id, 'released')
    const byTranscript = await search({ q: '鲟鱼养殖补贴' })
    expect(keysOf(byTranscript.body)[0]).toBe(searchKey('videos', video.id))
    expect(byTranscript.body.hits[0].type.label).toBe('视频解读')
    expect(keysOf((await search({ q: '猕猴桃种植保险' })).body)[0]).toBe(searchKey('interviews', interview.id))

    // A question from the public waits for moderation: not public, so not searchable, even after a full rebuild.
    expect(
      (await w.rest.post(`/interviews/${interview.id}/questions`, { question: '娃娃鱼保护区在哪里？', askerName: '网友甲' })).status,
    ).toBeLessThan(300)
    await searchService(w.payload).rebuild()
    expect(keysOf((await search({ q: '娃娃鱼保护区' })).body)).not.toContain(searchKey('interviews', interview.id))
  })
})

describe('the index itself', () => {
  test('removing and compacting leaves the same index as adding only what remains', () => {
    const segmenter = segmenterFor([...DEFAULT_TERMS])
    const doc = (i: number) => ({
      key: `policies:${i}`,
      collection: 'policies',
      id: i,
      policy: String(i),
      year: 2020 + (i % 3),
      fields: {
        title: `关于第${i}号农业保险补贴的通知`,
        number: '',
        organ: '贵州省财政厅',
        context: '',
        body: `农业保险保费补贴第${i}条。${i % 2 ? '奇数' : '偶数'}`,
      },
    })
    const churned = new SearchIndex(segmenter)
    for (let i = 0; i < 40; i += 1) churned.add(doc(i))
    for (let i = 0; i < 40; i += 2) churned.remove(`policies:${i}`)
    churned.add(doc(1)) // replaced in place
    churned.compact()
    const fresh = new SearchIndex(segmenter)
    for (let i = 1; i < 40; i += 2) fresh.add(doc(i))
    expect(churned.fingerprint()).toBe(fresh.fingerprint())
    const run = (index: SearchIndex) => runQuery(index, parseQuery(index, '农业保险 奇数'), {}, 0, 50).hits.map((h) => [h.doc.key, h.score])
    expect(run(churned)).toEqual(run(fresh))
    expect(churned.size).toBe(20)
  })
})

describe('ranking, highlights and facets', () => {
  test('an exact document number ranks its policy first, even against documents citing it', async () => {
    const target = await pkg('released', { title: '关于规范测试补贴资金管理的通知' })
    const number = target.policy.documentNumber as string
    // Another released policy cites the number many times in its body.
    const citing = await pkg('released', {
      title: '关于转发有关文件的通知',
      body: body(`根据${number}。按照${number}执行。${number}${number}${number}的规定继续有效。`),
    })
    const typed = number.replace('〔', '[').replace('〕', ']')
    const res = await search({ q: typed })
    expect(res.body.hits[0]).toMatchObject({ collection: 'policies', id: target.policy.id, exact: true, documentNumber: number })
    const keys = keysOf(res.body)
    // Its interpretation (which carries the policy's number as context) and the citing policy follow.
    expect(keys).toContain(searchKey('interpretations', target.interpretation.id))
    expect(keys).toContain(searchKey('policies', citing.policy.id))
    expect(res.body.hits.filter((h: any) => h.exact)).toHaveLength(1)

    const byIndexNumber = await search({ q: target.policy.indexNumber.toLowerCase() })
    expect(byIndexNumber.body.hits[0]).toMatchObject({ id: target.policy.id, exact: true })
  })

  test('a title match ranks above the same words in a body; highlights mark the words and escape the rest', async () => {
    const inBody = await pkg('released', {
      title: '关于做好年度统计工作的通知',
      body: body('各地要重视<b>琉璃瓦</b>修缮工作。同时做好统计报表的报送。'),
    })
    const inTitle = await pkg('released', { title: '关于加强琉璃瓦修缮工作的通知', body: body('做好古建筑保护。') })
    const res = await search({ q: '琉璃瓦修缮' })
    const keys = keysOf(res.body)
    expect(keys.indexOf(searchKey('policies', inTitle.policy.id))).toBeLessThan(keys.indexOf(searchKey('policies', inBody.policy.id)))
    const first = res.body.hits[0]
    expect(first.titleHighlighted).toBe('关于加强<em>琉璃瓦</em><em>修缮</em>工作的通知'.replace('</em><em>', ''))
    const bodyHit = res.body.hits.find((h: any) => h.id === inBody.policy.id)
    expect(bodyHit.snippet).toContain('<em>')
    expect(bodyHit.snippet).toContain('&lt;b&gt;')
    expect(bodyHit.snippet).not.toContain('<b>')
    expect(res.body.tookMs).toEqual(expect.any(Number))
  })

  test('facets count by type, department, year and form; a filter narrows the hits, not its own facet', async () => {
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
    const count = (facet: string) => Object.fromEntries(all.body.facets[facet].map((f: any) => [f.value, f.count]))
    expect(count('type')).toEqual({ policies: 2, interpretations: 2 })
    expect(count('department')).toEqual({ [String(w.a.id)]: 2, [String(w.b.id)]: 2 })
    expect(count('year')).toEqual({ 2021: 2, 2022: 2 })
    expect(count('form')).toEqual({ card: 1, text: 1 })
    expect(all.body.facets.department.find((f: any) => f.value === String(w.a.id)).label).toBe(w.a.name)
    expect(all.body.facets.type.find((f: any) => f.value === 'policies').label).toBe('政策文件')

    const cards = await search({ q: word, form: 'card' })
    expect(keysOf(cards.body)).toEqual([searchKey('interpretations', a.interpretation.id)])
    // The form facet still shows the other forms (disjunctive), the others are narrowed.
    expect(cards.body.facets.form.map((f: any) => f.value).sort()).toEqual(['card', 'text'])
    expect(cards.body.facets.type).toEqual([expect.objectContaining({ value: 'interpretations', count: 1 })])

    const b2022 = await search({ q: word, year: '2022', department: String(w.b.id), type: 'policies' })
    expect(keysOf(b2022.body)).toEqual([searchKey('policies', b.policy.id)])

    // Card fields are searchable.
    expect(keysOf((await search({ q: `${word} 村委会申报` })).body)).toEqual([searchKey('interpretations', a.interpretation.id)])
  })

  test('traditional, full-width and mixed input finds the same documents', async () => {
    const { policy } = await pkg('released', { title: '关于农业机械购置补贴资金发放的通知' })
    const simplified = keysOf((await search({ q: '农业机械购置补贴' })).body)
    expect(simplified[0]).toBe(searchKey('policies', policy.id))
    expect(keysOf((await search({ q: '農業機械購置補貼' })).body)).toEqual(simplified)
    const fullWidth = (policy.documentNumber as string).replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0))
    expect((await search({ q: fullWidth })).body.hits[0]).toMatchObject({ id: policy.id, exact: true })
  })
})

describe('the user dictionary', () => {
  test('an admin’s term changes segmentation at once, a synonym finds the other word, and both can be undone', async () => {
    const { policy } = await pkg('released', { title: '关于推动黔货出山和黔茶飘香的实施意见', body: body('支持黔货出山。') })
    const service = searchService(w.payload)
    await search({ q: '黔货出山' })
    expect(service.current()!.segmenter.queryTokens('黔货出山')).not.toContain('黔货出山')

    const admin = await w.token('admin')
    const term = await w.rest.post('/search-terms', { term: '黔货出山', synonyms: ['贵州好货出山'] }, admin)
    expect(term.status).toBe(201)
    const res = await search({ q: '黔货出山' })
    expect(service.current()!.segmenter.queryTokens('黔货出山')).toEqual(['黔货出山'])
    // Documents were re-segmented: the term is now one token in the index.
    expect(service.current()!.docFrequency('黔货出山')).toBeGreaterThan(0)
    expect(res.body.hits[0].titleHighlighted).toContain('<em>黔货出山</em>')
    const bySynonym = await search({ q: '贵州好货出山' })
    expect(keysOf(bySynonym.body)[0]).toBe(searchKey('policies', policy.id))

    // Only admins edit it; the edit leaves an audit entry (that is how the other instances learn of it).
    expect((await w.rest.post('/search-terms', { term: '随便一词' }, await w.token('drafter'))).status).toBe(403)
    expect((await w.rest.post('/search-terms', { term: '有 空格' }, admin)).status).toBe(400)
    const audit = await w.payload.find({ collection: 'audit-log', where: { action: { equals: 'search-term-changed' } }, depth: 0 })
    expect(audit.totalDocs).toBeGreaterThan(0)

    expect((await w.rest.delete(`/search-terms/${term.body.doc.id}`, admin)).status).toBe(200)
    const unrelated = await search({ q: '贵州好货出山' })
    expect(unrelated.body.hits.some((h: any) => h.titleHighlighted.includes('<em>黔货出山</em>'))).toBe(false)
    expect(service.current()!.segmenter.queryTokens('黔货出山')).not.toContain('黔货出山')
    // A built-in term can be switched off by an admin entry.
    await w.rest.post('/search-terms', { term: '三同步', enabled: false }, admin)
    await search({ q: '三同步' })
    expect(service.current()!.segmenter.queryTokens('三同步')).not.toContain('三同步')
  })
})

describe('bad input', () => {
  test.each([
    ['no query', { q: '' }, 'q'],
    ['a query of 101 characters', { q: '政'.repeat(101) }, '101'],
    ['page 51', { q: '政策', page: '51' }, '51'],
    ['a page that is no number', { q: '政策', page: 'abc' }, 'abc'],
    ['1000 per page', { q: '政策', limit: '1000' }, '1000'],
    ['an unknown type', { q: '政策', type: 'secrets' }, 'secrets'],
    ['a malformed year', { q: '政策', year: '20x1' }, '20x1'],
    ['an unknown form', { q: '政策', form: 'poem' }, 'poem'],
    ['a malformed department id', { q: '政策', department: '1;drop' }, '1;drop'],
  ])('%s → 400 naming the problem', async (_label, params, mentioned) => {
    const zh = await search(params as Record<string, string>)
    expect(zh.status).toBe(400)
    expect(zh.body.errors[0].data.rule).toBe('search-query')
    expect(zh.body.errors[0].message).toContain('站内搜索')
    expect(zh.body.errors[0].message).toContain(mentioned)
    const en = await search(params as Record<string, string>, 'en')
    expect(en.body.errors[0].message).toContain('site search')
  })
})

describe('zero-result queries', () => {
  test('are counted per normalised query for admins; nobody else reads them', async () => {
    await search({ q: '查无此词ＸＹＺ' })
    await search({ q: '查无此词xyz' })
    await search({ q: '身份证号520102199001011234' })
    const admin = await w.token('admin')
    const list = await w.rest.get('/search-misses?sort=-count&limit=50', admin)
    const row = list.body.docs.find((d: any) => d.query === '查无此词xyz')
    expect(row.count).toBe(2)
    // Long digit runs (ID cards, phone numbers) are not kept.
    expect(list.body.docs.some((d: any) => d.query.includes('520102199001011234'))).toBe(false)
    expect((await w.rest.get('/search-misses')).status).not.toBe(200)
    expect((await w.rest.get('/search-misses', await w.token('viewer'))).status).not.toBe(200)
  })
})

describe('more than one instance, restarts and rebuilds', () => {
  test('a second instance on the same database follows releases and withdrawals through the audit log', async () => {
    other = await getPayload({ config: testConfig(), key: 'other' })
    const follower = searchService(other)
    await follower.start()
    const { policy } = await pkg('released', { title: '关于第二实例可见性测试的通知' })
    const key = searchKey('policies', policy.id)
    // The background poll picks it up without any query on that instance.
    await eventually(() => follower.current()!.has(key), 'the second instance indexes the release')
    const { result } = await follower.query('第二实例可见性测试', {}, 0, 10)
    expect(result.hits.map((h) => h.doc.key)).toContain(key)

    await packages(w).walk(policy.id, 'withdrawn')
    await eventually(() => !follower.current()!.has(key), 'the second instance drops the withdrawn policy')

    // Dictionary edits reach it the same way.
    const admin = await w.token('admin')
    await w.rest.post('/search-terms', { term: '多实例词条' }, admin)
    await eventually(
      () => follower.current()!.segmenter.queryTokens('多实例词条').includes('多实例词条'),
      'the second instance reloads the dictionary',
    )
  })

  test('an index rebuilt from the database equals the one kept current incrementally', async () => {
    const service = searchService(w.payload)
    await service.sync()
    const fresh = new SearchService(w.payload, { pollMs: 0, freshnessMs: 0, snapshotDelayMs: 0 })
    await fresh.start()
    expect(fresh.current()!.size).toBe(service.current()!.size)
    expect(fresh.current()!.fingerprint()).toBe(service.current()!.fingerprint())
    fresh.stop()
  })

  test('a restart loads the snapshot and catches up from its audit-log position; a foreign snapshot is not trusted', async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'search-snap-')), 'index.v8.gz')
    // No scheduled saves: the test writes the snapshot itself.
    const options = { pollMs: 0, freshnessMs: 0, snapshotDelayMs: 3_600_000, snapshotFile: file }
    const before = new SearchService(w.payload, options)
    await before.start()
    expect(before.status().source).toBe('database')
    expect(await before.saveSnapshot()).toBeGreaterThan(0)
    before.stop()

    // Changes after the snapshot: a release, and a dictionary edit (the snapshot's documents are segmented again).
    const { policy } = await pkg('released', { title: '关于快照之后发布的通知' })
    expect((await w.rest.post('/search-terms', { term: '快照之后' }, await w.token('admin'))).status).toBe(201)
    const restarted = new SearchService(w.payload, options)
    await restarted.start()
    expect(restarted.status().source).toBe('snapshot')
    expect(restarted.current()!.has(searchKey('policies', policy.id))).toBe(true)
    const service = searchService(w.payload)
    await service.sync()
    expect(restarted.current()!.fingerprint()).toBe(service.current()!.fingerprint())
    restarted.stop()

    // A snapshot whose audit-log position does not match this database's history is rebuilt from the database.
    const snapshot = (await readSnapshot(file))!
    const { writeSnapshot } = await import('../src/search/snapshot')
    await writeSnapshot(file, snapshot.index, { seq: snapshot.watermark.seq, hash: 'f'.repeat(64) })
    const distrustful = new SearchService(w.payload, options)
    await distrustful.start()
    expect(distrustful.status().source).toBe('database')
    distrustful.stop()
    writeFileSync(file, 'not a snapshot')
    const corrupt = new SearchService(w.payload, options)
    await corrupt.start()
    expect(corrupt.status().source).toBe('database')
    corrupt.stop()
  })

  test('admins see the status and trigger a rebuild everywhere; others may not', async () => {
    const admin = await w.token('admin')
    const status = await w.rest.get('/search/status', admin)
    expect(status.status).toBe(200)
    expect(status.body).toMatchObject({ state: 'ready', documents: expect.any(Number) })
    expect((await w.rest.get('/search/status', await w.token('signer'))).status).toBe(403)
    expect((await w.rest.post('/search/reindex', {})).status).toBe(401)
    const rebuilt = await w.rest.post('/search/reindex', {}, admin)
    expect(rebuilt.status).toBe(200)
    expect(rebuilt.body.documents).toBe(status.body.documents)
    const entries = await w.payload.find({ collection: 'audit-log', where: { action: { equals: 'search-reindex' } }, depth: 0 })
    expect(entries.docs[0].actorEmail).toBe('admin@demo.gov.cn')
  })
})
