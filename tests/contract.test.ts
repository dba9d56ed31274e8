import { form, makeImage } from './fixtures/media/make'
import { packages } from './fixtures/packages'
import { fieldErrors, firstError, policyData, startWorld, type World } from './helpers/world'

/**
 * What the external fuzzer (Schemathesis against /api/openapi.json) and the media probe found, each pinned here
 * through the real REST and GraphQL handlers. The HTTP-level findings (TRACE, HEAD, CORS, Content-Length) are in
 * tests/edge.test.ts; the fuzz run itself is scripts/fuzz.sh.
 */

let w: World

beforeAll(async () => {
  w = await startWorld()
}, 120_000)
afterAll(async () => {
  await w?.payload.destroy()
})

type Role = Parameters<World['token']>[0]

const interviewData = (policy: number | string, extra: Record<string, unknown> = {}) => ({
  title: '在线访谈：契约测试',
  policy,
  scheduledAt: '2026-12-01T02:00:00.000Z',
  host: { name: '李主持' },
  ...extra,
})

/** A released interview, live, with one answered, one rejected and one pending question. */
async function moderatedInterview() {
  const editor = await w.token('editor')
  const { policy } = await packages(w).make('drafted')
  const interview = (await w.rest.post('/interviews', interviewData(policy.id), editor)).body.doc
  await packages(w).walk(policy.id, 'released')
  expect((await w.rest.post(`/interviews/${interview.id}/status`, { status: 'live' }, editor)).status).toBe(200)
  const ask = async (question: string) =>
    (await w.rest.post(`/interviews/${interview.id}/questions`, { question, askerName: '网友' })).body.question.key
  const good = await ask('补贴什么时候发放？')
  const spam = await ask('私密广告联系方式')
  await ask('待审核的问题')
  expect(
    (await w.rest.post(`/interviews/${interview.id}/segments`, { speaker: '王处长', role: 'guest', text: '一季度发放。' }, editor)).status,
  ).toBe(201)
  expect(
    (await w.rest.post(`/interviews/${interview.id}/questions/${good}/moderate`, { action: 'answer', answerSeq: 1 }, editor)).status,
  ).toBe(200)
  expect(
    (await w.rest.post(`/interviews/${interview.id}/questions/${spam}/moderate`, { action: 'reject', reason: '广告' }, editor)).status,
  ).toBe(200)
  return { policy, interview }
}

describe('field visibility: one rule for list, single read, GraphQL and where', () => {
  test('rejected and pending questions and moderation fields never reach the public, however they read', async () => {
    const { interview } = await moderatedInterview()
    const leaks = (questions: any[]) => JSON.stringify(questions).match(/私密广告|待审核的问题|rejectReason|moderatedBy|moderatedAt|广告/g)

    const single = (await w.rest.get(`/interviews/${interview.id}`)).body
    expect(single.questions.map((q: any) => q.question)).toEqual(['补贴什么时候发放？'])
    const list = await w.rest.get(`/interviews?where[id][equals]=${interview.id}`)
    expect(list.status).toBe(200)
    expect(list.body.docs[0].questions.map((q: any) => q.question)).toEqual(['补贴什么时候发放？'])
    expect(leaks(list.body.docs[0].questions)).toBeNull()

    const gql = await w.rest.post('/graphql', {
      query: `{ Interviews { docs { id questions { question askerName status rejectReason moderatedAt moderatedBy { id } } } } }`,
    })
    expect(gql.status).toBe(200)
    const doc = gql.body.data.Interviews.docs.find((d: any) => String(d.id) === String(interview.id))
    expect(doc.questions.map((q: any) => q.question)).toEqual(['补贴什么时候发放？'])
    expect(doc.questions[0]).toMatchObject({ rejectReason: null, moderatedAt: null, moderatedBy: null })

    // Searching the question texts would tell whether a rejected question exists.
    const searched = await w.rest.get(`/interviews?where[questions.question][like]=${encodeURIComponent('私密广告')}`)
    expect(searched.status).toBeGreaterThanOrEqual(400)
    expect(searched.status).toBeLessThan(500)
    const viaGql = await w.rest.post('/graphql', {
      query: `{ Interviews(where: { questions__question: { like: "私密广告" } }) { totalDocs } }`,
    })
    expect(JSON.stringify(viaGql.body)).not.toMatch(/"totalDocs":1/)
    expect(viaGql.body.errors?.length ?? 0).toBeGreaterThan(0)
    // Another department's drafter is public here too.
    const other = await w.rest.get(`/interviews/${interview.id}`, await w.token('drafter', true))
    expect(leaks(other.body.questions)).toBeNull()

    // The department itself still sees and searches the whole record.
    const editor = await w.token('editor')
    expect((await w.rest.get(`/interviews/${interview.id}`, editor)).body.questions).toHaveLength(3)
    const listed = await w.rest.get(`/interviews?where[id][equals]=${interview.id}`, editor)
    expect(listed.body.docs[0].questions.find((q: any) => q.status === 'rejected')).toMatchObject({ rejectReason: '广告' })
    const admin = await w.token('admin')
    expect((await w.rest.get(`/interviews?where[questions.question][like]=${encodeURIComponent('私密广告')}`, admin)).body.totalDocs).toBe(
      1,
    )
  })
})

