import { findDocumentNumbers, findIndexNumbers, normalizeText } from './normalize'
import {
  FACET_COUNT,
  FACETS,
  type FacetName,
  FIELD_COUNT,
  FIELDS,
  type IndexedDoc,
  MAXES,
  type Postings,
  type SearchIndex,
  SHIFTS,
} from './searchIndex'
import { POLICY_COLLECTION } from './sources'

export { FACETS, type FacetName }

/**
 * BM25F over the five fields. Weights put a title or document-number match far above the same words in the body;
 * `B` is how much a field's length dampens its matches (none for numbers, most for the body).
 */
const WEIGHTS = [4, 6, 1.5, 1.2, 1] // title, number, organ, context, body
const B = [0.5, 0, 0.3, 0.5, 0.75]
const K1 = 1.2

/** A fallback substring check is skipped when its candidate set would be larger than this (latency guard). */
const FALLBACK_CANDIDATE_CAP = 20_000

/** The original text before what is said about it, when both match about as well. */
const POLICY_PRIOR = 1.15

/** Title contains every word of the query / is the whole query. */
const TITLE_PHRASE_BOOST = 1.5
const TITLE_EQUALS_BOOST = 2

export type Filters = Partial<Record<FacetName, string>>

/** One thing the user asked for: a word (with synonyms) or a document/index number (with its spellings). */
export type QueryGroup = { alternatives: string[]; exact?: string; text: string }

export type ParsedQuery = { groups: QueryGroup[]; normalized: string; phrase: string }

export type Hit = { doc: IndexedDoc; exact: boolean; score: number }

export type QueryResult = {
  facets: Record<FacetName, { count: number; value: string }[]>
  hits: Hit[]
  /** The words used (for highlighting and for telling the user how the query was understood). */
  highlight: string[]
  /** True when no document had every word, and documents with most of them are shown. */
  relaxed: boolean
  total: number
}

/** Every facet with no buckets. */
export const emptyFacets = (): QueryResult['facets'] => ({ type: [], department: [], year: [], form: [] })

/** Titles and queries compared without spaces and punctuation (《》“”、 …). */
export const stripPunctuation = (text: string) => text.replace(/[\s\p{P}\p{S}]+/gu, '')

/** `index`: the embedded index, or anything that segments and knows which numbers exist (the OpenSearch backend). */
export function parseQuery(index: Pick<SearchIndex, 'byExactNumber' | 'segmenter'>, q: string): ParsedQuery {
  const normalized = normalizeText(q).replace(/\s+/g, ' ').trim()
  const groups: QueryGroup[] = []
  let rest = normalized
  const blank = (start: number, end: number) => {
    rest = rest.slice(0, start) + ' '.repeat(end - start) + rest.slice(end)
  }
  for (const m of findDocumentNumbers(normalized)) {
    const exact = m.variants.find((v) => index.byExactNumber(v).length > 0)
    // Only the agency code belongs to the number; words before it (关于…) remain words of the query.
    const codeLength = exact ? exact.indexOf('〔') : m.code.length
    const start = m.start + m.code.length - codeLength
    groups.push({ text: normalized.slice(start, m.end), exact, alternatives: exact ? [exact] : m.variants })
    blank(start, m.end)
  }
  for (const m of findIndexNumbers(normalized)) {
    const key = m.variants[0]
    groups.push({ text: key, exact: index.byExactNumber(key).length ? key : undefined, alternatives: [key] })
    blank(m.start, m.end)
  }
  for (const token of index.segmenter.queryTokens(rest)) {
    groups.push({ text: token, alternatives: index.segmenter.alternatives(token) })
  }
  return { normalized, groups, phrase: stripPunctuation(normalized) }
}

/** Per-query scratch arrays indexed by slot, grown with the index; search is synchronous, so one set per index. */
class Scratch {
  score = new Float64Array(0)
  best = new Float64Array(0)
  matched = new Uint16Array(0)
  stamp = new Int32Array(0)
  direct = new Int32Array(0)
  mark = new Int32Array(0)
  /** Bit g set: query group g matched the document's title. */
  titleMask = new Int32Array(0)
  groupDocs = new Int32Array(0)
  touched = new Int32Array(0)
  private counter = 0

