import { packages } from './fixtures/packages'
import { fieldErrors, firstError, policyData, startWorld, type World } from './helpers/world'
import { VALIDITY_QUEUE } from '../src/lifecycle/validityJob'
import { chinaDate } from '../src/rules/releaseClock'

/**
 * 施行日期 / 有效期至 (issue #15, §2): the validity job marks released policies 失效 once their 有效期至 has passed
 * (CST), once, audited, with its reactions; `GET /api/public/policies?validOn=` lists what was in force on a day.
 */
let w: World

beforeAll(async () => {
  w = await startWorld()
})
afterAll(async () => {
  await w?.payload.destroy()
})

/** A CST day as the admin's day picker stores it. */
const day = (d: string) => `${d}T00:00:00.000+08:00`
const today = () => chinaDate(new Date())
const addDays = (d: string, n: number) => {
  const [y, m, dd] = d.split('-').map(Number)
  return new Date(Date.UTC(y, m - 1, dd + n)).toISOString().slice(0, 10)
}

const released = async (validFrom: null | string, validUntil: null | string, extra: Record<string, unknown> = {}) =>
  (
    await packages(w).make('released', {
      overrides: { ...(validFrom ? { validFrom: day(validFrom) } : {}), ...(validUntil ? { validUntil: day(validUntil) } : {}), ...extra },
    })
  ).policy

const allExpiredEntries = async () =>
  (await w.payload.count({ collection: 'audit-log', where: { action: { equals: 'policy-expired' } }, overrideAccess: true })).totalDocs

/** Queues the task and runs its queue, as the server's job runner does every hour; answers how many it expired. */
async function runValidityJob(): Promise<number> {
  const before = await allExpiredEntries()
  await w.payload.jobs.queue({ task: 'expireLapsedPolicies', queue: VALIDITY_QUEUE, input: {} })
  await w.payload.jobs.run({ queue: VALIDITY_QUEUE })
  // Completed jobs are deleted; a failed one stays with its error.
  const left = await w.payload.find({
    collection: 'payload-jobs',
    where: { taskSlug: { equals: 'expireLapsedPolicies' } },
    overrideAccess: true,
  })
  expect(left.docs).toEqual([])
  return (await allExpiredEntries()) - before
}

const stored = (id: number | string) => w.payload.findByID({ collection: 'policies', id, depth: 0, overrideAccess: true })
const expiredEntries = async (id: number | string) =>
  (
    await w.payload.find({
      collection: 'audit-log',
      where: { policy: { equals: id }, action: { equals: 'policy-expired' } },
      pagination: false,
      overrideAccess: true,
    })
  ).docs as any[]

describe('fields', () => {
  test('有效期至 must be after 施行日期', async () => {
    const res = await w.rest.post(
      '/policies',
      policyData(w.a, { validFrom: day('2025-03-01'), validUntil: day('2025-03-01') }),
      await w.token('drafter'),
    )
    expect(res.status).toBe(400)
    expect(fieldErrors(res.body).validUntil).toContain('有效期至必须晚于施行日期')
  })

  test('the public summary and bundle show validFrom and validUntil', async () => {
    const policy = await released('2025-03-01', '2030-02-28')
    const bundle = (await w.rest.get(`/public/policies/${policy.id}`)).body
    expect(new Date(bundle.validFrom).toISOString()).toBe(new Date(day('2025-03-01')).toISOString())
    expect(new Date(bundle.validUntil).toISOString()).toBe(new Date(day('2030-02-28')).toISOString())
    const list = (await w.rest.get('/public/policies?limit=100')).body.docs as any[]
    const row = list.find((d) => d.id === policy.id)
    expect(row).toMatchObject({ validFrom: bundle.validFrom, validUntil: bundle.validUntil })
  })
})

