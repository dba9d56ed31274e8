import { createLocalReq } from 'payload'

import { loadPublicReleases, assessStaleness, periodEnd, type PublicRelease } from '../src/catalog/staleness'
import { FEED_KIND_VALUES } from '../src/catalog/options'
import { pendingPackages } from '../src/compliance/pending'
import { packages } from './fixtures/packages'
import { fieldErrors, firstError, interpretationData, policyData, startWorld, type World } from './helpers/world'

let w: World

beforeAll(async () => {
  w = await startWorld()
})
afterAll(async () => {
  await w?.payload.destroy()
})

type Role = Parameters<World['token']>[0]

let counter = 0
/** A complete catalog item (all ten elements) of department `dept`; every call gets its own item number. */
const itemData = (dept: { id: number | string }, overrides: Record<string, unknown> = {}) => {
  counter += 1
  return {
    itemNumber: `TEST-${String(counter).padStart(3, '0')}`,
    title: '政策解读',
    content: '政策文件的文字解读、专家解读',
    websiteColumn: '政策解读',
    updatePeriod: 'monthly',
    updatePeriodText: '每月',
    responsibleUnit: dept.id,
    channels: ['website', 'new-media'],
    legalBasis: '《中华人民共和国政府信息公开条例》第六条',
    audience: 'public',
    method: 'proactive',
    feed: { kind: 'interpretations', responsibleUnitOnly: true },
    ...overrides,
  }
}

const createItem = async (data: Record<string, unknown>) => {
  const res = await w.rest.post('/catalog-items', data, await w.token('admin'))
  expect(res.status).toBe(201)
  return res.body.doc as { id: number | string; itemNumber: string }
}

const act = async (id: number | string, action: string, role: Role, body: object = {}, second = false) => {
  const res = await w.rest.post(`/policies/${id}/workflow/${action}`, body, await w.token(role, second))
  expect([action, res.status, res.body?.errors]).toEqual([action, 200, undefined])
  return res
}

/** A package of department A (or B) with one text interpretation, in drafting. */
async function draftPackage(second = false, overrides: Record<string, unknown> = {}) {
  const token = await w.token('drafter', second)
  const policy = (await w.rest.post('/policies', policyData(second ? w.b : w.a, overrides), token)).body.doc
  expect(policy?.id).toBeDefined()
  const interpretation = (await w.rest.post('/interpretations', interpretationData(policy.id, { title: `解读-${policy.id}` }), token)).body
    .doc
  expect(interpretation?.id).toBeDefined()
  return policy as { id: number | string; title: string }
}

const walk = (id: number | string, to: 'released' | 'signed', second = false) =>
  packages(w).walk(id, to, {
    dept: second ? 'b' : 'a',
    onStep: ({ action, body, status }) => expect([action, status, body?.errors]).toEqual([action, 200, undefined]),
  })

const statusOf = async (itemId: number | string, role: Role = 'admin', second = false) => {
  const res = await w.rest.get('/catalog/status', await w.token(role, second))
  expect(res.status).toBe(200)
  return (res.body.items as any[]).find((i) => String(i.id) === String(itemId))
}

