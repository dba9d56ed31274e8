import { createHash } from 'node:crypto'

import type { Id } from '../ids'
import { documentNumberKey, findDocumentNumbers, findIndexNumbers, indexNumberKey, normalizeText } from './normalize'
import type { Segmenter } from './segmenter'

/**
 * The fields of a searchable document, each with its own BM25F weight (see query.ts). `number` holds the
 * 发文字号 and 索引号 of the document itself; `context` what a member inherits from its policy (title and number),
 * so that a policy's interpretations are found by the policy's name and number too, below the policy.
 */
export const FIELDS = ['title', 'number', 'organ', 'context', 'body'] as const
export type FieldName = (typeof FIELDS)[number]
export const FIELD_COUNT = FIELDS.length

/** Term frequencies of the five fields packed into one 32-bit word: bits per field, saturating. */
const BITS = [7, 4, 5, 6, 10]
export const SHIFTS = BITS.map((_, i) => BITS.slice(0, i).reduce((a, b) => a + b, 0))
export const MAXES = BITS.map((b) => (1 << b) - 1)

export const unpackTf = (packed: number, field: number): number => (packed >>> SHIFTS[field]) & MAXES[field]

/** What the index needs of a public document; built from the database by sources.ts. */
export type SearchDoc = {
  collection: string
  date?: number
  department?: string
  documentNumber?: string
  fields: Record<FieldName, string>
  form?: string
  id: Id
  indexNumber?: string
  /** `collection:id`, unique. */
  key: string
  /** The id of the package's policy, as text. */
  policy: string
  year?: number
}

export type IndexedDoc = SearchDoc & {
  /** Token counts per field (BM25 length normalisation). */
  lengths: Uint16Array
  /** Normalised field texts (the same string when normalisation changed nothing). */
  norm: Record<FieldName, string>
  /** The normalised title without spaces and punctuation, for whole-query title matches. */
  titleKey: string
  /** Distinct term ids of the document and their packed per-field frequencies. */
  terms: Uint32Array
  tfs: Uint32Array
}

/**
 * Segmented documents and the term table their term ids refer to: what a snapshot stores, so that a restart
 * loads without segmenting again (valid while the dictionary version is the same). `norm` only where
 * normalisation changed a field.
 */
export type PreparedDoc = SearchDoc & {
  lengths: Uint16Array
  norm?: Partial<Record<FieldName, string>>
  terms: Uint32Array
  tfs: Uint32Array
}
export type PreparedIndex = { dictionaryVersion: string; docs: PreparedDoc[]; terms: string[] }

export const titleKeyOf = (title: string) => title.replace(/[\s\p{P}\p{S}]+/gu, '')

export type Postings = { docs: Int32Array; n: number; tfs: Uint32Array }

/** The facets a document is counted under; values are coded as small integers per slot for fast counting. */
export const FACETS = ['type', 'department', 'year', 'form'] as const
export type FacetName = (typeof FACETS)[number]
export const FACET_COUNT = FACETS.length

export function facetValue(doc: SearchDoc, facet: FacetName): string | undefined {
  switch (facet) {
    case 'type':
      return doc.collection
    case 'department':
      return doc.department
    case 'year':
      return doc.year === undefined ? undefined : String(doc.year)
    case 'form':
      return doc.form
  }
}

/** A facet value's code: -1 for none. */
class Codes {
  readonly values: string[] = []
  private readonly ids = new Map<string, number>()
  code(value: string | undefined): number {
    if (value === undefined) return -1
    let id = this.ids.get(value)
    if (id === undefined) {
      id = this.values.length
      this.ids.set(value, id)
      this.values.push(value)
    }
    return id
  }
  /** -2 (matches nothing) for a value no document has. */
  find(value: string): number {
    return this.ids.get(value) ?? -2
  }
}

