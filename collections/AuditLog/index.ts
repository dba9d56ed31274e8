import type { Access, CollectionBeforeChangeHook, CollectionBeforeDeleteHook, CollectionConfig, PayloadRequest } from 'payload'

import { userDepartment } from '../../src/access/userDepartment'
import { GROUPS } from '../../src/groups'
import { L } from '../../src/i18n'
import { hasRole, isAdminUser } from '../../src/roles'
import { RuleViolation } from '../../src/rules/errors'

import { AUDIT_APPEND_FLAG } from '../../src/audit/flags'

export { AUDIT_APPEND_FLAG }

export const AUDIT_RULE_NAME = { en: 'audit trail (every step leaves a trace)', zh: '数据铁笼（处处留痕）' }

const immutable = (req: PayloadRequest, id?: number | string) =>
  new RuleViolation(req, {
    status: 403,
    rule: 'audit-immutable',
    ruleName: AUDIT_RULE_NAME,
    message: {
      en: 'the audit log can only be appended to; its entries cannot be changed or deleted.',
      zh: '审计日志只能追加，不能修改或删除。',
    },
    hint: {
      en: 'Entries are written by the system as each step happens; a correction is a new step with its own entry.',
      zh: '审计记录由系统在每个操作发生时自动写入；如需更正，请通过新的业务操作留下新的记录。',
    },
    document: { collection: 'audit-log', id },
  })

/**
 * Admins and third-party evaluators (第三方评估) read the whole trail; other signed-in users (viewers included)
 * their own department's entries; anonymous readers nothing.
 */
const readAudit: Access = ({ req }) => {
  if (!req.user) return false
  if (isAdminUser(req.user) || hasRole(req.user, 'evaluator')) return true
  const department = userDepartment(req)
  if (department === undefined) return false
  return { department: { equals: department } }
}

const nobody: Access = () => false

/** Runs with overrideAccess too: no update ever, and creates only through appendAudit. */
const appendOnly: CollectionBeforeChangeHook = ({ context, data, operation, originalDoc, req }) => {
  if (operation !== 'create' || context?.[AUDIT_APPEND_FLAG] !== true) {
    throw immutable(req, (originalDoc as { id?: number | string } | undefined)?.id)
  }
  return data
}

const neverDelete: CollectionBeforeDeleteHook = ({ id, req }) => {
  throw immutable(req, id)
}

const readOnly = { readOnly: true }

/**
 * 审计日志: an append-only, hash-chained record of every step (数据铁笼, 处处留痕). Each entry carries `seq` (its
 * position), `prevHash` (the previous entry's hash) and `hash` = sha256(prevHash + canonical JSON of its content);
 * `npm run audit:verify` recomputes the chain. Written only by `appendAudit` in src/audit/auditTrail.ts.
 */
export const AuditLog: CollectionConfig<'audit-log'> = {
  slug: 'audit-log',
  labels: { singular: L('审计日志', 'Audit log entry'), plural: L('审计日志', 'Audit log') },
  admin: {
    group: GROUPS.organisation,
    useAsTitle: 'action',
    defaultColumns: ['at', 'action', 'policy', 'actorEmail', 'toStage'],
    listSearchableFields: ['action', 'actorEmail', 'reason'],
    disableCopyToLocale: true,
    description: L(
      '每个操作自动留痕，只能追加，不能修改或删除；记录按哈希链串联，可用 npm run audit:verify 校验完整性。',
      'Every step is recorded automatically; entries can only be appended, never changed or deleted. They form a hash chain that `npm run audit:verify` checks.',
    ),
  },
  defaultSort: '-seq',
  // Nobody writes through the API (REST, GraphQL, admin): the admin shows no create button and read-only fields.
  access: { read: readAudit, create: nobody, update: nobody, delete: nobody },
  disableDuplicate: true,
  lockDocuments: false,
  // A new entry may change what the public reads: this instance's public cache re-checks at once.
  hooks: { beforeChange: [appendOnly], beforeDelete: [neverDelete] },
  fields: [
    {
      name: 'seq',
      type: 'number',
      required: true,
      unique: true,
      index: true,
      label: L('序号', 'Sequence'),
      admin: { ...readOnly, description: L('在哈希链中的位置', 'Position in the hash chain') },
    },
    { name: 'at', type: 'date', required: true, label: L('时间', 'At'), admin: { ...readOnly, date: { pickerAppearance: 'dayAndTime' } } },
    { name: 'action', type: 'text', required: true, index: true, label: L('操作', 'Action'), admin: readOnly },
    {
      type: 'row',
      fields: [
        { name: 'fromStage', type: 'text', label: L('原状态', 'From stage'), admin: readOnly },
        { name: 'toStage', type: 'text', label: L('新状态', 'To stage'), admin: readOnly },
      ],
    },
    { name: 'policy', type: 'relationship', relationTo: 'policies', index: true, label: L('政策文件', 'Policy'), admin: readOnly },
    {
      name: 'department',
      type: 'relationship',
      relationTo: 'departments',
      index: true,
      label: L('部门', 'Department'),
      admin: readOnly,
    },
    { name: 'reason', type: 'textarea', label: L('理由/意见', 'Reason'), admin: readOnly },
    {
      type: 'row',
      fields: [
        {
          name: 'actor',
          type: 'relationship',
          relationTo: 'users',
          label: L('操作人', 'Actor'),
          admin: { ...readOnly, description: L('系统任务无操作人', 'Empty for system jobs') },
        },
        { name: 'actorEmail', type: 'text', label: L('操作人邮箱', 'Actor email'), admin: readOnly },
        {
          name: 'actorRoles',
          type: 'text',
          label: L('操作人角色', 'Actor roles'),
          admin: { ...readOnly, description: L('操作时的角色，逗号分隔', 'Roles at the time, comma-separated') },
        },
      ],
    },
    {
      name: 'members',
      type: 'json',
      label: L('涉及的文档', 'Documents involved'),
      admin: { ...readOnly, description: L('[{ collection, id }]', '[{ collection, id }]') },
    },
    { name: 'details', type: 'json', label: L('详情', 'Details'), admin: readOnly },
    {
      name: 'refs',
      type: 'group',
      label: L('记录时的编号', 'Ids as recorded'),
      admin: {
        description: L(
          '记录时的政策、部门、操作人编号，纳入哈希；关联文档日后被删除时仍然保留',
          'Policy, department and actor ids at the time, hashed; kept even if those documents are deleted later',
        ),
      },
      fields: [
        {
          type: 'row',
          fields: [
            { name: 'policy', type: 'text', label: L('政策文件', 'Policy'), admin: readOnly },
            { name: 'department', type: 'text', label: L('部门', 'Department'), admin: readOnly },
            { name: 'actor', type: 'text', label: L('操作人', 'Actor'), admin: readOnly },
          ],
        },
      ],
    },
    { name: 'prevHash', type: 'text', label: L('前一条哈希', 'Previous hash'), admin: readOnly },
    { name: 'hash', type: 'text', required: true, unique: true, label: L('哈希', 'Hash'), admin: readOnly },
  ],
}