describe('catalog items: the ten elements', () => {
  test('an item missing its required elements is refused with each element named', async () => {
    const res = await w.rest.post('/catalog-items', {}, await w.token('admin'))
    expect(res.status).toBe(400)
    const errors = fieldErrors(res.body)
    const expected: Record<string, string> = {
      itemNumber: '事项编号',
      title: '公开事项',
      content: '公开内容',
      websiteColumn: '网站栏目',
      updatePeriod: '更新时限/周期',
      responsibleUnit: '责任单位',
      channels: '公开渠道',
      legalBasis: '公开依据',
      audience: '公开对象',
      method: '公开方式',
    }
    for (const [path, label] of Object.entries(expected)) {
      expect([path, errors[path]]).toEqual([path, expect.stringContaining(`须填写“${label}`)])
      expect(errors[path]).toContain('【政务公开标准目录】')
    }
  })

  test('messages follow the request language', async () => {
    const res = await w.rest.call('POST', '/catalog-items', {
      body: itemData(w.a, { legalBasis: '  ', channels: [] }),
      headers: { 'accept-language': 'en' },
      token: await w.token('admin'),
    })
    expect(res.status).toBe(400)
    const errors = fieldErrors(res.body)
    expect(errors.legalBasis).toBe('[disclosure catalog] “Legal basis” is required: every catalog item states its ten elements.')
    expect(errors.channels).toContain('“Channels” is required')
    expect(Object.keys(errors).sort()).toEqual(['channels', 'legalBasis'])
  })

  test('a duplicate item number is refused, naming the item that has it', async () => {
    const first = await createItem(itemData(w.a, { title: '规范性文件' }))
    const res = await w.rest.post('/catalog-items', itemData(w.b, { itemNumber: first.itemNumber }), await w.token('admin'))
    expect(res.status).toBe(400)
    expect(fieldErrors(res.body).itemNumber).toBe(
      `【政务公开标准目录】事项编号“${first.itemNumber}”已被事项“规范性文件”使用，请使用其他编号。`,
    )
    // Updating the item itself with its own number is fine.
    const same = await w.rest.patch(
      `/catalog-items/${first.id}`,
      { itemNumber: first.itemNumber, title: '行政规范性文件' },
      await w.token('admin'),
    )
    expect(same.status).toBe(200)
  })

  test('"every N days" needs N; unknown options are refused', async () => {
    const token = await w.token('admin')
    const noDays = await w.rest.post('/catalog-items', itemData(w.a, { updatePeriod: 'days' }), token)
    expect(noDays.status).toBe(400)
    expect(fieldErrors(noDays.body).periodDays).toContain('1至3660')
    const badChannel = await w.rest.post('/catalog-items', itemData(w.a, { channels: ['carrier-pigeon'] }), token)
    expect(badChannel.status).toBe(400)
    expect(Object.keys(fieldErrors(badChannel.body))).toEqual(['channels'])
    const ok = await w.rest.post('/catalog-items', itemData(w.a, { updatePeriod: 'days', periodDays: 45 }), token)
    expect(ok.status).toBe(201)
  })
})

