import { firstError, interpretationData, policyData, startWorld, type World } from './helpers/world'

let w: World
let policyA: any
let interpretationA: any

beforeAll(async () => {
  w = await startWorld()
  const token = await w.token('drafter')
  policyA = (await w.rest.post('/policies', policyData(w.a, { title: 'A 部门草稿' }), token)).body.doc
  interpretationA = (await w.rest.post('/interpretations', interpretationData(policyA.id), token)).body.doc
})
afterAll(async () => {
  await w?.payload.destroy()
})

/** Marks a package released the way the workflow will: one field on the policy, read by every member's access. */
async function markReleased(id: number | string, disclosure = 'proactive') {
  await w.payload.db.updateOne({ collection: 'policies', id, data: { stage: 'released', disclosure } })
}

describe('department isolation', () => {
  test('a drafter of B can neither list nor open A’s drafts', async () => {
    const token = await w.token('drafter', true)
    const list = await w.rest.get('/policies?limit=100', token)
    expect(list.status).toBe(200)
    expect(list.body.docs.map((d: any) => d.id)).not.toContain(policyA.id)
    expect((await w.rest.get(`/policies/${policyA.id}`, token)).status).toBe(404)
    expect((await w.rest.get(`/interpretations/${interpretationA.id}`, token)).status).toBe(404)
    const interpretations = await w.rest.get('/interpretations?limit=100', token)
    expect(interpretations.body.docs.map((d: any) => d.id)).not.toContain(interpretationA.id)
  })

  test('a drafter of B cannot write to A', async () => {
    const token = await w.token('drafter', true)
    const patch = await w.rest.patch(`/policies/${policyA.id}`, { title: '被改' }, token)
    expect(patch.status).toBe(403)
    const patchInterp = await w.rest.patch(`/interpretations/${interpretationA.id}`, { title: '被改' }, token)
    expect(patchInterp.status).toBe(403)
    const del = await w.rest.delete(`/interpretations/${interpretationA.id}`, token)
    expect(del.status).toBe(403)
    expect(await w.payload.count({ collection: 'interpretations', where: { id: { equals: interpretationA.id } } })).toEqual({
      totalDocs: 1,
    })
    const create = await w.rest.post('/policies', policyData(w.a), token)
    expect(create.status).toBe(403)
    expect(firstError(create.body).data.rule).toBe('department-scope')
    const stored = await w.payload.findByID({ collection: 'policies', id: policyA.id })
    expect(stored.title).toBe('A 部门草稿')
  })

  test('a drafter cannot move a document to another department', async () => {
    const token = await w.token('drafter')
    const res = await w.rest.patch(`/policies/${policyA.id}`, { department: w.b.id }, token)
    expect(res.status).toBe(200)
    expect(String(res.body.doc.department.id ?? res.body.doc.department)).toBe(String(w.a.id))
  })

  test('reviewers, signers, editors and viewers read their department but do not draft', async () => {
    for (const role of ['reviewer', 'signer', 'editor', 'viewer'] as const) {
      const token = await w.token(role)
      expect((await w.rest.get(`/policies/${policyA.id}`, token)).status).toBe(200)
      expect((await w.rest.post('/policies', policyData(w.a), token)).status).toBe(403)
      expect((await w.rest.patch(`/policies/${policyA.id}`, { title: 'x' }, token)).status).toBe(403)
      expect((await w.rest.get(`/policies/${policyA.id}`, await w.token(role, true))).status).toBe(404)
    }
  })

  test('users see their own account only, and cannot grant themselves roles', async () => {
    const token = await w.token('drafter')
    const list = await w.rest.get('/users?limit=100', token)
    expect(list.body.docs.map((u: any) => u.email)).toEqual(['drafter@demo.gov.cn'])
    const me = w.org.users['drafter@demo.gov.cn']
    const res = await w.rest.patch(`/users/${me.id}`, { roles: ['admin'], department: w.b.id }, token)
    expect(res.status).toBe(200)
    expect(res.body.doc.roles).toEqual(['drafter'])
    expect((await w.rest.post('/users', { email: 'x@demo.gov.cn', password: 'abcdefgh', roles: ['admin'] }, token)).status).toBe(403)
    expect((await w.rest.post('/departments', { name: '新部门', creditCode: w.a.creditCode }, token)).status).toBe(403)
  })

  test('admins act everywhere', async () => {
    const token = await w.token('admin')
    expect((await w.rest.get(`/policies/${policyA.id}`, token)).status).toBe(200)
    expect((await w.rest.post('/policies', policyData(w.b), token)).status).toBe(201)
  })
})

