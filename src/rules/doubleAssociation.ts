import type { PayloadRequest } from 'payload'

import type { Policy } from '../../payload-types'

import { type Bilingual, pick } from '../i18n'
import { type Id, idOf, sameId } from '../ids'
import { isDocumentId } from '../input/ids'
import { memberLabel } from '../lifecycle/members'
import { findPackageMembers } from '../lifecycle/packageMembers'
import { consultationRequiredTypes, documentTypeLabel } from './documentTypes'
import { RULE_NAMES, RuleViolation } from './errors'

export type ReadinessProblem = {
  hint: Bilingual
  message: Bilingual
  rule: 'consultation-required' | 'interpretation-required'
  ruleName: Bilingual
}

export const needsConsultation = (policy: Pick<Policy, 'documentType' | 'majorDecision'>): boolean =>
  Boolean(policy.majorDecision) || consultationRequiredTypes().some((t) => t === policy.documentType)

/**
 * What keeps a package from leaving drafting under double association: a policy needs at least one
 * interpretation with content (unless exempt), and a consultation notice where its type requires one
 * (unless exempt). Returns every problem, so the UI can list them all at once.
 */
export async function packageReadiness(req: PayloadRequest, policy: Policy): Promise<ReadinessProblem[]> {
  const problems: ReadinessProblem[] = []
  const exemption = policy.exemption ?? {}
  if (!exemption.interpretationExempt) {
    let members = 0
    let withContent = 0
    for (const { docs, member } of await findPackageMembers(req, policy.id)) {
      members += docs.length
      withContent += docs.filter(member.hasContent).length
    }
    if (withContent === 0) {
      problems.push({
        rule: 'interpretation-required',
        ruleName: RULE_NAMES.doubleAssociation,
        message: members
          ? { en: `every interpretation of “${policy.title}” is still empty.`, zh: `《${policy.title}》的解读材料内容为空。` }
          : { en: `“${policy.title}” has no interpretation material.`, zh: `《${policy.title}》尚无解读材料。` },
        hint: {
          en: 'Write at least one interpretation (text, leader, expert, media or plain-language card) for it, or record an exemption with a reason if its type obviously needs none.',
          zh: '请为其撰写至少一份解读材料（文字、主要负责同志、专家、媒体解读或明白卡），或对明显无需解读的文件登记免于解读及理由。',
        },
      })
    }
  }
  if (needsConsultation(policy) && !exemption.consultationExempt && !idOf(policy.consultation)) {
    const typeLabel = documentTypeLabel(policy.documentType)
    problems.push({
      rule: 'consultation-required',
      ruleName: RULE_NAMES.doubleAssociation,
      message: {
        en: `“${policy.title}” is a ${policy.majorDecision ? 'major decision' : typeLabel.en} and has no consultation notice linked.`,
        zh: `《${policy.title}》属于${policy.majorDecision ? '重大决策' : typeLabel.zh}，未关联征求意见公告。`,
      },
      hint: {
        en: 'Link its consultation notice (征求意见公告) in the “Consultation” field, or record a consultation exemption with a reason.',
        zh: '请在“征求意见公告”字段关联其征求意见公告，或登记免于征求意见及理由。',
      },
    })
  }
  return problems
}

export async function assertReadyToLeaveDrafting(req: PayloadRequest, policy: Policy): Promise<void> {
  const [first, ...rest] = await packageReadiness(req, policy)
  if (!first) return
  const more = rest.length
    ? {
        en: ` (and ${rest.length} more: ${rest.map((p) => p.rule).join(', ')})`,
        zh: `（另有 ${rest.length} 项：${rest.map((p) => pick(req, p.message)).join('；')}）`,
      }
    : { en: '', zh: '' }
  throw new RuleViolation(req, {
    rule: first.rule,
    ruleName: first.ruleName,
    message: { en: first.message.en + more.en, zh: first.message.zh + more.zh },
    hint: first.hint,
    document: { collection: 'policies', id: policy.id, title: policy.title },
  })
}

