import { getPayload } from 'payload'

import { reconcileStages } from '../src/audit/reconcileStages'
import { releaseDeadline } from '../src/rules/releaseClock'
import { packages } from './fixtures/packages'
import { testConfig } from './helpers/payload'
import { firstError, interpretationData, startWorld, type World } from './helpers/world'

let w: World

beforeAll(async () => {
  w = await startWorld()
})
afterAll(async () => {
  await w?.payload.destroy()
})

const act = async (id: number | string, action: string, role: Parameters<World['token']>[0], body: object = {}, second = false) =>
  w.rest.post(`/policies/${id}/workflow/${action}`, body, await w.token(role, second))

/** A package in department A with one interpretation, in drafting (tests/fixtures/packages.ts). */
async function draftPackage(overrides: Record<string, any> = {}) {
  const { policy, members } = await packages(w).make('drafted', { overrides })
  const [interpretation] = members
  expect(policy.id).toBeDefined()
  expect(interpretation.id).toBeDefined()
  return { policy, interpretation }
}

async function signedPackage(overrides: Record<string, any> = {}) {
  const pkg = await draftPackage(overrides)
  await packages(w).walk(pkg.policy.id, 'signed', { onStep: ({ action, status }) => expect([action, status]).toEqual([action, 200]) })
  return pkg
}

const publicStatus = async (collection: string, id: number | string) => (await w.rest.get(`/${collection}/${id}`)).status

describe('the whole lifecycle', () => {
  test('drafted, reviewed at two levels, signed and released together; withdrawn together', async () => {
    const { policy, interpretation } = await draftPackage()
    const steps: [string, Parameters<World['token']>[0], string][] = [
      ['submit', 'drafter', 'submitted'],
      ['approve', 'reviewer', 'confidentiality-passed'],
      ['approve', 'reviewer', 'content-passed'],
      ['sign', 'signer', 'signed'],
    ]
    for (const [action, role, stage] of steps) {
      const res = await act(policy.id, action, role)
      expect(res.status).toBe(200)
      expect(res.body.stage).toBe(stage)
      expect(await publicStatus('policies', policy.id)).toBe(404)
      expect(await publicStatus('interpretations', interpretation.id)).toBe(404)
    }
    const signed = await w.payload.findByID({ collection: 'policies', id: policy.id, depth: 0 })
    expect(String(signed.workflow?.signedBy)).toBe(String(w.org.users['signer@demo.gov.cn'].id))
    expect(signed.workflow?.releaseDeadline).toBe(releaseDeadline(new Date(signed.workflow!.signedAt!))!.toISOString())

    const released = await act(policy.id, 'release', 'signer')
    expect(released.status).toBe(200)
    expect(released.body.stage).toBe('released')
    expect(await publicStatus('policies', policy.id)).toBe(200)
    expect(await publicStatus('interpretations', interpretation.id)).toBe(200)

    const withdrawn = await act(policy.id, 'withdraw', 'signer', { reason: '政策调整' })
    expect(withdrawn.status).toBe(200)
    expect(await publicStatus('policies', policy.id)).toBe(404)
    expect(await publicStatus('interpretations', interpretation.id)).toBe(404)

    const audit = await w.payload.find({
      collection: 'audit-log',
      where: { policy: { equals: policy.id } },
      sort: 'seq',
      pagination: false,
    })
    const actions = audit.docs.map((d: any) => d.action)
    expect(actions).toEqual(['policy-created', 'member-created', 'submit', 'approve', 'approve', 'sign', 'release', 'withdraw'])
    const release = audit.docs.find((d: any) => d.action === 'release') as any
    expect(release.fromStage).toBe('signed')
    expect(release.toStage).toBe('released')
    expect(release.actorEmail).toBe('signer@demo.gov.cn')
    expect(release.members.map((m: any) => String(m.id))).toEqual([String(interpretation.id)])
  })

  test('GET /workflow lists the caller’s next steps', async () => {
    const { policy } = await draftPackage()
    const asDrafter = await w.rest.get(`/policies/${policy.id}/workflow`, await w.token('drafter'))
    expect(asDrafter.body.actions.filter((a: any) => a.allowed).map((a: any) => a.action)).toEqual(['submit'])
    const asReviewer = await w.rest.get(`/policies/${policy.id}/workflow`, await w.token('reviewer'))
    expect(asReviewer.body.actions.filter((a: any) => a.allowed)).toEqual([])
    expect(asReviewer.body.actions.find((a: any) => a.action === 'submit').blockedBy.rule).toBe('department-scope')
  })

  test('a package not disclosed proactively is released as a record, never public', async () => {
    const { policy, interpretation } = await signedPackage({
      disclosure: 'on-request',
      disclosureReason: '涉及个人信息',
      disclosureBasis: '《政府信息公开条例》第十五条',
    })
    const res = await act(policy.id, 'release', 'signer')
    expect(res.body.stage).toBe('released')
    expect(res.body.releaseDeadline).toBeNull()
    expect(await publicStatus('policies', policy.id)).toBe(404)
    expect(await publicStatus('interpretations', interpretation.id)).toBe(404)
  })
})

