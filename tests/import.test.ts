import ExcelJS from 'exceljs'
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'

import type { User } from '../payload-types'

import { importAdmin } from '../src/import/admin'
import { sanitiseHtml } from '../src/import/html'
import { decodeText, parseCsv } from '../src/import/parse'
import { importFile, type ImportReport, summaryLine } from '../src/import/run'
import { lexicalPlainText } from '../src/richText/plainText'
import { makeImage } from './fixtures/media/make'
import { decreeRow, realTextRows, toJsonl } from './fixtures/realText'
import { lane } from './helpers/payload'
import { startWorld, type World } from './helpers/world'

let w: World
let admin: User
let dir: string

beforeAll(async () => {
  w = await startWorld()
  admin = await importAdmin(w.payload)
  dir = await mkdtemp(path.join(tmpdir(), 'import-'))
})
afterAll(async () => {
  await w?.payload.destroy()
})

const run = (bytes: Uint8Array, fileName: string, dryRun = false): Promise<ImportReport> =>
  importFile(w.payload, bytes, { user: admin, fileName, baseDir: dir, dryRun })

const utf8 = (text: string) => new TextEncoder().encode(text)

/** GB18030 bytes of `text`, from the decoder's own table (Node has no GB18030 encoder; two-byte codes cover GBK). */
function gb18030(text: string): Uint8Array {
  const table = new Map<string, number[]>()
  const decoder = new TextDecoder('gb18030')
  for (let lead = 0x81; lead <= 0xfe; lead += 1) {
    for (let trail = 0x40; trail <= 0xfe; trail += 1) {
      if (trail === 0x7f) continue
      const ch = decoder.decode(new Uint8Array([lead, trail]))
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [lead, trail])
    }
  }
  const out: number[] = []
  for (const ch of text) {
    const code = ch.codePointAt(0)!
    if (code < 0x80) out.push(code)
    else {
      const bytes = table.get(ch)
      if (!bytes) throw new Error(`no GBK code for ${ch}`)
      out.push(...bytes)
    }
  }
  return new Uint8Array(out)
}

describe('reading files', () => {
  test('CSV with quotes, line breaks in cells and CRLF; UTF-8 with BOM, without, and GB18030', () => {
    expect(parseCsv('a,b\r\n"x, ""y""","line\nbreak"\r\n').map((r) => r.cells)).toEqual([
      ['a', 'b'],
      ['x, "y"', 'line\nbreak'],
    ])
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('标题')]))).toEqual({ encoding: 'utf-8-bom', text: '标题' })
    expect(decodeText(gb18030('标题,发文字号'))).toEqual({ encoding: 'gb18030', text: '标题,发文字号' })
  })

  test('HTML is sanitised before conversion: scripts, handlers and javascript: links go, tables become rows', () => {
    const html = sanitiseHtml(
      '<p onclick="x()">正文<script>alert(1)</script><a href="javascript:evil()">链接</a></p><table><tr><td>甲</td><td>100</td></tr></table>',
    )
    expect(html).not.toMatch(/script|onclick|javascript/)
    expect(html).toContain('<p>甲 | 100</p>')
  })
})

/**
 * FerretDB v1 (the MongoDB-wire test server) filters most queries by scanning the collection, so each row costs more
 * the more there are: that lane imports fewer rows (real MongoDB uses the indexes).
 */
const POLICIES = lane === 'mongo' ? 40 : 140

