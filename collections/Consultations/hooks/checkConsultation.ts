import type { CollectionBeforeChangeHook } from 'payload'

import type { Consultation } from '../../../payload-types'

import type { Bilingual } from '../../../src/i18n'
import { chinaDate } from '../../../src/rules/releaseClock'

import { checkPeriod, draftKindLabel, minimumText } from '../../../src/rules/consultationPeriod'
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
  checkMinimumPeriod(req, merged)
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

/**
 * 征求意见期限: a period shorter than its kind's minimum needs a recorded reason (src/rules/consultationPeriod.ts).
 * The refusal names the earliest allowed closing day.
 */
function checkMinimumPeriod(req: Parameters<CollectionBeforeChangeHook>[0]['req'], c: Consultation): void {
  if (!c.opensAt || !c.closesAt) return
  const check = checkPeriod(c)
  if (check.ok) return
  const { earliest } = check
  const kind = draftKindLabel(c.draftKind ?? 'other')
  const min = minimumText(earliest.minimum)
  const refuse = (message: Bilingual, hint: Bilingual, suggestion?: string) =>
    new RuleViolation(req, {
      status: 400,
      rule: 'consultation-period-minimum',
      ruleName: RULE_NAMES.consultationPeriod,
      field: 'closesAt',
      message,
      hint,
      document: { collection: 'consultations', id: c.id, title: c.title },
      suggestion,
    })
  if ('missingYear' in earliest) {
    throw refuse(
      {
        en: `the comment period of a ${kind.en.toLowerCase()} lasts at least ${min.en}, which cannot be counted: the official calendar of ${earliest.missingYear} is missing.`,
        zh: `${kind.zh}的征求意见期限不少于${min.zh}，缺少 ${earliest.missingYear} 年的法定工作日历，无法计算。`,
      },
      {
        en: `Enter the official calendar of ${earliest.missingYear}, or record the reason for a shorter period.`,
        zh: `请在“法定工作日历”中录入 ${earliest.missingYear} 年的安排，或填写缩短征求意见期限的理由。`,
      },
    )
  }
  throw refuse(
    {
      en: `the comment period of a ${kind.en.toLowerCase()} lasts at least ${min.en}: opening on ${chinaDay(c.opensAt)}, it may close on ${earliest.date} (CST) at the earliest.`,
      zh: `${kind.zh}的征求意见期限不少于${min.zh}：${chinaDay(c.opensAt)} 开始征求意见，最早可于 ${earliest.date} 截止。`,
    },
    {
      en: `Set the closing date to ${earliest.date} or later, or record the reason for a shorter period (e.g. an emergency).`,
      zh: `请将截止日期设为 ${earliest.date} 或之后，或填写缩短征求意见期限的理由（如紧急情况）。`,
    },
    earliest.date,
  )
}

const chinaDay = (at: string) => chinaDate(new Date(at))