  reset(slots: number): void {
    if (this.score.length >= slots) return
    const size = Math.max(slots, Math.ceil(this.score.length * 1.5), 1024)
    this.score = new Float64Array(size)
    this.best = new Float64Array(size)
    this.matched = new Uint16Array(size)
    this.stamp = new Int32Array(size)
    this.direct = new Int32Array(size)
    this.mark = new Int32Array(size)
    this.titleMask = new Int32Array(size)
    this.groupDocs = new Int32Array(size)
    this.touched = new Int32Array(size)
    this.counter = 0
  }

  nextStamp(): number {
    this.counter += 1
    return this.counter
  }
}

const scratchOf = new WeakMap<SearchIndex, Scratch>()

const idf = (n: number, df: number) => Math.log(1 + (n - df + 0.5) / (df + 0.5))

/** What does not change within one query: inverse average field lengths. */
type Norms = { inverseAverage: Float64Array }

/** BM25F of one term in one document, given its per-field frequencies `tf(f)`. */
function bm25(index: SearchIndex, docNo: number, tf: ArrayLike<number>, weight: number, norms: Norms): number {
  let norm = 0
  const base = docNo * FIELD_COUNT
  for (let f = 0; f < FIELD_COUNT; f += 1) {
    const t = tf[f]
    if (t) norm += (WEIGHTS[f] * t) / (1 - B[f] + B[f] * index.lengths[base + f] * norms.inverseAverage[f])
  }
  return norm > 0 ? (weight * norm * (K1 + 1)) / (norm + K1) : 0
}

function countOccurrences(text: string, word: string): number {
  let count = 0
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + word.length)) count += 1
  return count
}

/**
 * Documents that contain `word` as text although their segmentation has no such token (jieba cut a longer word
 * around it, or the dictionary changed since they were indexed): candidates are the documents having all of the
 * word's pieces, verified by a substring check on the normalised texts. Returns per-field counts.
 */
function substringMatches(index: SearchIndex, word: string, s: Scratch, isDirect: (docNo: number) => boolean): Map<number, number[]> {
  const found = new Map<number, number[]>()
  const lists = index.segmenter.pieces(word).map((p) => index.postingsOf(p))
  if (!lists.length || lists.some((l) => !l)) return found
  const sorted = (lists as Postings[]).sort((a, b) => a.n - b.n)
  if (sorted[0].n > FALLBACK_CANDIDATE_CAP) return found
  // Intersection by stamping: a document survives list k when it carries list k-1's stamp.
  let previous = s.nextStamp()
  for (let i = 0; i < sorted[0].n; i += 1) s.mark[sorted[0].docs[i]] = previous
  for (const list of sorted.slice(1)) {
    const next = s.nextStamp()
    for (let i = 0; i < list.n; i += 1) if (s.mark[list.docs[i]] === previous) s.mark[list.docs[i]] = next
    previous = next
  }
  const last = sorted[sorted.length - 1]
  for (let i = 0; i < last.n; i += 1) {
    const docNo = last.docs[i]
    if (s.mark[docNo] !== previous || isDirect(docNo) || found.has(docNo)) continue
    const doc = index.doc(docNo)
    if (!doc) continue
    const tfs = FIELDS.map((field) => countOccurrences(doc.norm[field], word))
    if (tfs.some((t) => t > 0)) found.set(docNo, tfs)
  }
  return found
}

/**
 * Scores every group into `s.score` / `s.matched` (a document's best alternative counts once per group); returns
 * how many slots of `s.touched` hold documents matching at least one group. The posting loop is written out field
 * by field: it runs once per posting of every query word and dominates query time.
 */