describe('catalog items: access', () => {
  test('only administrators write; the catalog is public, its staleness is not', async () => {
    const data = itemData(w.a)
    for (const role of ['drafter', 'reviewer', 'signer', 'viewer', 'evaluator'] as const) {
      const res = await w.rest.post('/catalog-items', data, await w.token(role))
      expect([role, res.status]).toEqual([role, 403])
    }
    expect((await w.rest.post('/catalog-items', data)).status).toBe(403)
    const item = await createItem(data)

    for (const role of ['drafter', 'evaluator'] as const) {
      const patch = await w.rest.patch(`/catalog-items/${item.id}`, { title: '改名' }, await w.token(role))
      expect([role, patch.status]).toEqual([role, 403])
      const del = await w.rest.delete(`/catalog-items/${item.id}`, await w.token(role))
      expect([role, del.status]).toEqual([role, 403])
    }

    const anonymous = await w.rest.get(`/catalog-items/${item.id}`)
    expect(anonymous.status).toBe(200)
    expect(anonymous.body.legalBasis).toBe(data.legalBasis)
    expect(anonymous.body).not.toHaveProperty('stale')
    expect(anonymous.body).not.toHaveProperty('lastUpdatedAt')

    for (const [role, second] of [
      ['evaluator', false],
      ['viewer', true],
    ] as const) {
      const res = await w.rest.get(`/catalog-items/${item.id}`, await w.token(role, second))
      expect(res.status).toBe(200)
      expect(typeof res.body.stale).toBe('boolean')
      expect(res.body).toHaveProperty('lastUpdatedAt')
    }

    const patched = await w.rest.patch(`/catalog-items/${item.id}`, { title: '政策解读（更新）' }, await w.token('admin'))
    expect(patched.status).toBe(200)
    expect((await w.rest.delete(`/catalog-items/${item.id}`, await w.token('admin'))).status).toBe(200)
  })

  test('GET /api/catalog/status: signed-in users, each department its own items; admins and evaluators all', async () => {
    const ofA = await createItem(itemData(w.a))
    const ofB = await createItem(itemData(w.b))
    expect((await w.rest.get('/catalog/status')).status).toBe(401)

    const ids = async (role: Role, second = false, query = '') => {
      const res = await w.rest.get(`/catalog/status${query}`, await w.token(role, second))
      expect([role, res.status]).toEqual([role, 200])
      return (res.body.items as { id: string }[]).map((i) => i.id)
    }
    expect(await ids('drafter')).toContain(String(ofA.id))
    expect(await ids('drafter')).not.toContain(String(ofB.id))
    expect(await ids('viewer', true)).toContain(String(ofB.id))
    expect(await ids('viewer', true)).not.toContain(String(ofA.id))
    for (const role of ['admin', 'evaluator'] as const) {
      expect(await ids(role)).toEqual(expect.arrayContaining([String(ofA.id), String(ofB.id)]))
      expect(await ids(role, false, `?department=${w.b.id}`)).not.toContain(String(ofA.id))
    }
    const other = await w.rest.get(`/catalog/status?department=${w.a.id}`, await w.token('drafter', true))
    expect(other.status).toBe(403)
    expect(firstError(other.body).data.rule).toBe('department-scope')
    expect((await w.rest.get('/catalog/status?department=a%20b', await w.token('admin'))).status).toBe(400)
  })
})