describe('refusals', () => {
  test('steps out of order', async () => {
    const { policy } = await draftPackage()
    const res = await act(policy.id, 'release', 'signer')
    expect(res.status).toBe(409)
    expect(firstError(res.body).data.rule).toBe('stage-transition')
    expect(firstError(res.body).message).toContain('起草中')
    expect((await act(policy.id, 'sign', 'signer')).status).toBe(409)
    expect((await act(policy.id, 'approve', 'reviewer')).status).toBe(409)
  })

  test('the wrong role, the wrong department, anonymous', async () => {
    const { policy } = await draftPackage()
    expect((await act(policy.id, 'submit', 'drafter')).status).toBe(200)
    const wrongRole = await act(policy.id, 'approve', 'signer')
    expect(wrongRole.status).toBe(403)
    expect(firstError(wrongRole.body).message).toContain('审核人')
    expect((await act(policy.id, 'approve', 'drafter')).status).toBe(403)
    expect((await act(policy.id, 'approve', 'reviewer', {}, true)).status).toBe(404)
    const anonymous = await w.rest.post(`/policies/${policy.id}/workflow/approve`, {})
    expect(anonymous.status).toBe(401)
    expect((await w.payload.findByID({ collection: 'policies', id: policy.id })).stage).toBe('submitted')
  })

  test('two-person rule: whoever submitted cannot approve or sign the same package', async () => {
    const both = await w.rest.post(
      '/users',
      { email: 'both@demo.gov.cn', password: 'demo1234', roles: ['drafter', 'reviewer', 'signer'], department: w.a.id },
      await w.token('admin'),
    )
    expect(both.status).toBe(201)
    const token = await w.rest.login('both@demo.gov.cn')
    const { policy } = await draftPackage()
    expect((await w.rest.post(`/policies/${policy.id}/workflow/submit`, {}, token)).status).toBe(200)
    const self = await w.rest.post(`/policies/${policy.id}/workflow/approve`, {}, token)
    expect(self.status).toBe(403)
    expect(firstError(self.body).data.rule).toBe('two-person-rule')
    expect(firstError(self.body).message).toContain('双人复核')
    expect((await act(policy.id, 'approve', 'reviewer')).status).toBe(200)
    expect((await act(policy.id, 'approve', 'reviewer')).status).toBe(200)
    const sign = await w.rest.post(`/policies/${policy.id}/workflow/sign`, {}, token)
    expect(firstError(sign.body).data.rule).toBe('two-person-rule')
    // Admins are bound too.
    const admin = await draftPackage()
    expect((await act(admin.policy.id, 'submit', 'admin')).status).toBe(200)
    expect(firstError((await act(admin.policy.id, 'approve', 'admin')).body).data.rule).toBe('two-person-rule')
    expect((await act(admin.policy.id, 'approve', 'admin', {}, true)).status).toBe(200)
  })

  test('members and content are frozen after submission; returning with a reason reopens them', async () => {
    const { policy, interpretation } = await draftPackage()
    const token = await w.token('drafter')
    expect((await act(policy.id, 'submit', 'drafter')).status).toBe(200)
    expect((await act(policy.id, 'approve', 'reviewer')).status).toBe(200)

    const edit = await w.rest.patch(`/interpretations/${interpretation.id}`, { title: '偷改' }, token)
    expect(edit.status).toBe(409)
    expect(firstError(edit.body).data.rule).toBe('package-locked')
    expect(firstError(edit.body).message).toContain('同步审签')
    const add = await w.rest.post('/interpretations', interpretationData(policy.id, { title: '后补' }), token)
    expect(add.status).toBe(409)
    const adminEdit = await w.rest.patch(`/policies/${policy.id}`, { title: '管理员改标题' }, await w.token('admin'))
    expect(adminEdit.status).toBe(409)
    const del = await w.rest.delete(`/interpretations/${interpretation.id}`, await w.token('admin'))
    expect(del.status).toBe(409)
    // Validity is not content: it may change at any time.
    expect((await w.rest.patch(`/policies/${policy.id}`, { validity: 'expired' }, await w.token('admin'))).status).toBe(200)

    const noReason = await act(policy.id, 'return', 'reviewer')
    expect(noReason.status).toBe(400)
    expect(firstError(noReason.body).data.rule).toBe('reason-required')
    const returned = await act(policy.id, 'return', 'reviewer', { reason: '解读材料未说明补贴标准' })
    expect(returned.status).toBe(200)
    expect(returned.body.stage).toBe('drafting')
    expect(returned.body.workflow.returnReason).toBe('解读材料未说明补贴标准')
    expect(returned.body.workflow.confidentialityBy).toBeNull()
    expect((await w.rest.patch(`/interpretations/${interpretation.id}`, { title: '补充了补贴标准' }, token)).status).toBe(200)
  })

  test('signing needs a valid document number', async () => {
    const pkg = await draftPackage({ documentNumber: undefined })
    for (const [action, role] of [
      ['submit', 'drafter'],
      ['approve', 'reviewer'],
      ['approve', 'reviewer'],
    ] as const) {
      expect((await act(pkg.policy.id, action, role)).status).toBe(200)
    }
    const missing = await act(pkg.policy.id, 'sign', 'signer')
    expect(missing.status).toBe(422)
    expect(firstError(missing.body).data.rule).toBe('document-number-required')
    const bad = await act(pkg.policy.id, 'sign', 'signer', { documentNumber: '黔财农[2021]5号' })
    expect(bad.status).toBe(400)
    const ok = await act(pkg.policy.id, 'sign', 'signer', { documentNumber: '黔财农〔2021〕501号' })
    expect(ok.status).toBe(200)
    expect(ok.body.doc.documentNumber).toBe('黔财农〔2021〕501号')
  })

  test('bad requests', async () => {
    const { policy } = await draftPackage()
    expect((await act(policy.id, 'publish', 'drafter')).status).toBe(404)
    expect((await act(policy.id, 'submit', 'drafter', { stage: 'released' })).status).toBe(400)
    const badJson = await w.rest.call('POST', `/policies/${policy.id}/workflow/submit`, {
      token: await w.token('drafter'),
      headers: { 'content-type': 'application/json' },
      rawBody: '{not json',
    })
    expect(badJson.status).toBe(400)
    expect(firstError(badJson.body).message).toContain('JSON')
    const badTime = await signedPackage()
    const res = await act(badTime.policy.id, 'release', 'signer', { releaseAt: 'tomorrow' })
    expect(res.status).toBe(400)
    expect(firstError(res.body).data.rule).toBe('release-time')
  })
})

