import { createLocalReq } from 'payload'

import { calendarSource, isWorkingDay, setOfficialYears } from '../src/calendar'
import { deadlineStatus } from '../src/calendar/deadline'
import { computeComplianceReport } from '../src/compliance/report'
import { performAction } from '../src/lifecycle/packageLifecycle'
import { canonicalNumberForm, checkNumber, NUMBER_SCHEMES } from '../src/rules/documentNumber'
import { releaseDeadline } from '../src/rules/releaseClock'
import { fieldErrors, firstError, interpretationData, policyData, startWorld, type World } from './helpers/world'

let w: World

beforeAll(async () => {
  w = await startWorld()
})
afterAll(async () => {
  await w?.payload.destroy()
})

describe('number schemes', () => {
  test('one table says which document types take a decree number', () => {
    expect(NUMBER_SCHEMES).toEqual({ decree: 'decree', regulation: 'decree' })
    expect(checkNumber('贵州省人民政府令第195号', 'decree')).toEqual({
      valid: true,
      scheme: 'decree',
      canonical: '贵州省人民政府令第195号',
      problem: null,
    })
    expect(checkNumber('国务院令第713号', 'regulation').valid).toBe(true)
    expect(checkNumber('黔府发〔2026〕3号', 'notice').valid).toBe(true)
  })

  test.each([
    ['黔府发〔2026〕3号', 'decree', '普通发文字号'],
    ['贵州省人民政府令〔2026〕第3号', 'decree', '不标年份'],
    ['贵州省人民政府令195号', 'decree', '第'],
    ['贵州省人民政府令第0195号', 'decree', '虚位'],
    ['国务院令第713号', 'notice', '令号'],
  ])('%s as %s is refused with the reason', (value, type, why) => {
    const check = checkNumber(value, type)
    expect(check.valid).toBe(false)
    expect(check.problem?.zh).toContain(why)
  })

  test.each([
    ['国函 〔2011〕 50 号', '国函〔2011〕50号'],
    ['国函﹝2011﹞50号', '国函〔2011〕50号'],
    ['国函\u201e2011\u201f50号', '国函〔2011〕50号'],
    ['国函〔２０１１〕５０号', '国函〔2011〕50号'],
    ['懷政辦發〔2023〕9號', '怀政办发〔2023〕9号'],
    ['浙政发[2009]69号', '浙政发〔2009〕69号'],
    ['貴州省人民政府令第１９５號', '贵州省人民政府令第195号'],
  ])('%s is answered with its canonical form %s', (value, canonical) => {
    expect(canonicalNumberForm(value)).toBe(canonical)
    const type = canonical.includes('令第') ? 'decree' : 'notice'
    expect(checkNumber(value, type)).toMatchObject({ valid: false, canonical })
  })
})

