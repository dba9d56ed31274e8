import type { Endpoint, PayloadRequest } from 'payload'

import { RULE_NAMES, RuleViolation } from '../rules/errors'

import { DOCUMENT_TYPES } from '../rules/documentTypes'
import { checkNumber } from '../rules/documentNumber'

const TYPES = DOCUMENT_TYPES.map((t) => t.value) as readonly string[]

const refuse = (req: PayloadRequest, status: number, en: string, zh: string) =>
  new RuleViolation(req, {
    status,
    rule: status === 401 ? 'department-scope' : 'request-input',
    ruleName: status === 401 ? RULE_NAMES.departmentScope : RULE_NAMES.documentNumber,
    message: { en: `${en}.`, zh: `${zh}。` },
    hint: {
      en: 'GET /api/document-numbers/check?value=黔府发〔2026〕1号&documentType=notice',
      zh: 'GET /api/document-numbers/check?value=黔府发〔2026〕1号&documentType=notice',
    },
  })

/**
 * GET /api/document-numbers/check?value=&documentType= — any signed-in user (the admin field, drafting systems):
 * `{ valid, scheme, canonical, problem }` for the scheme the document type takes (src/rules/documentNumber.ts).
 */
export const documentNumberCheckEndpoint: Endpoint = {
  path: '/document-numbers/check',
  method: 'get',
  handler: async (req) => {
    if (!req.user) throw refuse(req, 401, 'sign in to check document numbers', '请先登录')
    const value = req.searchParams.get('value')
    const documentType = req.searchParams.get('documentType') || null
    if (value === null || value.length === 0 || value.length > 100) {
      throw refuse(req, 400, 'value is required (1–100 characters)', '缺少 value 参数（1–100 个字符）')
    }
    if (documentType !== null && !TYPES.includes(documentType)) {
      throw refuse(req, 400, `documentType must be one of ${TYPES.join(', ')}`, `documentType 应为 ${TYPES.join('、')} 之一`)
    }
    const check = checkNumber(value, documentType)
    return Response.json(check, { headers: { 'Cache-Control': 'private, no-store' } })
  },
}