describe('the interview record refuses what cannot be', () => {
  test('scheduledAt: a real calendar date in a plausible year', async () => {
    const editor = await w.token('editor')
    const policy = (await w.rest.post('/policies', policyData(w.a), await w.token('drafter'))).body.doc
    for (const [value, fragment] of [
      ['2026-02-30T10:00+08:00', '不是日历上存在的日期'],
      ['1900-05-01T10:00:00+08:00', '年份 1900'],
      ['2099-05-01T10:00:00+08:00', '年份 2099'],
    ]) {
      const res = await w.rest.post('/interviews', interviewData(policy.id, { scheduledAt: value }), editor)
      expect([value, res.status, fieldErrors(res.body).scheduledAt]).toEqual([value, 400, expect.stringContaining(fragment)])
    }
    expect((await w.rest.post('/interviews', interviewData(policy.id, { scheduledAt: '2026-02-28T10:00+08:00' }), editor)).status).toBe(201)
  })

  test('a segment dated in the future is refused (in CST); sequence numbers a client saw are never given again', async () => {
    const policy = (await w.rest.post('/policies', policyData(w.a), await w.token('drafter'))).body.doc
    const editor = await w.token('editor')
    const id = (await w.rest.post('/interviews', interviewData(policy.id), editor)).body.doc.id
    expect((await w.rest.post(`/interviews/${id}/status`, { status: 'live' }, editor)).status).toBe(200)
    const future = await w.rest.post(
      `/interviews/${id}/segments`,
      { speaker: '李主持', role: 'host', text: '来自未来', at: '2030-01-01T02:00:00Z' },
      editor,
    )
    expect([future.status, firstError(future.body).data.rule]).toEqual([400, 'interview-segment-order'])
    expect(firstError(future.body).message).toContain('2030-01-01 10:00:00 CST')
    const ok = await w.rest.post(`/interviews/${id}/segments`, { speaker: '李主持', role: 'host', text: '开场' }, editor)
    expect([ok.status, ok.body.lastSeq]).toEqual([201, 1])
    const second = await w.rest.post(`/interviews/${id}/segments`, { speaker: '王处长', role: 'guest', text: '第二段' }, editor)
    expect(second.body.lastSeq).toBe(2)

    // An admin removes segment 2 (a live client has seen it): the next one is 3, not 2 again.
    const full = await w.payload.findByID({ collection: 'interviews', id, depth: 0 })
    await w.payload.update({
      collection: 'interviews',
      id,
      data: { segments: (full.segments ?? []).slice(0, 1) },
      context: { liveRecord: true },
    })
    const next = await w.rest.post(`/interviews/${id}/segments`, { speaker: '王处长', role: 'guest', text: '重说第二段' }, editor)
    expect([next.status, next.body.lastSeq]).toEqual([201, 3])
  })

  test('photos only before and during the broadcast', async () => {
    const policy = (await w.rest.post('/policies', policyData(w.a), await w.token('drafter'))).body.doc
    const token = await w.token('editor')
    const id = (await w.rest.post('/interviews', interviewData(policy.id), token)).body.doc.id
    const upload = async () =>
      w.rest.call('POST', `/interviews/${id}/photos`, {
        body: form(await makeImage(800, 600, 'jpeg'), 'scene.jpg', 'image/jpeg', { alt: '现场' }),
        token,
      })
    expect((await upload()).status).toBe(201)
    expect((await w.rest.post(`/interviews/${id}/status`, { status: 'live' }, token)).status).toBe(200)
    expect((await w.rest.post(`/interviews/${id}/status`, { status: 'ended' }, token)).status).toBe(200)
    const late = await upload()
    expect([late.status, firstError(late.body).data.rule]).toEqual([409, 'interview-status'])
  })

  test('/live?after= is a segment number or nothing', async () => {
    const editor = await w.token('editor')
    const { policy } = await packages(w).make('drafted')
    const id = (await w.rest.post('/interviews', interviewData(policy.id), editor)).body.doc.id
    await packages(w).walk(policy.id, 'released')
    expect((await w.rest.get(`/interviews/${id}/live?after=`)).status).toBe(200)
    expect((await w.rest.get(`/interviews/${id}/live?after=0`)).body.lastSeq).toBe(0)
    for (const bad of ['abc', '1e9', '-1', '1.5', '99999999']) {
      const res = await w.rest.get(`/interviews/${id}/live?after=${bad}`)
      expect([bad, res.status, firstError(res.body).data?.rule]).toEqual([bad, 400, 'request-input'])
    }
    expect((await w.rest.get(`/interviews/${id}/live/stream?after=abc`)).status).toBe(400)
  })

  test('an allowed video host on another port is refused; WebVTT problems are explained in Chinese', async () => {
    const policy = (await w.rest.post('/policies', policyData(w.a), await w.token('drafter'))).body.doc
    const token = await w.token('editor')
    const video = { title: '视频解读', policy: policy.id, transcript: '各位网友大家好。' }
    const port = await w.rest.post('/videos', { ...video, externalUrl: 'https://v.qq.com:8443/x/page/a.html' }, token)
    expect([port.status, fieldErrors(port.body).externalUrl]).toEqual([400, expect.stringContaining('8443')])
    const vtt = 'WEBVTT\n\n00:00:01.000 --> 00:00:02.00\n你好\n'
    const bad = await w.rest.post(
      '/videos',
      { ...video, externalUrl: 'https://v.qq.com/x/page/a.html', captions: [{ language: 'zh-CN', vtt }] },
      token,
    )
    expect(fieldErrors(bad.body)['captions.0.vtt']).toContain('毫秒须为三位数字')
    expect(fieldErrors(bad.body)['captions.0.vtt']).not.toMatch(/Milliseconds/)
  })
})

