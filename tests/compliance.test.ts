import { jest } from '@jest/globals'
import ExcelJS from 'exceljs'
import { handleEndpoints } from 'payload'

import { verifyAuditChain } from '../src/audit/auditTrail'
import { FIGURE_COLUMN_KEYS, MONTH_COLUMN_KEYS } from '../src/compliance/export'
import { SECTION_LABELS } from '../src/compliance/labels'
import { complianceEntryOf, loadComplianceEntries, loadDepartmentNames } from '../src/compliance/load'
import { type ComplianceEntry, computeComplianceReport } from '../src/compliance/report'
import type { ComplianceFigures, ComplianceReport } from '../src/compliance/types'
import { documentTypeLabel } from '../src/rules/documentTypes'
import { chinaDate, releaseDeadline } from '../src/rules/releaseClock'
import type { Role } from '../src/roles'
import { type MemberSpec, packages, type Trait } from './fixtures/packages'
import { firstError, interpretationData, startWorld, type World } from './helpers/world'

/**
 * The compliance report on a crafted history, through the real REST workflow.
 *
 * Lateness needs a release more than 3 working days after signing. The lifecycle takes every instant from the
 * clock (an audit entry's `at` is never caller-supplied: that is the point of the trail), so the history is
 * crafted by moving this process's clock — `Date` only, timers stay real and keep it ticking — to the instant
 * of each step, then back. Every step still goes through the REST endpoints, the lifecycle and appendAudit.
 */

let w: World

const tokens = {} as Record<string, string>
const roles: [Role, boolean][] = [
  ['drafter', false],
  ['reviewer', false],
  ['signer', false],
  ['viewer', false],
  ['admin', false],
  ['evaluator', false],
  ['drafter', true],
  ['reviewer', true],
  ['signer', true],
]
const tok = (role: Role, second = false) => tokens[`${role}${second ? '.b' : ''}`]!

/** Runs `steps` with the process clock set to `instant` (and ticking from there); then real time again. */
async function atInstant<T>(instant: string | number, steps: () => Promise<T>): Promise<T> {
  jest.useFakeTimers({
    now: new Date(instant).getTime(),
    advanceTimers: true,
    doNotFake: [
      'hrtime',
      'nextTick',
      'performance',
      'queueMicrotask',
      'requestAnimationFrame',
      'cancelAnimationFrame',
      'requestIdleCallback',
      'cancelIdleCallback',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
      'setTimeout',
      'clearTimeout',
      'Temporal',
    ],
  })
  try {
    return await steps()
  } finally {
    jest.useRealTimers()
  }
}

const ok = async (label: string, call: Promise<{ body: any; status: number }>, status = 200) => {
  const res = await call
  expect([label, res.status, res.status >= 400 ? res.body : null]).toEqual([label, status, null])
  return res.body
}

const step = (id: number | string, action: string, role: Role, second = false, body: object = {}) =>
  ok(`${action} ${id}`, w.rest.post(`/policies/${id}/workflow/${action}`, body, tok(role, second)))

const text = (form = 'text'): MemberSpec => ({ collection: 'interpretations', data: { form, title: `${form}解读` } })
const card: MemberSpec = {
  collection: 'interpretations',
  data: {
    form: 'card',
    title: '明白卡',
    card: { beneficiaries: '农户', standard: '每亩100元', process: '村委会申报', basis: '本通知第三条' },
  },
}
const video: MemberSpec = {
  collection: 'videos',
  data: { title: '视频解读', externalUrl: 'https://v.qq.com/x/page/abc.html', transcript: '各位网友大家好，今天解读这项政策。' },
}

/** A package of department A (or B) with its members, walked through the REST workflow to `trait`. */
const make = async (trait: Trait, members: MemberSpec[], overrides: Record<string, unknown> = {}, second = false) =>
  (await packages(w).make(trait, { dept: second ? 'b' : 'a', members, overrides })).policy as { id: number | string; title: string }

