'use client'

import { Button, useConfig, useTranslation } from '@payloadcms/ui'
import { useCallback, useEffect, useState } from 'react'

type Bucket = { count: number; label: string; value: string }
type Hit = {
  collection: string
  date: null | string
  department: { name: null | string } | null
  documentNumber: null | string
  exact: boolean
  id: number | string
  snippet: null | string
  titleHighlighted: string
  type: { label: string }
}
type Result = {
  facets: Record<'department' | 'form' | 'type' | 'year', Bucket[]>
  hits: Hit[]
  page: number
  pages: number
  query: { relaxed: boolean; words: string[] }
  tookMs: number
  total: number
}
type Status = {
  documents: number
  engine: 'embedded' | 'opensearch'
  lastError: null | string
  lastSyncAt: null | string
  source: null | string
  state: string
  terms: number
  watermark: { seq: number }
}
type Miss = { count: number; id: number | string; lastAt: string; query: string }

const text = {
  title: { en: 'Site search', zh: '站内搜索' },
  intro: {
    en: 'Searches released, proactively disclosed content exactly as the public search API does.',
    zh: '与公众检索接口一致：仅检索已发布且主动公开的内容。',
  },
  placeholder: { en: 'Words, a document number or an index number', zh: '关键词、发文字号或索引号' },
  search: { en: 'Search', zh: '搜索' },
  results: { en: 'results', zh: '条结果' },
  took: { en: 'ms in the index', zh: '毫秒（索引耗时）' },
  relaxed: {
    en: 'No document has every word; showing those with most of them.',
    zh: '没有同时包含全部词语的内容，以下为包含多数词语的结果。',
  },
  none: { en: 'Nothing found.', zh: '没有找到相关内容。' },
  exact: { en: 'exact number', zh: '文号精确匹配' },
  facets: {
    type: { en: 'Type', zh: '类型' },
    department: { en: 'Department', zh: '部门' },
    year: { en: 'Year', zh: '年份' },
    form: { en: 'Form', zh: '解读形式' },
  },
  all: { en: 'All', zh: '全部' },
  previous: { en: 'Previous', zh: '上一页' },
  next: { en: 'Next', zh: '下一页' },
  status: { en: 'Index', zh: '索引状态' },
  documents: { en: 'documents', zh: '篇文档' },
  engines: { embedded: { en: 'embedded index', zh: '内置索引' }, opensearch: { en: 'OpenSearch', zh: 'OpenSearch 集群' } },
  terms: { en: 'terms', zh: '个词项' },
  seq: { en: 'audit log up to entry', zh: '已同步至审计日志第' },
  rebuild: { en: 'Rebuild on every instance', zh: '在所有实例上重建索引' },
  misses: { en: 'Most frequent zero-result queries', zh: '高频无结果搜索' },
  allMisses: { en: 'All zero-result queries', zh: '全部无结果搜索' },
  dictionary: { en: 'Search dictionary', zh: '搜索词典' },
  times: { en: 'times', zh: '次' },
}