describe('scheduled release (定时发布)', () => {
  test('a scheduled package stays private until its job fires, then everything appears at once', async () => {
    const { policy, interpretation } = await signedPackage()
    // Far enough ahead that a loaded machine cannot reach it before the early run below (1.5 s did, under load).
    const releaseAt = new Date(Date.now() + 8000).toISOString()
    const res = await act(policy.id, 'release', 'signer', { releaseAt })
    expect(res.body.stage).toBe('scheduled')
    expect(await publicStatus('policies', policy.id)).toBe(404)

    const early = await w.payload.jobs.run({ queue: 'releases' })
    expect(early.noJobsRemaining ?? true).toBe(true)
    expect((await w.payload.findByID({ collection: 'policies', id: policy.id })).stage).toBe('scheduled')

    await new Promise((r) => setTimeout(r, Math.max(0, Date.parse(releaseAt) - Date.now()) + 200))
    await w.payload.jobs.run({ queue: 'releases' })
    const after = await w.payload.findByID({ collection: 'policies', id: policy.id, depth: 0 })
    expect(after.stage).toBe('released')
    expect(after.workflow?.releasedBy ?? null).toBeNull()
    expect(await publicStatus('policies', policy.id)).toBe(200)
    expect(await publicStatus('interpretations', interpretation.id)).toBe(200)
    const entry = await w.payload.find({
      collection: 'audit-log',
      where: { and: [{ policy: { equals: policy.id } }, { action: { equals: 'release' } }] },
    })
    expect(entry.docs[0]).toMatchObject({ fromStage: 'scheduled', toStage: 'released' })
  })

  test('the scheduled job is stored: a freshly started instance releases the package', async () => {
    const { policy } = await signedPackage()
    await act(policy.id, 'release', 'signer', { releaseAt: new Date(Date.now() + 300).toISOString() })
    // A second Payload instance on the same database stands in for the restarted server.
    const restarted = await getPayload({ config: testConfig(), key: `restart-${Date.now()}` })
    try {
      await new Promise((r) => setTimeout(r, 500))
      await restarted.jobs.run({ queue: 'releases' })
      expect((await restarted.findByID({ collection: 'policies', id: policy.id })).stage).toBe('released')
    } finally {
      await restarted.destroy()
    }
  })

  test('a package returned before its time is not released by the stale job', async () => {
    const { policy } = await signedPackage()
    await act(policy.id, 'release', 'signer', { releaseAt: new Date(Date.now() + 500).toISOString() })
    expect((await act(policy.id, 'return', 'signer', { reason: '发现错别字' })).status).toBe(200)
    await new Promise((r) => setTimeout(r, 700))
    await w.payload.jobs.run({ queue: 'releases' })
    expect((await w.payload.findByID({ collection: 'policies', id: policy.id })).stage).toBe('drafting')
  })
})