/** The canonical keys of a document's own 发文字号 and 索引号 (exact-number lookups). */
export const ownNumbers = (doc: Pick<SearchDoc, 'documentNumber' | 'indexNumber'>): string[] =>
  [documentNumberKey(doc.documentNumber), indexNumberKey(doc.indexNumber)].filter((k): k is string => Boolean(k))

export const searchKey = (collection: string, id: Id) => `${collection}:${String(id)}`

/** The words of a field: jieba's, plus document/index numbers as whole tokens so that they can be looked up. */
export function fieldTokens(segmenter: Segmenter, field: FieldName, text: string): string[] {
  if (!text) return []
  const numbers = [...findDocumentNumbers(text).flatMap((m) => m.variants), ...findIndexNumbers(text).map((m) => m.variants[0])]
  if (field === 'number') {
    // The document's own numbers: whole, agency code and year, credit code. Never cut by jieba.
    const parts = findDocumentNumbers(text).flatMap((m) => {
      const [, code, year] = /^(.+)〔(\d{4})〕/.exec(m.variants[0]) ?? []
      return code ? [code, year] : []
    })
    const credit = findIndexNumbers(text).map((m) => m.variants[0].slice(0, 18))
    return [...numbers, ...parts, ...credit]
  }
  return [...segmenter.indexTokens(text), ...numbers]
}

/**
 * An in-memory inverted index: term → postings (document numbers and packed per-field term frequencies), plus
 * the documents themselves (their texts serve snippets, substring verification and re-segmentation after a
 * dictionary edit). Removal marks the slot dead and fixes document frequencies at once; postings of dead
 * slots are skipped and dropped by `compact()` when they pile up.
 */
export class SearchIndex {
  private docs: (IndexedDoc | null)[] = []
  /** Per slot, in typed arrays for the query loops: alive flag, field lengths, facet codes, date. */
  alive = new Uint8Array(1024)
  lengths = new Float32Array(1024 * FIELD_COUNT)
  facetCodes = new Int32Array(1024 * FACET_COUNT)
  dates = new Float64Array(1024)
  /** Per slot: the document's `titleKey` (kept apart so that query loops touch no document objects). */
  titleKeys: string[] = []
  readonly facetValues = FACETS.map(() => new Codes())
  private readonly byKey = new Map<string, number>()
  private readonly byPolicy = new Map<string, Set<string>>()
  private readonly byNumber = new Map<string, Set<string>>()
  private readonly termIds = new Map<string, number>()
  private termText: string[] = []
  private df: number[] = []
  private postings: Postings[] = []
  private readonly lengthSums = new Float64Array(FIELD_COUNT)
  private live = 0
  private deadPostings = 0
  private totalPostings = 0

  constructor(readonly segmenter: Segmenter) {}

  get size(): number {
    return this.live
  }

  get termCount(): number {
    return this.df.reduce((n, d) => n + (d > 0 ? 1 : 0), 0)
  }

  /** Adds or replaces a document. Normalisation and segmentation happen here. */
  add(doc: SearchDoc): void {
    this.remove(doc.key)
    const norm = {} as Record<FieldName, string>
    const counts = new Map<number, number>()
    const lengths = new Uint16Array(FIELD_COUNT)
    FIELDS.forEach((field, f) => {
      const text = doc.fields[field] ?? ''
      const normalized = normalizeText(text)
      norm[field] = normalized
      const tokens = fieldTokens(this.segmenter, field, normalized)
      lengths[f] = Math.min(tokens.length, 0xffff)
      for (const token of tokens) {
        const id = this.termId(token)
        const packed = counts.get(id) ?? 0
        const current = unpackTf(packed, f)
        counts.set(id, current < MAXES[f] ? packed + (1 << SHIFTS[f]) : packed)
      }
    })
    const terms = new Uint32Array(counts.size)
    const tfs = new Uint32Array(counts.size)
    let i = 0
    for (const [id, packed] of counts) {
      terms[i] = id
      tfs[i] = packed
      i += 1
    }
    this.insert({ ...doc, norm, lengths, terms, tfs, titleKey: titleKeyOf(norm.title) })
  }

