import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionConfig,
  PayloadRequest,
  TextFieldManyValidation,
  TextFieldSingleValidation,
} from 'payload'

import { adminOnly } from '../../src/access/adminOnly'
import { authenticated } from '../../src/access/authenticated'
import { appendAudit } from '../../src/audit/auditTrail'
import { L, pick } from '../../src/i18n'
import { SEARCH_TERMS } from '../../src/search/dictionary'
import { SEARCH_GROUP } from '../../src/search/labels'

/** Audit actions of dictionary edits; every app instance follows the audit log and reloads its dictionary on them. */
export const TERM_ACTIONS = { changed: 'search-term-changed', deleted: 'search-term-deleted' } as const

const auditChange: CollectionAfterChangeHook = async ({ doc, operation, req }) => {
  await appendAudit(req, { action: TERM_ACTIONS.changed, details: { operation, term: doc.term, enabled: doc.enabled !== false } })
  return doc
}

const auditDeletion: CollectionAfterDeleteHook = async ({ doc, req }) => {
  await appendAudit(req, { action: TERM_ACTIONS.deleted, details: { term: doc.term } })
}

/** jieba's dictionary format is whitespace-separated: a word can contain no spaces. */
function wordProblem(req: PayloadRequest, value: unknown): string | true {
  const words = (Array.isArray(value) ? value : [value]).filter((v) => v !== null && v !== undefined && v !== '')
  const bad = words.find((w) => typeof w !== 'string' || /\s/.test(w) || [...w].length < 2 || [...w].length > 20)
  return bad === undefined
    ? true
    : pick(req, {
        en: `[site search] “${String(bad)}”: a term is 2–20 characters without spaces.`,
        zh: `【站内搜索】“${String(bad)}”：词条须为2至20个字符，且不含空格。`,
      })
}

const termRule: TextFieldSingleValidation = (value, { req }) => wordProblem(req, value)
const synonymsRule: TextFieldManyValidation = (value, { req }) => wordProblem(req, value)

/**
 * 搜索词典: government terms the segmenter must keep whole (三同步, 一网通办…) and their synonyms (公租房 = 公共租赁住房).
 * Built-in terms ship with the code (src/search/dictionary.ts); an entry here adds a term, or replaces or (disabled)
 * switches off a built-in one. Edits take effect on every instance within seconds, without a restart.
 */
export const SearchTerms: CollectionConfig = {
  slug: SEARCH_TERMS,
  labels: { singular: L('搜索词条', 'Search term'), plural: L('搜索词典', 'Search dictionary') },
  admin: {
    group: SEARCH_GROUP,
    useAsTitle: 'term',
    defaultColumns: ['term', 'synonyms', 'enabled', 'updatedAt'],
    description: L(
      '分词时保持完整的政务专有词汇（如 三同步、一网通办）及其同义词；保存后数秒内在所有服务实例生效，无需重启。',
      'Government terms kept whole by word segmentation (e.g. 三同步, 一网通办) and their synonyms; effective on every instance within seconds, no restart.',
    ),
  },
  access: { read: authenticated, create: adminOnly, update: adminOnly, delete: adminOnly },
  hooks: { afterChange: [auditChange], afterDelete: [auditDeletion] },
  fields: [
    { name: 'term', type: 'text', required: true, unique: true, index: true, label: L('词条', 'Term'), validate: termRule },
    {
      name: 'synonyms',
      type: 'text',
      hasMany: true,
      label: L('同义词', 'Synonyms'),
      validate: synonymsRule,
      admin: { description: L('搜索其中任一词时同时查找其他词', 'Searching any of them finds the others too') },
    },
    {
      name: 'enabled',
      type: 'checkbox',
      defaultValue: true,
      label: L('启用', 'Enabled'),
      admin: { description: L('取消勾选可停用同名的内置词条', 'Untick to switch off the built-in term of the same name') },
    },
    { name: 'note', type: 'textarea', label: L('备注', 'Note') },
  ],
}
