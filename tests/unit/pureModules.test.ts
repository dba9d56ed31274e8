import type { ComplianceEntry } from '../../src/compliance/report'

import { computeComplianceReport } from '../../src/compliance/report'
import { DEFAULT_TERMS } from '../../src/search/dictionary'
import { parseQuery } from '../../src/search/query'
import { SearchIndex } from '../../src/search/searchIndex'
import { segmenterFor } from '../../src/search/segmenter'
import { documentNumberProblem, parseDocumentNumber } from '../../src/rules/documentNumber'

describe('document numbers (发文字号, GB/T 9704)', () => {
  test('parses 机关代字〔YYYY〕N号', () => {
    expect(parseDocumentNumber('黔府发〔2020〕1号')).toEqual({ organCode: '黔府发', year: 2020, serial: 1 })
    expect(parseDocumentNumber('黔府发[2020]1号')).toBeNull()
    expect(documentNumberProblem('黔府发〔2020〕1号', new Date('2026-01-01'))).toBeNull()
  })
  test('names the clerks’ usual mistakes', () => {
    expect(documentNumberProblem('黔府发[2020]1号')?.en).toContain('hexagonal brackets')
    expect(documentNumberProblem('黔府发〔2020〕第1号')?.en).toContain('第')
    expect(documentNumberProblem('黔府发〔20〕1号')?.en).toContain('four digits')
    expect(documentNumberProblem('黔府发〔2020〕01号')?.en).toContain('leading zeros')
    expect(documentNumberProblem('通知')?.zh).toContain('机关代字')
  })
})

describe('search query parser', () => {
  test('a document number is one group, exact when the index holds it; words stay words', () => {
    const index = new SearchIndex(segmenterFor([...DEFAULT_TERMS]))
    index.add({
      collection: 'policies',
      id: 1,
      key: 'policies:1',
      policy: '1',
      documentNumber: '黔府发〔2020〕1号',
      fields: { title: '关于农业保险的通知', number: '黔府发〔2020〕1号', organ: '', context: '', body: '' },
    })
    const parsed = parseQuery(index, '黔府发[2020]1号 农业保险')
    expect(parsed.groups[0]).toMatchObject({ exact: '黔府发〔2020〕1号' })
    expect(
      parsed.groups
        .slice(1)
        .map((g) => g.text)
        .join(''),
    ).toContain('农业')
    expect(parseQuery(index, '黔府发〔2021〕9号').groups[0].exact).toBeUndefined()
  })
})

describe('compliance report (a replay of the trail)', () => {
  let seq = 0
  const entry = (action: string, at: string, extra: Partial<ComplianceEntry> = {}): ComplianceEntry => ({
    seq: ++seq,
    hash: `h${seq}`,
    action,
    at,
    department: 'd1',
    policy: 'p1',
    details: null,
    fromStage: null,
    toStage: null,
    members: null,
    ...extra,
  })
  const member = { members: [{ collection: 'interpretations', id: 'm1' }] }
  const trail = (releaseAt: string) => {
    seq = 0
    return [
      entry('policy-created', '2025-03-03T01:00:00.000Z', { details: { title: '测试政策' } }),
      entry('member-created', '2025-03-03T01:10:00.000Z', { ...member, details: { form: 'text', title: '解读' } }),
      entry('submit', '2025-03-03T02:00:00.000Z', { toStage: 'submitted' }),
      entry('approve', '2025-03-03T03:00:00.000Z', { toStage: 'confidentiality-passed' }),
      entry('approve', '2025-03-03T04:00:00.000Z', { toStage: 'content-passed' }),
      // Signed Monday 3 March 2025: three working days end Thursday 6 March (CST).
      entry('sign', '2025-03-03T05:00:00.000Z', {
        toStage: 'signed',
        details: { disclosure: 'proactive', releaseDeadline: '2025-03-06T15:59:59.999Z' },
      }),
      entry('release', releaseAt, {
        ...member,
        toStage: 'released',
        details: { disclosure: 'proactive', exemption: { interpretation: false, consultation: false } },
      }),
    ]
  }
  test('a package released within the deadline with its interpretation counts in sync and on time', () => {
    const report = computeComplianceReport(trail('2025-03-05T02:00:00.000Z'), { now: new Date('2025-04-01T00:00:00Z') })
    expect(report.overall).toMatchObject({ released: 1, proactive: 1, withInterpretations: 1, onTime: 1, late: 0 })
    expect(report.auditHead).toEqual({ seq: 7, hash: 'h7' })
  })
  test('released after the deadline counts late', () => {
    const report = computeComplianceReport(trail('2025-03-10T02:00:00.000Z'), { now: new Date('2025-04-01T00:00:00Z') })
    expect(report.overall).toMatchObject({ released: 1, onTime: 0, late: 1 })
  })
  test('signed and not released past the deadline is overdue now', () => {
    const signedOnly = trail('2025-03-05T02:00:00.000Z').slice(0, -1)
    const report = computeComplianceReport(signedOnly, { now: new Date('2025-03-10T00:00:00Z') })
    expect(report.overall.released).toBe(0)
    expect(report.overdueNow.map((o) => [o.policy, o.stage])).toEqual([['p1', 'signed']])
  })
})