  /** The documents as a snapshot stores them. */
  prepared(): PreparedIndex {
    const docs = this.allDocs().map(({ norm, titleKey, ...doc }): PreparedDoc => {
      void titleKey
      const changed = FIELDS.filter((f) => norm[f] !== doc.fields[f])
      return changed.length ? { ...doc, norm: Object.fromEntries(changed.map((f) => [f, norm[f]])) } : doc
    })
    return { dictionaryVersion: this.segmenter.version, terms: [...this.termText], docs }
  }

  /** Adds documents segmented by an index with the same dictionary (see `prepared`), without segmenting them again. */
  addPrepared(terms: string[], docs: Iterable<PreparedDoc>): void {
    const ids = terms.map((term) => this.termId(term))
    for (const doc of docs) {
      this.remove(doc.key)
      const norm = Object.fromEntries(FIELDS.map((f) => [f, doc.norm?.[f] ?? doc.fields[f] ?? ''])) as Record<FieldName, string>
      this.insert({ ...doc, norm, terms: doc.terms.map((id) => ids[id]), titleKey: titleKeyOf(norm.title) })
    }
  }

  /** Appends an already tokenised document (used by add and by re-numbering in compact). */
  private insert(doc: IndexedDoc): void {
    const docNo = this.docs.length
    this.docs.push(doc)
    this.growSlots(docNo + 1)
    this.alive[docNo] = 1
    for (let f = 0; f < FIELD_COUNT; f += 1) this.lengths[docNo * FIELD_COUNT + f] = doc.lengths[f]
    FACETS.forEach((facet, i) => (this.facetCodes[docNo * FACET_COUNT + i] = this.facetValues[i].code(facetValue(doc, facet))))
    this.dates[docNo] = doc.date ?? 0
    this.titleKeys[docNo] = doc.titleKey
    this.byKey.set(doc.key, docNo)
    this.link(this.byPolicy, doc.policy, doc.key)
    for (const number of this.numbersOf(doc)) this.link(this.byNumber, number, doc.key)
    for (let i = 0; i < doc.terms.length; i += 1) this.append(doc.terms[i], docNo, doc.tfs[i])
    for (let f = 0; f < FIELD_COUNT; f += 1) this.lengthSums[f] += doc.lengths[f]
    this.live += 1
  }

  remove(key: string): boolean {
    const docNo = this.byKey.get(key)
    if (docNo === undefined) return false
    const doc = this.docs[docNo]!
    this.docs[docNo] = null
    this.alive[docNo] = 0
    this.titleKeys[docNo] = ''
    this.byKey.delete(key)
    this.unlink(this.byPolicy, doc.policy, key)
    for (const number of this.numbersOf(doc)) this.unlink(this.byNumber, number, key)
    for (const id of doc.terms) this.df[id] -= 1
    for (let f = 0; f < FIELD_COUNT; f += 1) this.lengthSums[f] -= doc.lengths[f]
    this.live -= 1
    this.deadPostings += doc.terms.length
    if (this.deadPostings > 10_000 && this.deadPostings > this.totalPostings * 0.25) this.compact()
    return true
  }

  has(key: string): boolean {
    return this.byKey.has(key)
  }

  get(key: string): IndexedDoc | undefined {
    const docNo = this.byKey.get(key)
    return docNo === undefined ? undefined : this.docs[docNo]!
  }

  doc(docNo: number): IndexedDoc | null {
    return this.docs[docNo] ?? null
  }

  /** Slots, live or dead: the bound for per-query arrays indexed by document number. */
  get slots(): number {
    return this.docs.length
  }

  docNo(key: string): number | undefined {
    return this.byKey.get(key)
  }

  keysOfPolicy(policy: string): string[] {
    return [...(this.byPolicy.get(policy) ?? [])]
  }

  /** Documents whose own 发文字号 or 索引号 has this canonical key. */
  byExactNumber(key: string): string[] {
    return [...(this.byNumber.get(key) ?? [])]
  }