const P = {} as Record<
  'inSync2025' | 'scheduled' | 'makeUpDay' | 'late' | 'exempt' | 'withdrawn' | 'onRequest' | 'overdue' | 'fresh' | 'deptB',
  { id: number | string; title: string }
>
let thisYear: number
let thisMonth: string

beforeAll(async () => {
  w = await startWorld()
  // In real time, before any clock moves (a token issued at a crafted 2025 instant would have expired by now); the
  // fixture's steps take the same tokens from the world.
  for (const [role, second] of roles) tokens[`${role}${second ? '.b' : ''}`] = await w.token(role, second)

  // 2025-03: signed Monday, released Wednesday: on time, two members (text, card).
  P.inSync2025 = await atInstant('2025-03-03T09:00:00+08:00', () => make('signed', [text(), card]))
  await atInstant('2025-03-05T10:00:00+08:00', () => step(P.inSync2025.id, 'release', 'signer'))

  // Scheduled (定时发布) past its deadline: signed Tuesday 3 June 2025 (deadline Friday 6 June), set to go out
  // Monday 9 June; the release job, run then, dates the release: late.
  P.scheduled = await atInstant('2025-06-03T10:00:00+08:00', async () => {
    const p = await make('signed', [text()])
    const scheduled = await step(p.id, 'release', 'signer', false, { releaseAt: '2025-06-09T09:00:00+08:00' })
    expect(scheduled.stage).toBe('scheduled')
    return p
  })
  await atInstant('2025-06-09T09:00:05+08:00', () => w.payload.jobs.run({ queue: 'releases' }))
  expect((await w.payload.findByID({ collection: 'policies', id: P.scheduled.id, depth: 0 })).stage).toBe('released')

  // Signed on 30 September 2025 (National Day holidays 1–8 October, Saturday 11 October a make-up working day):
  // the deadline is the end of Saturday 11 October.
  P.makeUpDay = await atInstant('2025-09-30T16:00:00+08:00', () => make('signed', [text('leader')]))
  await atInstant('2025-10-11T20:00:00+08:00', () => step(P.makeUpDay.id, 'release', 'signer'))

  // Returned once in review (29 September), signed on 30 September, released Monday 13 October: late.
  P.late = await atInstant('2025-09-29T10:00:00+08:00', async () => {
    const p = await make('reviewed', [text('expert')])
    await step(p.id, 'return', 'reviewer', false, { reason: '解读口径需与正文一致' })
    await packages(w).walk(p.id, 'reviewed')
    return p
  })
  await atInstant('2025-09-30T16:00:00+08:00', () => step(P.late.id, 'sign', 'signer'))
  await atInstant('2025-10-13T09:00:00+08:00', () => step(P.late.id, 'release', 'signer'))

  // Now (real time): an exempt commendation, a withdrawn package, a record released on request, a supplement.
  P.exempt = await make('released', [], { documentType: 'commendation', title: '关于表彰2025年度先进集体的决定' })
  P.withdrawn = await make('withdrawn', [text()])
  P.onRequest = await make('released', [text('expert'), video], {
    disclosure: 'on-request',
    disclosureReason: '涉及个人信息',
    disclosureBasis: '《政府信息公开条例》第十五条',
  })

  const supplement = (
    await ok(
      'create supplement',
      w.rest.post('/interpretations', interpretationData(P.inSync2025.id, { title: '媒体解读（补充）', form: 'media' }), tok('drafter')),
      201,
    )
  ).doc
  expect(supplement.supplementary).toBe(true)
  for (const [action, role] of [
    ['submit', 'drafter'],
    ['approve', 'reviewer'],
    ['release', 'signer'],
  ] as const) {
    await ok(`supplement ${action}`, w.rest.post(`/interpretations/${supplement.id}/workflow/${action}`, {}, tok(role)))
  }

  // Signed 40 days ago and never released: overdue now. Signed just now: not yet due.
  P.overdue = await atInstant(`${chinaDate(new Date(Date.now() - 40 * 86_400_000))}T10:00:00+08:00`, () =>
    make('signed', [text()], { title: '关于逾期未发布测试的通知' }),
  )
  P.fresh = await make('signed', [text()])

  // Department B: one package in sync, on time.
  P.deptB = await make('released', [text()], {}, true)

  thisYear = Number(chinaDate(new Date()).slice(0, 4))
  thisMonth = chinaDate(new Date()).slice(0, 7)
}, 600_000)