/** 谁起草、谁解读: a package member (interpretation, infographic…) belongs to its policy's drafting department. */
export async function memberDepartment(
  req: PayloadRequest,
  slug: string,
  data: { department?: unknown; policy?: unknown; title?: string },
): Promise<Id> {
  const noun = memberLabel(slug)
  const policyId = idOf(data.policy)
  const policy = policyId === undefined ? null : await findOrNull(req, 'policies', policyId)
  if (!policy) {
    throw new RuleViolation(req, {
      status: 400,
      rule: 'interpretation-policy-missing',
      ruleName: RULE_NAMES.doubleAssociation,
      message: {
        en: `the policy ${policyId ?? '(none)'} that this ${noun.en} points at does not exist.`,
        zh: `该${noun.zh}所关联的政策文件（${policyId ?? '未填写'}）不存在。`,
      },
      hint: { en: 'Choose an existing policy document.', zh: '请选择一份已存在的政策文件。' },
      document: { collection: slug, title: data.title },
    })
  }
  const policyDepartment = idOf(policy.department) as Id
  if (data.department !== undefined && data.department !== null && !sameId(data.department, policyDepartment)) {
    throw new RuleViolation(req, {
      status: 400,
      rule: 'interpretation-department',
      ruleName: RULE_NAMES.whoDraftsInterprets,
      message: {
        en: `this ${noun.en} of “${policy.title}” must belong to its drafting department.`,
        zh: `《${policy.title}》的${noun.zh}必须由其起草部门撰写。`,
      },
      hint: {
        en: 'Leave the department empty (it is taken from the policy) or choose the policy’s drafting department.',
        zh: '部门可留空（自动取政策文件的起草部门），或选择政策文件的起草部门。',
      },
      document: { collection: 'policies', id: policy.id, title: policy.title },
    })
  }
  return policyDepartment
}

/** A consultation notice linked to a policy comes from the same drafting department. */
export async function assertConsultationDepartment(
  req: PayloadRequest,
  policy: { consultation?: unknown; department?: unknown; title?: string },
): Promise<void> {
  const consultationId = idOf(policy.consultation)
  if (consultationId === undefined) return
  const consultation = await findOrNull(req, 'consultations', consultationId)
  if (!consultation) {
    throw new RuleViolation(req, {
      status: 400,
      rule: 'consultation-department',
      ruleName: RULE_NAMES.doubleAssociation,
      message: { en: `consultation notice ${consultationId} does not exist.`, zh: `征求意见公告（${consultationId}）不存在。` },
      hint: { en: 'Choose an existing consultation notice.', zh: '请选择一份已存在的征求意见公告。' },
      document: { collection: 'consultations', id: consultationId },
    })
  }
  if (!sameId(consultation.department, policy.department)) {
    throw new RuleViolation(req, {
      status: 400,
      rule: 'consultation-department',
      ruleName: RULE_NAMES.doubleAssociation,
      message: {
        en: `consultation notice “${consultation.title}” belongs to another department than “${policy.title ?? 'this policy'}”.`,
        zh: `征求意见公告《${consultation.title}》与政策文件《${policy.title ?? ''}》不属于同一起草部门。`,
      },
      hint: { en: 'Link the notice your own department published for this draft.', zh: '请关联本部门为该文件发布的征求意见公告。' },
      document: { collection: 'consultations', id: consultation.id, title: consultation.title },
    })
  }
}

async function findOrNull<C extends 'consultations' | 'policies'>(req: PayloadRequest, collection: C, id: Id) {
  // An id of the wrong form (`abc`, or 999999 on MongoDB) names no document; the adapter would fail to cast it.
  if (!isDocumentId(req.payload, id)) return null
  const { docs } = await req.payload.find({
    collection,
    where: { id: { equals: id } },
    depth: 0,
    limit: 1,
    req,
  })
  return docs[0] ?? null
}