function scoreGroups(index: SearchIndex, groups: QueryGroup[], s: Scratch): number {
  const n = Math.max(index.size, 1)
  const inverseAverage = new Float64Array(FIELD_COUNT)
  for (let f = 0; f < FIELD_COUNT; f += 1) {
    const avg = index.averageLength(f)
    inverseAverage[f] = avg > 0 ? 1 / avg : 0
  }
  const norms: Norms = { inverseAverage }
  const { alive, lengths } = index
  const [w0, w1, w2, w3, w4] = WEIGHTS
  const [b0, b1, b2, b3, b4] = B
  const [i0, i1, i2, i3, i4] = inverseAverage
  const [s1, s2, s3, s4] = SHIFTS.slice(1)
  const [m0, m1, m2, m3, m4] = MAXES
  let touched = 0
  const { titleMask } = s
  for (const [g, group] of groups.entries()) {
    const bit = 1 << Math.min(g, 30)
    const groupStamp = s.nextStamp()
    let groupCount = 0
    const offer = (docNo: number, value: number) => {
      if (s.stamp[docNo] !== groupStamp) {
        s.stamp[docNo] = groupStamp
        s.best[docNo] = value
        s.groupDocs[groupCount++] = docNo
      } else if (value > s.best[docNo]) s.best[docNo] = value
    }
    for (const word of group.alternatives) {
      const postings = index.postingsOf(word)
      const tryFallback = [...word].length >= 2 && !group.exact && (!postings || [...word].length >= 3)
      let extra: Map<number, number[]> | undefined
      if (tryFallback) {
        const directStamp = s.nextStamp()
        if (postings) for (let i = 0; i < postings.n; i += 1) s.direct[postings.docs[i]] = directStamp
        extra = substringMatches(index, word, s, (d) => s.direct[d] === directStamp)
      }
      const weight = idf(n, index.docFrequency(word) + (extra?.size ?? 0))
      if (postings) {
        const { docs, tfs } = postings
        for (let i = 0; i < postings.n; i += 1) {
          const docNo = docs[i]
          if (!alive[docNo]) continue
          const packed = tfs[i]
          const base = docNo * FIELD_COUNT
          let norm = 0
          let t = packed & m0
          if (t) {
            norm += (w0 * t) / (1 - b0 + b0 * lengths[base] * i0)
            titleMask[docNo] |= bit
          }
          t = (packed >>> s1) & m1
          if (t) norm += (w1 * t) / (1 - b1 + b1 * lengths[base + 1] * i1)
          t = (packed >>> s2) & m2
          if (t) norm += (w2 * t) / (1 - b2 + b2 * lengths[base + 2] * i2)
          t = (packed >>> s3) & m3
          if (t) norm += (w3 * t) / (1 - b3 + b3 * lengths[base + 3] * i3)
          t = (packed >>> s4) & m4
          if (t) norm += (w4 * t) / (1 - b4 + b4 * lengths[base + 4] * i4)
          const value = (weight * norm * (K1 + 1)) / (norm + K1)
          if (s.stamp[docNo] !== groupStamp) {
            s.stamp[docNo] = groupStamp
            s.best[docNo] = value
            s.groupDocs[groupCount++] = docNo
          } else if (value > s.best[docNo]) s.best[docNo] = value
        }
      }
      if (extra) {
        for (const [docNo, tfs] of extra) {
          if (tfs[0]) titleMask[docNo] |= bit
          offer(docNo, bm25(index, docNo, tfs, weight, norms))
        }
      }
    }
    for (let k = 0; k < groupCount; k += 1) {
      const docNo = s.groupDocs[k]
      if (s.matched[docNo] === 0) s.touched[touched++] = docNo
      s.matched[docNo] += 1
      s.score[docNo] += s.best[docNo]
    }
  }
  return touched
}

/** Keeps the best `limit` documents: a bounded min-heap over slots, ordered exact first, then score, date, key. */
class TopK {
  private readonly heap: number[] = []
  constructor(
    private readonly limit: number,
    private readonly better: (a: number, b: number) => boolean,
  ) {}

  /** The heap is full: a candidate must beat its root. */
  get full(): boolean {
    return this.heap.length >= this.limit
  }

  get root(): number {
    return this.heap[0]
  }

  offer(docNo: number): void {
    const { heap, better } = this
    if (heap.length < this.limit) {
      heap.push(docNo)
      for (let i = heap.length - 1; i > 0;) {
        const parent = (i - 1) >> 1
        if (!better(heap[parent], heap[i])) break
        ;[heap[i], heap[parent]] = [heap[parent], heap[i]]
        i = parent
      }
    } else if (this.limit > 0 && better(docNo, heap[0])) {
      heap[0] = docNo
      for (let i = 0; ;) {
        const l = 2 * i + 1
        const r = l + 1
        let worst = i
        if (l < heap.length && better(heap[worst], heap[l])) worst = l
        if (r < heap.length && better(heap[worst], heap[r])) worst = r
        if (worst === i) break
        ;[heap[i], heap[worst]] = [heap[worst], heap[i]]
        i = worst
      }
    }
  }

  sorted(): number[] {
    return [...this.heap].sort((a, b) => (this.better(a, b) ? -1 : 1))
  }
}