describe('legacy import', () => {
  const rows = [...realTextRows(POLICIES), decreeRow(190)]
  const policies = rows.filter((r) => r.kind !== '解读').length
  const interpretations = rows.length - policies
  let report: ImportReport

  test('a dry run reports and writes nothing', async () => {
    const before = await w.payload.count({ collection: 'policies', overrideAccess: true })
    const dry = await run(utf8(toJsonl(rows)), 'library.jsonl', true)
    expect(dry).toMatchObject({ dryRun: true, created: rows.length, failed: 0, skipped: 0 })
    expect(summaryLine(dry)).toBe(`import: created ${rows.length}, skipped 0, failed 0 (dry run: nothing written)`)
    expect(await w.payload.count({ collection: 'policies', overrideAccess: true })).toEqual(before)
  }, 300_000)

  test('a few hundred real-looking rows become released packages with their original numbers and index numbers', async () => {
    report = await run(utf8(toJsonl(rows)), 'library.jsonl')
    expect(report.failed).toBe(0)
    expect(report.results.filter((r) => r.problems.length)).toEqual([])
    expect(report).toMatchObject({ created: rows.length, skipped: 0 })
    expect(summaryLine(report)).toBe(`import: created ${rows.length}, skipped 0, failed 0`)

    const byRow = new Map(report.results.map((r) => [r.row, r]))
    // Row 2 (JSONL line 2) is policy 1: 黔财农 〔2010〕 1 号 as printed, kept and flagged with the canonical form.
    const first = await w.payload.findByID({ collection: 'policies', id: byRow.get(1)!.id!, depth: 0, overrideAccess: true })
    expect(first).toMatchObject({
      stage: 'released',
      documentNumber: '黔财农 〔2010〕 1 号',
      indexNumber: rows[0]!.indexNumber,
      legacyNumber: { flagged: true, suggestion: '黔财农〔2010〕1号' },
      imported: { sha256: report.sha256, row: 1 },
    })
    expect(first.workflow?.releasedAt).toBe('2010-02-02T01:00:00.000Z')
    expect(first.writtenAt).toBe('2010-02-02T00:00:00.000Z')
    expect(lexicalPlainText(first.body)).toContain('聯繫電話')
    expect(JSON.stringify(first.body)).not.toMatch(/alert|steal/)
    expect(report.legacyNumbers).toBeGreaterThan(POLICIES / 3)

    // The decree keeps its 令号 and is not flagged.
    const decree = report.results.find((r) => r.title?.includes('規章測試'))!
    const decreeDoc = await w.payload.findByID({ collection: 'policies', id: decree.id!, depth: 0, overrideAccess: true })
    expect(decreeDoc).toMatchObject({ documentType: 'decree', documentNumber: '贵州省人民政府令第190号' })
    expect(decreeDoc.legacyNumber?.flagged ?? false).toBe(false)

    // Interpretations belong to their package (double association both ways), none supplementary.
    const interp = await w.payload.find({
      collection: 'interpretations',
      where: { title: { like: '政策解讀 R' } },
      limit: 0,
      pagination: false,
      depth: 0,
      overrideAccess: true,
    })
    expect(interp.docs).toHaveLength(interpretations)
    expect(interp.docs.every((d) => d.supplementary === false)).toBe(true)
    const withJoin = await w.payload.findByID({ collection: 'policies', id: byRow.get(2)!.id!, depth: 1, overrideAccess: true })
    expect(withJoin.interpretations?.docs?.length).toBe(1)

    // One `imported` audit entry per document: who, the file's SHA-256, the row.
    const audit = await w.payload.find({
      collection: 'audit-log',
      where: { action: { equals: 'imported' } },
      limit: 0,
      pagination: false,
      depth: 0,
      overrideAccess: true,
    })
    expect(audit.docs).toHaveLength(rows.length)
    expect(audit.docs[0]).toMatchObject({
      actorEmail: admin.email,
      details: expect.objectContaining({ sha256: report.sha256, row: expect.any(Number) }),
    })
    const created = await w.payload.find({
      collection: 'audit-log',
      where: { action: { in: ['policy-created', 'member-created'] } },
      limit: 0,
      depth: 0,
      overrideAccess: true,
    })
    expect(created.totalDocs).toBe(0)
  }, 600_000)

  test('a second run creates nothing', async () => {
    const again = await run(utf8(toJsonl(rows)), 'library.jsonl')
    expect(again).toMatchObject({ created: 0, skipped: rows.length, failed: 0 })
    expect(again.results.find((r) => r.kind === 'policy')?.matchedBy).toContain('索引号')
  }, 600_000)

  test('the check endpoint gives the canonical form of every legacy number', async () => {
    const token = await w.token('viewer')
    for (const r of report.results.filter((x) => x.legacyNumber).slice(0, 20)) {
      const doc = await w.payload.findByID({ collection: 'policies', id: r.id!, depth: 0, overrideAccess: true })
      const res = await w.rest.get(
        `/document-numbers/check?${new URLSearchParams({ value: doc.documentNumber!, documentType: doc.documentType })}`,
        token,
      )
      expect(res.body).toMatchObject({ valid: false, canonical: r.legacyNumber!.suggestion })
    }
  })

  test('readers get them: the bundle, the feeds and public search (traditional, simplified and debris queries)', async () => {
    const policyId = report.results.find((r) => r.row === 2)!.id!
    const bundle = await w.rest.get(`/public/policies/${policyId}`)
    expect(bundle.status).toBe(200)
    expect(JSON.stringify(bundle.body)).toContain('政策解讀 R2')

    const feed = await w.rest.get('/public/feeds/policies.json')
    expect(feed.status).toBe(200)
    expect(JSON.stringify(feed.body)).toMatch(/R\d+號 關於進一步做好/)

    const search = async (q: string) => (await w.rest.get(`/public/search?${new URLSearchParams({ q })}`)).body
    for (const q of ['农村综合改革', '農村綜合改革', '城镇老旧小区改造', '黔财农〔2010〕1号']) {
      const body = await search(q)
      expect(body.hits?.length ?? 0).toBeGreaterThan(0)
    }
    // A long body with 400 paragraphs is searchable to its end.
    const long = await search('编号10-399')
    expect(long.hits?.length ?? 0).toBeGreaterThan(0)
    // The first public search after a few hundred imported rows catches the index up on them (minutes on a loaded
    // MongoDB-wire lane in CI).
  }, 300_000)

  test('compliance keeps imported packages apart and says so', async () => {
    const token = await w.token('admin')
    const res = await w.rest.get('/compliance', token)
    expect(res.status).toBe(200)
    expect(res.body.imported.packages).toBe(policies)
    expect(res.body.imported.note.zh).toContain('不计入')
    expect(res.body.overall.released).toBe(0)
  })

  test('bad rows are reported with row, column and problem and stop nothing else', async () => {
    const lines = [
      { title: '关于没有文种也没有成文日期的通知', documentNumber: '黔财农〔2015〕1001号', organs: '贵州省财政厅', releasedAt: '20150105' },
      { title: '机关不存在', organs: '火星省人民政府', writtenAt: '2015-01-05', documentType: 'notice' },
      { title: '日期错误', organs: '贵州省财政厅', writtenAt: '2015-02-30', documentType: 'notice' },
      { title: '文种错误', organs: '贵州省财政厅', writtenAt: '2015-01-05', documentType: '公函吧' },
      { title: '找不到政策的解读', kind: 'interpretation', relatesTo: '不存在的文件' },
      { organs: '贵州省财政厅', writtenAt: '2015-01-05', documentType: 'notice' },
    ]
    const text = lines.map((l) => JSON.stringify(l)).join('\n') + '\nnot json\n'
    const bad = await run(utf8(text), 'bad.jsonl')
    expect(bad).toMatchObject({ created: 1, failed: 6 })
    const problems = bad.results.filter((r) => r.status === 'failed').map((r) => [r.row, r.problems[0]?.column])
    expect(problems).toEqual([
      [2, 'organs'],
      [3, 'writtenAt'],
      [4, 'documentType'],
      [5, 'relatesTo'],
      [6, 'title'],
      [7, null],
    ])
    expect(bad.unknownDepartments).toEqual(['火星省人民政府'])
    const inferred = await w.payload.findByID({ collection: 'policies', id: bad.results[0]!.id!, depth: 0, overrideAccess: true })
    expect(inferred).toMatchObject({ documentType: 'notice', writtenAt: '2015-01-05T00:00:00.000Z' })
    expect(bad.results[0]!.notes?.map((n) => n.en)).toEqual([expect.stringContaining('release date'), expect.stringContaining('notice')])
    expect(await w.payload.count({ collection: 'departments', where: { name: { equals: '火星省人民政府' } } })).toEqual({ totalDocs: 0 })
  })

  test('CSV in GB18030 with Chinese headers and XLSX with English headers', async () => {
    const csv =
      '标题,发文字号,发文机关,成文日期,文种,有效性,公开属性,正文\r\n' +
      '"关于GBK导入测试的通知","黔财农[2016]77号","贵州省财政厅","2016年3月1日","通知","有效","主动公开","第一条　测试，正文。"\r\n'
    const fromCsv = await run(gb18030(csv), 'legacy-gbk.csv')
    expect(fromCsv).toMatchObject({ encoding: 'gb18030', created: 1, failed: 0 })
    const csvDoc = await w.payload.findByID({ collection: 'policies', id: fromCsv.results[0]!.id!, depth: 0, overrideAccess: true })
    expect(csvDoc).toMatchObject({ title: '关于GBK导入测试的通知', documentNumber: '黔财农[2016]77号', legacyNumber: { flagged: true } })

    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('Sheet1')
    sheet.addRow(['title', 'documentNumber', 'organs', 'writtenAt', 'documentType', 'attachments'])
    sheet.addRow([
      'Excel 导入测试通知',
      '黔建房〔2017〕8号',
      '贵州省住房和城乡建设厅',
      new Date('2017-04-01T00:00:00Z'),
      'notice',
      'files/附图1.png',
    ])
    await mkdir(path.join(dir, 'files'), { recursive: true })
    await writeFile(path.join(dir, 'files', '附图1.png'), await makeImage(40, 40))
    const xlsx = new Uint8Array(await workbook.xlsx.writeBuffer())
    const fromXlsx = await run(xlsx, 'library.xlsx')
    expect(fromXlsx.results[0]!.problems).toEqual([])
    expect(fromXlsx).toMatchObject({ created: 1, failed: 0 })
    const xlsxDoc = await w.payload.findByID({ collection: 'policies', id: fromXlsx.results[0]!.id!, depth: 0, overrideAccess: true })
    expect(xlsxDoc).toMatchObject({ documentNumber: '黔建房〔2017〕8号', writtenAt: '2017-04-01T00:00:00.000Z' })
    expect(xlsxDoc.attachments).toHaveLength(1)
  })

  test('the admin page API: admins only; dry-run report, then a run with progress', async () => {
    const file = toJsonl([
      {
        title: '后台导入测试通知',
        documentNumber: '黔财农 〔2018〕 606 号',
        organs: '贵州省财政厅',
        writtenAt: '2018-05-05',
        documentType: '通知',
      },
    ])
    const post = (query: string, token?: string) =>
      w.rest.call('POST', `/legacy-import?${query}`, { rawBody: file, headers: { 'content-type': 'application/octet-stream' }, token })
    expect((await post('fileName=a.jsonl&dryRun=true')).status).toBe(401)
    expect((await post('fileName=a.jsonl&dryRun=true', await w.token('drafter'))).status).toBe(403)
    const token = await w.token('admin')
    const badName = await post('fileName=a.doc&dryRun=true', token)
    expect(badName.status).toBe(400)
    expect(badName.body.errors[0].data.rule).toBe('import-input')
    const dry = await post('fileName=a.jsonl&dryRun=true', token)
    expect(dry.status).toBe(200)
    expect(dry.body).toMatchObject({ dryRun: true, created: 1, legacyNumbers: 1 })
    expect(
      await w.payload.count({ collection: 'policies', where: { title: { equals: '后台导入测试通知' } }, overrideAccess: true }),
    ).toEqual({ totalDocs: 0 })
    const started = await post('fileName=a.jsonl', token)
    expect(started.status).toBe(202)
    let state = started.body
    // A deadline, not a count of polls: on a loaded CI machine the background run may take many seconds to start.
    for (const deadline = Date.now() + 120_000; state.status === 'running' && Date.now() < deadline;) {
      await new Promise((resolve) => setTimeout(resolve, 100))
      state = (await w.rest.get(`/legacy-import/${started.body.run}`, token)).body
    }
    expect(state).toMatchObject({ status: 'done', done: 1, total: 1, report: { created: 1, failed: 0 } })
    expect((await w.rest.get('/legacy-import/nope', token)).status).toBe(404)
    expect((await w.rest.get(`/legacy-import/${started.body.run}`, await w.token('drafter'))).status).toBe(403)
  }, 300_000)

  test('a row that fails while writing leaves nothing behind (its attachment is removed again)', async () => {
    await mkdir(path.join(dir, 'files'), { recursive: true })
    await writeFile(path.join(dir, 'files', '附图2.png'), await makeImage(40, 40))
    const media = await w.payload.count({ collection: 'media', overrideAccess: true })
    const line = {
      title: '登记号错误的文件',
      organs: '贵州省财政厅',
      writtenAt: '2015-01-05',
      documentType: 'notice',
      attachments: 'files/附图2.png',
      registrationNumber: '湘2015第5号',
    }
    const bad = await run(utf8(JSON.stringify(line)), 'undo.jsonl')
    expect(bad).toMatchObject({ created: 0, failed: 1 })
    expect(bad.results[0]!.problems[0]!.column).toBe('registrationNumber')
    expect(await w.payload.count({ collection: 'media', overrideAccess: true })).toEqual(media)
    expect(
      await w.payload.count({ collection: 'policies', where: { title: { equals: '登记号错误的文件' } }, overrideAccess: true }),
    ).toEqual({ totalDocs: 0 })
  })

  test('the documented example file imports cleanly', async () => {
    const { readFile } = await import('node:fs/promises')
    const bytes = await readFile(path.join(process.cwd(), 'docs/examples/import-example.jsonl'))
    const example = await run(bytes, 'import-example.jsonl')
    expect(example.results.filter((r) => r.problems.length)).toEqual([])
    expect(example).toMatchObject({ created: 5, failed: 0, legacyNumbers: 2 })
  })

  test('new documents keep the strict rules', async () => {
    const token = await w.token('drafter')
    const res = await w.rest.post(
      '/policies',
      {
        title: '新文件',
        documentNumber: '黔财农[2026]1号',
        documentType: 'notice',
        issuingOrgans: [w.a.id],
        writtenAt: '2026-03-01T00:00:00.000Z',
        department: w.a.id,
        disclosure: 'proactive',
      },
      token,
    )
    expect(res.status).toBe(400)
  })
})
