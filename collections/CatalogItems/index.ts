import type { CollectionConfig, Field, FieldAccess, PayloadRequest, Validate } from 'payload'

import { validations } from 'payload'

import { adminOnly } from '../../src/access/adminOnly'
import { anyone } from '../../src/access/anyone'
import {
  AUDIENCES,
  CATALOG_ITEMS,
  CHANNELS,
  FEED_DOCUMENT_TYPES,
  FEED_FORMS,
  FEED_KINDS,
  METHODS,
  UPDATE_PERIODS,
} from '../../src/catalog/options'
import { GROUPS } from '../../src/groups'
import { type Bilingual, L, pick } from '../../src/i18n'
import { columnStatus } from './hooks/columnStatus'

const RULE = L('政务公开标准目录', 'disclosure catalog')

const message = (req: PayloadRequest, text: Bilingual) => pick(req, { en: `[${RULE.en}] ${text.en}`, zh: `【${RULE.zh}】${text.zh}` })

const isEmpty = (value: unknown) =>
  value === null || value === undefined || (typeof value === 'string' && !value.trim()) || (Array.isArray(value) && value.length === 0)

/**
 * One of the catalog's ten required elements (十要素): an empty value is refused with the element named, anything
 * else goes through Payload's own validation of the field type (lengths, options, relationship ids).
 */
function element(label: Bilingual, kind: keyof typeof validations): Validate {
  return ((value: unknown, args: Parameters<Validate>[1]) =>
    isEmpty(value)
      ? message(args.req, {
          en: `“${label.en}” is required: every catalog item states its ten elements.`,
          zh: `须填写“${label.zh}”（标准目录每个事项须列明十项要素）。`,
        })
      : (validations[kind] as Validate)(value, args)) as Validate
}

const NUMBER = L('事项编号', 'Item number')

/** 事项编号 is unique; checked here too so that both databases answer with the same clear message. */
const uniqueNumber: Validate = async (value, args) => {
  const first = await element(NUMBER, 'text')(value, args)
  if (first !== true) return first
  const { id, req } = args
  const { docs } = await req.payload.find({
    collection: CATALOG_ITEMS,
    where: { and: [{ itemNumber: { equals: String(value).trim() } }, ...(id ? [{ id: { not_equals: id } }] : [])] },
    depth: 0,
    limit: 1,
    req,
  })
  return docs[0]
    ? message(req, {
        en: `item number “${value}” is already used by “${docs[0].title}”.`,
        zh: `事项编号“${value}”已被事项“${docs[0].title}”使用，请使用其他编号。`,
      })
    : true
}

const periodDays: Validate = (value, args) => {
  const { req, siblingData } = args
  if (siblingData?.updatePeriod !== 'days') return true
  return Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 3660
    ? true
    : message(req, {
        en: 'a period of “every N days” needs N, a whole number of days from 1 to 3660.',
        zh: '更新周期为“自定义天数”时，须填写1至3660之间的整数天数。',
      })
}

/** Staleness is internal (the catalog itself is public). */
const signedIn: FieldAccess = ({ req }) => Boolean(req.user)
const computed = { create: () => false, read: signedIn, update: () => false }

const statusFields: Field[] = [
  {
    name: 'lastUpdatedAt',
    type: 'date',
    virtual: true,
    label: L('最近更新', 'Last update'),
    access: computed,
    admin: {
      position: 'sidebar',
      readOnly: true,
      date: { pickerAppearance: 'dayAndTime', displayFormat: 'yyyy-MM-dd HH:mm' },
      description: L(
        '栏目最近一次公开发布相关内容的时间（仅计已发布且主动公开的内容）',
        'When matching content was last released publicly (released, proactive content only)',
      ),
    },
    hooks: { afterRead: [columnStatus('lastUpdatedAt')] },
  },
  {
    name: 'deadline',
    type: 'date',
    virtual: true,
    label: L('下次更新时限', 'Next update due'),
    access: computed,
    admin: { position: 'sidebar', readOnly: true, date: { pickerAppearance: 'dayAndTime', displayFormat: 'yyyy-MM-dd HH:mm' } },
    hooks: { afterRead: [columnStatus('deadline')] },
  },
  {
    name: 'stale',
    type: 'checkbox',
    virtual: true,
    label: L('睡眠栏目', 'Sleeping column'),
    access: computed,
    admin: {
      position: 'sidebar',
      readOnly: true,
      description: L(
        '超过更新周期未发布内容；未设置内容来源的事项不作判断',
        'No release within the update period; items without a content feed are not assessed',
      ),
    },
    hooks: { afterRead: [columnStatus('stale')] },
  },
]

/**
 * 政务公开标准目录: one item of a department's disclosure catalog, with the ten elements the standard requires, and
 * the content of this system that feeds its website column — so that a column left without updates for longer
 * than its declared period is flagged as a sleeping column (睡眠栏目; rule in src/catalog/staleness.ts).
 */