describe('the policy hook and the check endpoint', () => {
  test('an almost-right number is refused (400) with data.suggestion, never rewritten', async () => {
    const token = await w.token('drafter')
    const before = await w.payload.count({ collection: 'policies' })
    for (const [value, suggestion] of [
      ['黔财农 〔2021〕 50 号', '黔财农〔2021〕50号'],
      ['黔財農〔2021〕9號', '黔财农〔2021〕9号'],
    ]) {
      const res = await w.rest.post('/policies', policyData(w.a, { documentNumber: value }), token)
      expect(res.status).toBe(400)
      const error = firstError(res.body)
      expect(error.data.rule).toBe('document-number-format')
      expect(error.data.suggestion).toBe(suggestion)
      expect(fieldErrors(res.body).documentNumber).toContain(suggestion)
    }
    expect(await w.payload.count({ collection: 'policies' })).toEqual(before)
  })

  test('a decree takes its 令号; an ordinary number on a decree and a year in a decree number are refused', async () => {
    const token = await w.token('drafter')
    const ok = await w.rest.post('/policies', policyData(w.a, { documentType: 'decree', documentNumber: '贵州省人民政府令第195号' }), token)
    expect(ok.status).toBe(201)
    for (const value of ['黔府发〔2026〕3号', '贵州省人民政府令〔2026〕第3号']) {
      const res = await w.rest.post('/policies', policyData(w.a, { documentType: 'decree', documentNumber: value }), token)
      expect(res.status).toBe(400)
      expect(firstError(res.body).data.rule).toBe('document-number-format')
    }
    // Changing the type re-checks the number it carries.
    const typed = await w.rest.patch(`/policies/${ok.body.doc.id}`, { documentType: 'notice' }, token)
    expect(typed.status).toBe(400)
    expect(fieldErrors(typed.body).documentNumber).toContain('令号')
  })

  test('GET /api/document-numbers/check answers signed-in users only, with the scheme and the canonical form', async () => {
    const token = await w.token('viewer')
    const anonymous = await w.rest.get('/document-numbers/check?value=x')
    expect(anonymous.status).toBe(401)
    const ok = await w.rest.get(
      `/document-numbers/check?${new URLSearchParams({ value: '懷政辦發〔2023〕9號', documentType: 'notice' })}`,
      token,
    )
    expect(ok.status).toBe(200)
    expect(ok.body).toEqual({
      valid: false,
      scheme: 'document',
      canonical: '怀政办发〔2023〕9号',
      problem: expect.objectContaining({ zh: expect.any(String), en: expect.any(String) }),
    })
    const decree = await w.rest.get(
      `/document-numbers/check?${new URLSearchParams({ value: '国务院令第713号', documentType: 'decree' })}`,
      token,
    )
    expect(decree.body).toEqual({ valid: true, scheme: 'decree', canonical: '国务院令第713号', problem: null })
    expect((await w.rest.get('/document-numbers/check?value=x&documentType=nope', token)).status).toBe(400)
    expect((await w.rest.get('/document-numbers/check', token)).status).toBe(400)
    expect((await w.rest.get(`/document-numbers/check?value=${'x'.repeat(101)}`, token)).status).toBe(400)
  })

  test('the registration number is its own field, checked against the configured pattern', async () => {
    const token = await w.token('drafter')
    const ok = await w.rest.post('/policies', policyData(w.a, { registrationNumber: 'HHCR-2023-01005' }), token)
    expect(ok.status).toBe(201)
    expect(ok.body.doc.registrationNumber).toBe('HHCR-2023-01005')
    const bad = await w.rest.post('/policies', policyData(w.a, { registrationNumber: '湘2023第5号' }), token)
    expect(bad.status).toBe(400)
    expect(firstError(bad.body).data.rule).toBe('registration-number-format')
    process.env.REGISTRATION_NUMBER_PATTERN = '^QFG-\\d{4}-\\d{3}$'
    try {
      const custom = await w.rest.post('/policies', policyData(w.a, { registrationNumber: 'QFG-2024-001' }), token)
      expect(custom.status).toBe(201)
      expect(custom.body.doc.registrationNumber).toBe('QFG-2024-001')
      expect(custom.body.doc.documentNumber).not.toContain('QFG')
    } finally {
      delete process.env.REGISTRATION_NUMBER_PATTERN
    }
  })

  test('the index number never changes once assigned, not even through the Local API with overrideAccess', async () => {
    const token = await w.token('drafter')
    const created = await w.rest.post('/policies', policyData(w.a), token)
    const { id, indexNumber } = created.body.doc
    expect(indexNumber).toMatch(/^[0-9A-Z]{18}\/2020-\d{5}$/)
    await expect(
      w.payload.update({ collection: 'policies', id, data: { indexNumber: `${indexNumber}9` }, overrideAccess: true }),
    ).rejects.toMatchObject({
      status: 409,
      data: { rule: 'index-number-immutable' },
    })
    // Through REST the field is not writable at all.
    await w.rest.patch(`/policies/${id}`, { indexNumber: 'X/2020-00001' }, token)
    expect((await w.payload.findByID({ collection: 'policies', id })).indexNumber).toBe(indexNumber)
  })
})

