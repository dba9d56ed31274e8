import type { PayloadRequest } from 'payload'

import { APIError } from 'payload'

import { type Bilingual, pick } from '../i18n'

/** Stable codes for every rule the system enforces; clients branch on these, never on message text. */
export type RuleCode =
  | 'audit-immutable'
  | 'change-note-required'
  | 'change-type'
  | 'compliance-query'
  | 'consultation-department'
  | 'consultation-feedback-counts'
  | 'consultation-period'
  | 'consultation-period-minimum'
  | 'consultation-required'
  | 'consultation-summary-too-early'
  | 'department-hierarchy'
  | 'department-scope'
  | 'calendar-entry'
  | 'disclosure-reason'
  | 'document-number-format'
  | 'document-number-required'
  | 'document-number-taken'
  | 'import-input'
  | 'index-number-immutable'
  | 'interpretation-department'
  | 'interpretation-policy-missing'
  | 'interpretation-required'
  | 'interview-question'
  | 'interview-segment-order'
  | 'interview-status'
  | 'media-active-content'
  | 'media-file-corrupt'
  | 'media-file-required'
  | 'media-file-size'
  | 'media-file-name'
  | 'media-file-type'
  | 'media-pixel-limit'
  | 'media-svg-unsafe'
  | 'package-locked'
  | 'reason-required'
  | 'registration-number-format'
  | 'release-time'
  | 'request-input'
  | 'search-query'
  | 'search-unavailable'
  | 'stage-transition'
  | 'two-person-rule'
  | 'video-captions'
  | 'video-source'
  | 'video-url-host'

export type RuleDocument = { collection: string; id?: number | string; title?: string }

export type RuleViolationData = {
  /** What to do about it, in the request's language. */
  hint: string
  rule: RuleCode
  /** The rule's name in both languages, e.g. 双关联 / double association. */
  ruleName: Bilingual
  document?: RuleDocument
  /** Field-level refusals also list their field like a ValidationError, so forms can mark it. */
  errors?: { message: string; path: string }[]
  /** The canonical form of an almost-right value, offered to the user, never applied silently. */
  suggestion?: string
}

/**
 * A refusal that names the rule, the document and the fix. 422: the request was well-formed but the
 * documents' state does not allow it.
 */
export class RuleViolation extends APIError<RuleViolationData> {
  constructor(
    req: PayloadRequest | undefined,
    args: {
      document?: RuleDocument
      field?: string
      hint: Bilingual
      message: Bilingual
      rule: RuleCode
      ruleName: Bilingual
      status?: number
      suggestion?: string
    },
  ) {
    const ruleName = pick(req, args.ruleName)
    const message = `[${ruleName}] ${pick(req, args.message)} ${pick(req, args.hint)}`
    super(
      message,
      args.status ?? 422,
      {
        document: args.document,
        hint: pick(req, args.hint),
        rule: args.rule,
        ruleName: args.ruleName,
        ...(args.field ? { errors: [{ message, path: args.field }] } : {}),
        ...(args.suggestion !== undefined ? { suggestion: args.suggestion } : {}),
      },
      true,
    )
    // Minified production builds rename the class; loggingLevels and clients key on this name.
    this.name = 'RuleViolation'
  }
}

export const RULE_NAMES = {
  compliance: { en: 'compliance report', zh: '合规统计' },
  departmentScope: { en: 'department scope', zh: '部门权限' },
  disclosure: { en: 'disclosure attribute determined at source', zh: '公开属性源头认定' },
  calendar: { en: 'official working-day calendar', zh: '法定工作日历' },
  documentNumber: { en: 'document number (GB/T 9704)', zh: '发文字号（GB/T 9704）' },
  indexNumber: { en: 'index number never changes', zh: '索引号一经生成不得变更' },
  legacyImport: { en: 'legacy library import', zh: '存量文件导入' },
  registrationNumber: { en: 'normative document registration number', zh: '规范性文件统一登记号' },
  doubleAssociation: { en: 'double association', zh: '双关联' },
  lifecycle: { en: 'package lifecycle', zh: '审签发布流程' },
  whoDraftsInterprets: { en: 'whoever drafts, interprets', zh: '谁起草、谁解读' },
  consultation: { en: 'pre-disclosure of major decisions', zh: '重大决策预公开' },
  consultationPeriod: { en: 'minimum comment period', zh: '征求意见期限' },
  signedTogether: { en: 'signed together', zh: '同步审签' },
  twoPerson: { en: 'two-person rule', zh: '双人复核' },
} satisfies Record<string, Bilingual>
