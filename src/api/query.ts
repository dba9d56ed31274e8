import type { PayloadRequest } from 'payload'

import { z } from 'zod'

import { INTERPRETATION_FORMS } from '../rules/interpretationForms'
import { isDocumentId } from '../input/ids'
import { DOCUMENT_TYPES } from '../rules/documentTypes'
import { SUBJECTS } from '../rules/subjects'

const values = <T extends readonly { value: string }[]>(list: T) =>
  list.map((x) => x.value) as [T[number]['value'], ...T[number]['value'][]]

/** Query parameters of the public lists and feeds. Unknown parameters are refused, so typos do not go unnoticed. */
export const listQuery = z
  .object({
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    department: z.string().trim().min(1).max(64).optional(),
    documentType: z.enum(values(DOCUMENT_TYPES)).optional(),
    subject: z.enum(values(SUBJECTS)).optional(),
    year: z.coerce.number().int().min(1949).max(2100).optional(),
    validity: z.enum(['valid', 'expired', 'repealed']).optional(),
    form: z.enum(values(INTERPRETATION_FORMS)).optional(),
    validOn: z
      .string()
      .trim()
      .refine(isCalendarDay, { message: 'expected a calendar date in the format YYYY-MM-DD (e.g. 2026-03-01), year 1900–2099' })
      .optional(),
  })
  .strict()

/** A real day of the calendar written YYYY-MM-DD (2026-02-30 is not one), in 1900–2099. */
function isCalendarDay(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!match) return false
  const [y, m, d] = match.slice(1).map(Number)
  const day = new Date(Date.UTC(y, m - 1, d))
  // 1900–2099, as the OpenAPI pattern says: any such day is a fair question (before 1949 nothing is in force).
  return y >= 1900 && y <= 2099 && day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d
}

export type ListQuery = z.infer<typeof listQuery>

/**
 * The query's parameters with empty ones left out: forms submit `department=` for “any”, and the contract says an
 * empty parameter means the parameter is absent.
 */
export function nonEmptyParams(req: Pick<PayloadRequest, 'url'>): Record<string, string> {
  return Object.fromEntries([...new URL(req.url ?? 'http://x/').searchParams].filter(([, v]) => v.trim() !== ''))
}

export function parseQuery<S extends z.ZodTypeAny>(req: PayloadRequest, schema: S): { error: string } | { value: z.infer<S> } {
  const params = nonEmptyParams(req)
  const parsed = schema.safeParse(params)
  if (parsed.success) {
    // Ids have the adapter's form; another (`abc` on SQLite) would fail to bind instead of matching nothing.
    const department = (parsed.data as { department?: string }).department
    if (department !== undefined && !isDocumentId(req.payload, department))
      return { error: `department: “${department.slice(0, 64)}” is not a department id` }
    return { value: parsed.data }
  }
  return { error: parsed.error.issues.map((i) => `${i.path.join('.') || 'query'}: ${i.message}`).join('; ') }
}
