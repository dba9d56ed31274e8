import type { Payload, PayloadRequest } from 'payload'

import { type Bilingual, L, pick } from '../i18n'
import { memberLabel } from '../lifecycle/members'
import { highlightAll, snippet } from './highlight'
import type { FacetName, ParsedQuery } from './query'
import type { FieldName, SearchDoc } from './searchIndex'
import { memberForms, POLICY_COLLECTION } from './sources'

/** Which backend answered: every answer says so, and one never silently stands in for the other. */
export type Engine = 'embedded' | 'opensearch'

/** The JSON answer of GET /api/public/search. Titles and snippets are HTML-escaped with <em> around matches. */
export type SearchHit = {
  collection: string
  date: null | string
  department: { id: string; name: null | string } | null
  documentNumber: null | string
  /** True for the document whose own 发文字号 / 索引号 was asked for. */
  exact: boolean
  form: { label: string; value: string } | null
  id: number | string
  indexNumber: null | string
  /** The package's policy (for members: what they interpret). */
  policy: { documentNumber: null | string; id: string; title: null | string }
  score: number
  snippet: null | string
  title: string
  titleHighlighted: string
  type: { label: string; value: string }
  year: null | number
}

export type FacetBucket = { count: number; label: string; value: string }

export type SearchResponse = {
  engine: Engine
  facets: Record<FacetName, FacetBucket[]>
  hits: SearchHit[]
  page: number
  pageSize: number
  pages: number
  query: { normalized: string; q: string; relaxed: boolean; words: string[] }
  /** Time spent in the index, milliseconds. */
  tookMs: number
  total: number
}

export const typeLabel = (collection: string): Bilingual =>
  collection === POLICY_COLLECTION ? L('政策文件', 'Policy document') : memberLabel(collection)

/** A hit's document as either engine hands it over: its texts, their normalised forms, its policy's title and number. */
export type PresentedDoc = SearchDoc & { norm: Record<FieldName, string>; policyNumber?: null | string; policyTitle?: null | string }

/** What a backend found, before it is turned into the JSON answer (the same code for both engines). */
export type EngineOutcome = {
  departmentName: (id: string) => string | undefined
  engine: Engine
  parsed: ParsedQuery
  result: {
    facets: Record<FacetName, { count: number; value: string }[]>
    highlight: string[]
    hits: { doc: PresentedDoc; exact: boolean; score: number }[]
    relaxed: boolean
    total: number
  }
  tookMs: number
}

function hit(
  req: PayloadRequest,
  outcome: EngineOutcome,
  doc: PresentedDoc,
  words: string[],
  forms: Map<string, Bilingual>,
  exact: boolean,
  score: number,
): SearchHit {
  const text = doc.fields.body ? 'body' : doc.fields.context ? 'context' : 'organ'
  return {
    collection: doc.collection,
    type: { value: doc.collection, label: pick(req, typeLabel(doc.collection)) },
    id: doc.id,
    title: doc.fields.title,
    titleHighlighted: highlightAll(doc.fields.title, doc.norm.title, words),
    snippet: snippet(doc.fields[text], doc.norm[text], words) ?? null,
    documentNumber: doc.documentNumber ?? null,
    indexNumber: doc.indexNumber ?? null,
    department: doc.department ? { id: doc.department, name: outcome.departmentName(doc.department) ?? null } : null,
    year: doc.year ?? null,
    form: doc.form ? { value: doc.form, label: pick(req, forms.get(doc.form) ?? L(doc.form, doc.form)) } : null,
    date: doc.date ? new Date(doc.date).toISOString() : null,
    policy: { id: doc.policy, title: doc.policyTitle ?? null, documentNumber: doc.policyNumber ?? null },
    score: Math.round(score * 1000) / 1000,
    exact,
  }
}

export function presentResults(
  req: PayloadRequest,
  payload: Payload,
  outcome: EngineOutcome,
  q: string,
  page: number,
  pageSize: number,
): SearchResponse {
  const { parsed, result, tookMs } = outcome
  const forms = new Map(memberForms(payload).map((f) => [f.value, f.label]))
  const label = (facet: FacetName, value: string): string => {
    switch (facet) {
      case 'type':
        return pick(req, typeLabel(value))
      case 'department':
        return outcome.departmentName(value) ?? value
      case 'form':
        return pick(req, forms.get(value) ?? L(value, value))
      case 'year':
        return value
    }
  }
  const facets = Object.fromEntries(
    Object.entries(result.facets).map(([facet, buckets]) => [
      facet,
      buckets.map((b) => ({ value: b.value, count: b.count, label: label(facet as FacetName, b.value) })),
    ]),
  ) as SearchResponse['facets']
  return {
    engine: outcome.engine,
    query: { q, normalized: parsed.normalized, words: parsed.groups.map((g) => g.exact ?? g.text), relaxed: result.relaxed },
    total: result.total,
    page,
    pageSize,
    pages: Math.ceil(result.total / pageSize),
    tookMs: Math.round(tookMs * 100) / 100,
    hits: result.hits.map((h) => hit(req, outcome, h.doc, result.highlight, forms, h.exact, h.score)),
    facets,
  }
}
