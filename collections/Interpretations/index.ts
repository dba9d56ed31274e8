import type { CollectionConfig, PayloadRequest } from 'payload'

import { createInOwnDepartment, ownDepartment } from '../../src/access/ownDepartment'
import { ownDepartmentVersions } from '../../src/access/ownDepartmentVersions'
import { GROUPS } from '../../src/groups'
import { L, pick } from '../../src/i18n'
import { validRichText } from '../../src/richText/validate'
import { memberEndpoints, memberFields, memberHooks, memberPolicyField, memberReadAccess } from '../../src/lifecycle/packageMember'
import { INTERPRETATION_FORMS } from '../../src/rules/interpretationForms'

export { INTERPRETATION_FORMS }

const requiredOnCard = (value: unknown, { req, data }: { data: { form?: unknown }; req: PayloadRequest }) =>
  data?.form === 'card' && !String(value ?? '').trim()
    ? pick(req, {
        en: '[plain-language card] who benefits, the standard, how to apply and the legal basis are all required on a card.',
        zh: '【明白卡】享受对象、享受标准、申办流程、政策依据均为必填项。',
      })
    : true

const cardField = (name: string, label: ReturnType<typeof L>) => ({
  name,
  type: 'textarea' as const,
  label,
  validate: requiredOnCard,
})

export const Interpretations: CollectionConfig<'interpretations'> = {
  slug: 'interpretations',
  labels: { singular: L('解读材料', 'Interpretation'), plural: L('解读材料', 'Interpretations') },
  admin: {
    group: GROUPS.content,
    useAsTitle: 'title',
    defaultColumns: ['title', 'policy', 'form', 'department', 'updatedAt'],
    description: L(
      '谁起草、谁解读：解读材料与政策文件同步起草、同步审签、同步发布。',
      'Whoever drafts, interprets: interpretations are drafted, signed and released together with their policy.',
    ),
  },
  access: {
    // Visibility derives from the policy: never public before it, a supplement not before its own release.
    read: memberReadAccess,
    create: createInOwnDepartment(['drafter']),
    // The package lock (hooks) refuses edits after submission with an explanation.
    update: ownDepartment(['drafter']),
    delete: ownDepartment(['drafter']),
    readVersions: ownDepartmentVersions,
  },
  versions: { maxPerDoc: 50 },
  endpoints: memberEndpoints('interpretations'),
  hooks: memberHooks('interpretations'),
  fields: [
    { name: 'title', type: 'text', required: true, maxLength: 200, label: L('标题', 'Title') },
    memberPolicyField(
      L('所解读的政策文件', 'Policy interpreted'),
      L('双关联：解读材料关联其政策文件（原文）', 'Double association: the policy (original text) it interprets'),
    ),
    {
      type: 'row',
      fields: [
        {
          name: 'form',
          type: 'select',
          required: true,
          index: true,
          defaultValue: 'text',
          label: L('解读形式', 'Form'),
          options: INTERPRETATION_FORMS.map((f) => ({ ...f })),
        },
        { name: 'author', type: 'text', label: L('解读人', 'Interpreter') },
        {
          name: 'interpreterRole',
          type: 'text',
          label: L('解读人身份', 'Interpreter’s role'),
          admin: { description: L('如 厅长、研究员、记者', 'e.g. director, researcher, journalist') },
        },
      ],
    },
    { name: 'body', type: 'richText', label: L('解读正文', 'Body'), validate: validRichText(L('解读正文', 'body')) },
    {
      name: 'card',
      type: 'group',
      label: L('明白卡', 'Plain-language card'),
      admin: { condition: (data) => data?.form === 'card' },
      fields: [
        cardField('beneficiaries', L('享受对象', 'Who benefits')),
        cardField('standard', L('享受标准', 'Benefit standard')),
        cardField('process', L('申办流程', 'How to apply')),
        cardField('basis', L('政策依据', 'Legal basis')),
      ],
    },
    ...memberFields(),
  ],
}
