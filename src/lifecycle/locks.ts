import type { PayloadRequest } from 'payload'

import type { Policy } from '../../payload-types'

import { idOf } from '../ids'
import { RULE_NAMES, RuleViolation } from '../rules/errors'
import { stageLabel } from './stages'

/** What was approved is what gets signed and released: these fields freeze when the package leaves drafting. */
const FROZEN_POLICY_FIELDS = [
  'title',
  'documentNumber',
  'documentType',
  'subject',
  'issuingOrgans',
  'writtenAt',
  'majorDecision',
  'body',
  'attachments',
  'consultation',
  'exemption',
  'department',
  'disclosure',
  'disclosureReason',
  'disclosureBasis',
] as const

const normalise = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(normalise)
  if (value && typeof value === 'object') {
    if ('id' in value && Object.keys(value).length > 2) return String(idOf(value))
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined && v !== null)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, normalise(v)]),
    )
  }
  if (typeof value === 'number') return String(value)
  return value ?? null
}

const changed = (a: unknown, b: unknown) => JSON.stringify(normalise(a)) !== JSON.stringify(normalise(b))

/**
 * Members and content cannot be edited after submission without returning the package to drafting (同步审签).
 * `validity` (有效/失效/废止) stays editable: it records the document's later legal status, not its content.
 */
export function assertPolicyEditable(
  req: PayloadRequest,
  original: Policy | undefined,
  data: Partial<Policy>,
  context: Record<string, unknown>,
): void {
  if (!original?.id || original.stage === 'drafting' || context.lifecycleAction) return
  const touched = FROZEN_POLICY_FIELDS.filter(
    (field) => field in data && (field !== 'exemption' ? changed(data[field], original[field]) : changedExemption(data, original)),
  )
  if (touched.length) {
    throw packageLocked(req, original, touched.join(', '))
  }
}

const changedExemption = (data: Partial<Policy>, original: Policy) => {
  const pick = (e: Policy['exemption']) => ({
    a: Boolean(e?.interpretationExempt),
    b: e?.interpretationExemptReason ?? '',
    c: Boolean(e?.consultationExempt),
    d: e?.consultationExemptReason ?? '',
  })
  return changed(pick(data.exemption), pick(original.exemption))
}

export function packageLocked(req: PayloadRequest, policy: Pick<Policy, 'id' | 'stage' | 'title'>, what: string) {
  return new RuleViolation(req, {
    status: 409,
    rule: 'package-locked',
    ruleName: RULE_NAMES.signedTogether,
    message: {
      en: `“${policy.title}” is ${stageLabel(policy.stage).en}: its content and members are frozen (${what}).`,
      zh: `《${policy.title}》当前为“${stageLabel(policy.stage).zh}”，文件内容和解读材料已锁定（${what}）。`,
    },
    hint: {
      en: 'Ask a reviewer or signer to return it to drafting first; after release, add a supplementary interpretation instead.',
      zh: '如需修改，请审核人或签发人先退回起草；已发布的文件可另行添加补充解读。',
    },
    document: { collection: 'policies', id: policy.id, title: policy.title },
  })
}