afterAll(async () => {
  jest.useRealTimers()
  await w?.payload.destroy()
})

const report = async (query: string, role: Role = 'admin', second = false) => {
  const res = await w.rest.get<ComplianceReport>(`/compliance${query}`, tok(role, second))
  expect([query, res.status]).toEqual([query, 200])
  return res.body
}

const forms = (counts: Partial<ComplianceFigures['forms']>): ComplianceFigures['forms'] => ({
  text: 0,
  leader: 0,
  expert: 0,
  media: 0,
  card: 0,
  infographic: 0,
  video: 0,
  interview: 0,
  ...counts,
})

const figures = (f: Partial<ComplianceFigures>): ComplianceFigures => ({
  released: 0,
  proactive: 0,
  withdrawn: 0,
  exempt: 0,
  requiringInterpretation: 0,
  withInterpretations: 0,
  withInterpretationsShare: null,
  inSync: 0,
  inSyncShare: null,
  onTime: 0,
  late: 0,
  onTimeShare: null,
  returns: 0,
  supplementary: 0,
  forms: forms({}),
  overdueNow: 0,
  ...f,
})

/** Department A in 2025: four proactive packages in sync; two late (one scheduled, one returned once in review). */
const a2025 = figures({
  released: 4,
  proactive: 4,
  requiringInterpretation: 4,
  withInterpretations: 4,
  withInterpretationsShare: 1,
  inSync: 4,
  inSyncShare: 1,
  onTime: 2,
  late: 2,
  onTimeShare: 0.5,
  returns: 1,
  forms: forms({ text: 2, card: 1, leader: 1, expert: 1 }),
  overdueNow: 1,
})
/** Department A this year: exempt (proactive), withdrawn (proactive), on request with a video; one supplement. */
const aThisYear = figures({
  released: 3,
  proactive: 2,
  withdrawn: 1,
  exempt: 1,
  requiringInterpretation: 2,
  withInterpretations: 2,
  withInterpretationsShare: 1,
  inSync: 2,
  inSyncShare: 1,
  onTime: 2,
  onTimeShare: 1,
  supplementary: 1,
  forms: forms({ text: 1, expert: 1, video: 1, media: 1 }),
  overdueNow: 1,
})
const aAll = figures({
  released: 7,
  proactive: 6,
  withdrawn: 1,
  exempt: 1,
  requiringInterpretation: 6,
  withInterpretations: 6,
  withInterpretationsShare: 1,
  inSync: 6,
  inSyncShare: 1,
  onTime: 4,
  late: 2,
  onTimeShare: 0.6667,
  returns: 1,
  supplementary: 1,
  forms: forms({ text: 3, card: 1, leader: 1, expert: 2, media: 1, video: 1 }),
  overdueNow: 1,
})
const bAll = figures({
  released: 1,
  proactive: 1,
  requiringInterpretation: 1,
  withInterpretations: 1,
  withInterpretationsShare: 1,
  inSync: 1,
  inSyncShare: 1,
  onTime: 1,
  onTimeShare: 1,
  forms: forms({ text: 1 }),
})

