import type { CollectionConfig, PayloadRequest, TextFieldSingleValidation } from 'payload'

import { createInOwnDepartment, ownDepartment } from '../../src/access/ownDepartment'
import { ownDepartmentVersions } from '../../src/access/ownDepartmentVersions'
import { departmentOrPublic } from '../../src/access/departmentOrPublic'
import { publiclyVisible } from '../../src/access/publiclyVisible'
import { departmentField } from '../../src/fields/department'
import { existingRelation, existingUpload } from '../../src/fields/existingRelation'
import { disclosureFields } from '../../src/fields/disclosure'
import { enforceDepartmentScope } from '../../src/hooks/enforceDepartmentScope'
import { GROUPS } from '../../src/groups'
import { L, pick } from '../../src/i18n'
import { workflowGroup } from '../../src/lifecycle/fields'
import { stageField } from '../../src/lifecycle/stages'
import { validRichText } from '../../src/richText/validate'
import { validDate } from '../../src/rules/dates'
import { chinaDate, isOverdue } from '../../src/rules/releaseClock'
import { DOCUMENT_TYPES } from '../../src/rules/documentTypes'
import { SUBJECTS } from '../../src/rules/subjects'
import { workflowActionEndpoint, workflowStateEndpoint } from './endpoints/workflow'
import { assignIndexNumber } from './hooks/assignIndexNumber'
import { checkNumbers } from './hooks/checkNumbers'
import { auditPolicyChange, auditPolicyDeletion } from './hooks/auditPolicyChange'
import { checkLinks } from './hooks/checkLinks'
import { preventOrphans } from './hooks/preventOrphans'
import { recordExemption } from './hooks/recordExemption'

const exemptionReason =
  (flag: 'consultationExempt' | 'interpretationExempt') =>
  (value: unknown, { req, siblingData }: { req: PayloadRequest; siblingData: Record<string, unknown> }) =>
    siblingData[flag] && !String(value ?? '').trim()
      ? pick(req, {
          en: '[double association] an exemption needs a written reason.',
          zh: '【双关联】登记豁免必须填写理由。',
        })
      : true

/** 施行日期 / 有效期至: a document may take effect or lapse years after it is written (有效期 of 5 years is common). */
const VALIDITY_YEARS = { minYear: 1949, maxYearsAhead: 10 }