describe('the validity job', () => {
  test('expires a released policy whose 有效期至 has passed: once, audited, webhook updated, public at once; leaves the rest alone', async () => {
    const hook = await w.payload.create({
      collection: 'webhooks',
      data: { name: '测试网站', url: 'http://127.0.0.1:9/hook', secret: 'a-secret-of-sixteen-chars', events: ['updated'] },
      overrideAccess: true,
    })
    const lapsed = await released('2021-01-01', addDays(today(), -1))
    const lastDay = await released('2021-01-01', today())
    const open = await released('2021-01-01', null)
    const draft = (await packages(w).make('drafted', { overrides: { validUntil: day('2022-12-31') } })).policy
    const signed = (await packages(w).make('signed', { overrides: { validUntil: day('2022-12-31') } })).policy
    expect((await w.rest.get(`/public/policies/${lapsed.id}`)).body.validity.value).toBe('valid')

    expect(await runValidityJob()).toBeGreaterThanOrEqual(1)

    expect((await stored(lapsed.id)).validity).toBe('expired')
    for (const p of [lastDay, open, draft, signed]) expect((await stored(p.id)).validity).toBe('valid')
    const [entry, ...more] = await expiredEntries(lapsed.id)
    expect(more).toEqual([])
    expect(entry.details).toMatchObject({ title: lapsed.title, validUntil: expect.any(String) })
    expect(entry.actor ?? null).toBeNull()
    for (const p of [lastDay, open, draft, signed]) expect(await expiredEntries(p.id)).toEqual([])
    // No second, plain policy-updated entry for the job's own write.
    const updates = await w.payload.find({
      collection: 'audit-log',
      where: { policy: { equals: lapsed.id }, action: { equals: 'policy-updated' } },
      overrideAccess: true,
    })
    expect(updates.totalDocs).toBe(0)

    // The public cache follows the trail: the bundle reads 失效 now.
    const bundle = (await w.rest.get(`/public/policies/${lapsed.id}`)).body
    expect(bundle.validity).toEqual({ value: 'expired', label: { zh: '失效', en: 'Expired' } })
    // Websites hear of it.
    const deliveries = await w.payload.find({
      collection: 'webhook-deliveries',
      where: { policy: { equals: lapsed.id }, event: { equals: 'updated' }, webhook: { equals: hook.id } },
      overrideAccess: true,
    })
    expect(deliveries.totalDocs).toBe(1)

    // Twice is harmless: nothing more expired, no second entry, no second delivery.
    expect(await runValidityJob()).toBe(0)
    expect(await expiredEntries(lapsed.id)).toHaveLength(1)
    const again = await w.payload.find({
      collection: 'webhook-deliveries',
      where: { policy: { equals: lapsed.id }, event: { equals: 'updated' } },
      overrideAccess: true,
    })
    expect(again.totalDocs).toBe(1)
    await w.payload.update({ collection: 'webhooks', id: hook.id, data: { active: false }, overrideAccess: true })
  })

  test('the task is scheduled on its own queue; its scheduling record is for admins only', async () => {
    const task = w.payload.config.jobs.tasks?.find((t) => t.slug === 'expireLapsedPolicies')
    expect(task?.schedule?.[0]).toMatchObject({ queue: VALIDITY_QUEUE })
    // The job runner's scheduling step queues the next hourly run, once.
    const first = await w.payload.jobs.handleSchedules({ queue: VALIDITY_QUEUE })
    expect(first.errored).toEqual([])
    expect(first.queued).toHaveLength(1)
    expect((await w.payload.jobs.handleSchedules({ queue: VALIDITY_QUEUE })).queued).toEqual([])
    const { docs: jobs } = await w.payload.find({
      collection: 'payload-jobs',
      where: { taskSlug: { equals: 'expireLapsedPolicies' } },
      overrideAccess: true,
    })
    expect(jobs).toHaveLength(1)
    expect(new Date(String(jobs[0].waitUntil)).getTime()).toBeGreaterThan(Date.now())
    await w.payload.delete({ collection: 'payload-jobs', id: jobs[0].id, overrideAccess: true })
    const path = '/globals/payload-jobs-stats'
    expect((await w.rest.get(path, await w.token('drafter'))).status).toBe(403)
    expect((await w.rest.post(path, { stats: {} }, await w.token('drafter'))).status).toBe(403)
    expect((await w.rest.get(path)).status).toBe(403)
    expect((await w.rest.get(path, await w.token('admin'))).status).toBe(200)
    // Not offered over GraphQL at all (its docAccess query answered 500 there).
    const schema = await w.rest.post('/graphql', { query: '{ __schema { queryType { fields { name } } } }' }, await w.token('admin'))
    expect(schema.status).toBe(200)
    const names: string[] = schema.body.data.__schema.queryType.fields.map((f: { name: string }) => f.name)
    expect(names).toContain('Policies')
    expect(names.filter((n) => /JobsStat/i.test(n))).toEqual([])
  })
})

describe('GET /api/public/policies?validOn=', () => {
  const ids = async (query: string) => {
    const res = await w.rest.get(`/public/policies?limit=100&${query}`)
    expect(res.status).toBe(200)
    return (res.body.docs as any[]).map((d) => d.id)
  }

  test('lists what was in force that day: validFrom ≤ day (or none), validUntil ≥ day (or none)', async () => {
    const early = await released('2019-01-01', '2020-12-31')
    const later = await released('2021-01-01', null)
    const undated = await released(null, null)
    const repealed = await released('2019-06-01', '2021-06-30', { validity: 'repealed' })
    const repealedUndated = await released('2019-06-01', null, { validity: 'repealed' })

    const on2020 = await ids('validOn=2020-12-31')
    expect(on2020).toEqual(expect.arrayContaining([early.id, undated.id, repealed.id]))
    expect(on2020).not.toContain(later.id)
    expect(on2020).not.toContain(repealedUndated.id)

    const on2021 = await ids('validOn=2021-01-01')
    expect(on2021).toEqual(expect.arrayContaining([later.id, undated.id, repealed.id]))
    expect(on2021).not.toContain(early.id)

    const on2022 = await ids('validOn=2022-01-01')
    expect(on2022).toEqual(expect.arrayContaining([later.id, undated.id]))
    expect(on2022).not.toContain(repealed.id)
    expect(on2022).not.toContain(early.id)

    const before = await ids('validOn=2018-12-31')
    expect(before).not.toContain(early.id)
    expect(before).toContain(undated.id)

    // Combines with the other filters; unreleased policies never appear.
    const draft = (await packages(w).make('drafted', { overrides: { validFrom: day('2019-01-01') } })).policy
    expect(await ids('validOn=2020-06-01')).not.toContain(draft.id)
    expect(await ids('validOn=2020-06-01&validity=valid')).not.toContain(repealed.id)
  })

  test('a bad date answers 400 naming the format', async () => {
    for (const bad of ['2020-13-01', '2020-02-30', '20200101', 'yesterday', '2020-1-1', '0257-07-07', '2100-01-01']) {
      const res = await w.rest.get(`/public/policies?validOn=${bad}`)
      expect(res.status).toBe(400)
      expect(firstError(res.body).message).toContain('YYYY-MM-DD')
    }
  })
})
