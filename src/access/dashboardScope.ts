import type { PayloadRequest } from 'payload'

import { type Id, sameId } from '../ids'
import { isDocumentId } from '../input/ids'
import { CROSS_DEPARTMENT_ROLES, hasRole } from '../roles'
import { badRequest } from '../http'
import { RULE_NAMES, RuleViolation } from '../rules/errors'
import { userDepartment } from './userDepartment'

/** Which departments a compliance view (dashboard, pending packages, catalog status) covers: one, or all (null). */
export type DashboardScope = { department: Id | null }

/** A department id as given in a query string (SQLite numbers, MongoDB ObjectIds). */
export const DEPARTMENT_PARAM = /^[\w-]{1,64}$/

/**
 * Admins and evaluators (第三方评估) see every department, or the one they ask for; everyone else with a department
 * sees only theirs. Throws 401 without a user, 403 when asking for another department or having none.
 */
export function dashboardScope(req: PayloadRequest, requested?: null | string): DashboardScope {
  const document = { collection: 'departments', id: requested ?? undefined }
  if (!req.user) {
    throw new RuleViolation(req, {
      status: 401,
      rule: 'department-scope',
      ruleName: RULE_NAMES.departmentScope,
      message: { en: 'compliance figures need a signed-in user.', zh: '查看公开工作情况须先登录。' },
      hint: { en: 'Sign in (Authorization: JWT <token> from POST /api/users/login).', zh: '请先登录（POST /api/users/login 获取令牌）。' },
    })
  }
  if (hasRole(req.user, ...CROSS_DEPARTMENT_ROLES)) return { department: requested || null }
  const own = userDepartment(req)
  if (own === undefined) {
    throw new RuleViolation(req, {
      status: 403,
      rule: 'department-scope',
      ruleName: RULE_NAMES.departmentScope,
      message: { en: 'your account belongs to no department.', zh: '您的账号未归属任何部门。' },
      hint: { en: 'Ask an administrator to assign your department.', zh: '请联系系统管理员为您的账号设置所属部门。' },
      document,
    })
  }
  if (requested && !sameId(requested, own)) {
    throw new RuleViolation(req, {
      status: 403,
      rule: 'department-scope',
      ruleName: RULE_NAMES.departmentScope,
      message: { en: `department ${requested} is not yours to see.`, zh: `您无权查看其他部门（${requested}）的情况。` },
      hint: { en: 'Leave out `department` to see your own department.', zh: '不传 department 参数即可查看本部门情况。' },
      document,
    })
  }
  return { department: own }
}

/**
 * The scope of a request to a compliance endpoint from its `department` query parameter: a 400 response when the
 * parameter is not a department id, otherwise `dashboardScope` (which throws 401/403).
 */
export function requestScope(req: PayloadRequest): DashboardScope | Response {
  const value = new URL(req.url ?? 'http://localhost/').searchParams.get('department') || null
  // The adapter's id form: `-58800` is no department on any adapter (and an evaluator's query would silently match none).
  if (value !== null && !isDocumentId(req.payload, value)) {
    const shown = value.slice(0, 64)
    return badRequest(req, `“${shown}” is not a department id.`, `“${shown}”不是有效的部门编号。`)
  }
  return dashboardScope(req, value)
}