describe('figures on a crafted history', () => {
  test('overall, per department, per year and per month', async () => {
    const r = await report('')
    expect(r.filters).toEqual({ year: null, department: null })
    expect(r.overall).toEqual(
      figures({
        released: 8,
        proactive: 7,
        withdrawn: 1,
        exempt: 1,
        requiringInterpretation: 7,
        withInterpretations: 7,
        withInterpretationsShare: 1,
        inSync: 7,
        inSyncShare: 1,
        onTime: 5,
        late: 2,
        onTimeShare: 0.7143,
        returns: 1,
        supplementary: 1,
        forms: forms({ text: 4, card: 1, leader: 1, expert: 2, media: 1, video: 1 }),
        overdueNow: 1,
      }),
    )
    expect(r.forms).toEqual(r.overall.forms)
    expect(r.departments).toEqual(
      [
        { id: String(w.a.id), name: w.a.name, figures: aAll },
        { id: String(w.b.id), name: w.b.name, figures: bAll },
      ].sort((x, y) => x.name.localeCompare(y.name, 'zh-Hans-CN')),
    )
    expect(r.byYear.map((y) => y.year)).toEqual([2025, thisYear])
    expect(r.byYear[0]!.figures).toEqual(a2025)

    // Months run without gaps from the first release to this month.
    expect(r.byMonth[0]!.month).toBe('2025-03')
    expect(r.byMonth.at(-1)!.month).toBe(thisMonth)
    const months = Object.fromEntries(r.byMonth.map((m) => [m.month, m]))
    expect(months['2025-03']).toEqual({
      month: '2025-03',
      released: 1,
      withInterpretations: 1,
      inSync: 1,
      proactive: 1,
      onTime: 1,
      late: 0,
      returns: 0,
      supplementary: 0,
    })
    expect(months['2025-09']).toMatchObject({ released: 0, returns: 1 })
    expect(months['2025-10']).toEqual({
      month: '2025-10',
      released: 2,
      withInterpretations: 2,
      inSync: 2,
      proactive: 2,
      onTime: 1,
      late: 1,
      returns: 0,
      supplementary: 0,
    })
    expect(months['2025-06']).toMatchObject({ released: 1, proactive: 1, onTime: 0, late: 1 })
    expect(months['2025-07']).toMatchObject({ released: 0, returns: 0 })
    expect(months[thisMonth]).toMatchObject({ released: 4, proactive: 3, onTime: 3, late: 0, supplementary: 1 })

    const commendation = documentTypeLabel('commendation')
    expect(r.exemptionsByReason).toEqual([
      {
        kind: 'interpretation',
        reason: `${commendation.zh}属于明显无需解读的文件类型（${commendation.en} needs no interpretation）`,
        count: 1,
      },
    ])

    // The package signed 40 days ago is overdue; the one signed now is not.
    expect(r.overdueNow).toHaveLength(1)
    const [late] = r.overdueNow
    const stored = await w.payload.findByID({ collection: 'policies', id: P.overdue.id, depth: 0 })
    expect(late).toMatchObject({
      policy: String(P.overdue.id),
      title: P.overdue.title,
      department: String(w.a.id),
      departmentName: w.a.name,
      stage: 'signed',
    })
    expect(late!.deadline).toBe(releaseDeadline(new Date(late!.signedAt))!.toISOString())
    expect(late!.deadline).toBe(stored.workflow?.releaseDeadline)
    expect(late!.daysOverdue).toBeGreaterThanOrEqual(25)
    expect(r.auditHead).toEqual(expect.objectContaining({ seq: expect.any(Number), hash: expect.stringMatching(/^[0-9a-f]{64}$/) }))
  })

  test('the release clock: on time thanks to a make-up working day, late after it or when scheduled past it', async () => {
    const r = await report('?year=2025&department=' + w.a.id)
    expect(r.filters).toEqual({ year: 2025, department: String(w.a.id) })
    expect(r.overall).toEqual(a2025)
    expect(r.departments).toEqual([{ id: String(w.a.id), name: w.a.name, figures: a2025 }])
    expect(r.byMonth.map((m) => m.month)).toEqual(Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')}`))
    expect(r.byYear).toEqual([{ year: 2025, figures: a2025 }])
    // Deadline of a 30 September 2025 signature: Saturday 11 October (调休), 23:59:59.999 CST.
    expect(releaseDeadline(new Date('2025-09-30T16:00:00+08:00'))!.toISOString()).toBe('2025-10-11T15:59:59.999Z')
  })

  test('a year filter counts releases, returns and supplements by their own dates', async () => {
    const r = await report(`?year=${thisYear}`)
    expect(r.departments.find((d) => d.id === String(w.a.id))!.figures).toEqual(aThisYear)
    expect(r.departments.find((d) => d.id === String(w.b.id))!.figures).toEqual(bAll)
    expect(r.overall).toMatchObject({ released: 4, returns: 0, supplementary: 1, late: 0 })
    expect(r.exemptionsByReason).toHaveLength(1)
    const empty = await report('?year=2019')
    expect(empty.overall).toEqual(figures({ overdueNow: 1 }))
    expect(empty.byMonth).toHaveLength(12)
    expect(empty.exemptionsByReason).toEqual([])
  })
})

/** The report rebuilt from the audit log read through the Local API, with the served report's `now` and filters. */
async function rebuilt(served: ComplianceReport): Promise<unknown> {
  const { docs } = await w.payload.find({ collection: 'audit-log', sort: 'seq', pagination: false, depth: 0, overrideAccess: true })
  const names = Object.fromEntries(
    (await w.payload.find({ collection: 'departments', pagination: false, depth: 0 })).docs.map((d) => [String(d.id), d.name]),
  )
  const report = computeComplianceReport(docs.map(complianceEntryOf), {
    now: new Date(served.generatedAt),
    year: served.filters.year,
    department: served.filters.department,
    departmentNames: names,
  })
  return JSON.parse(JSON.stringify(report))
}

describe('recomputed from the audit trail alone', () => {
  test('the served report equals the pure function over the audit log read through the Local API', async () => {
    for (const query of ['', '?year=2025', `?department=${w.a.id}`, `?year=${thisYear}&department=${w.b.id}`]) {
      const served = await report(query)
      expect(await rebuilt(served)).toEqual(served)
    }
    // The paged loader reads the same trail, and the report names the chain's verified head.
    const entries = await loadComplianceEntries(w.payload)
    const verified = await verifyAuditChain(w.payload)
    expect(verified.ok).toBe(true)
    expect(entries.at(-1)).toMatchObject(verified.ok ? verified.head! : {})
    expect((await report('')).auditHead).toEqual(verified.ok ? verified.head : null)
    expect(await loadDepartmentNames(w.payload)).toMatchObject({ [String(w.a.id)]: w.a.name })
  })

  test('figures do not move when mutable fields do', async () => {
    const before = await report('')
    // 有效/失效/废止 stays editable after release; a withdrawn package's workflow record is not a figure.
    await ok('validity', w.rest.patch(`/policies/${P.inSync2025.id}`, { validity: 'repealed' }, tok('drafter')))
    const after = await report('')
    expect(after.overall).toEqual(before.overall)
    expect(after.departments).toEqual(before.departments)
    // The change itself is on the trail, and the served report (read incrementally) has caught up with it.
    expect(after.auditHead!.seq).toBeGreaterThan(before.auditHead!.seq)
    expect(await rebuilt(after)).toEqual(after)
  })
})

describe('the pure function on entries the workflow no longer writes', () => {
  // Older entries (before release entries recorded disclosure and exemptions), and histories the lifecycle
  // prevents today (a member left out of its release), as an imported or older trail could hold them.
  let seq = 0
  const entry = (at: string, action: string, policy: string, extra: Partial<ComplianceEntry> = {}): ComplianceEntry => {
    seq += 1
    return {
      seq,
      at: new Date(at).toISOString(),
      action,
      department: 'd1',
      policy,
      fromStage: null,
      toStage: null,
      members: null,
      details: null,
      hash: `h${seq}`,
      ...extra,
    }
  }
  const member = (id: string, form: string) => ({
    members: [{ collection: 'interpretations', id }],
    details: { form, supplementary: false },
  })
  const listed = (...ids: string[]) => ({ members: ids.map((id) => ({ collection: 'interpretations', id })) })

  test('legacy exemption inferred, a member left out is not in sync, a return voids the signature', () => {
    const entries = [
      // p1: two members, only one released with it; signed Tuesday, released Wednesday.
      entry('2024-01-02T09:00:00+08:00', 'member-created', 'p1', member('m1', 'text')),
      entry('2024-01-02T09:00:00+08:00', 'member-created', 'p1', member('m2', 'expert')),
      entry('2024-01-02T10:00:00+08:00', 'sign', 'p1', { toStage: 'signed' }),
      entry('2024-01-03T10:00:00+08:00', 'release', 'p1', { toStage: 'released', ...listed('m1') }),
      // p2: no member (so it was exempt); signed Friday 5th, returned, signed again Wednesday 10th, released
      // Friday 12th: on time from the second signature (deadline Monday 15th), late from the first (10th).
      entry('2024-01-05T10:00:00+08:00', 'sign', 'p2', { toStage: 'signed' }),
      entry('2024-01-08T10:00:00+08:00', 'return', 'p2', { toStage: 'drafting' }),
      entry('2024-01-10T10:00:00+08:00', 'sign', 'p2', { toStage: 'signed' }),
      entry('2024-01-12T10:00:00+08:00', 'release', 'p2', { toStage: 'released' }),
      // p3: a member deleted while drafting, another released; no signature on record: late.
      entry('2024-02-01T09:00:00+08:00', 'member-created', 'p3', member('m3', 'card')),
      entry('2024-02-01T09:10:00+08:00', 'member-deleted', 'p3', { members: [{ collection: 'interpretations', id: 'm3' }] }),
      entry('2024-02-01T09:20:00+08:00', 'member-created', 'p3', {
        members: [{ collection: 'videos', id: 'v1' }],
        details: { form: 'videos', supplementary: false },
      }),
      entry('2024-02-02T10:00:00+08:00', 'release', 'p3', { toStage: 'released', members: [{ collection: 'videos', id: 'v1' }] }),
    ]
    const r = computeComplianceReport([...entries].reverse(), {
      now: new Date('2024-03-01T00:00:00Z'),
      departmentNames: { d1: '测试部门' },
    })
    expect(r.overall).toEqual(
      figures({
        released: 3,
        proactive: 3,
        exempt: 1,
        requiringInterpretation: 2,
        withInterpretations: 2,
        withInterpretationsShare: 1,
        inSync: 1,
        inSyncShare: 0.5,
        onTime: 2,
        late: 1,
        onTimeShare: 0.6667,
        returns: 1,
        forms: forms({ text: 1, video: 1 }),
      }),
    )
    expect(r.exemptionsByReason).toEqual([{ kind: 'interpretation', reason: null, count: 1 }])
    expect(r.departments).toEqual([{ id: 'd1', name: '测试部门', figures: r.overall }])
    expect(r.byMonth.map((m) => [m.month, m.released])).toEqual([
      ['2024-01', 2],
      ['2024-02', 1],
    ])
    expect(r.auditHead).toEqual({ seq, hash: `h${seq}` })
    expect(computeComplianceReport([], { now: new Date('2024-03-01T00:00:00Z') })).toMatchObject({
      auditHead: null,
      byMonth: [],
      departments: [],
      overdueNow: [],
    })
  })
})

/** A raw REST call, for bodies that are not text (XLSX) or whose BOM must be seen. */
async function raw(path: string, token: string, language = 'zh') {
  const request = new Request(`http://localhost:3000/api${path}`, {
    headers: { authorization: `JWT ${token}`, 'accept-language': language },
  })
  const response = await handleEndpoints({ config: w.payload.config, request })
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) }
}