export const CatalogItems: CollectionConfig<'catalog-items'> = {
  slug: CATALOG_ITEMS,
  labels: { singular: L('公开目录事项', 'Catalog item'), plural: L('政务公开标准目录', 'Disclosure catalog') },
  admin: {
    group: GROUPS.disclosure,
    useAsTitle: 'title',
    defaultColumns: ['itemNumber', 'title', 'websiteColumn', 'updatePeriod', 'lastUpdatedAt', 'stale'],
    listSearchableFields: ['itemNumber', 'title', 'websiteColumn'],
    description: L(
      '标准目录的每个事项列明十项要素，并声明由哪类已发布内容更新其网站栏目；超过更新周期未更新的栏目标记为睡眠栏目。',
      'Each item states the ten elements of the standard catalog and which released content updates its website column; a column not updated within its period is flagged as sleeping.',
    ),
  },
  // The catalog is itself published (政务公开); only administrators maintain it. Staleness fields: signed-in users.
  access: { read: anyone, create: adminOnly, update: adminOnly, delete: adminOnly },
  defaultSort: 'itemNumber',
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'itemNumber',
          type: 'text',
          required: true,
          unique: true,
          index: true,
          maxLength: 40,
          label: NUMBER,
          validate: uniqueNumber,
          admin: { width: '30%' },
        },
        {
          name: 'title',
          type: 'text',
          required: true,
          maxLength: 200,
          label: L('公开事项', 'Item'),
          validate: element(L('公开事项', 'Item'), 'text'),
        },
      ],
    },
    {
      name: 'content',
      type: 'textarea',
      required: true,
      label: L('公开内容（要素）', 'Content (elements)'),
      validate: element(L('公开内容（要素）', 'Content (elements)'), 'textarea'),
    },
    {
      name: 'websiteColumn',
      type: 'text',
      required: true,
      maxLength: 200,
      label: L('网站栏目', 'Website column'),
      validate: element(L('网站栏目', 'Website column'), 'text'),
      admin: { description: L('如 政策文件 > 规范性文件', 'e.g. Policies > Normative documents') },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'updatePeriod',
          type: 'select',
          required: true,
          label: L('更新时限/周期', 'Update period'),
          options: UPDATE_PERIODS.map((p) => ({ ...p })),
          validate: element(L('更新时限/周期', 'Update period'), 'select'),
        },
        {
          name: 'periodDays',
          type: 'number',
          label: L('周期天数', 'Days'),
          validate: periodDays,
          admin: { condition: (_, sibling) => sibling?.updatePeriod === 'days', step: 1 },
        },
      ],
    },
    {
      name: 'updatePeriodText',
      type: 'text',
      maxLength: 200,
      label: L('更新时限（目录原文）', 'Update period (as written in the catalog)'),
      admin: { description: L('如 自该信息形成或者变更之日起20个工作日内', 'e.g. within 20 working days of being produced or changed') },
    },
    {
      name: 'responsibleUnit',
      type: 'relationship',
      relationTo: 'departments',
      required: true,
      index: true,
      label: L('责任单位', 'Responsible unit'),
      validate: element(L('责任单位', 'Responsible unit'), 'relationship'),
    },
    {
      name: 'channels',
      type: 'select',
      hasMany: true,
      required: true,
      label: L('公开渠道', 'Channels'),
      options: CHANNELS.map((c) => ({ ...c })),
      validate: element(L('公开渠道', 'Channels'), 'select'),
    },
    {
      name: 'legalBasis',
      type: 'textarea',
      required: true,
      label: L('公开依据', 'Legal basis'),
      validate: element(L('公开依据', 'Legal basis'), 'textarea'),
    },
    {
      type: 'row',
      fields: [
        {
          name: 'audience',
          type: 'select',
          required: true,
          label: L('公开对象', 'Audience'),
          options: AUDIENCES.map((a) => ({ ...a })),
          validate: element(L('公开对象', 'Audience'), 'select'),
        },
        {
          name: 'audienceNote',
          type: 'text',
          maxLength: 200,
          label: L('特定群体说明', 'Which group'),
          admin: { condition: (_, sibling) => sibling?.audience === 'specific' },
        },
        {
          name: 'method',
          type: 'select',
          required: true,
          label: L('公开方式', 'Method'),
          options: METHODS.map((m) => ({ ...m })),
          validate: element(L('公开方式', 'Method'), 'select'),
        },
      ],
    },
    {
      name: 'feed',
      type: 'group',
      label: L('栏目内容来源', 'What updates the column'),
      admin: {
        description: L(
          '声明哪类已发布内容更新本栏目，用于判断睡眠栏目；不设置则不作判断（如机构职能等本系统不发布的栏目）。',
          'Which released content updates this column, to detect sleeping columns; leave empty for columns this system does not publish.',
        ),
      },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'kind', type: 'select', label: L('内容类型', 'Content kind'), options: FEED_KINDS.map((k) => ({ ...k })) },
            {
              name: 'documentTypes',
              type: 'select',
              hasMany: true,
              label: L('限定文种', 'Only these document types'),
              options: FEED_DOCUMENT_TYPES.map((t) => ({ ...t })),
              admin: { condition: (_, sibling) => sibling?.kind === 'policies', description: L('不选则为全部文种', 'None: every type') },
            },
            {
              name: 'forms',
              type: 'select',
              hasMany: true,
              label: L('限定解读形式', 'Only these forms'),
              options: FEED_FORMS.map((f) => ({ ...f })),
              admin: {
                condition: (_, sibling) => sibling?.kind === 'interpretations',
                description: L('不选则为全部形式', 'None: every form'),
              },
            },
          ],
        },
        {
          name: 'responsibleUnitOnly',
          type: 'checkbox',
          defaultValue: true,
          label: L('仅计责任单位发布的内容', 'Count only content of the responsible unit'),
        },
      ],
    },
    ...statusFields,
  ],
}