describe('anonymous readers', () => {
  // A hidden document reads as 404: its existence is not disclosed either.
  test('cannot read drafts through REST', async () => {
    expect((await w.rest.get(`/policies/${policyA.id}`)).status).toBe(404)
    const list = await w.rest.get('/policies')
    expect(list.status).toBe(200)
    expect(list.body.docs).toEqual([])
    expect((await w.rest.get('/interpretations')).body.docs).toEqual([])
    expect((await w.rest.get('/users')).status).toBe(403)
  })

  test('cannot write anything', async () => {
    expect((await w.rest.post('/policies', policyData(w.a))).status).toBe(403)
    expect((await w.rest.post('/interpretations', interpretationData(policyA.id))).status).toBe(403)
    expect((await w.rest.post('/consultations', { title: 'x', opensAt: '2020-01-01', closesAt: '2020-02-01' })).status).toBe(403)
  })

  test('see a released, proactively disclosed package and all its interpretations at once', async () => {
    const token = await w.token('drafter')
    const policy = (await w.rest.post('/policies', policyData(w.a, { title: '已发布的政策' }), token)).body.doc
    const interpretation = (await w.rest.post('/interpretations', interpretationData(policy.id, { title: '已发布的解读' }), token)).body.doc
    expect((await w.rest.get(`/interpretations/${interpretation.id}`)).status).toBe(404)

    await markReleased(policy.id)
    const read = await w.rest.get(`/policies/${policy.id}`)
    expect(read.status).toBe(200)
    expect(read.body.interpretations.docs.map((d: any) => d.id)).toEqual([interpretation.id])
    expect((await w.rest.get(`/interpretations/${interpretation.id}`)).status).toBe(200)
    // Still invisible: another department's draft.
    expect((await w.rest.get(`/policies/${policyA.id}`)).status).toBe(404)
  })

  test('never see a released package that is not 主动公开, nor its interpretations', async () => {
    const token = await w.token('drafter')
    const policy = (
      await w.rest.post(
        '/policies',
        policyData(w.a, { disclosure: 'on-request', disclosureReason: '涉及个人信息', disclosureBasis: '《政府信息公开条例》第十五条' }),
        token,
      )
    ).body.doc
    const interpretation = (await w.rest.post('/interpretations', interpretationData(policy.id), token)).body.doc
    await markReleased(policy.id, 'on-request')
    expect((await w.rest.get(`/policies/${policy.id}`)).status).toBe(404)
    expect((await w.rest.get(`/interpretations/${interpretation.id}`)).status).toBe(404)
    // Its own department still reads it.
    expect((await w.rest.get(`/policies/${policy.id}`, token)).status).toBe(200)
  })

  test('see a consultation notice only once announced and open', async () => {
    const token = await w.token('drafter')
    const draft = (await w.rest.post('/consultations', { title: '未发布公告', opensAt: '2020-01-01', closesAt: '2020-02-01' }, token)).body
      .doc
    const future = (
      await w.rest.post(
        '/consultations',
        {
          title: '预告',
          announced: true,
          opensAt: new Date(Date.now() + 86400_000).toISOString(),
          closesAt: new Date(Date.now() + 30 * 86400_000).toISOString(),
        },
        token,
      )
    ).body.doc
    const open = (
      await w.rest.post('/consultations', { title: '已发布公告', announced: true, opensAt: '2020-01-01', closesAt: '2020-02-01' }, token)
    ).body.doc
    const ids = (await w.rest.get('/consultations?limit=100')).body.docs.map((d: any) => d.id)
    expect(ids).toContain(open.id)
    expect(ids).not.toContain(draft.id)
    expect(ids).not.toContain(future.id)
  })
})
