import type { CollectionConfig } from 'payload'

import { adminOnly } from '../../src/access/adminOnly'
import { L } from '../../src/i18n'
import { SEARCH_GROUP } from '../../src/search/labels'
import { SEARCH_MISSES } from '../../src/search/zeroResults'

const nobody = () => false
const readOnly = { readOnly: true }

/**
 * 无结果搜索: what people searched for and did not find, one row per normalised query with a count, for admins to
 * add dictionary terms or synonyms, or to ask departments for the missing content. Written by the search endpoint
 * only; admins may delete rows they have dealt with.
 */
export const SearchMisses: CollectionConfig = {
  slug: SEARCH_MISSES,
  labels: { singular: L('无结果搜索', 'Zero-result query'), plural: L('无结果搜索', 'Zero-result queries') },
  admin: {
    group: SEARCH_GROUP,
    useAsTitle: 'query',
    defaultColumns: ['query', 'count', 'lastAt', 'firstAt'],
    listSearchableFields: ['query'],
    description: L(
      '公众搜索后没有找到任何结果的查询词，按次数排序。可据此补充搜索词典（同义词）或督促相关部门公开内容。',
      'Queries that found nothing, most frequent first: add dictionary terms or synonyms, or ask departments for the missing content.',
    ),
  },
  defaultSort: '-count',
  access: { read: adminOnly, create: nobody, update: nobody, delete: adminOnly },
  disableDuplicate: true,
  fields: [
    { name: 'query', type: 'text', required: true, unique: true, index: true, label: L('查询词', 'Query'), admin: readOnly },
    { name: 'count', type: 'number', required: true, defaultValue: 1, index: true, label: L('次数', 'Times'), admin: readOnly },
    {
      type: 'row',
      fields: [
        { name: 'firstAt', type: 'date', label: L('首次', 'First'), admin: { ...readOnly, date: { pickerAppearance: 'dayAndTime' } } },
        {
          name: 'lastAt',
          type: 'date',
          index: true,
          label: L('最近', 'Last'),
          admin: { ...readOnly, date: { pickerAppearance: 'dayAndTime' } },
        },
      ],
    },
    { name: 'lastFilters', type: 'json', label: L('最近一次的筛选条件', 'Filters last used'), admin: readOnly },
  ],
}