export const Policies: CollectionConfig<'policies'> = {
  slug: 'policies',
  labels: { singular: L('政策文件', 'Policy document'), plural: L('政策文件', 'Policy documents') },
  admin: {
    group: GROUPS.content,
    useAsTitle: 'title',
    defaultColumns: ['title', 'documentNumber', 'department', 'disclosure', 'stage', 'overdue', 'updatedAt'],
    listSearchableFields: ['title', 'documentNumber', 'indexNumber'],
    // 预览 / Preview on the edit view: the package as the site will show it, read with the editor's own access.
    preview: (doc) => (doc?.id ? `/preview/policies/${String(doc.id)}` : null),
    description: L(
      '政策文件与其征求意见公告、解读材料双向关联，并作为一个整体审签、发布。',
      'A policy is linked both ways to its consultation notice and interpretations, and is signed and released with them as one package.',
    ),
  },
  access: {
    read: departmentOrPublic(publiclyVisible()),
    create: createInOwnDepartment(['drafter']),
    // After submission the lock hook refuses content edits with an explanation; validity stays editable.
    update: ownDepartment(['drafter']),
    delete: ownDepartment(['drafter']),
    readVersions: ownDepartmentVersions,
  },
  versions: { maxPerDoc: 50 },
  endpoints: [workflowStateEndpoint, workflowActionEndpoint],
  hooks: {
    beforeValidate: [checkNumbers],
    beforeChange: [assignIndexNumber, recordExemption, enforceDepartmentScope, checkLinks],
    afterChange: [auditPolicyChange],
    beforeDelete: [preventOrphans],
    afterDelete: [auditPolicyDeletion],
  },
  fields: [
    { name: 'title', type: 'text', required: true, maxLength: 200, label: L('标题', 'Title') },
    {
      type: 'row',
      fields: [
        {
          name: 'documentNumber',
          type: 'text',
          index: true,
          label: L('发文字号', 'Document number'),
          admin: {
            description: L(
              '如 黔府发〔2020〕1号；政府令、政府规章为令号，如 贵州省人民政府令第195号；签发时可再填写',
              'e.g. 黔府发〔2020〕1号; decrees and regulations take a decree number such as 贵州省人民政府令第195号; may be filled in at signing',
            ),
            components: { Field: '/src/components/DocumentNumberField#DocumentNumberField' },
          },
          // The scheme (发文字号 or 令号) is checked by the checkNumbers hook, which offers the canonical form.
          validate: (async (value, { id, req }) => {
            if (value === null || value === undefined || value === '') return true
            const { totalDocs } = await req.payload.count({
              collection: 'policies',
              where: { and: [{ documentNumber: { equals: value } }, ...(id ? [{ id: { not_equals: id } }] : [])] },
              req,
            })
            return totalDocs
              ? pick(req, {
                  en: `[document number (GB/T 9704)] “${value}” is already used by another policy.`,
                  zh: `【发文字号（GB/T 9704）】“${value}”已被其他政策文件使用。`,
                })
              : true
          }) as TextFieldSingleValidation,
        },
        {
          name: 'indexNumber',
          type: 'text',
          unique: true,
          label: L('索引号', 'Index number'),
          access: { create: () => false, update: () => false },
          admin: { readOnly: true, description: L('保存时自动生成', 'Generated on save') },
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'registrationNumber',
          type: 'text',
          index: true,
          label: L('统一登记号', 'Registration number'),
          admin: {
            description: L(
              '规范性文件统一登记号（如 HHCR-2023-01005），不写入发文字号',
              'Registration number some provinces give normative documents (e.g. HHCR-2023-01005); never part of the document number',
            ),
          },
        },
      ],
    },
    {
      name: 'legacyNumber',
      type: 'group',
      label: L('历史文号', 'Legacy number'),
      access: { create: () => false, update: () => false },
      admin: {
        condition: (data) => Boolean(data?.legacyNumber?.flagged),
        readOnly: true,
        description: L(
          '导入的历史文件按原样保留文号，不符合现行规范之处记录于此',
          'Imported documents keep their number as printed; what breaks today’s rules is recorded here',
        ),
      },
      fields: [
        { name: 'flagged', type: 'checkbox', label: L('不符合现行规范', 'Breaks today’s rules') },
        { name: 'problemZh', type: 'text', label: L('问题', 'Problem (zh)') },
        { name: 'problemEn', type: 'text', label: L('问题（英文）', 'Problem (en)') },
        { name: 'suggestion', type: 'text', label: L('规范写法', 'Canonical form') },
      ],
    },
    {
      name: 'imported',
      type: 'group',
      label: L('存量导入', 'Legacy import'),
      access: { create: () => false, update: () => false },
      admin: {
        condition: (data) => Boolean(data?.imported?.sha256),
        readOnly: true,
        position: 'sidebar',
        description: L(
          '存量文件导入，起草与审签过程未在本系统留痕',
          'Imported from the legacy library; drafting and sign-off happened outside this system',
        ),
      },
      fields: [
        { name: 'sha256', type: 'text', index: true, label: L('导入文件 SHA-256', 'Import file SHA-256') },
        { name: 'row', type: 'number', label: L('行号', 'Row') },
        { name: 'importedAt', type: 'date', label: L('导入时间', 'Imported at') },
        { name: 'importedBy', type: 'relationship', relationTo: 'users', label: L('导入人', 'Imported by') },
      ],
    },
    { name: 'indexYear', type: 'number', index: true, admin: { hidden: true }, access: { create: () => false, update: () => false } },
    { name: 'indexSerial', type: 'number', admin: { hidden: true }, access: { create: () => false, update: () => false } },
    {
      type: 'row',
      fields: [
        {
          name: 'documentType',
          type: 'select',
          required: true,
          index: true,
          label: L('文种', 'Document type'),
          options: DOCUMENT_TYPES.map((t) => ({ ...t })),
        },
        {
          name: 'subject',
          type: 'select',
          index: true,
          label: L('主题分类', 'Subject category'),
          options: SUBJECTS.map((s) => ({ ...s })),
        },
      ],
    },
    {
      name: 'issuingOrgans',
      type: 'relationship',
      relationTo: 'departments',
      hasMany: true,
      required: true,
      validate: existingRelation(L('发文机关', 'issuing organ')),
      label: L('发文机关', 'Issuing organ(s)'),
      admin: { description: L('联合发文可选择多个机关', 'Select several for a joint document') },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'writtenAt',
          type: 'date',
          required: true,
          label: L('成文日期', 'Date written'),
          validate: validDate(L('成文日期', 'date written')),
          admin: { date: { pickerAppearance: 'dayOnly', displayFormat: 'yyyy-MM-dd' } },
        },
        {
          name: 'validity',
          type: 'select',
          required: true,
          defaultValue: 'valid',
          index: true,
          label: L('有效性', 'Validity'),
          options: [
            { label: L('有效', 'In force'), value: 'valid' },
            { label: L('失效', 'Expired'), value: 'expired' },
            { label: L('废止', 'Repealed'), value: 'repealed' },
          ],
        },
      ],
    },
    {
      type: 'row',
      fields: [
        {
          name: 'validFrom',
          type: 'date',
          index: true,
          label: L('施行日期', 'In force from'),
          validate: validDate(L('施行日期', 'in force from'), VALIDITY_YEARS),
          admin: { date: { pickerAppearance: 'dayOnly', displayFormat: 'yyyy-MM-dd' } },
        },
        {
          name: 'validUntil',
          type: 'date',
          index: true,
          label: L('有效期至', 'In force until'),
          validate: (value, options) => {
            const invalid = validDate(L('有效期至', 'in force until'), VALIDITY_YEARS)(value, options)
            if (invalid !== true) return invalid
            const from = (options.siblingData as { validFrom?: null | string }).validFrom
            if (value && from && chinaDate(new Date(value)) <= chinaDate(new Date(from))) {
              return pick(options.req, {
                en: '[validity] “in force until” must be after “in force from”.',
                zh: '【有效性】有效期至必须晚于施行日期。',
              })
            }
            return true
          },
          admin: {
            date: { pickerAppearance: 'dayOnly', displayFormat: 'yyyy-MM-dd' },
            description: L('到期次日起自动标记为失效', 'Marked expired automatically the day after'),
          },
        },
      ],
    },
    {
      name: 'majorDecision',
      type: 'checkbox',
      defaultValue: false,
      label: L('重大行政决策（须预公开征求意见）', 'Major decision (requires public consultation)'),
    },
    { name: 'body', type: 'richText', label: L('正文', 'Body'), validate: validRichText(L('正文', 'body')) },
    {
      name: 'attachments',
      type: 'upload',
      relationTo: 'media',
      hasMany: true,
      validate: existingUpload(L('附件', 'attachment')),
      label: L('附件', 'Attachments'),
    },
    {
      name: 'consultation',
      type: 'relationship',
      relationTo: 'consultations',
      index: true,
      label: L('征求意见公告', 'Consultation notice'),
      admin: { description: L('双关联：政策文件关联其征求意见公告', 'Double association: the policy’s consultation notice') },
    },
    {
      name: 'interpretations',
      type: 'join',
      collection: 'interpretations',
      on: 'policy',
      label: L('解读材料', 'Interpretations'),
      admin: { defaultColumns: ['title', 'form', 'updatedAt'] },
    },
    ...(['infographics', 'videos', 'interviews'] as const).map((collection) => ({
      name: collection,
      type: 'join' as const,
      collection,
      on: 'policy',
      label: {
        infographics: L('政策图解', 'Infographics'),
        videos: L('视频解读', 'Videos'),
        interviews: L('在线访谈', 'Online interviews'),
      }[collection],
      admin: { defaultColumns: ['title', 'updatedAt'] },
    })),
    {
      name: 'exemption',
      type: 'group',
      label: L('豁免登记', 'Exemptions'),
      fields: [
        { name: 'interpretationExempt', type: 'checkbox', label: L('免于解读', 'No interpretation needed') },
        {
          name: 'interpretationExemptReason',
          type: 'textarea',
          label: L('免于解读理由', 'Reason'),
          validate: exemptionReason('interpretationExempt'),
          admin: { condition: (_, sibling) => Boolean(sibling?.interpretationExempt) },
        },
        { name: 'consultationExempt', type: 'checkbox', label: L('免于征求意见', 'No public consultation') },
        {
          name: 'consultationExemptReason',
          type: 'textarea',
          label: L('免于征求意见理由', 'Reason'),
          validate: exemptionReason('consultationExempt'),
          admin: { condition: (_, sibling) => Boolean(sibling?.consultationExempt) },
        },
        {
          name: 'recordedBy',
          type: 'relationship',
          relationTo: 'users',
          label: L('登记人', 'Recorded by'),
          access: { create: () => false, update: () => false },
          admin: { readOnly: true },
        },
        {
          name: 'recordedAt',
          type: 'date',
          label: L('登记时间', 'Recorded at'),
          access: { create: () => false, update: () => false },
          admin: { readOnly: true },
        },
      ],
    },
    departmentField(),
    ...disclosureFields(),
    stageField(),
    {
      name: 'workflowPanel',
      type: 'ui',
      label: L('审签发布', 'Sign-off & release'),
      admin: { position: 'sidebar', components: { Field: '/src/components/PackageWorkflow#PackageWorkflow' } },
    },
    workflowGroup(),
    {
      // Computed on read (not stored): signed or scheduled, and past its 3-working-day release deadline.
      name: 'overdue',
      type: 'checkbox',
      virtual: true,
      label: L('发布超期', 'Release overdue'),
      admin: { position: 'sidebar', readOnly: true },
      hooks: {
        afterRead: [
          ({ siblingData }) => ['signed', 'scheduled'].includes(siblingData?.stage) && isOverdue(siblingData?.workflow?.releaseDeadline),
        ],
      },
    },
  ],
}
