import { normalizeText } from '../normalize'
import { FIELDS, type FieldName, fieldTokens, ownNumbers, type SearchDoc, titleKeyOf } from '../searchIndex'
import type { Segmenter } from '../segmenter'
import { POLICY_COLLECTION } from '../sources'

/**
 * How a search document is stored in OpenSearch. Segmentation stays the project's: `j_<field>` holds jieba's
 * tokens (with the admins' dictionary, and the document/index numbers as whole tokens) split on spaces by
 * OpenSearch, `c_<field>` the normalised text cut into CJK bigrams by OpenSearch's `cjk` analyzer (finds words jieba
 * cut differently). Both are ranked together (see query.ts). The original texts travel in `doc` for highlighting.
 */

/** Fields that also get a CJK-bigram copy (the number and organ fields are short and matched by jieba alone). */
export const CJK_FIELDS = ['title', 'context', 'body'] as const satisfies readonly FieldName[]

/** Length normalisation per field, as in the embedded BM25F (none for numbers, most for the body). */
const FIELD_B: Record<FieldName, number> = { title: 0.5, number: 0, organ: 0.3, context: 0.5, body: 0.75 }
/** The embedded BM25F field weights (query.ts), used as per-field boosts. */
export const FIELD_WEIGHT: Record<FieldName, number> = { title: 4, number: 6, organ: 1.5, context: 1.2, body: 1 }

export type StoredDoc = SearchDoc & { policyNumber?: string; policyTitle?: string }

export type OsDoc = {
  collection: string
  date: number
  department?: string
  doc: StoredDoc
  form?: string
  key: string
  numbers: string[]
  policy: string
  titleKey: string
  year?: string
} & Partial<Record<`c_${FieldName}` | `j_${FieldName}`, string>>

export function indexBody(replicas: number): object {
  const keyword = { type: 'keyword' }
  const properties: Record<string, object> = {
    key: keyword,
    collection: keyword,
    policy: keyword,
    department: keyword,
    form: keyword,
    year: keyword,
    numbers: keyword,
    titleKey: keyword,
    date: { type: 'long' },
    doc: { type: 'object', enabled: false },
  }
  // jieba tokens are matched as terms, never as phrases: no positions (smaller on disk).
  for (const field of FIELDS)
    properties[`j_${field}`] = { type: 'text', analyzer: 'tokens', similarity: `bm25_${field}`, index_options: 'freqs' }
  for (const field of CJK_FIELDS) properties[`c_${field}`] = { type: 'text', analyzer: 'cjk', similarity: `bm25_${field}` }
  return {
    settings: {
      index: {
        number_of_shards: 1,
        number_of_replicas: replicas,
        refresh_interval: '1s',
        // Per-field BM25 with the embedded index's k1 and b.
        similarity: Object.fromEntries(FIELDS.map((f) => [`bm25_${f}`, { type: 'BM25', k1: 1.2, b: FIELD_B[f] }])),
        analysis: { analyzer: { tokens: { type: 'custom', tokenizer: 'whitespace' } } },
      },
    },
    mappings: {
      dynamic: 'strict',
      // The token fields are derived from `doc`: not kept twice.
      _source: { excludes: ['j_*', 'c_*'] },
      properties,
    },
  }
}

/** OpenSearch documents for a batch of search documents (members carry their policy's title and number). */
export function toOsDocs(segmenter: Segmenter, docs: SearchDoc[], policies = new Map<string, SearchDoc>()): OsDoc[] {
  for (const doc of docs) if (doc.collection === POLICY_COLLECTION) policies.set(doc.policy, doc)
  return docs.map((doc) => {
    const policy = policies.get(doc.policy)
    const stored: StoredDoc = { ...doc, policyTitle: policy?.fields.title, policyNumber: policy?.documentNumber }
    const out: OsDoc = {
      key: doc.key,
      collection: doc.collection,
      policy: doc.policy,
      department: doc.department,
      form: doc.form,
      year: doc.year === undefined ? undefined : String(doc.year),
      date: doc.date ?? 0,
      numbers: ownNumbers(doc),
      titleKey: titleKeyOf(normalizeText(doc.fields.title)),
      doc: stored,
    }
    for (const field of FIELDS) {
      const norm = normalizeText(doc.fields[field] ?? '')
      if (!norm) continue
      out[`j_${field}`] = fieldTokens(segmenter, field, norm).join(' ')
      if ((CJK_FIELDS as readonly string[]).includes(field)) out[`c_${field}`] = norm
    }
    return out
  })
}