describe('sleeping columns (睡眠栏目)', () => {
  const release = (overrides: Partial<PublicRelease> = {}): PublicRelease => ({
    kind: 'interpretations',
    at: '2025-03-01T02:00:00.000Z',
    department: 'A',
    form: 'text',
    ...overrides,
  })
  const rule = { updatePeriod: 'monthly' as const, responsibleUnit: 'A', feed: { kind: 'interpretations' as const } }

  test('update periods are computable: 20 working days on the official calendar, calendar months, N days', () => {
    // 2025-01-02 + 20 working days: the Spring Festival holiday is skipped, the make-up Sunday (01-26) counts.
    expect(periodEnd(new Date('2025-01-02T03:00:00Z'), 'realtime')?.toISOString()).toBe('2025-02-06T15:59:59.999Z')
    expect(periodEnd(new Date('2025-01-31T03:00:00Z'), 'monthly')?.toISOString()).toBe('2025-02-28T15:59:59.999Z')
    expect(periodEnd(new Date('2025-01-15T03:00:00Z'), 'quarterly')?.toISOString()).toBe('2025-04-15T15:59:59.999Z')
    expect(periodEnd(new Date('2024-02-29T03:00:00Z'), 'yearly')?.toISOString()).toBe('2025-02-28T15:59:59.999Z')
    expect(periodEnd(new Date('2025-01-15T03:00:00Z'), 'days', 10)?.toISOString()).toBe('2025-01-25T15:59:59.999Z')
    expect(periodEnd(new Date('2025-01-15T03:00:00Z'), 'days', null)).toBeNull()
  })

  test('fresh within the period, stale after it or without any release; only matching content counts', () => {
    const releases = [release(), release({ at: '2025-01-10T02:00:00.000Z' })]
    const fresh = assessStaleness(rule, releases, new Date('2025-03-20T00:00:00Z'))
    expect(fresh).toEqual({ tracked: true, lastUpdatedAt: '2025-03-01T02:00:00.000Z', deadline: '2025-04-01T15:59:59.999Z', stale: false })
    expect(assessStaleness(rule, releases, new Date('2025-04-02T00:00:00Z')).stale).toBe(true)
    expect(assessStaleness(rule, [], new Date('2025-03-20T00:00:00Z'))).toEqual({
      tracked: true,
      lastUpdatedAt: null,
      deadline: null,
      stale: true,
    })
    // As of a date before the last release, that release did not exist yet.
    expect(assessStaleness(rule, releases, new Date('2025-02-20T00:00:00Z')).lastUpdatedAt).toBe('2025-01-10T02:00:00.000Z')

    const now = new Date('2025-03-20T00:00:00Z')
    expect(assessStaleness(rule, [release({ department: 'B' })], now).stale).toBe(true)
    expect(
      assessStaleness({ ...rule, feed: { ...rule.feed, responsibleUnitOnly: false } }, [release({ department: 'B' })], now).stale,
    ).toBe(false)
    expect(assessStaleness({ ...rule, feed: { kind: 'interpretations', forms: ['card'] } }, releases, now).stale).toBe(true)
    expect(assessStaleness(rule, [release({ kind: 'policies' })], now).stale).toBe(true)
    const policies = { ...rule, feed: { kind: 'policies' as const, documentTypes: ['normative'] } }
    expect(assessStaleness(policies, [release({ kind: 'policies', documentType: 'notice' })], now).stale).toBe(true)
    expect(assessStaleness(policies, [release({ kind: 'policies', documentType: 'normative' })], now).stale).toBe(false)
    // No feed declared: a column this system does not publish, not assessed.
    expect(assessStaleness({ updatePeriod: 'monthly' }, releases, now)).toEqual({
      tracked: false,
      lastUpdatedAt: null,
      deadline: null,
      stale: false,
    })
  })

  test('on real content: a release freshens the column, an old one or a withdrawn one does not', async () => {
    const item = await createItem(itemData(w.a, { feed: { kind: 'interpretations', forms: ['text'] } }))
    const cards = await createItem(itemData(w.a, { feed: { kind: 'interpretations', forms: ['card'] } }))
    const policies = await createItem(itemData(w.a, { updatePeriod: 'realtime', feed: { kind: 'policies', documentTypes: ['notice'] } }))

    // Drafts and packages not yet released are not updates.
    const policy = await draftPackage()
    await walk(policy.id, 'signed')
    expect(await statusOf(item.id)).toMatchObject({ tracked: true, stale: true, lastUpdatedAt: null })

    await act(policy.id, 'release', 'signer')
    const releasedAt = (await w.payload.findByID({ collection: 'policies', id: policy.id, depth: 0 })).workflow!.releasedAt!
    const fresh = await statusOf(item.id, 'drafter')
    expect(fresh).toMatchObject({ stale: false, lastUpdatedAt: new Date(releasedAt).toISOString() })
    expect(new Date(fresh.deadline).getTime()).toBeGreaterThan(Date.now())
    expect(await statusOf(policies.id)).toMatchObject({ stale: false, lastUpdatedAt: new Date(releasedAt).toISOString() })
    // Another form does not feed the 明白卡 column.
    expect(await statusOf(cards.id)).toMatchObject({ stale: true, lastUpdatedAt: null })
    // The item as read through the collection carries the same status.
    const read = await w.rest.get(`/catalog-items/${item.id}`, await w.token('evaluator'))
    expect(read.body).toMatchObject({ stale: false, lastUpdatedAt: new Date(releasedAt).toISOString() })

    // The same release, assessed two months on: older than the period.
    const releases = await loadPublicReleases(w.payload, FEED_KIND_VALUES)
    const doc = await w.payload.findByID({ collection: 'catalog-items', id: item.id, depth: 0 })
    const later = new Date(new Date(releasedAt).getTime() + 62 * 86_400_000)
    expect(assessStaleness(doc, releases, later)).toMatchObject({ stale: true, lastUpdatedAt: new Date(releasedAt).toISOString() })

    // Withdrawn: no longer public, no longer an update of the column.
    await act(policy.id, 'withdraw', 'signer', { reason: '政策调整' })
    expect(await statusOf(item.id)).toMatchObject({ stale: true, lastUpdatedAt: null })
    expect(await statusOf(policies.id)).toMatchObject({ stale: true, lastUpdatedAt: null })
  })

  test('content released as a record (not 主动公开) does not update a public column', async () => {
    const dept = w.org.departments.health
    const item = await createItem(itemData(dept, { feed: { kind: 'policies' } }))
    const policy = await w.payload.create({
      collection: 'policies',
      data: policyData(dept, {
        disclosure: 'on-request',
        disclosureReason: '涉及个人信息',
        disclosureBasis: '《中华人民共和国政府信息公开条例》第十五条',
        exemption: { interpretationExempt: true, interpretationExemptReason: '内部通报' },
      }),
      depth: 0,
    })
    const admin = await createLocalReq({ user: { ...w.org.users['admin@demo.gov.cn'], collection: 'users' } }, w.payload)
    const admin2 = await createLocalReq({ user: { ...w.org.users['admin.b@demo.gov.cn'], collection: 'users' } }, w.payload)
    const { performAction } = await import('../src/lifecycle/packageLifecycle')
    await performAction(admin, policy.id, 'submit')
    await performAction(admin2, policy.id, 'approve')
    await performAction(admin2, policy.id, 'approve')
    await performAction(admin2, policy.id, 'sign')
    await performAction(admin2, policy.id, 'release')
    expect((await w.payload.findByID({ collection: 'policies', id: policy.id, depth: 0 })).stage).toBe('released')
    expect(await statusOf(item.id, 'evaluator')).toMatchObject({ stale: true, lastUpdatedAt: null })
  })
})