/** The interactive part of /admin/search (results come from GET /api/public/search). */
export function SearchPanel({ admin }: { admin: boolean }) {
  const { config } = useConfig()
  const { i18n } = useTranslation()
  const lang = i18n.language === 'en' ? 'en' : 'zh'
  const t = (entry: { en: string; zh: string }) => entry[lang]
  const api = `${config.serverURL}${config.routes.api}`
  const adminRoute = config.routes.admin
  const [q, setQ] = useState('')
  const [filters, setFilters] = useState<Record<string, string>>({})
  const [page, setPage] = useState(1)
  const [result, setResult] = useState<null | Result>(null)
  const [error, setError] = useState<null | string>(null)
  const [status, setStatus] = useState<null | Status>(null)
  const [misses, setMisses] = useState<Miss[]>([])

  const headers = { 'accept-language': lang }
  const loadAdmin = useCallback(async () => {
    if (!admin) return
    const [s, m] = await Promise.all([
      fetch(`${api}/search/status`, { credentials: 'include', headers }),
      fetch(`${api}/search-misses?sort=-count&limit=10&depth=0`, { credentials: 'include', headers }),
    ])
    if (s.ok) setStatus((await s.json()) as Status)
    if (m.ok) setMisses(((await m.json()) as { docs: Miss[] }).docs)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [admin, api, lang])

  useEffect(() => {
    void loadAdmin()
  }, [loadAdmin])

  const run = async (nextPage: number, nextFilters = filters) => {
    if (!q.trim()) return
    const params = new URLSearchParams({ q, page: String(nextPage), ...nextFilters })
    const res = await fetch(`${api}/public/search?${params}`, { headers })
    const body = await res.json()
    if (!res.ok) {
      setError(body?.errors?.[0]?.message ?? String(res.status))
      setResult(null)
      return
    }
    setError(null)
    setPage(nextPage)
    setFilters(nextFilters)
    setResult(body as Result)
    void loadAdmin()
  }

  const toggle = (facet: string, value: string) => {
    const next = { ...filters }
    if (next[facet] === value) delete next[facet]
    else next[facet] = value
    void run(1, next)
  }

  return (
    <div style={{ display: 'grid', gap: 24, paddingBottom: 48 }}>
      <div>
        <h1>{t(text.title)}</h1>
        <p style={{ opacity: 0.7 }}>{t(text.intro)}</p>
        <form
          onSubmit={(e) => {
            e.preventDefault()
            void run(1, {})
          }}
          style={{ display: 'flex', gap: 8, alignItems: 'center' }}
        >
          <input
            aria-label={t(text.placeholder)}
            maxLength={100}
            onChange={(e) => setQ(e.target.value)}
            placeholder={t(text.placeholder)}
            style={{ flex: 1, padding: '8px 12px', fontSize: 16 }}
            type="search"
            value={q}
          />
          <Button type="submit">{t(text.search)}</Button>
        </form>
        {error && <p style={{ color: 'var(--theme-error-500)' }}>{error}</p>}
      </div>

      {result && (
        <div style={{ display: 'grid', gridTemplateColumns: '220px 1fr', gap: 24 }}>
          <aside>
            {(['type', 'department', 'year', 'form'] as const).map((facet) =>
              result.facets[facet].length ? (
                <div key={facet} style={{ marginBottom: 16 }}>
                  <strong>{t(text.facets[facet])}</strong>
                  {result.facets[facet].map((b) => (
                    <div key={b.value}>
                      <button
                        onClick={() => toggle(facet, b.value)}
                        style={{
                          background: 'none',
                          border: 0,
                          cursor: 'pointer',
                          fontWeight: filters[facet] === b.value ? 700 : 400,
                          padding: '2px 0',
                        }}
                        type="button"
                      >
                        {b.label} ({b.count})
                      </button>
                    </div>
                  ))}
                </div>
              ) : null,
            )}
          </aside>
          <section>
            <p>
              {result.total} {t(text.results)} · {result.tookMs} {t(text.took)}
            </p>
            {result.query.relaxed && <p style={{ opacity: 0.7 }}>{t(text.relaxed)}</p>}
            {!result.total && <p>{t(text.none)}</p>}
            {result.hits.map((hit) => (
              <article key={`${hit.collection}:${hit.id}`} style={{ marginBottom: 18 }}>
                <a href={`${adminRoute}/collections/${hit.collection}/${hit.id}`}>
                  {/* The server escapes everything but the <em> it adds around matches. */}
                  <span dangerouslySetInnerHTML={{ __html: hit.titleHighlighted }} style={{ fontSize: 17 }} />
                </a>
                <div style={{ fontSize: 12, opacity: 0.7 }}>
                  {hit.type.label}
                  {hit.documentNumber ? ` · ${hit.documentNumber}` : ''}
                  {hit.department?.name ? ` · ${hit.department.name}` : ''}
                  {hit.date ? ` · ${hit.date.slice(0, 10)}` : ''}
                  {hit.exact ? ` · ${t(text.exact)}` : ''}
                </div>
                {hit.snippet && <p dangerouslySetInnerHTML={{ __html: hit.snippet }} style={{ margin: '4px 0' }} />}
              </article>
            ))}
            {result.pages > 1 && (
              <div style={{ display: 'flex', gap: 8 }}>
                <Button buttonStyle="secondary" disabled={page <= 1} onClick={() => void run(page - 1)}>
                  {t(text.previous)}
                </Button>
                <span style={{ alignSelf: 'center' }}>
                  {page} / {result.pages}
                </span>
                <Button buttonStyle="secondary" disabled={page >= result.pages} onClick={() => void run(page + 1)}>
                  {t(text.next)}
                </Button>
              </div>
            )}
          </section>
        </div>
      )}

      {admin && (
        <div style={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 24 }}>
          <section>
            <h3>{t(text.misses)}</h3>
            <ol>
              {misses.map((m) => (
                <li key={m.id}>
                  {m.query} — {m.count} {t(text.times)}
                </li>
              ))}
            </ol>
            <a href={`${adminRoute}/collections/search-misses`}>{t(text.allMisses)}</a> ·{' '}
            <a href={`${adminRoute}/collections/search-terms`}>{t(text.dictionary)}</a>
          </section>
          <section>
            <h3>{t(text.status)}</h3>
            {status && (
              <p>
                {t(text.engines[status.engine])} · {status.state} · {status.documents} {t(text.documents)}
                {status.engine === 'embedded' ? ` · ${status.terms} ${t(text.terms)}` : ''} · {t(text.seq)} {status.watermark.seq}
                {lang === 'zh' ? ' 条' : ''}
                {status.state === 'unavailable' && status.lastError ? ` · ${status.lastError}` : ''}
              </p>
            )}
            <Button
              buttonStyle="secondary"
              onClick={async () => {
                const res = await fetch(`${api}/search/reindex`, { method: 'POST', credentials: 'include', headers })
                if (res.ok) setStatus((await res.json()) as Status)
              }}
            >
              {t(text.rebuild)}
            </Button>
          </section>
        </div>
      )}
    </div>
  )
}
