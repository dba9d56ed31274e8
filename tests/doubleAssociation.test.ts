import { lexicalFromText } from '../src/richText/plainText'
import { packages } from './fixtures/packages'
import { fieldErrors, firstError, interpretationData, policyData, startWorld, type World } from './helpers/world'

let w: World

beforeAll(async () => {
  w = await startWorld()
})
afterAll(async () => {
  await w?.payload.destroy()
})

async function createPolicy(overrides: Record<string, any> = {}, second = false) {
  const dept = second ? w.b : w.a
  const res = await w.rest.post('/policies', policyData(dept, overrides), await w.token('drafter', second))
  expect(res.status).toBe(201)
  return res.body.doc
}

async function createConsultation(overrides: Record<string, any> = {}, second = false) {
  const res = await w.rest.post(
    '/consultations',
    {
      title: '关于公开征求《测试办法（征求意见稿）》意见的公告',
      opensAt: '2020-01-02T00:00:00.000Z',
      closesAt: '2020-02-01T00:00:00.000Z',
      channels: [{ kind: 'email', value: 'zqyj@demo.gov.cn' }],
      ...overrides,
    },
    await w.token('drafter', second),
  )
  return res
}

describe('links both ways', () => {
  test('a policy lists its interpretations and an interpretation reaches its policy', async () => {
    const policy = await createPolicy()
    const token = await w.token('drafter')
    const one = await w.rest.post('/interpretations', interpretationData(policy.id, { title: '一图读懂' }), token)
    const two = await w.rest.post('/interpretations', interpretationData(policy.id, { title: '专家解读', form: 'expert' }), token)
    expect([one.status, two.status]).toEqual([201, 201])

    const fromPolicy = await w.rest.get(`/policies/${policy.id}?depth=1`, token)
    const joined = fromPolicy.body.interpretations.docs.map((d: any) => d.title).sort()
    expect(joined).toEqual(['一图读懂', '专家解读'])

    const fromInterpretation = await w.rest.get(`/interpretations/${one.body.doc.id}?depth=1`, token)
    expect(fromInterpretation.body.policy.id).toEqual(policy.id)
    expect(fromInterpretation.body.policy.title).toBe(policy.title)
    // 谁起草、谁解读: the department comes from the policy.
    expect(String(fromInterpretation.body.department.id)).toBe(String(w.a.id))
  })

  test('a consultation shows the policies it is linked to, and the policy its consultation', async () => {
    const consultation = await createConsultation()
    expect(consultation.status).toBe(201)
    const policy = await createPolicy({ documentType: 'normative', consultation: consultation.body.doc.id })
    const token = await w.token('drafter')
    const fromConsultation = await w.rest.get(`/consultations/${consultation.body.doc.id}`, token)
    expect(fromConsultation.body.policies.docs.map((d: any) => d.id)).toEqual([policy.id])
    const fromPolicy = await w.rest.get(`/policies/${policy.id}?depth=1`, token)
    expect(fromPolicy.body.consultation.title).toBe(consultation.body.doc.title)
  })

  test('the GraphQL API serves the same links', async () => {
    const policy = await createPolicy()
    const token = await w.token('drafter')
    await w.rest.post('/interpretations', interpretationData(policy.id, { title: 'GraphQL 解读' }), token)
    const res = await w.rest.call('POST', '/graphql', {
      token,
      body: { query: `{ Policy(id: ${JSON.stringify(policy.id)}) { title interpretations { docs { title } } } }` },
    })
    expect(res.status).toBe(200)
    expect(res.body.data.Policy.interpretations.docs).toEqual([{ title: 'GraphQL 解读' }])
  })
})

