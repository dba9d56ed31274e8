import type { CollectionBeforeChangeHook } from 'payload'

import type { Consultation } from '../../../payload-types'

import { RULE_NAMES, RuleViolation } from '../../../src/rules/errors'

/** The adoption summary describes a finished consultation: refuse it while comments are still open. */
export const checkConsultation: CollectionBeforeChangeHook<Consultation> = ({ data, originalDoc, req }) => {
  const merged = { ...(originalDoc ?? {}), ...data } as Consultation
  const feedback = merged.feedback ?? {}
  const hasFeedback =
    typeof feedback.receivedCount === 'number' || typeof feedback.adoptedCount === 'number' || Boolean(feedback.summary?.trim())
  if (hasFeedback && merged.closesAt && new Date(merged.closesAt).getTime() > Date.now()) {
    throw new RuleViolation(req, {
      status: 400,
      rule: 'consultation-summary-too-early',
      ruleName: RULE_NAMES.consultation,
      message: {
        en: `the comment period of “${merged.title}” is open until ${merged.closesAt.slice(0, 10)}.`,
        zh: `《${merged.title}》的征求意见期至 ${merged.closesAt.slice(0, 10)} 才截止。`,
      },
      hint: { en: 'Publish the feedback and adoption summary after it closes.', zh: '请在征求意见期满后再填写意见采纳情况。' },
      document: { collection: 'consultations', id: merged.id, title: merged.title },
    })
  }
  const received = feedback.receivedCount ?? 0
  if ((feedback.adoptedCount ?? 0) > received) {
    throw new RuleViolation(req, {
      status: 400,
      rule: 'consultation-feedback-counts',
      ruleName: RULE_NAMES.consultation,
      message: {
        en: `“${merged.title}”: ${feedback.adoptedCount} comments adopted but only ${received} received.`,
        zh: `《${merged.title}》：采纳意见数（${feedback.adoptedCount}）不能多于收到意见数（${received}）。`,
      },
      hint: { en: 'Correct the counts.', zh: '请核对意见数量。' },
      document: { collection: 'consultations', id: merged.id, title: merged.title },
    })
  }
  return data
}