describe('official calendar', () => {
  afterEach(async () => {
    await w.payload.delete({ collection: 'official-calendars', where: { year: { greater_than: 2000 } }, overrideAccess: true })
  })

  const year2027 = {
    year: 2027,
    notice: '国务院办公厅关于2027年部分节假日安排的通知（测试录入）',
    holidays: ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11'].map((date) => ({
      date,
      name: '春节',
    })),
    workdays: [{ date: '2027-02-13', name: '春节调休' }],
  }

  test('a year entered by an admin counts holidays and its 调休 Saturday; others may not enter one', async () => {
    expect(calendarSource(2027)).toBeNull()
    expect(releaseDeadline(new Date('2027-02-04T10:00:00+08:00'))).toBeNull()
    const drafter = await w.token('drafter')
    expect((await w.rest.post('/official-calendars', year2027, drafter)).status).toBe(403)
    const admin = await w.token('admin')
    const res = await w.rest.post('/official-calendars', year2027, admin)
    expect(res.status).toBe(201)
    expect(calendarSource(2027)).toBe('official')
    expect(isWorkingDay('2027-02-13')).toBe(true) // Saturday, make-up working day
    expect(isWorkingDay('2027-02-08')).toBe(false) // Monday, holiday
    expect(isWorkingDay('2027-02-20')).toBe(false) // ordinary Saturday
    // Signed Thu 4 Feb: 5–11 off, Fri 12 (1), Sat 13 make-up (2), Mon 15 (3).
    expect(releaseDeadline(new Date('2027-02-04T10:00:00+08:00'))!.toISOString()).toBe('2027-02-15T15:59:59.999Z')
    // Across the year end from 2026 (library) into 2027 (entered).
    expect(releaseDeadline(new Date('2026-12-30T10:00:00+08:00'))).not.toBeNull()
  })

  test('an entered year takes precedence over the library', async () => {
    const admin = await w.token('admin')
    expect(isWorkingDay('2026-10-02')).toBe(false)
    const res = await w.rest.post(
      '/official-calendars',
      { year: 2026, notice: '测试：覆盖内置日历', holidays: [], workdays: [{ date: '2026-10-03' }] },
      admin,
    )
    expect(res.status).toBe(201)
    expect(isWorkingDay('2026-10-02')).toBe(true)
    expect(isWorkingDay('2026-10-03')).toBe(true)
  })

  test('bad entries are refused with the rule named', async () => {
    const admin = await w.token('admin')
    for (const body of [
      { ...year2027, holidays: [{ date: '2027-02-30' }] },
      { ...year2027, holidays: [{ date: '2028-01-01' }] },
      { ...year2027, workdays: [{ date: '2027-02-05' }] },
    ]) {
      const res = await w.rest.post('/official-calendars', body, admin)
      expect(res.status).toBe(400)
      expect(firstError(res.body).data.rule).toBe('calendar-entry')
    }
    expect(await w.payload.count({ collection: 'official-calendars' })).toEqual({ totalDocs: 0 })
  })

  test('a year neither knows: deadline unknown, calendar missing — in the workflow API and the compliance report', async () => {
    setOfficialYears([])
    expect(isWorkingDay('2028-03-01')).toBeNull()
    expect(releaseDeadline(new Date('2028-03-01T10:00:00+08:00'))).toBeNull()
    expect(deadlineStatus({ disclosure: 'proactive', workflow: { signedAt: '2028-03-01T02:00:00.000Z' } })).toMatchObject({
      state: 'unknown',
      missingYear: 2028,
      message: { zh: expect.stringContaining('缺少法定工作日历'), en: expect.stringContaining('deadline unknown, calendar missing') },
    })

    // A package signed (as recorded) on a day in 2028: the workflow state says so instead of guessing.
    const drafter = await w.token('drafter')
    const created = await w.rest.post('/policies', policyData(w.a), drafter)
    const id = created.body.doc.id
    await w.rest.post('/interpretations', interpretationData(id), drafter)
    const req = await createLocalReq({}, w.payload)
    for (const action of ['submit', 'approve', 'approve', 'sign'] as const) await performAction(req, id, action, {}, { system: true })
    await w.payload.update({
      collection: 'policies',
      id,
      data: { workflow: { signedAt: '2028-03-01T02:00:00.000Z', releaseDeadline: null } },
      overrideAccess: true,
      context: { lifecycleAction: 'sign' },
    })
    const state = await w.rest.get(`/policies/${id}/workflow`, drafter)
    expect(state.status).toBe(200)
    expect(state.body.deadlineStatus).toMatchObject({ state: 'unknown', missingYear: 2028 })
    expect(state.body.overdue).toBe(false)

    // The report (a pure function of the trail) lists it apart and counts it neither on time nor late.
    const entries = [
      {
        seq: 1,
        hash: 'a',
        action: 'sign',
        at: '2028-03-01T02:00:00.000Z',
        department: '1',
        details: { disclosure: 'proactive', releaseDeadline: null },
        fromStage: 'content-passed',
        toStage: 'signed',
        members: [],
        policy: 'p1',
      },
      {
        seq: 2,
        hash: 'b',
        action: 'release',
        at: '2028-03-09T02:00:00.000Z',
        department: '1',
        details: { disclosure: 'proactive' },
        fromStage: 'signed',
        toStage: 'released',
        members: [{ collection: 'interpretations', id: 'i1' }],
        policy: 'p1',
      },
      {
        seq: 3,
        hash: 'c',
        action: 'sign',
        at: '2028-04-01T02:00:00.000Z',
        department: '1',
        details: { disclosure: 'proactive', releaseDeadline: null },
        fromStage: 'content-passed',
        toStage: 'signed',
        members: [],
        policy: 'p2',
      },
    ]
    const report = computeComplianceReport(entries, { now: new Date('2028-05-01T00:00:00Z') })
    expect(report.overall).toMatchObject({ proactive: 1, onTime: 0, late: 0 })
    expect(report.deadlineUnknown.map((r) => [r.policy, r.missingYear])).toEqual([
      ['p1', 2028],
      ['p2', 2028],
    ])
    expect(report.overdueNow).toEqual([])
  })
})
