import { packages } from './fixtures/packages'
import { firstError, startWorld, type World } from './helpers/world'
import { earliestClose } from '../src/rules/consultationPeriod'

/**
 * Minimum comment periods (issue #15, §3): 政府规章草案 ≥ 30 days, 行政规范性文件 ≥ 7 working days on the official
 * calendar (调休 counted), 重大行政决策 ≥ 30 days; shorter only with a recorded reason, which is published.
 */
let w: World

beforeAll(async () => {
  w = await startWorld()
})
afterAll(async () => {
  await w?.payload.destroy()
})

/** 09:00 CST of a day, as notices are usually dated. */
const at = (d: string) => `${d}T09:00:00+08:00`

const create = async (body: Record<string, unknown>, role: 'drafter' | 'reviewer' = 'drafter', second = false) =>
  w.rest.post('/consultations', { title: `征求意见-${Math.random().toString(36).slice(2, 8)}`, ...body }, await w.token(role, second))

const refusedWith = (res: { body: any; status: number }, earliest: string) => {
  expect(res.status).toBe(400)
  const error = firstError(res.body)
  expect(error.data?.rule).toBe('consultation-period-minimum')
  expect(error.data?.ruleName).toEqual({ zh: '征求意见期限', en: 'minimum comment period' })
  expect(error.data?.suggestion).toBe(earliest)
  expect(error.message).toContain(`最早可于 ${earliest} 截止`)
}

describe('each kind at its minimum passes; one day short is refused with the earliest closing day', () => {
  test.each([
    ['regulation', '2025-03-01', '2025-03-31', '2025-03-30'],
    ['major-decision', '2025-04-10', '2025-05-10', '2025-05-09'],
    // 2025-06-02 (Mon): 7 working days later is Wednesday 11 June.
    ['normative', '2025-06-02', '2025-06-11', '2025-06-10'],
  ])('%s opening %s: closes %s at the earliest', async (draftKind, opens, earliest, short) => {
    const ok = await create({ draftKind, opensAt: at(opens), closesAt: at(earliest) })
    expect(ok.status).toBe(201)
    // The closing time of day does not matter: the day does (CST).
    expect((await create({ draftKind, opensAt: at(opens), closesAt: `${earliest}T00:30:00+08:00` })).status).toBe(201)
    refusedWith(await create({ draftKind, opensAt: at(opens), closesAt: at(short) }), earliest)
    // Editing an accepted notice to a shorter period is refused the same way.
    refusedWith(await w.rest.patch(`/consultations/${ok.body.doc.id}`, { closesAt: at(short) }, await w.token('drafter')), earliest)
  })

  test('in English the refusal names the rule and the day', async () => {
    const res = await w.rest.call('POST', '/consultations', {
      body: { title: 'Short', draftKind: 'regulation', opensAt: at('2025-03-01'), closesAt: at('2025-03-15') },
      headers: { 'accept-language': 'en' },
      token: await w.token('drafter'),
    })
    expect(res.status).toBe(400)
    expect(firstError(res.body).message).toContain('[minimum comment period]')
    expect(firstError(res.body).message).toContain('2025-03-31')
  })

  test('other consultations, and notices from before the kind existed, have no minimum', async () => {
    expect((await create({ opensAt: at('2025-03-01'), closesAt: at('2025-03-02') })).status).toBe(201)
    expect((await create({ draftKind: 'other', opensAt: at('2025-03-01'), closesAt: at('2025-03-02') })).status).toBe(201)
  })
})

describe('working days on the official calendar', () => {
  test('across the National Day holiday, with the 调休 Saturday counted', async () => {
    // 2026-09-28 (Mon): 29, 30 Sep; 1–7 Oct holiday; 8, 9 Oct; Sat 10 Oct (调休 working day); 12, 13 Oct → 13 Oct.
    expect(earliestClose('normative', at('2026-09-28'))).toMatchObject({ date: '2026-10-13' })
    expect((await create({ draftKind: 'normative', opensAt: at('2026-09-28'), closesAt: at('2026-10-13') })).status).toBe(201)
    refusedWith(await create({ draftKind: 'normative', opensAt: at('2026-09-28'), closesAt: at('2026-10-12') }), '2026-10-13')
  })

  test('the minimum is configurable', () => {
    process.env.CONSULTATION_MIN_NORMATIVE_WORKING_DAYS = '10'
    process.env.CONSULTATION_MIN_REGULATION_DAYS = '0'
    try {
      expect(earliestClose('normative', at('2025-06-02'))).toMatchObject({ date: '2025-06-16', minimum: { days: 10, unit: 'working' } })
      expect(earliestClose('regulation', at('2025-06-02'))).toBeNull()
    } finally {
      delete process.env.CONSULTATION_MIN_NORMATIVE_WORKING_DAYS
      delete process.env.CONSULTATION_MIN_REGULATION_DAYS
    }
  })
})

describe('a shorter period with its reason', () => {
  test('is accepted, and the reason is public with the notice in the bundle', async () => {
    const reason = '紧急情况：汛期防灾需要，缩短征求意见期限'
    const blank = await create({ draftKind: 'regulation', opensAt: at('2025-07-01'), closesAt: at('2025-07-10'), shortPeriodReason: '  ' })
    refusedWith(blank, '2025-07-31')
    const res = await create({
      draftKind: 'regulation',
      opensAt: at('2025-07-01'),
      closesAt: at('2025-07-10'),
      shortPeriodReason: reason,
      announced: true,
    })
    expect(res.status).toBe(201)
    const { policy } = await packages(w).make('released', { overrides: { consultation: res.body.doc.id } })
    const bundle = (await w.rest.get(`/public/policies/${policy.id}`)).body
    expect(bundle.consultation).toMatchObject({
      id: res.body.doc.id,
      draftKind: { value: 'regulation', label: { zh: '政府规章草案', en: 'Draft government regulation' } },
      shortPeriodReason: reason,
    })
    // Anonymous readers of the notice itself see it as well.
    const anonymous = await w.rest.get(`/consultations/${res.body.doc.id}`)
    expect(anonymous.status).toBe(200)
    expect(anonymous.body.shortPeriodReason).toBe(reason)
  })
})

describe('who may record a period, as before', () => {
  test('wrong role and other department are refused', async () => {
    const body = { draftKind: 'regulation', opensAt: at('2025-03-01'), closesAt: at('2025-03-31') }
    expect((await create(body, 'reviewer')).status).toBe(403)
    const other = await create({ ...body, department: w.a.id }, 'drafter', true)
    expect(other.status).toBe(403)
    expect(firstError(other.body).data?.rule).toBe('department-scope')
    const mine = await create(body)
    const patched = await w.rest.patch(`/consultations/${mine.body.doc.id}`, { shortPeriodReason: 'x' }, await w.token('drafter', true))
    expect([403, 404]).toContain(patched.status)
  })
})
