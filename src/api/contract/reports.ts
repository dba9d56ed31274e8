import { errors, id, json, type PathItems, query, signedIn, str } from './schema'

const department = query('department', id, 'Department id; department users: their own (the default)')

/** What evaluators and department heads read: compliance, pending packages, the catalog's sleeping columns. */
export const reportPaths: PathItems = {
  '/api/compliance': {
    get: {
      operationId: 'complianceReport',
      summary: '合规统计 Compliance report, recomputed from the audit trail (admins and evaluators: all departments; others: their own)',
      security: signedIn,
      parameters: [
        query(
          'year',
          { type: 'integer', minimum: 2000, maximum: 2100 },
          'Calendar year of release (China Standard Time); all years when left out',
        ),
        department,
        query('format', { enum: ['json', 'csv', 'xlsx'], default: 'json' }, 'json, or an export: CSV (UTF-8 with BOM) or Excel'),
      ],
      responses: {
        200: {
          description: 'ComplianceReport (src/compliance/types.ts), or its CSV / XLSX export',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: [
                  'generatedAt',
                  'filters',
                  'overall',
                  'departments',
                  'byMonth',
                  'forms',
                  'exemptionsByReason',
                  'overdueNow',
                  'auditHead',
                ],
              },
            },
            'text/csv': { schema: str },
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } },
          },
        },
        ...errors([400, 'Bad year, department or format'], 401, [403, 'Another department’s figures; no department']),
      },
    },
  },
  '/api/compliance/pending': {
    get: {
      operationId: 'pendingPackages',
      summary: 'Packages not yet released (drafting … scheduled) with what blocks them and whether they are past their release deadline',
      security: signedIn,
      parameters: [department],
      responses: {
        200: json(
          { type: 'object', required: ['generatedAt', 'department', 'total', 'docs'] },
          'Pending packages, overdue and blocked first',
        ),
        ...errors([400, 'Bad department id'], 401, [403, 'Another department’s packages; no department']),
      },
    },
  },
  '/api/catalog/status': {
    get: {
      operationId: 'catalogStatus',
      summary:
        '政务公开标准目录: every catalog item with its column’s last public update, the next deadline and whether it sleeps (睡眠栏目)',
      security: signedIn,
      parameters: [department],
      responses: {
        200: json(
          { type: 'object', required: ['generatedAt', 'department', 'total', 'stale', 'items'] },
          'Items with lastUpdatedAt, deadline, stale, tracked',
        ),
        ...errors([400, 'Bad department id'], 401, [403, 'Another department’s items; no department']),
      },
    },
  },
}
