/**
 * Reading an import file into rows of text: CSV (UTF-8 with or without BOM, else GB18030, which also reads GBK as
 * Chinese Excel writes it), XLSX (first worksheet), JSON Lines (one object per line). Row numbers are those a
 * person sees in the file: the CSV/XLSX line (header is line 1), the JSONL line.
 */
import ExcelJS from 'exceljs'
import { Readable } from 'node:stream'

export type ImportFormat = 'csv' | 'jsonl' | 'xlsx'

/** One record, keyed by the header as written in the file; arrays only from JSON Lines. */
export type RawRow = { row: number; values: Record<string, unknown> }

export type ParsedFile = { encoding: null | string; format: ImportFormat; rows: RawRow[]; problems: { problem: string; row: number }[] }

export function formatOf(fileName: string): ImportFormat | null {
  const lower = fileName.toLowerCase()
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) return 'csv'
  if (lower.endsWith('.xlsx')) return 'xlsx'
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson') || lower.endsWith('.json')) return 'jsonl'
  return null
}

/** UTF-8 when the bytes are valid UTF-8 (BOM dropped), else GB18030 (a superset of GBK and GB2312). */
export function decodeText(bytes: Uint8Array): { encoding: string; text: string } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { encoding: 'utf-8-bom', text: new TextDecoder('utf-8').decode(bytes.subarray(3)) }
  }
  try {
    return { encoding: 'utf-8', text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) }
  } catch {
    return { encoding: 'gb18030', text: new TextDecoder('gb18030').decode(bytes) }
  }
}

/** RFC 4180 CSV: quoted fields with "" escapes and line breaks inside quotes; CRLF or LF. Returns lines with their line number. */
export function parseCsv(text: string): { line: number; cells: string[] }[] {
  const out: { line: number; cells: string[] }[] = []
  let cells: string[] = []
  let cell = ''
  let quoted = false
  let line = 1
  let startLine = 1
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"'
          i += 1
        } else quoted = false
      } else {
        if (ch === '\n') line += 1
        cell += ch
      }
      continue
    }
    if (ch === '"' && cell === '') quoted = true
    else if (ch === ',') {
      cells.push(cell)
      cell = ''
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1
      cells.push(cell)
      if (cells.some((c) => c !== '')) out.push({ line: startLine, cells })
      cells = []
      cell = ''
      line += 1
      startLine = line
    } else cell += ch
  }
  cells.push(cell)
  if (cells.some((c) => c !== '')) out.push({ line: startLine, cells })
  return out
}

function rowsFromTable(table: { line: number; cells: string[] }[]): RawRow[] {
  const [header, ...body] = table
  if (!header) return []
  const names = header.cells.map((h) => h.trim())
  return body.map(({ line, cells }) => ({
    row: line,
    values: Object.fromEntries(names.map((name, i) => [name, cells[i] ?? ''])),
  }))
}

function cellText(value: ExcelJS.CellValue): unknown {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) return value
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('')
    if ('text' in value && typeof value.text === 'string') return value.text
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue)
    if ('hyperlink' in value) return String(value.hyperlink)
    return ''
  }
  return String(value)
}

export async function parseImportFile(bytes: Uint8Array, fileName: string): Promise<ParsedFile> {
  const format = formatOf(fileName)
  if (!format) throw new Error(`unsupported file type: ${fileName} (expected .csv, .xlsx or .jsonl)`)
  if (format === 'xlsx') {
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.read(Readable.from([Buffer.from(bytes)]))
    const sheet = workbook.worksheets[0]
    if (!sheet) return { format, encoding: null, rows: [], problems: [] }
    const table: { line: number; cells: string[] }[] = []
    const dates = new Map<string, Date>()
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: string[] = []
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        const value = cellText(cell.value)
        if (value instanceof Date) {
          dates.set(`${rowNumber}:${col - 1}`, value)
          cells[col - 1] = value.toISOString().slice(0, 10)
        } else cells[col - 1] = String(value)
      })
      table.push({ line: rowNumber, cells: Array.from(cells, (c) => c ?? '') })
    })
    return { format, encoding: null, rows: rowsFromTable(table), problems: [] }
  }
  const { encoding, text } = decodeText(bytes)
  if (format === 'csv') return { format, encoding, rows: rowsFromTable(parseCsv(text)), problems: [] }
  const rows: RawRow[] = []
  const problems: { problem: string; row: number }[] = []
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return
    try {
      const value: unknown = JSON.parse(line)
      if (!value || typeof value !== 'object' || Array.isArray(value)) problems.push({ row: i + 1, problem: 'not a JSON object' })
      else rows.push({ row: i + 1, values: value as Record<string, unknown> })
    } catch (error) {
      problems.push({ row: i + 1, problem: `not JSON: ${error instanceof Error ? error.message : String(error)}` })
    }
  })
  return { format, encoding, rows, problems }
}
