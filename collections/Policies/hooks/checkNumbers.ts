import type { CollectionBeforeValidateHook } from 'payload'

import type { Policy } from '../../../payload-types'

import { LEGACY_IMPORT_FLAG } from '../../../src/import/flag'
import { RULE_NAMES, RuleViolation } from '../../../src/rules/errors'
import { checkNumber, registrationNumberProblem, SCHEME_LABELS } from '../../../src/rules/documentNumber'

// The legacy importer's writes keep historical numbers as printed (and flag them there).
export { LEGACY_IMPORT_FLAG }

/**
 * The number schemes (src/rules/documentNumber.ts) on every write that sets or changes the number or the type;
 * the 统一登记号 pattern; and the 索引号, which never changes once assigned, not even with overrideAccess.
 */
export const checkNumbers: CollectionBeforeValidateHook<Policy> = ({ context, data, operation, originalDoc, req }) => {
  if (!data) return data
  const document = { collection: 'policies', id: originalDoc?.id, title: data.title ?? originalDoc?.title }
  const original = operation === 'update' ? originalDoc : undefined

  if (original?.indexNumber && data.indexNumber !== undefined && data.indexNumber !== original.indexNumber) {
    throw new RuleViolation(req, {
      status: 409,
      rule: 'index-number-immutable',
      ruleName: RULE_NAMES.indexNumber,
      field: 'indexNumber',
      message: { en: `the index number ${original.indexNumber} cannot be changed.`, zh: `索引号 ${original.indexNumber} 不得变更。` },
      hint: { en: 'Leave indexNumber out of the request.', zh: '请勿在请求中修改索引号。' },
      document,
    })
  }

  const number = data.documentNumber ?? (data.documentType !== undefined ? original?.documentNumber : undefined)
  const type = data.documentType ?? original?.documentType
  const numberChanged = data.documentNumber !== undefined && data.documentNumber !== original?.documentNumber
  const typeChanged = data.documentType !== undefined && data.documentType !== original?.documentType
  if (number && (numberChanged || typeChanged) && !(context[LEGACY_IMPORT_FLAG] && !original)) {
    const check = checkNumber(number, type)
    if (!check.valid && check.problem) {
      const scheme = SCHEME_LABELS[check.scheme]
      throw new RuleViolation(req, {
        status: 400,
        rule: 'document-number-format',
        ruleName: RULE_NAMES.documentNumber,
        field: 'documentNumber',
        message: { en: `“${number}”: ${check.problem.en}.`, zh: `“${number}”：${check.problem.zh}。` },
        hint: check.canonical
          ? { en: `Did you mean ${check.canonical}?`, zh: `是否应为 ${check.canonical}？` }
          : { en: `This document type takes the ${scheme.en}.`, zh: `该文种使用${scheme.zh}。` },
        suggestion: check.canonical ?? undefined,
        document,
      })
    }
  }

  const registration = data.registrationNumber
  if (registration && registration !== original?.registrationNumber) {
    const problem = registrationNumberProblem(registration)
    if (problem) {
      throw new RuleViolation(req, {
        status: 400,
        rule: 'registration-number-format',
        ruleName: RULE_NAMES.registrationNumber,
        field: 'registrationNumber',
        message: { en: `${problem.en}.`, zh: `${problem.zh}。` },
        hint: {
          en: 'Give the number as the registering office printed it; the pattern is set with REGISTRATION_NUMBER_PATTERN.',
          zh: '请按登记机关编发的格式填写；格式由 REGISTRATION_NUMBER_PATTERN 配置。',
        },
        document,
      })
    }
  }
  return data
}
