import type { PayloadRequest } from 'payload'

import type { ComplianceReport } from '../../compliance/types'

import { DEPARTMENT_PARAM, dashboardScope } from '../../access/dashboardScope'
import { catalogStatus, type CatalogItemStatus } from '../../catalog/status'
import { currentComplianceEntries, loadDepartmentNames } from '../../compliance/load'
import { type PendingPackage, pendingPackages } from '../../compliance/pending'
import { computeComplianceReport } from '../../compliance/report'
import { CROSS_DEPARTMENT_ROLES, hasRole } from '../../roles'

/** A section's data, or why it could not be computed (the page still renders the others). */
export type Section<T> = { data: T; ok: true } | { error: string; ok: false }

export type DashboardData = {
  filters: { department: null | string; year: null | number }
  /** Departments the user may pick (one for department users). */
  departments: { id: string; name: string }[]
  /** Admins and evaluators choose the department; others see theirs. */
  canChooseDepartment: boolean
  years: number[]
  report: Section<ComplianceReport>
  pending: Section<{ others: number; rows: PendingPackage[]; total: number }>
  stale: Section<{ rows: CatalogItemStatus[]; total: number }>
}

async function section<T>(load: () => Promise<T>): Promise<Section<T>> {
  try {
    return { ok: true, data: await load() }
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) }
  }
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)

/**
 * Everything /admin/compliance shows, computed on the server for the signed-in user: the compliance report (from
 * the audit trail), the blocked/overdue packages and the sleeping catalog columns, all in the user's scope —
 * department users their own department whatever the URL asks, admins and evaluators any.
 */
export async function loadDashboard(
  req: PayloadRequest,
  searchParams: Record<string, string | string[] | undefined> = {},
): Promise<DashboardData> {
  const now = new Date()
  const yearParam = first(searchParams.year)
  const year = yearParam && /^(19|20)\d{2}$/.test(yearParam) ? Number(yearParam) : null
  const departmentParam = first(searchParams.department)
  const canChooseDepartment = hasRole(req.user, ...CROSS_DEPARTMENT_ROLES)
  const requested = canChooseDepartment && departmentParam && DEPARTMENT_PARAM.test(departmentParam) ? departmentParam : null
  const scope = dashboardScope(req, requested)
  const department = scope.department === null ? null : String(scope.department)

  const names: Record<string, string> = await loadDepartmentNames(req.payload).catch(() => ({}))
  const departments = Object.entries(names)
    .map(([id, name]) => ({ id, name }))
    .filter((d) => canChooseDepartment || d.id === department)
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-Hans-CN'))

  let years: number[] = []
  const report = await section(async () => {
    // The same incremental read of the trail as GET /api/compliance (only entries appended since the last view).
    const entries = await currentComplianceEntries(req.payload)
    const data = computeComplianceReport(entries, { now, year, department, departmentNames: names })
    // The years to choose from: every year with activity in scope, and this one.
    const activity = year === null ? data.byYear : computeComplianceReport(entries, { now, department }).byYear
    years = activity.map((y) => y.year)
    return data
  })
  const thisYear = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(now))
  years = [...new Set([thisYear, ...years, ...(year ? [year] : [])])].sort((a, b) => b - a)

  const [pending, stale] = await Promise.all([
    section(async () => {
      const list = await pendingPackages(req, { department, now })
      const rows = list.docs.filter((d) => d.blocked || d.overdue)
      return { rows, total: list.total, others: list.docs.length - rows.length }
    }),
    section(async () => {
      const status = await catalogStatus(req.payload, { department, now })
      return { rows: status.items.filter((i) => i.stale), total: status.total }
    }),
  ])
  return { filters: { department, year }, departments, canChooseDepartment, years, report, pending, stale }
}