describe('release clock (3 working days)', () => {
  test('counts on the official calendar, across National Day with its make-up working days', () => {
    // Signed on Tue 30 Sep 2025: 1–8 Oct are holidays, Sat 11 Oct is a make-up working day.
    expect(releaseDeadline(new Date('2025-09-30T15:00:00+08:00'))!.toISOString()).toBe('2025-10-11T15:59:59.999Z')
    // Signed on Fri 26 Sep 2025: Sun 28 Sep is a make-up working day.
    expect(releaseDeadline(new Date('2025-09-26T10:00:00+08:00'))!.toISOString()).toBe('2025-09-30T15:59:59.999Z')
    // An ordinary week: Thu → next Tue.
    expect(releaseDeadline(new Date('2026-11-26T10:00:00+08:00'))!.toISOString()).toBe('2026-12-01T15:59:59.999Z')
    // Late evening UTC is already the next day in China.
    expect(releaseDeadline(new Date('2025-09-30T20:00:00Z'))!.toISOString()).toBe('2025-10-11T15:59:59.999Z')
  })

  test('an unreleased package past its deadline is flagged overdue', async () => {
    const { policy } = await signedPackage()
    await w.payload.db.updateOne({
      collection: 'policies',
      where: { id: { equals: policy.id } },
      data: {
        workflow: {
          ...(await w.payload.findByID({ collection: 'policies', id: policy.id, depth: 0 })).workflow,
          releaseDeadline: '2025-10-11T15:59:59.999Z',
        },
      },
    })
    const state = await w.rest.get(`/policies/${policy.id}/workflow`, await w.token('admin'))
    expect(state.body.overdue).toBe(true)
    // The admin list shows it as a column.
    expect((await w.rest.get(`/policies/${policy.id}`, await w.token('admin'))).body.overdue).toBe(true)
    const overdue = await w.rest.get(
      `/policies?where[stage][in]=signed,scheduled&where[workflow.releaseDeadline][less_than]=${new Date().toISOString()}`,
      await w.token('admin'),
    )
    expect(overdue.body.docs.map((d: any) => d.id)).toContain(policy.id)
  })
})