describe('the public content API answers what its document says', () => {
  test('the workflow view needs a signed-in user: anonymous and bogus Authorization get 401', async () => {
    const policy = (await packages(w).make('released')).policy
    const anonymous = await w.rest.get(`/policies/${policy.id}/workflow`)
    expect([anonymous.status, firstError(anonymous.body).data.rule]).toEqual([401, 'department-scope'])
    expect(JSON.stringify(anonymous.body)).not.toMatch(/submittedBy|signedBy|reviewer/)
    const bogus = await w.rest.call('GET', `/policies/${policy.id}/workflow`, { headers: { authorization: 'JWT abc.def.ghi' } })
    expect(bogus.status).toBe(401)
    expect((await w.rest.get(`/policies/${policy.id}/workflow`, await w.token('viewer'))).status).toBe(200)
  })

  test('an empty parameter is an absent one', async () => {
    await packages(w).make('released')
    const all = await w.rest.get('/public/policies')
    const empty = await w.rest.get('/public/policies?department=&year=&documentType=&page=')
    expect([empty.status, empty.body.totalDocs]).toEqual([200, all.body.totalDocs])
    expect((await w.rest.get('/public/feeds/policies.rss?department=&form=')).status).toBe(200)
    expect((await w.rest.get('/public/search?q=%E6%94%BF%E7%AD%96&page=&limit=&type=')).status).toBe(200)
  })

  test('cross-department views refuse a department parameter that is no id', async () => {
    const evaluator = await w.token('evaluator')
    for (const path of ['/catalog/status?department=-58800', '/compliance/pending?department=-58800']) {
      expect([path, (await w.rest.get(path, evaluator)).status]).toEqual([path, 400])
    }
    expect((await w.rest.get(`/catalog/status?department=${w.a.id}`, evaluator)).status).toBe(200)
  })

  test('ids that are no ids are 404; an unknown feed names the feeds', async () => {
    for (const path of ['/public/videos/Infinity', '/public/interpretations/1e3', '/public/policies/-1', '/public/policies/NaN']) {
      expect([path, (await w.rest.get(path)).status]).toEqual([path, 404])
    }
    const feed = await w.rest.call('GET', '/public/feeds/policies.xml', { headers: { 'accept-language': 'en' } })
    expect([feed.status, firstError(feed.body).message]).toEqual([404, expect.stringContaining('policies.rss')])
  })
})

