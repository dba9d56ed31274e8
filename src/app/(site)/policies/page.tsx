import type { Metadata } from 'next'

import type { ListQuery } from '../../../site/api'
import { content } from '../../../site/api'
import { Pager, PolicyRow } from '../../../site/components'
import { DOCUMENT_TYPES, FORM_LABELS, qs, VALIDITIES } from '../../../site/format'
import { SUBJECTS } from '../../../rules/subjects'

export const dynamic = 'force-dynamic'

type Search = Record<string, string | string[] | undefined>
const one = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v) || undefined

/** The filters as the API takes them; anything malformed is dropped rather than sent (the API would answer 400). */
function filters(sp: Search) {
  const num = (v: string | undefined) => (v && /^\d{1,12}$/.test(v) ? Number(v) : undefined)
  const pick = <T extends string>(v: string | undefined, allowed: readonly string[]) => (v && allowed.includes(v) ? (v as T) : undefined)
  return {
    department: num(one(sp.department)),
    documentType: pick<NonNullable<ListQuery['documentType']>>(
      one(sp.documentType),
      DOCUMENT_TYPES.map(([v]) => v),
    ),
    subject: pick<NonNullable<ListQuery['subject']>>(
      one(sp.subject),
      SUBJECTS.map((s) => s.value),
    ),
    year: num(one(sp.year)),
    validity: pick<NonNullable<ListQuery['validity']>>(
      one(sp.validity),
      VALIDITIES.map(([v]) => v),
    ),
    form: pick<NonNullable<ListQuery['form']>>(one(sp.form), Object.keys(FORM_LABELS)),
    // 时点有效性: passed through as given once the API knows it ([after-release]); a date only.
    validOn: /^\d{4}-\d{2}-\d{2}$/.test(one(sp.validOn) ?? '') ? one(sp.validOn) : undefined,
    page: num(one(sp.page)),
  }
}

export async function generateMetadata({ searchParams }: { searchParams: Promise<Search> }): Promise<Metadata> {
  const { page: _page, ...f } = filters(await searchParams)
  const feed = qs({ department: f.department, documentType: f.documentType, form: f.form })
  return {
    title: '政策文件库',
    alternates: {
      canonical: `/policies${qs(f)}`,
      types: {
        'application/rss+xml': `/api/public/feeds/policies.rss${feed}`,
        'application/atom+xml': `/api/public/feeds/policies.atom${feed}`,
      },
    },
  }
}

export default async function Policies({ searchParams }: { searchParams: Promise<Search> }) {
  const f = filters(await searchParams)
  const api = content()
  const query: ListQuery & { validOn?: string } = { ...f, limit: 20 }
  const [list, departments] = await Promise.all([api.listPolicies(query), api.listPolicies({ limit: 100 })])
  const deptOptions = new Map<number, string>()
  for (const p of departments.docs) if (p.department) deptOptions.set(p.department.id, p.department.name ?? String(p.department.id))
  const thisYear = new Date().getFullYear()
  const years = Array.from({ length: 12 }, (_, i) => thisYear - i)
  const { page: _page, ...rest } = f
  const feed = qs({ department: f.department, documentType: f.documentType, form: f.form })
  return (
    <>
      <h1>政策文件库</h1>
      <form className="filters" action="/policies" aria-label="筛选">
        <label>
          发文机关
          <select name="department" defaultValue={f.department ?? ''}>
            <option value="">全部</option>
            {[...deptOptions].map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label>
          文种
          <select name="documentType" defaultValue={f.documentType ?? ''}>
            <option value="">全部</option>
            {DOCUMENT_TYPES.map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </select>
        </label>
        <label>
          主题分类
          <select name="subject" defaultValue={f.subject ?? ''}>
            <option value="">全部</option>
            {SUBJECTS.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label.zh}
              </option>
            ))}
          </select>
        </label>
        <label>
          成文年份
          <select name="year" defaultValue={f.year ?? ''}>
            <option value="">全部</option>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <label>
          有效性
          <select name="validity" defaultValue={f.validity ?? ''}>
            <option value="">全部</option>
            {VALIDITIES.map(([v, l]) => (
              <option key={v} value={v}>
                {l}
              </option>
            ))}
          </select>
        </label>
        <label>
          某日有效
          <input type="date" name="validOn" defaultValue={f.validOn ?? ''} />
        </label>
        {f.form ? <input type="hidden" name="form" value={f.form} /> : null}
        <button type="submit">筛选</button>
      </form>
      <p role="status">
        共 {list.totalDocs} 件{list.totalPages > 1 ? `，第 ${list.page}/${list.totalPages} 页` : ''}。 订阅本列表：
        <a href={`/api/public/feeds/policies.rss${feed}`}>RSS</a> · <a href={`/api/public/feeds/policies.atom${feed}`}>Atom</a>
      </p>
      {list.docs.length ? (
        <ul className="list">
          {list.docs.map((p) => (
            <PolicyRow key={p.id} p={p} />
          ))}
        </ul>
      ) : (
        <p>没有符合条件的政策文件。请减少筛选条件，或使用站内搜索。</p>
      )}
      <Pager page={list.page} pages={list.totalPages} href={(page) => `/policies${qs({ ...rest, page })}`} />
    </>
  )
}
