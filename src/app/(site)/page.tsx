import type { Metadata } from 'next'
import Link from 'next/link'

import { content } from '../../site/api'
import { PolicyRow } from '../../site/components'
import { FORM_LABELS } from '../../site/format'

export const dynamic = 'force-dynamic'

export const metadata: Metadata = {
  alternates: {
    canonical: '/',
    types: { 'application/rss+xml': '/api/public/feeds/policies.rss', 'application/atom+xml': '/api/public/feeds/policies.atom' },
  },
}

export default async function Home() {
  const api = content()
  const [latest, interpreted, recent] = await Promise.all([
    api.listPolicies({ limit: 10 }),
    api.listPolicies({ limit: 10, form: 'card' }),
    api.listPolicies({ limit: 100 }),
  ])
  // 专题 by department: the departments that released policies, with how many (from the newest hundred).
  const byDepartment = new Map<number, { name: string; count: number }>()
  for (const p of recent.docs) {
    if (!p.department) continue
    const entry = byDepartment.get(p.department.id) ?? { name: p.department.name ?? String(p.department.id), count: 0 }
    entry.count += 1
    byDepartment.set(p.department.id, entry)
  }
  return (
    <>
      <h1>政策文件与政策解读</h1>
      <p className="muted">共收录已发布政策文件 {latest.totalDocs} 件，每件均附政策解读（双关联）。</p>
      <div className="grid">
        <section aria-labelledby="latest">
          <h2 id="latest">最新政策</h2>
          <ul className="list">
            {latest.docs.map((p) => (
              <PolicyRow key={p.id} p={p} />
            ))}
          </ul>
          <p>
            <Link href="/policies">更多政策文件 →</Link> · <a href="/api/public/feeds/policies.rss">RSS</a>
          </p>
        </section>
        <section aria-labelledby="interpreted">
          <h2 id="interpreted">最新解读 · {FORM_LABELS.card}</h2>
          <ul className="list">
            {interpreted.docs.map((p) => (
              <PolicyRow key={p.id} p={p} />
            ))}
          </ul>
          <p>
            <Link href="/policies?form=card">更多 →</Link> · <a href="/api/public/feeds/interpretations.rss">解读 RSS</a>
          </p>
        </section>
      </div>
      <section aria-labelledby="topics">
        <h2 id="topics">部门专题</h2>
        <ul className="list">
          {[...byDepartment.entries()].map(([id, d]) => (
            <li key={id}>
              <Link href={`/policies?department=${id}`}>{d.name}</Link> <span className="muted">（{d.count} 件）</span>
            </li>
          ))}
        </ul>
      </section>
    </>
  )
}
