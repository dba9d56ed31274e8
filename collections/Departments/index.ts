import type { CollectionConfig, TextFieldSingleValidation } from 'payload'

import { adminOnly } from '../../src/access/adminOnly'
import { anyone } from '../../src/access/anyone'
import { GROUPS } from '../../src/groups'
import { L, pick } from '../../src/i18n'
import { existingRelation } from '../../src/fields/existingRelation'
import { isValidCreditCode } from '../../src/rules/indexNumber'
import { preventCycles } from './hooks/preventCycles'

export const Departments: CollectionConfig<'departments'> = {
  slug: 'departments',
  labels: { singular: L('部门', 'Department'), plural: L('部门', 'Departments') },
  admin: {
    group: GROUPS.organisation,
    useAsTitle: 'name',
    defaultColumns: ['name', 'shortName', 'creditCode', 'parent'],
  },
  // Names of government bodies are public information; only admins maintain them.
  access: { read: anyone, create: adminOnly, update: adminOnly, delete: adminOnly },
  hooks: { beforeChange: [preventCycles] },
  fields: [
    { name: 'name', type: 'text', required: true, unique: true, label: L('部门名称', 'Name') },
    {
      name: 'shortName',
      type: 'text',
      label: L('机关代字', 'Organ code'),
      admin: { description: L('用于发文字号，如 黔府发', 'Used in document numbers, e.g. 黔府发') },
    },
    {
      name: 'creditCode',
      type: 'text',
      required: true,
      unique: true,
      label: L('统一社会信用代码', 'Unified social credit code'),
      admin: { description: L('18 位，用于生成索引号', '18 characters; used in index numbers') },
      validate: ((value, { req }) =>
        value && !isValidCreditCode(value)
          ? pick(req, {
              en: `“${value}” is not a valid unified social credit code (GB 32100: 18 characters with a check character).`,
              zh: `“${value}”不是有效的统一社会信用代码（GB 32100：18 位，含校验码）。`,
            })
          : true) as TextFieldSingleValidation,
    },
    {
      name: 'parent',
      type: 'relationship',
      relationTo: 'departments',
      validate: existingRelation(L('上级单位', 'parent unit')),
      label: L('上级单位', 'Parent unit'),
      admin: { description: L('县（市、区）、乡镇层级', 'County / town hierarchy') },
    },
    { name: 'children', type: 'join', collection: 'departments', on: 'parent', label: L('下级单位', 'Sub-units') },
  ],
}