  allDocs(): IndexedDoc[] {
    return this.docs.filter((d): d is IndexedDoc => d !== null)
  }

  postingsOf(term: string): Postings | undefined {
    const id = this.termIds.get(term)
    return id === undefined || this.df[id] <= 0 ? undefined : this.postings[id]
  }

  docFrequency(term: string): number {
    const id = this.termIds.get(term)
    return id === undefined ? 0 : this.df[id]
  }

  averageLength(field: number): number {
    return this.live ? this.lengthSums[field] / this.live : 0
  }

  /** Re-numbers the live documents and drops dead postings. */
  compact(): void {
    const live = this.allDocs()
    this.docs = []
    this.byKey.clear()
    this.byPolicy.clear()
    this.byNumber.clear()
    this.df = this.df.map(() => 0)
    this.postings = this.postings.map(() => ({ docs: new Int32Array(4), tfs: new Uint32Array(4), n: 0 }))
    this.lengthSums.fill(0)
    this.alive.fill(0)
    this.titleKeys = []
    this.live = 0
    this.deadPostings = 0
    this.totalPostings = 0
    for (const doc of live) this.insert(doc)
  }

  /**
   * A digest of what the index answers from: every document's key, texts and terms with frequencies. Two indexes
   * built differently (incrementally from the change log, or rebuilt from the database) agree iff digests match.
   */
  fingerprint(): string {
    const hash = createHash('sha256')
    for (const doc of [...this.allDocs()].sort((a, b) => (a.key < b.key ? -1 : 1))) {
      const { fields, lengths, norm, terms, tfs, titleKey, ...meta } = doc
      void norm
      void titleKey
      const termList = [...terms].map((id, i) => `${this.termText[id]}:${tfs[i]}`).sort()
      hash.update(JSON.stringify([meta, fields, [...lengths], termList]))
    }
    return hash.digest('hex')
  }

  private growSlots(slots: number): void {
    if (slots <= this.alive.length) return
    const size = Math.max(slots, this.alive.length * 2)
    const grow = <T extends Float32Array | Float64Array | Int32Array | Uint8Array>(old: T, make: (n: number) => T, per: number): T => {
      const next = make(size * per)
      next.set(old)
      return next
    }
    this.alive = grow(this.alive, (n) => new Uint8Array(n), 1)
    this.lengths = grow(this.lengths, (n) => new Float32Array(n), FIELD_COUNT)
    this.facetCodes = grow(this.facetCodes, (n) => new Int32Array(n), FACET_COUNT)
    this.dates = grow(this.dates, (n) => new Float64Array(n), 1)
  }

  private numbersOf(doc: SearchDoc): string[] {
    return ownNumbers(doc)
  }

  private termId(term: string): number {
    let id = this.termIds.get(term)
    if (id === undefined) {
      id = this.termText.length
      this.termIds.set(term, id)
      this.termText.push(term)
      this.df.push(0)
      this.postings.push({ docs: new Int32Array(4), tfs: new Uint32Array(4), n: 0 })
    }
    return id
  }

  private append(termId: number, docNo: number, packed: number): void {
    const p = this.postings[termId]
    if (p.n === p.docs.length) {
      const docs = new Int32Array(p.docs.length * 2)
      docs.set(p.docs)
      const tfs = new Uint32Array(p.tfs.length * 2)
      tfs.set(p.tfs)
      p.docs = docs
      p.tfs = tfs
    }
    p.docs[p.n] = docNo
    p.tfs[p.n] = packed
    p.n += 1
    this.df[termId] += 1
    this.totalPostings += 1
  }

  private link(map: Map<string, Set<string>>, key: string, value: string): void {
    let set = map.get(key)
    if (!set) map.set(key, (set = new Set()))
    set.add(value)
  }

  private unlink(map: Map<string, Set<string>>, key: string, value: string): void {
    const set = map.get(key)
    if (!set) return
    set.delete(value)
    if (!set.size) map.delete(key)
  }
}