describe('refusals', () => {
  test('an interpretation cannot point at a missing policy', async () => {
    const before = await w.payload.count({ collection: 'interpretations' })
    const missing = w.payload.db.defaultIDType === 'number' ? 999999 : '64b7f0000000000000000000'
    const res = await w.rest.post('/interpretations', interpretationData(missing), await w.token('drafter'))
    expect(res.status).toBe(400)
    expect(res.body.errors[0].data?.rule ?? JSON.stringify(res.body)).toMatch(/interpretation-policy-missing|policy/)
    expect(await w.payload.count({ collection: 'interpretations' })).toEqual(before)
  })

  test('an interpretation needs a policy at all', async () => {
    const res = await w.rest.post('/interpretations', { title: '无主解读', form: 'text' }, await w.token('drafter'))
    expect(res.status).toBe(400)
  })

  test('谁起草、谁解读: an interpretation in another department than its policy is refused', async () => {
    const policy = await createPolicy()
    const res = await w.rest.post('/interpretations', interpretationData(policy.id, { department: w.b.id }), await w.token('admin'))
    expect(res.status).toBe(400)
    const error = firstError(res.body)
    expect(error.data.rule).toBe('interpretation-department')
    expect(error.message).toContain('谁起草、谁解读')
    expect(error.message).toContain(policy.title)
    expect(error.data.document).toMatchObject({ collection: 'policies', id: policy.id })
  })

  test('a drafter of B cannot interpret A’s policy', async () => {
    const policy = await createPolicy()
    const res = await w.rest.post('/interpretations', interpretationData(policy.id), await w.token('drafter', true))
    expect(res.status).toBe(403)
    expect(firstError(res.body).data.rule).toBe('department-scope')
  })

  test('a plain-language card needs its four fields', async () => {
    const policy = await createPolicy()
    const res = await w.rest.post(
      '/interpretations',
      interpretationData(policy.id, { form: 'card', card: { beneficiaries: '农户' } }),
      await w.token('drafter'),
    )
    expect(res.status).toBe(400)
    const errors = fieldErrors(res.body)
    expect(Object.keys(errors).sort()).toEqual(['card.basis', 'card.process', 'card.standard'])
    expect(errors['card.basis']).toContain('明白卡')
  })

  test('a consultation must close after it opens', async () => {
    const res = await createConsultation({ opensAt: '2020-02-01T00:00:00.000Z', closesAt: '2020-01-01T00:00:00.000Z' })
    expect(res.status).toBe(400)
    expect(fieldErrors(res.body).closesAt).toContain('截止时间必须晚于开始时间')
  })

  test('the adoption summary waits for the comment period to close', async () => {
    const future = new Date(Date.now() + 7 * 86400_000).toISOString()
    const res = await createConsultation({
      opensAt: new Date().toISOString(),
      closesAt: future,
      feedback: { receivedCount: 3, adoptedCount: 1, summary: '采纳 1 条' },
    })
    expect(res.status).toBe(400)
    expect(firstError(res.body).data.rule).toBe('consultation-summary-too-early')

    const counts = await createConsultation({ feedback: { receivedCount: 3, adoptedCount: 5 } })
    expect(counts.status).toBe(400)
    expect(firstError(counts.body).data.rule).toBe('consultation-feedback-counts')

    const ok = await createConsultation({ feedback: { receivedCount: 12, adoptedCount: 5, summary: '采纳 5 条，未采纳 7 条并说明理由' } })
    expect(ok.status).toBe(201)
  })

  test('a policy cannot link another department’s consultation', async () => {
    const consultation = await createConsultation({}, true)
    expect(consultation.status).toBe(201)
    const res = await w.rest.post('/policies', policyData(w.a, { consultation: consultation.body.doc.id }), await w.token('admin'))
    expect(res.status).toBe(400)
    expect(firstError(res.body).data.rule).toBe('consultation-department')
  })

  test('a policy with interpretations cannot be deleted out from under them', async () => {
    const policy = await createPolicy()
    await w.rest.post('/interpretations', interpretationData(policy.id), await w.token('drafter'))
    const res = await w.rest.delete(`/policies/${policy.id}`, await w.token('drafter'))
    expect(res.status).toBe(409)
    expect(await w.payload.count({ collection: 'policies', where: { id: { equals: policy.id } } })).toEqual({ totalDocs: 1 })
  })
})