describe('GraphQL reveals nothing REST hides', () => {
  test('a null condition is an absent one (GraphQL spells “not given” as null): the same answer as no condition, never a 500', async () => {
    const released = (await packages(w).make('released')).policy
    const token = await w.token('admin')
    const count = async (where: string) => {
      const res = await w.rest.call('POST', '/graphql', { body: { query: `{ Policies${where} { totalDocs } }` }, token })
      expect([where, res.body.errors]).toEqual([where, undefined])
      return res.body.data.Policies.totalDocs as number
    }
    const all = await count('')
    expect(all).toBeGreaterThan(0)
    for (const where of [
      '{ id: null }',
      '{ title: null, id: null }',
      '{ createdAt: { like: null, exists: null, greater_than: null } }',
      '{ OR: [{ id: null }] }',
      '{ AND: [null, { id: null }] }',
      '{ id: {} }',
    ]) {
      expect([where, await count(`(where: ${where}, page: -273, limit: null)`)]).toEqual([where, all])
    }
    // equals: null keeps its meaning (“is empty”).
    expect(await count('(where: { title: { equals: null } })')).toBe(0)
    expect(await count(`(where: { id: { equals: ${JSON.stringify(released.id)} }, title: null })`)).toBe(1)
  })
  test('drafts, other departments and 不予公开 stay hidden in GraphQL lists, drafts included, for every caller', async () => {
    const released = (await packages(w).make('released')).policy
    const draft = (await w.rest.post('/policies', policyData(w.a), await w.token('drafter'))).body.doc
    const withheld = (await packages(w).make('released')).policy
    await w.payload.db.updateOne({ collection: 'policies', id: withheld.id, data: { disclosure: 'not-disclosed' } })
    const ids = (docs: { id: unknown }[]) => docs.map((d) => String(d.id)).sort()
    for (const caller of [undefined, 'drafter.b', 'viewer'] as const) {
      const token = caller === undefined ? undefined : await w.token(caller.replace('.b', '') as Role, caller.endsWith('.b'))
      const rest = await w.rest.get('/policies?limit=1000&draft=true', token)
      for (const draftArg of ['', '(draft: true, limit: 1000)']) {
        const gql = await w.rest.call('POST', '/graphql', {
          body: { query: `{ Policies${draftArg || '(limit: 1000)'} { docs { id title disclosure stage } } }` },
          ...(token ? { token } : {}),
        })
        expect(gql.body.errors).toBeUndefined()
        expect([caller, draftArg, ids(gql.body.data.Policies.docs)]).toEqual([caller, draftArg, ids(rest.body.docs)])
      }
      const single = await w.rest.call('POST', '/graphql', {
        body: { query: `{ Policy(id: ${JSON.stringify(draft.id)}, draft: true) { id title } }` },
        ...(token ? { token } : {}),
      })
      const restSingle = await w.rest.get(`/policies/${draft.id}?draft=true`, token)
      expect([caller, Boolean(single.body.data?.Policy), restSingle.status === 200]).toEqual([
        caller,
        restSingle.status === 200,
        restSingle.status === 200,
      ])
    }
    const anonymous = await w.rest.post('/graphql', { query: '{ Policies(limit: 1000) { docs { id } } }' })
    const visible = ids(anonymous.body.data.Policies.docs)
    expect(visible).toContain(String(released.id))
    expect(visible).not.toContain(String(draft.id))
    expect(visible).not.toContain(String(withheld.id))
  })
})
