/**
 * CSV and XLSX renderings of a compliance report: the same sections (about, figures by scope, by month,
 * exemptions, overdue now) with labels in the request's language. Numbers stay numbers (shares as fractions
 * 0…1, formatted as percentages in XLSX) so that a spreadsheet can compute with them.
 */
import ExcelJS from 'exceljs'

import type { Bilingual } from '../i18n'
import {
  ABOUT_LABELS,
  EXEMPTION_KIND_LABELS,
  FIGURE_LABELS,
  FORM_LABELS,
  MONTH_LABELS,
  OVERDUE_LABELS,
  SCOPE_LABELS,
  SECTION_LABELS,
} from './labels'
import { COMPLIANCE_FORMS, type ComplianceFigures, type ComplianceReport, type MonthRow, type OverdueRow } from './types'

export type ExportLanguage = 'en' | 'zh'

type Cell = null | number | string

type Column = { key: string; label: string; percent?: boolean; width?: number }

type Section = { columns: Column[]; key: keyof typeof SECTION_LABELS; rows: Cell[][]; title: string }

/** Figure columns after scope, id and name: the scalar figures with one column per form before `overdueNow`. */
export const FIGURE_COLUMN_KEYS = [
  ...(Object.keys(FIGURE_LABELS) as (keyof typeof FIGURE_LABELS)[]).filter((k) => k !== 'overdueNow'),
  ...COMPLIANCE_FORMS.map((f) => `forms.${f}` as const),
  'overdueNow' as const,
]

export const MONTH_COLUMN_KEYS = Object.keys(MONTH_LABELS) as (keyof MonthRow)[]

export const OVERDUE_COLUMN_KEYS = Object.keys(OVERDUE_LABELS) as (keyof OverdueRow)[]

const SHARES = new Set(['withInterpretationsShare', 'inSyncShare', 'onTimeShare'])

/** An instant as CST wall time, `YYYY-MM-DD HH:mm`. */
export function chinaDateTime(iso: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  )
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`
}

function sections(report: ComplianceReport, lang: ExportLanguage): Section[] {
  const t = (b: Bilingual) => b[lang]
  const figureColumns: Column[] = [
    { key: 'scope', label: t(ABOUT_LABELS.scope), width: 10 },
    { key: 'id', label: t(ABOUT_LABELS.id), width: 12 },
    { key: 'name', label: t(ABOUT_LABELS.name), width: 28 },
    ...FIGURE_COLUMN_KEYS.map((key) => ({
      key,
      label: key.startsWith('forms.')
        ? t(FORM_LABELS[key.slice(6) as keyof typeof FORM_LABELS])
        : t(FIGURE_LABELS[key as keyof typeof FIGURE_LABELS]),
      percent: SHARES.has(key),
      width: 12,
    })),
  ]
  const figureCells = (f: ComplianceFigures): Cell[] =>
    FIGURE_COLUMN_KEYS.map((key) =>
      key.startsWith('forms.') ? f.forms[key.slice(6) as keyof typeof f.forms] : f[key as keyof typeof FIGURE_LABELS],
    )
  const all = t(ABOUT_LABELS.all)
  const departmentName = report.filters.department
    ? (report.departments.find((d) => d.id === report.filters.department)?.name ?? report.filters.department)
    : all

  return [
    {
      key: 'about',
      title: t(SECTION_LABELS.about),
      columns: [
        { key: 'item', label: t(SECTION_LABELS.about), width: 24 },
        { key: 'value', label: '', width: 70 },
      ],
      rows: [
        [t(ABOUT_LABELS.generatedAt), chinaDateTime(report.generatedAt)],
        [t(ABOUT_LABELS.year), report.filters.year ?? all],
        [t(ABOUT_LABELS.department), departmentName],
        [t(ABOUT_LABELS.auditSeq), report.auditHead?.seq ?? null],
        [t(ABOUT_LABELS.auditHash), report.auditHead?.hash ?? null],
      ],
    },
    {
      key: 'figures',
      title: t(SECTION_LABELS.figures),
      columns: figureColumns,
      rows: [
        [t(SCOPE_LABELS.overall), report.filters.department ?? '', departmentName, ...figureCells(report.overall)],
        ...report.departments.map((d) => [t(SCOPE_LABELS.department), d.id, d.name, ...figureCells(d.figures)]),
        ...report.byYear.map((y) => [t(SCOPE_LABELS.year), y.year, String(y.year), ...figureCells(y.figures)]),
      ],
    },
    {
      key: 'months',
      title: t(SECTION_LABELS.months),
      columns: MONTH_COLUMN_KEYS.map((key) => ({ key, label: t(MONTH_LABELS[key]), width: 12 })),
      rows: report.byMonth.map((m) => MONTH_COLUMN_KEYS.map((key) => m[key])),
    },
    {
      key: 'exemptions',
      title: t(SECTION_LABELS.exemptions),
      columns: [
        { key: 'kind', label: t(ABOUT_LABELS.kind), width: 16 },
        { key: 'reason', label: t(ABOUT_LABELS.reason), width: 60 },
        { key: 'count', label: t(ABOUT_LABELS.count), width: 10 },
      ],
      rows: report.exemptionsByReason.map((e) => [t(EXEMPTION_KIND_LABELS[e.kind]), e.reason ?? t(ABOUT_LABELS.unrecorded), e.count]),
    },
    {
      key: 'overdue',
      title: t(SECTION_LABELS.overdue),
      columns: OVERDUE_COLUMN_KEYS.map((key) => ({ key, label: t(OVERDUE_LABELS[key]), width: key === 'title' ? 40 : 18 })),
      rows: report.overdueNow.map((o) =>
        OVERDUE_COLUMN_KEYS.map((key) => (key === 'signedAt' || key === 'deadline' ? chinaDateTime(o[key]) : o[key])),
      ),
    },
  ]
}

/** A CSV field; text that a spreadsheet would run as a formula is prefixed with an apostrophe. */
function csvField(value: Cell): string {
  if (value === null) return ''
  if (typeof value === 'number') return String(value)
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/**
 * The report as CSV (RFC 4180, CRLF): a UTF-8 BOM so that Excel reads the Chinese correctly, then each section as
 * a title line, a header line and its rows, sections separated by an empty line.
 */
export function complianceCsv(report: ComplianceReport, lang: ExportLanguage = 'zh'): string {
  const lines: string[] = []
  for (const section of sections(report, lang)) {
    if (lines.length) lines.push('')
    lines.push(csvField(section.title))
    lines.push(section.columns.map((c) => csvField(c.label)).join(','))
    for (const row of section.rows) lines.push(row.map(csvField).join(','))
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`
}

/** The report as an Excel workbook: one sheet per section, a bold frozen header, shares as percentages. */
export async function complianceXlsx(report: ComplianceReport, lang: ExportLanguage = 'zh'): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = '政策解读管理系统 Policy interpretation CMS'
  workbook.created = new Date(report.generatedAt)
  for (const section of sections(report, lang)) {
    const sheet = workbook.addWorksheet(section.title, { views: [{ state: 'frozen', ySplit: 1 }] })
    sheet.columns = section.columns.map((c) => ({
      header: c.label,
      key: c.key,
      width: c.width ?? 12,
      ...(c.percent ? { style: { numFmt: '0.0%' } } : {}),
    }))
    sheet.getRow(1).font = { bold: true }
    for (const row of section.rows) sheet.addRow(row)
  }
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
