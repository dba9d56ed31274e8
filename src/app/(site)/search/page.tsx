import type { Metadata } from 'next'
import Link from 'next/link'

import { content, type SearchQuery } from '../../../site/api'
import { Pager } from '../../../site/components'
import { dateZh, obj, qs, str } from '../../../site/format'

export const dynamic = 'force-dynamic'

type Search = Record<string, string | string[] | undefined>
const one = (v: string | string[] | undefined): string | undefined => ((Array.isArray(v) ? v[0] : v) || undefined)?.slice(0, 200)

const TYPES = ['policies', 'interpretations', 'infographics', 'videos', 'interviews'] as const
const FORMS = ['text', 'leader', 'expert', 'media', 'card'] as const
const FACET_NAMES: Record<string, string> = { type: '类别', department: '部门', year: '年份', form: '解读形式' }

function params(sp: Search) {
  const type = one(sp.type)
  const form = one(sp.form)
  const page = Number(one(sp.page))
  return {
    q: one(sp.q)?.trim() ?? '',
    type: TYPES.find((t) => t === type),
    form: FORMS.find((f) => f === form),
    department: /^[\w-]{1,40}$/.test(one(sp.department) ?? '') ? one(sp.department) : undefined,
    year: /^\d{4}$/.test(one(sp.year) ?? '') ? one(sp.year) : undefined,
    page: Number.isInteger(page) && page > 1 && page < 1000 ? page : undefined,
  }
}

export async function generateMetadata({ searchParams }: { searchParams: Promise<Search> }): Promise<Metadata> {
  const p = params(await searchParams)
  // Result pages are for readers, not for the index: only the empty search page is canonical.
  return {
    title: p.q ? `搜索：${p.q}` : '站内搜索',
    alternates: { canonical: '/search' },
    robots: p.q ? { index: false, follow: true } : undefined,
  }
}

/** Where a hit leads on this site. */
function hitHref(hit: Record<string, unknown>): string {
  const collection = str(hit, 'collection')
  const id = str(hit, 'id')
  return collection === 'policies' ? `/policies/${id}` : `/${collection}/${id}`
}

export default async function SearchPage({ searchParams }: { searchParams: Promise<Search> }) {
  const p = params(await searchParams)
  const result = p.q ? await content().search({ ...p, limit: 10 } satisfies SearchQuery) : null
  const facets = result?.facets ? (result.facets as Record<string, unknown>) : {}
  const pages = result && 'pages' in result ? Number(result.pages) : 0
  const page = p.page ?? 1
  return (
    <>
      <h1>站内搜索</h1>
      <form action="/search" role="search" className="filters">
        <label>
          关键词
          <input name="q" type="search" defaultValue={p.q} size={40} />
        </label>
        {p.type ? <input type="hidden" name="type" value={p.type} /> : null}
        <button type="submit">搜索</button>
      </form>
      {!result ? (
        <p>可按标题、发文字号（如“黔财发〔2026〕1号”）、索引号或关键词搜索政策文件及其解读。</p>
      ) : (
        <>
          <p role="status">
            找到 {result.total} 条结果{obj(result, 'query')?.relaxed ? '（已放宽匹配条件）' : ''}。
          </p>
          {result.total > 0 ? (
            <nav className="facets" aria-label="筛选结果">
              {Object.entries(facets).map(([name, buckets]) =>
                Array.isArray(buckets) && buckets.length ? (
                  <div key={name}>
                    <h2>{FACET_NAMES[name] ?? name}</h2>
                    <ul>
                      {(buckets as Record<string, unknown>[]).map((b) => {
                        const value = str(b, 'value')
                        const active = (p as Record<string, unknown>)[name] === value
                        return (
                          <li key={value}>
                            <Link
                              href={`/search${qs({ ...p, page: undefined, [name]: active ? undefined : value })}`}
                              aria-current={active ? 'true' : undefined}
                            >
                              {active ? '✓ ' : ''}
                              {str(b, 'label') ?? value}
                            </Link>{' '}
                            <span className="muted">({str(b, 'count')})</span>
                          </li>
                        )
                      })}
                    </ul>
                  </div>
                ) : null,
              )}
            </nav>
          ) : (
            <div className="notice">
              <p>没有找到与“{p.q}”相关的内容。您可以：</p>
              <ul>
                <li>检查错别字，或换用更短、更常用的词语；</li>
                <li>输入完整的发文字号或索引号；</li>
                <li>
                  去掉筛选条件，或到<Link href="/policies">政策文件库</Link>按部门、文种、年份浏览。
                </li>
              </ul>
            </div>
          )}
          <ol className="list" start={(page - 1) * 10 + 1}>
            {(result.hits as Record<string, unknown>[]).map((hit) => (
              <li key={`${str(hit, 'collection')}-${str(hit, 'id')}`}>
                {/* The API escapes the text and adds only <mark>: its highlights are safe HTML. */}
                <Link href={hitHref(hit)} dangerouslySetInnerHTML={{ __html: str(hit, 'titleHighlighted') ?? str(hit, 'title') ?? '' }} />
                <span className="meta">
                  {[
                    str(obj(hit, 'type'), 'label'),
                    str(hit, 'documentNumber'),
                    str(obj(hit, 'department'), 'name'),
                    dateZh(str(hit, 'date')),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
                {str(hit, 'snippet') ? <span dangerouslySetInnerHTML={{ __html: str(hit, 'snippet') ?? '' }} /> : null}
                {str(hit, 'collection') !== 'policies' && str(obj(hit, 'policy'), 'id') ? (
                  <span className="meta">
                    原文：<Link href={`/policies/${str(obj(hit, 'policy'), 'id')}`}>{str(obj(hit, 'policy'), 'title') ?? '政策文件'}</Link>
                  </span>
                ) : null}
              </li>
            ))}
          </ol>
          <Pager page={page} pages={pages} href={(n) => `/search${qs({ ...p, page: n })}`} />
        </>
      )}
    </>
  )
}