describe('GET /api/compliance/pending: blocked and overdue packages', () => {
  test('a blocked package shows the rule that blocks it, with its fix; departments see only their own', async () => {
    const token = await w.token('drafter')
    // A normative document without interpretation or consultation notice: two double-association blockers.
    const blocked = (await w.rest.post('/policies', policyData(w.a, { documentType: 'normative' }), token)).body.doc
    const ofB = await draftPackage(true)

    const mine = await w.rest.get('/compliance/pending', token)
    expect(mine.status).toBe(200)
    const row = (mine.body.docs as any[]).find((d) => String(d.id) === String(blocked.id))
    expect(row).toMatchObject({
      stage: 'drafting',
      blocked: true,
      overdue: false,
      adminUrl: `/admin/collections/policies/${blocked.id}`,
      nextStep: { action: 'submit', label: { zh: '提交审核', en: 'Submit for review' } },
      department: { id: String(w.a.id), name: w.a.name },
    })
    expect(row.issues.map((i: any) => i.rule).sort()).toEqual(['consultation-required', 'interpretation-required'])
    const interpretation = row.issues.find((i: any) => i.rule === 'interpretation-required')
    expect(interpretation).toMatchObject({ kind: 'blocker', ruleName: { zh: '双关联', en: 'double association' } })
    expect(interpretation.message).toContain(blocked.title)
    expect(interpretation.hint).toContain('请为其撰写至少一份解读材料')
    expect((mine.body.docs as any[]).some((d) => String(d.id) === String(ofB.id))).toBe(false)
    expect((mine.body.docs as any[]).every((d) => d.department.id === String(w.a.id))).toBe(true)

    // Department B's drafter sees B's packages, never A's, and may not ask for A's.
    const theirs = await w.rest.get('/compliance/pending', await w.token('drafter', true))
    expect(theirs.status).toBe(200)
    expect((theirs.body.docs as any[]).map((d) => d.id)).toContain(String(ofB.id))
    expect((theirs.body.docs as any[]).some((d) => String(d.id) === String(blocked.id))).toBe(false)
    const asked = await w.rest.get(`/compliance/pending?department=${w.a.id}`, await w.token('drafter', true))
    expect(asked.status).toBe(403)
    expect(firstError(asked.body).data.rule).toBe('department-scope')

    // Evaluators and admins see every department, or the one they ask for.
    for (const role of ['evaluator', 'admin'] as const) {
      const all = await w.rest.get('/compliance/pending', await w.token(role))
      expect(all.status).toBe(200)
      expect((all.body.docs as any[]).map((d) => d.id)).toEqual(expect.arrayContaining([String(blocked.id), String(ofB.id)]))
      const onlyB = await w.rest.get(`/compliance/pending?department=${w.b.id}`, await w.token(role))
      expect((onlyB.body.docs as any[]).every((d) => d.department.id === String(w.b.id))).toBe(true)
    }
    expect((await w.rest.get('/compliance/pending')).status).toBe(401)
    expect((await w.rest.get('/compliance/pending?department=%24ne', await w.token('admin'))).status).toBe(400)

    // English on request.
    const en = await w.rest.call('GET', '/compliance/pending', { headers: { 'accept-language': 'en' }, token })
    const enRow = (en.body.docs as any[]).find((d) => String(d.id) === String(blocked.id))
    expect(enRow.issues.find((i: any) => i.rule === 'interpretation-required').hint).toContain('Write at least one interpretation')
  })

  test('released packages are not pending; a signed package past its deadline is overdue under the release clock', async () => {
    const released = await draftPackage()
    await walk(released.id, 'released')
    const signed = await draftPackage()
    await walk(signed.id, 'signed')

    const res = await w.rest.get('/compliance/pending', await w.token('reviewer'))
    const ids = (res.body.docs as any[]).map((d) => d.id)
    expect(ids).not.toContain(String(released.id))
    const row = (res.body.docs as any[]).find((d) => d.id === String(signed.id))
    expect(row).toMatchObject({ stage: 'signed', blocked: false, overdue: false, issues: [], nextStep: { action: 'release' } })

    // As of a week after its deadline.
    const deadline = new Date(row.releaseDeadline)
    const req = await createLocalReq({ user: { ...w.org.users['viewer@demo.gov.cn'], collection: 'users' } }, w.payload)
    const later = await pendingPackages(req, { department: w.a.id, now: new Date(deadline.getTime() + 7 * 86_400_000) })
    const overdue = later.docs.find((d) => d.id === String(signed.id))!
    expect(overdue.overdue).toBe(true)
    expect(overdue.issues).toEqual([
      expect.objectContaining({
        kind: 'overdue',
        rule: 'release-overdue',
        ruleName: expect.objectContaining({ zh: expect.stringContaining('发布时限') }),
      }),
    ])
    expect(overdue.issues[0].message.zh).toContain('已超期7天')
    // Overdue packages come first.
    expect(later.docs[0].overdue).toBe(true)
  })
})

describe('demo catalog', () => {
  test('the demo items pass validation and seeding them again creates nothing', async () => {
    const { DEMO_CATALOG, seedCatalog } = await import('../src/seed/catalog')
    expect(DEMO_CATALOG.length).toBeGreaterThanOrEqual(8)
    expect(await seedCatalog(w.payload, w.org)).toBe(DEMO_CATALOG.length)
    expect(await seedCatalog(w.payload, w.org)).toBe(0)
    const status = await w.rest.get(`/catalog/status?department=${w.a.id}`, await w.token('evaluator'))
    const numbers = (status.body.items as any[]).map((i) => i.itemNumber)
    expect(numbers).toEqual(expect.arrayContaining(DEMO_CATALOG.filter((i) => i.unit === 'finance').map((i) => i.itemNumber)))
    // Nothing of department A is public in this file's world beyond what the tests released: the interview column sleeps.
    expect((status.body.items as any[]).find((i) => i.itemNumber === 'CZT-FT-001')).toMatchObject({ tracked: true, stale: true })
    expect((status.body.items as any[]).find((i) => i.itemNumber === 'CZT-JG-001')).toMatchObject({ tracked: false, stale: false })
  })
})