describe('leaving drafting (提交审核)', () => {
  test('a policy without an interpretation cannot be submitted', async () => {
    const policy = await createPolicy()
    const token = await w.token('drafter')
    const res = await w.rest.post(`/policies/${policy.id}/workflow/submit`, {}, token)
    expect(res.status).toBe(422)
    const error = firstError(res.body)
    expect(error.data.rule).toBe('interpretation-required')
    expect(error.message).toContain('双关联')
    expect(error.message).toContain(policy.title)
    expect(error.data.hint).toContain('解读材料')
    const stored = await w.payload.findByID({ collection: 'policies', id: policy.id })
    expect(stored.stage).toBe('drafting')

    const state = await w.rest.get(`/policies/${policy.id}/workflow`, token)
    expect(state.body.stage).toBe('drafting')
    expect(state.body.problems.map((p: any) => p.rule)).toEqual(['interpretation-required'])
  })

  test('an empty interpretation does not count', async () => {
    const policy = await createPolicy()
    const token = await w.token('drafter')
    await w.rest.post('/interpretations', interpretationData(policy.id, { body: lexicalFromText('') }), token)
    const res = await w.rest.post(`/policies/${policy.id}/workflow/submit`, {}, token)
    expect(res.status).toBe(422)
    expect(firstError(res.body).message).toContain('内容为空')
  })

  test('a normative document needs its consultation notice', async () => {
    const policy = await createPolicy({ documentType: 'normative' })
    const token = await w.token('drafter')
    await w.rest.post('/interpretations', interpretationData(policy.id), token)
    const res = await w.rest.post(`/policies/${policy.id}/workflow/submit`, {}, token)
    expect(res.status).toBe(422)
    expect(firstError(res.body).data.rule).toBe('consultation-required')
    expect(firstError(res.body).message).toContain('征求意见公告')

    const consultation = await createConsultation()
    await w.rest.patch(`/policies/${policy.id}`, { consultation: consultation.body.doc.id }, token)
    const ok = await w.rest.post(`/policies/${policy.id}/workflow/submit`, {}, token)
    expect(ok.status).toBe(200)
    expect(ok.body.doc.stage).toBe('submitted')
  })

  test('a major decision needs a consultation unless an exemption is recorded', async () => {
    const policy = await createPolicy({ majorDecision: true })
    const token = await w.token('drafter')
    await w.rest.post('/interpretations', interpretationData(policy.id), token)
    expect((await w.rest.post(`/policies/${policy.id}/workflow/submit`, {}, token)).status).toBe(422)
    const exempt = await w.rest.patch(
      `/policies/${policy.id}`,
      { exemption: { consultationExempt: true, consultationExemptReason: '依法不予公开征求意见（涉及国家安全）' } },
      token,
    )
    expect(exempt.status).toBe(200)
    expect((await w.rest.post(`/policies/${policy.id}/workflow/submit`, {}, token)).status).toBe(200)
  })

  test('an exempt 人事任免 leaves drafting without interpretation', async () => {
    const policy = await createPolicy({ documentType: 'appointment' })
    const res = await w.rest.post(`/policies/${policy.id}/workflow/submit`, {}, await w.token('drafter'))
    expect(res.status).toBe(200)
    expect(res.body.doc.stage).toBe('submitted')
  })

  test('the stage changes only through the workflow, on every path, the Local API included', async () => {
    const policy = await createPolicy()
    await expect(w.payload.update({ collection: 'policies', id: policy.id, data: { stage: 'submitted' } })).rejects.toMatchObject({
      status: 409,
      data: { rule: 'stage-transition' },
    })
    expect((await w.payload.findByID({ collection: 'policies', id: policy.id })).stage).toBe('drafting')
  })

  test('only a drafter of the drafting department submits', async () => {
    const policy = await createPolicy({ documentType: 'appointment' })
    const reviewer = await w.rest.post(`/policies/${policy.id}/workflow/submit`, {}, await w.token('reviewer'))
    expect(reviewer.status).toBe(403)
    const other = await w.rest.post(`/policies/${policy.id}/workflow/submit`, {}, await w.token('drafter', true))
    expect(other.status).toBe(404)
    const anonymous = await w.rest.post(`/policies/${policy.id}/workflow/submit`, {})
    expect(anonymous.status).toBe(401)
  })

  test('a submitted package cannot be edited by its drafter', async () => {
    const { policy } = await packages(w).make('submitted', { overrides: { documentType: 'appointment' }, members: [] })
    const res = await w.rest.patch(`/policies/${policy.id}`, { title: '改标题' }, await w.token('drafter'))
    expect(res.status).toBe(409)
    expect(firstError(res.body).data.rule).toBe('package-locked')
    const stored = await w.payload.findByID({ collection: 'policies', id: policy.id })
    expect(stored.title).toBe(policy.title)
  })
})
