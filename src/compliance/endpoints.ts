import type { Endpoint, PayloadHandler, PayloadRequest } from 'payload'

import { DEPARTMENT_PARAM, dashboardScope } from '../access/dashboardScope'
import type { Bilingual } from '../i18n'
import { RULE_NAMES, RuleViolation } from '../rules/errors'
import { complianceCsv, complianceXlsx, type ExportLanguage, XLSX_CONTENT_TYPE } from './export'
import { currentComplianceEntries, loadDepartmentNames } from './load'
import { computeComplianceReport } from './report'

export const COMPLIANCE_FORMATS = ['json', 'csv', 'xlsx'] as const
export type ComplianceFormat = (typeof COMPLIANCE_FORMATS)[number]

/** Years a release can plausibly fall in (the trail starts with the system). */
const MIN_YEAR = 2000
const MAX_YEAR = 2100

const badQuery = (req: PayloadRequest, message: Bilingual, hint: Bilingual) =>
  new RuleViolation(req, { status: 400, rule: 'compliance-query', ruleName: RULE_NAMES.compliance, message, hint })

export type ComplianceQuery = { department: null | string; format: ComplianceFormat; year: null | number }

/** Reads `year`, `department` and `format`; anything malformed is a 400 naming the parameter. */
export function parseComplianceQuery(req: PayloadRequest): ComplianceQuery {
  const params = new URL(req.url ?? 'http://localhost/').searchParams
  const yearText = params.get('year')?.trim() || null
  let year: null | number = null
  if (yearText !== null) {
    year = /^\d{4}$/.test(yearText) ? Number(yearText) : NaN
    if (!(year >= MIN_YEAR && year <= MAX_YEAR)) {
      throw badQuery(
        req,
        {
          en: `year “${yearText.slice(0, 16)}” is not a four-digit year from ${MIN_YEAR} to ${MAX_YEAR}.`,
          zh: `年份“${yearText.slice(0, 16)}”须为${MIN_YEAR}至${MAX_YEAR}之间的四位数年份。`,
        },
        { en: 'e.g. year=2025, or leave it out for all years.', zh: '例如 year=2025；不填则统计全部年份。' },
      )
    }
  }
  const department = params.get('department')?.trim() || null
  if (department !== null && !DEPARTMENT_PARAM.test(department)) {
    throw badQuery(
      req,
      { en: `“${department.slice(0, 64)}” is not a department id.`, zh: `“${department.slice(0, 64)}”不是有效的部门编号。` },
      {
        en: 'Use the id of a department (GET /api/departments), or leave it out.',
        zh: '请使用部门编号（见 GET /api/departments），或不填。',
      },
    )
  }
  const formatText = params.get('format')?.trim().toLowerCase() || 'json'
  if (!(COMPLIANCE_FORMATS as readonly string[]).includes(formatText)) {
    throw badQuery(
      req,
      { en: `unknown format “${formatText.slice(0, 16)}”.`, zh: `未知的导出格式“${formatText.slice(0, 16)}”。` },
      { en: `Use one of: ${COMPLIANCE_FORMATS.join(', ')}.`, zh: `可选值：${COMPLIANCE_FORMATS.join('、')}。` },
    )
  }
  return { year, department, format: formatText as ComplianceFormat }
}

const exportName = (year: null | number, department: null | string, ext: string) =>
  `compliance-${year ?? 'all'}-${department ? `department-${department}` : 'all'}.${ext}`

/**
 * GET /api/compliance?year=&department=&format=json|csv|xlsx — the compliance report, recomputed at every request
 * from the whole audit trail (read incrementally, see load.ts; report.ts says what each figure counts).
 */
export const complianceHandler: PayloadHandler = async (req) => {
  // Anonymous callers learn nothing, not even which parameters are wrong: 401 first.
  if (!req.user) dashboardScope(req)
  const query = parseComplianceQuery(req)
  // Admins and evaluators: any department or all; other signed-in users: their own only; anonymous: none.
  const scope = dashboardScope(req, query.department)
  const department = scope.department === null ? null : String(scope.department)
  const [entries, departmentNames] = await Promise.all([currentComplianceEntries(req.payload), loadDepartmentNames(req.payload)])
  if (department !== null && !Object.hasOwn(departmentNames, department) && !entries.some((e) => e.department === department)) {
    throw badQuery(
      req,
      { en: `there is no department ${department}.`, zh: `不存在编号为 ${department} 的部门。` },
      {
        en: 'Use the id of a department (GET /api/departments), or leave it out.',
        zh: '请使用部门编号（见 GET /api/departments），或不填。',
      },
    )
  }
  const report = computeComplianceReport(entries, { now: new Date(), year: query.year, department, departmentNames })
  const headers = { 'Cache-Control': 'private, no-store' }
  if (query.format === 'json') return Response.json(report, { headers })
  const lang: ExportLanguage = req.i18n?.language === 'en' ? 'en' : 'zh'
  const attachment = (ext: string) => `attachment; filename="${exportName(query.year, department, ext)}"`
  if (query.format === 'csv') {
    return new Response(complianceCsv(report, lang), {
      headers: { ...headers, 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': attachment('csv') },
    })
  }
  return new Response(new Uint8Array(await complianceXlsx(report, lang)), {
    headers: { ...headers, 'Content-Type': XLSX_CONTENT_TYPE, 'Content-Disposition': attachment('xlsx') },
  })
}

export const complianceEndpoints: Endpoint[] = [{ path: '/compliance', method: 'get', handler: complianceHandler }]