/**
 * Runs a parsed query: every group must match (else, with two or more groups, most of them: `relaxed`), exact
 * number matches first, then BM25F with a boost for titles containing the whole query. Facet counts are
 * disjunctive: each facet is counted with the other facets' filters applied, not its own.
 */
export function runQuery(index: SearchIndex, parsed: ParsedQuery, filters: Filters, offset: number, limit: number): QueryResult {
  const facets = emptyFacets()
  if (!parsed.groups.length) return { hits: [], total: 0, relaxed: false, highlight: [], facets }
  let s = scratchOf.get(index)
  if (!s) scratchOf.set(index, (s = new Scratch()))
  s.reset(index.slots)
  const touched = scoreGroups(index, parsed.groups, s)
  const groups = parsed.groups.length
  let required = groups
  let matches = 0
  for (let k = 0; k < touched; k += 1) if (s.matched[s.touched[k]] >= required) matches += 1
  if (!matches && groups >= 2) required = Math.ceil(groups / 2)

  const exact = new Set(parsed.groups.flatMap((g) => (g.exact ? index.byExactNumber(g.exact) : [])).map((key) => index.docNo(key)!))
  const phrase = parsed.phrase
  const allGroups = (1 << Math.min(groups, 31)) - 1
  const wanted = FACETS.map((facet, i) => (filters[facet] === undefined ? -1 : index.facetValues[i].find(filters[facet]!)))
  const counts = FACETS.map((_, i) => new Int32Array(index.facetValues[i].values.length))
  const { dates, facetCodes, titleKeys } = index
  const scores = s.score
  const better = (a: number, b: number): boolean => {
    if (exact.size) {
      const ea = exact.has(a)
      if (ea !== exact.has(b)) return ea
    }
    if (scores[a] !== scores[b]) return scores[a] > scores[b]
    if (dates[a] !== dates[b]) return dates[a] > dates[b]
    return index.doc(a)!.key < index.doc(b)!.key
  }
  const top = new TopK(offset + limit, better)
  const policyType = index.facetValues[FACETS.indexOf('type')].find(POLICY_COLLECTION)
  const filtering = wanted.some((w) => w !== -1)
  let total = 0
  for (let k = 0; k < touched; k += 1) {
    const docNo = s.touched[k]
    if (s.matched[docNo] < required) continue
    const base = docNo * FACET_COUNT
    let score = scores[docNo]
    if (facetCodes[base] === policyType) score *= POLICY_PRIOR
    // Every word in the title (a substring search per document would cost more than all the scoring).
    if (s.titleMask[docNo] === allGroups) {
      const title = titleKeys[docNo]
      score *= title.length === phrase.length && title === phrase ? TITLE_EQUALS_BOOST : TITLE_PHRASE_BOOST
    }
    scores[docNo] = score
    // Disjunctive facets: a document failing only facet f's filter still counts under facet f.
    let failing = -1
    let failures = 0
    if (filtering) {
      for (let f = 0; f < FACET_COUNT; f += 1) {
        if (wanted[f] !== -1 && facetCodes[base + f] !== wanted[f]) {
          failures += 1
          failing = f
        }
      }
      if (failures > 1) continue
    }
    for (let f = 0; f < FACET_COUNT; f += 1) {
      const code = facetCodes[base + f]
      if (code >= 0 && (failures === 0 || failing === f)) counts[f][code] += 1
    }
    if (failures === 0) {
      total += 1
      // Most documents cannot enter a full first page: skip the heap for them (exact matches always go in).
      if (!top.full || exact.size || score >= scores[top.root]) top.offer(docNo)
    }
  }
  const hits = top
    .sorted()
    .slice(offset, offset + limit)
    .map((docNo) => ({ doc: index.doc(docNo)!, score: s.score[docNo], exact: exact.has(docNo) }))
  for (let k = 0; k < touched; k += 1) {
    const docNo = s.touched[k]
    s.score[docNo] = 0
    s.matched[docNo] = 0
    s.titleMask[docNo] = 0
  }
  FACETS.forEach((facet, i) => {
    facets[facet] = [...counts[i]]
      .map((count, code) => ({ value: index.facetValues[i].values[code], count }))
      .filter((b) => b.count > 0)
      .sort((a, b) => b.count - a.count || (facet === 'year' ? Number(b.value) - Number(a.value) : a.value < b.value ? -1 : 1))
  })
  return { hits, total, relaxed: required < groups, highlight: [...new Set(parsed.groups.flatMap((g) => g.alternatives))], facets }
}