/** RFC 4180 CSV into rows of fields. */
function parseCsv(textContent: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < textContent.length; i += 1) {
    const c = textContent[i]!
    if (quoted) {
      if (c === '"' && textContent[i + 1] === '"') {
        field += '"'
        i += 1
      } else if (c === '"') quoted = false
      else field += c
    } else if (c === '"') quoted = true
    else if (c === ',') {
      row.push(field)
      field = ''
    } else if (c === '\r' && textContent[i + 1] === '\n') {
      row.push(field)
      rows.push(row)
      row = []
      field = ''
      i += 1
    } else field += c
  }
  return rows
}

const figureCells = (f: ComplianceFigures) =>
  FIGURE_COLUMN_KEYS.map((k) =>
    k.startsWith('forms.') ? f.forms[k.slice(6) as keyof ComplianceFigures['forms']] : f[k as Exclude<keyof ComplianceFigures, 'forms'>],
  )

describe('exports', () => {
  test('CSV: UTF-8 with BOM, parses back to the served figures', async () => {
    const served = await report('')
    const res = await raw('/compliance?format=csv', tok('admin'))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(res.headers.get('content-disposition')).toContain('compliance-all-all.csv')
    expect([...res.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const rows = parseCsv(res.bytes.toString('utf8').slice(1))
    // Sections: title, header, rows; separated by an empty line.
    const section = (title: string) => {
      const start = rows.findIndex((r) => r.length === 1 && r[0] === title)
      expect(start).toBeGreaterThanOrEqual(0)
      const end = rows.findIndex((r, i) => i > start && r.length === 1 && r[0] === '')
      return rows.slice(start + 1, end === -1 ? undefined : end)
    }
    const [header, overall, ...rest] = section(SECTION_LABELS.figures.zh)
    expect(header!.slice(0, 4)).toEqual(['范围', '编号', '名称', '发布政策数'])
    const numbers = (cells: string[]) => cells.slice(3).map((c) => (c === '' ? null : Number(c)))
    expect(overall![0]).toBe('合计')
    expect(numbers(overall!)).toEqual(figureCells(served.overall))
    for (const d of served.departments) {
      const row = rest.find((r) => r[0] === '部门' && r[1] === d.id)!
      expect(row[2]).toBe(d.name)
      expect(numbers(row)).toEqual(figureCells(d.figures))
    }
    const [monthHeader, ...months] = section(SECTION_LABELS.months.zh)
    expect(monthHeader).toHaveLength(MONTH_COLUMN_KEYS.length)
    expect(months.map((m) => Object.fromEntries(MONTH_COLUMN_KEYS.map((k, i) => [k, k === 'month' ? m[i] : Number(m[i])])))).toEqual(
      served.byMonth,
    )
    const [, exemption] = section(SECTION_LABELS.exemptions.zh)
    expect(exemption).toEqual(['免于解读', served.exemptionsByReason[0]!.reason, '1'])
    const [, overdue] = section(SECTION_LABELS.overdue.zh)
    expect(overdue!.slice(0, 4)).toEqual([String(P.overdue.id), P.overdue.title, String(w.a.id), w.a.name])

    const english = await raw('/compliance?format=csv', tok('admin'), 'en')
    expect(english.bytes.toString('utf8')).toContain('Scope,Id,Name,Released')
  })

  test('XLSX: exceljs reads back the served figures', async () => {
    const served = await report(`?year=2025`)
    const res = await raw('/compliance?format=xlsx&year=2025', tok('evaluator'))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    expect(res.headers.get('content-disposition')).toContain('compliance-2025-all.xlsx')
    const book = new ExcelJS.Workbook()
    // exceljs declares its own `Buffer` as an ArrayBuffer: hand it the bytes as one.
    await book.xlsx.load(res.bytes.buffer.slice(res.bytes.byteOffset, res.bytes.byteOffset + res.bytes.byteLength))
    expect(book.worksheets.map((s) => s.name)).toEqual(Object.values(SECTION_LABELS).map((l) => l.zh))
    const sheet = book.getWorksheet(SECTION_LABELS.figures.zh)!
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1)
    expect(values(2).slice(3)).toEqual(figureCells(served.overall).map((v) => v ?? undefined))
    const rowOfA = [...Array(sheet.rowCount).keys()].map((i) => values(i + 1)).find((v) => v[1] === String(w.a.id))!
    expect(rowOfA.slice(3)).toEqual(figureCells(a2025))
    expect(sheet.getColumn(FIGURE_COLUMN_KEYS.indexOf('onTimeShare') + 4).numFmt).toBe('0.0%')
    const months = book.getWorksheet(SECTION_LABELS.months.zh)!
    expect(months.rowCount).toBe(13)
    expect((months.getRow(11).values as unknown[]).slice(1)).toEqual(MONTH_COLUMN_KEYS.map((k) => served.byMonth[9]![k]))
  })
})

describe('access', () => {
  test('admins and evaluators see every department; others their own only; anonymous nothing', async () => {
    const all = await report('', 'evaluator')
    expect(all.departments.map((d) => d.id).sort()).toEqual([String(w.a.id), String(w.b.id)].sort())
    const b = await report(`?department=${w.b.id}`, 'admin')
    expect(b.overall).toEqual(bAll)

    for (const [role, second] of [
      ['drafter', false],
      ['viewer', false],
      ['reviewer', true],
      ['signer', true],
    ] as const) {
      const own = second ? w.b : w.a
      const r = await report('', role, second)
      expect([role, r.filters.department]).toEqual([role, String(own.id)])
      expect(r.departments.map((d) => d.id)).toEqual([String(own.id)])
      expect(r.overall).toEqual(second ? bAll : aAll)
      // Their own department named explicitly is the same report.
      expect((await report(`?department=${own.id}`, role, second)).overall).toEqual(r.overall)
    }
    expect((await report('', 'drafter', true)).overdueNow).toEqual([])

    const other = await w.rest.get(`/compliance?department=${w.b.id}`, tok('drafter'))
    expect(other.status).toBe(403)
    expect(firstError(other.body).data).toMatchObject({ rule: 'department-scope', ruleName: { zh: '部门权限', en: 'department scope' } })
    expect(firstError(other.body).message).toContain('部门权限')
    const exported = await raw(`/compliance?department=${w.b.id}&format=csv`, tok('viewer'))
    expect(exported.status).toBe(403)

    const anonymous = await w.rest.get('/compliance')
    expect([401, 403]).toContain(anonymous.status)
    expect(JSON.stringify(anonymous.body)).not.toContain('released')
    expect((await w.rest.get('/compliance?year=bad')).status).toBe(401)
    expect((await w.rest.get('/compliance?format=xlsx')).status).toBe(401)
  })

  test('bad year, department or format: 400 naming the parameter, in the request’s language', async () => {
    const cases: [string, string, string][] = [
      ['?year=20x5', '年份', 'year'],
      ['?year=1850', '年份', 'year'],
      ['?department=a%20b', '部门编号', 'department id'],
      ['?department=999999', '不存在', 'no department'],
      ['?department=constructor', '不存在', 'no department'],
      ['?format=pdf', '导出格式', 'format'],
    ]
    for (const [query, zh, en] of cases) {
      const res = await w.rest.get(`/compliance${query}`, tok('admin'))
      expect([query, res.status]).toEqual([query, 400])
      expect(firstError(res.body).data.rule).toBe('compliance-query')
      expect(firstError(res.body).message).toContain('合规统计')
      expect(firstError(res.body).message).toContain(zh)
      const english = await w.rest.call('GET', `/compliance${query}`, { token: tok('admin'), headers: { 'accept-language': 'en' } })
      expect(english.status).toBe(400)
      expect(firstError(english.body).message).toContain(en)
    }
  })
})