describe('supplementary interpretations (补充解读)', () => {
  test('added after release, reviewed on their own, never touching the release record', async () => {
    const { policy } = await signedPackage()
    expect((await act(policy.id, 'release', 'signer')).status).toBe(200)
    const releasedAt = (await w.payload.findByID({ collection: 'policies', id: policy.id, depth: 0 })).workflow?.releasedAt
    const token = await w.token('drafter')
    const created = await w.rest.post(
      '/interpretations',
      interpretationData(policy.id, { title: '媒体解读（补充）', form: 'media' }),
      token,
    )
    expect(created.status).toBe(201)
    expect(created.body.doc.supplementary).toBe(true)
    const id = created.body.doc.id
    expect(await publicStatus('interpretations', id)).toBe(404)

    const supp = async (action: string, role: Parameters<World['token']>[0], body: object = {}) =>
      w.rest.post(`/interpretations/${id}/workflow/${action}`, body, await w.token(role))
    expect((await supp('release', 'signer')).status).toBe(409)
    expect((await supp('submit', 'drafter')).status).toBe(200)
    expect((await w.rest.patch(`/interpretations/${id}`, { title: '改' }, token)).status).toBe(409)
    expect((await supp('approve', 'drafter')).status).toBe(403)
    expect((await supp('approve', 'reviewer')).status).toBe(200)
    expect(await publicStatus('interpretations', id)).toBe(404)
    expect((await supp('release', 'signer')).status).toBe(200)
    expect(await publicStatus('interpretations', id)).toBe(200)

    const after = await w.payload.findByID({ collection: 'policies', id: policy.id, depth: 0 })
    expect(after.workflow?.releasedAt).toBe(releasedAt)
    const bundle = await w.rest.get(`/policies/${policy.id}`)
    expect(bundle.body.interpretations.docs.map((d: any) => d.id)).toContain(id)
  })

  test('an original member cannot use the supplement workflow', async () => {
    const { interpretation } = await draftPackage()
    const res = await w.rest.post(`/interpretations/${interpretation.id}/workflow/submit`, {}, await w.token('drafter'))
    expect(res.status).toBe(409)
  })
})

describe('the stored stage and the audit trail agree', () => {
  test('a stage changed behind the workflow’s back is reported', async () => {
    const { policy } = await signedPackage()
    expect(await reconcileStages(w.payload)).toEqual([])
    await w.payload.db.updateOne({ collection: 'policies', where: { id: { equals: policy.id } }, data: { stage: 'released' } })
    expect(await reconcileStages(w.payload)).toEqual([{ id: policy.id, title: policy.title, stored: 'released', logged: 'signed' }])
    await w.payload.db.updateOne({ collection: 'policies', where: { id: { equals: policy.id } }, data: { stage: 'signed' } })
  })
})
