import type { Field, PayloadRequest } from 'payload'

import { L, pick } from '../i18n'

export const DISCLOSURE_OPTIONS = [
  { label: L('主动公开', 'Proactive disclosure'), value: 'proactive' },
  { label: L('依申请公开', 'Disclosure on request'), value: 'on-request' },
  { label: L('不予公开', 'Not disclosed'), value: 'not-disclosed' },
] as const

const requiredUnlessProactive =
  (what: { en: string; zh: string }) =>
  // One validator for a text and a textarea field: it reads the value as text and the sibling disclosure.
  (value: unknown, { req, siblingData }: { req: PayloadRequest; siblingData: { disclosure?: unknown } }) => {
    const disclosure = siblingData?.disclosure
    if (disclosure && disclosure !== 'proactive' && !String(value ?? '').trim()) {
      return pick(req, {
        en: `[disclosure attribute determined at source] ${what.en} is required when the document is not disclosed proactively.`,
        zh: `【公开属性源头认定】非主动公开的文件必须填写${what.zh}。`,
      })
    }
    return true
  }

/**
 * 公开属性, decided when drafting (源头认定). Anything but proactive disclosure needs a written reason and the
 * legal basis (e.g. 《政府信息公开条例》第十四条).
 */
export const disclosureFields = (): Field[] => [
  {
    name: 'disclosure',
    type: 'select',
    required: true,
    index: true,
    defaultValue: 'proactive',
    label: L('公开属性', 'Disclosure attribute'),
    options: DISCLOSURE_OPTIONS.map((o) => ({ ...o })),
    admin: { position: 'sidebar' },
  },
  {
    name: 'disclosureReason',
    type: 'textarea',
    label: L('不公开 / 依申请公开理由', 'Reason for not disclosing proactively'),
    validate: requiredUnlessProactive({ en: 'a reason', zh: '理由' }),
    admin: {
      position: 'sidebar',
      condition: (_, sibling) => Boolean(sibling?.disclosure && sibling.disclosure !== 'proactive'),
    },
  },
  {
    name: 'disclosureBasis',
    type: 'text',
    label: L('法律依据', 'Legal basis'),
    validate: requiredUnlessProactive({ en: 'the legal basis', zh: '法律依据' }),
    admin: {
      position: 'sidebar',
      condition: (_, sibling) => Boolean(sibling?.disclosure && sibling.disclosure !== 'proactive'),
    },
  },
]
