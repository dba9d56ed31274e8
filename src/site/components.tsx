import Link from 'next/link'

import type { Schemas } from './api'
import { dateZh, zh } from './format'

export function PolicyRow({ p }: { p: Schemas['PolicySummary'] }) {
  return (
    <li>
      <Link href={`/policies/${p.id}`}>{p.title}</Link>
      <span className="meta">
        {[p.documentNumber, p.department?.name, `发布 ${dateZh(p.releasedAt)}`, zh(p.validity)].filter(Boolean).join(' · ')}
      </span>
    </li>
  )
}

/** Previous / next links carrying the current filters (plain links: paging works without JavaScript). */
export function Pager({ page, pages, href }: { page: number; pages: number; href: (page: number) => string }) {
  if (pages <= 1) return null
  return (
    <nav className="pager" aria-label="分页">
      {page > 1 ? <Link href={href(page - 1)}>上一页</Link> : null}
      <span>
        第 {page} 页，共 {pages} 页
      </span>
      {page < pages ? <Link href={href(page + 1)}>下一页</Link> : null}
    </nav>
  )
}

/** Every member page leads back to its policy (原文): 双关联 seen from the member's side. */
export function BackToPolicy({ policy }: { policy: null | Pick<Schemas['PolicySummary'], 'documentNumber' | 'id' | 'title'> }) {
  if (!policy) return null
  return (
    <p>
      <Link className="backlink" href={`/policies/${policy.id}`} rel="up">
        ← 原文：{policy.title}
        {policy.documentNumber ? `（${policy.documentNumber}）` : ''}
      </Link>
    </p>
  )
}

/** HTML the API rendered from the editor's Lexical JSON (the server's converter escapes text). */
export function RichHtml({ html }: { html: string | undefined }) {
  if (!html) return null
  return <div className="body" dangerouslySetInnerHTML={{ __html: html }} />
}

export function Share({ url, title }: { url: string; title: string }) {
  return (
    <p className="share muted">
      分享：
      <a
        href={`https://service.weibo.com/share/share.php?url=${encodeURIComponent(url)}&title=${encodeURIComponent(title)}`}
        rel="noopener nofollow"
      >
        微博
      </a>
      <a href={`mailto:?subject=${encodeURIComponent(title)}&body=${encodeURIComponent(url)}`}>邮件</a>
    </p>
  )
}
