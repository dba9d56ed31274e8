import Link from 'next/link'

import type { PolicyBundle } from './api'
import { RichHtml, Share } from './components'
import { arr, dateZh, FORM_LABELS, str, zh } from './format'

const MEMBER_SECTIONS: { key: string; label: string; path: string }[] = [
  { key: 'infographics', label: '图解', path: 'infographics' },
  { key: 'videos', label: '视频解读', path: 'videos' },
  { key: 'interviews', label: '在线访谈', path: 'interviews' },
]

/** Where a member's link leads: its public page on the site; the editors' preview links to its admin edit view. */
export type MemberHref = (collection: string, id: number | string, policy: number | string) => string

/** The site's own pages; a consultation notice is published only inside its policy's bundle, so it names the policy. */
export const publicMemberHref: MemberHref = (collection, id, policy) =>
  collection === 'consultations' ? `/consultations/${id}?policy=${policy}` : `/${collection}/${id}`

/**
 * The policy page of the site (gov.cn metadata block, body, attachments, 双关联 links, notices) from a bundle: the
 * public page (/policies/<id>) and the editors' preview (/preview/policies/<id>) render the same component.
 */
export function PolicyView({
  bundle,
  memberHref = publicMemberHref,
  shareUrl,
}: {
  bundle: PolicyBundle
  memberHref?: MemberHref
  /** The page's public address for the share links; none in a preview (nothing to share yet). */
  shareUrl?: string
}) {
  const interpretations = Object.entries(bundle.interpretations)
  // Validity and revision notices, when the API carries them ([after-release]): rendered as given.
  const notices = arr(bundle, 'notices')
  const validity = bundle.validity?.value
  return (
    <article>
      <h1>{bundle.title}</h1>
      <table className="meta-table">
        <caption className="muted" style={{ textAlign: 'left' }}>
          文件信息
        </caption>
        <tbody>
          <tr>
            <th scope="row">索引号</th>
            <td>{bundle.indexNumber ?? '—'}</td>
            <th scope="row">主题分类</th>
            <td>{zh(bundle.subject)}</td>
          </tr>
          <tr>
            <th scope="row">发文机关</th>
            <td>
              {(bundle.issuingOrgans.length ? bundle.issuingOrgans : [bundle.department])
                .map((o) => o?.name)
                .filter(Boolean)
                .join('、') || '—'}
            </td>
            <th scope="row">成文日期</th>
            <td>{dateZh(bundle.writtenAt)}</td>
          </tr>
          <tr>
            <th scope="row">发文字号</th>
            <td>{bundle.documentNumber ?? '—'}</td>
            <th scope="row">发布日期</th>
            <td>{dateZh(bundle.releasedAt)}</td>
          </tr>
          <tr>
            <th scope="row">文种</th>
            <td>{zh(bundle.documentType)}</td>
            <th scope="row">有效性</th>
            <td>{zh(bundle.validity)}</td>
          </tr>
        </tbody>
      </table>
      {validity && validity !== 'valid' ? (
        <p className="notice" role="note">
          本文件已{zh(bundle.validity)}，仅供查阅。
        </p>
      ) : null}
      {notices.map((n, i) => (
        <p className="notice" role="note" key={i}>
          {str(n, 'zh') ?? str(n, 'message') ?? str(n, 'text')}
        </p>
      ))}
      <RichHtml html={bundle.body.html} />
      {bundle.attachments.length ? (
        <section aria-labelledby="att">
          <h2 id="att">附件</h2>
          <ul className="list">
            {bundle.attachments.map((a) => (
              <li key={a.id}>
                <a href={a.url}>{a.filename ?? `附件 ${a.id}`}</a>
                {a.filesize ? <span className="muted">（{Math.max(1, Math.round(a.filesize / 1024))} KB）</span> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="assoc">
        <h2 id="assoc">相关解读（双关联）</h2>
        {interpretations.length === 0 && MEMBER_SECTIONS.every((s) => !arr(bundle, s.key).length) && !bundle.consultation ? (
          <p>暂无关联材料。</p>
        ) : null}
        {interpretations.map(([form, members]) => (
          <div key={form}>
            <h3>政策解读 · {FORM_LABELS[form] ?? form}</h3>
            <ul className="list">
              {members.map((m) => (
                <li key={m.id}>
                  <Link href={memberHref('interpretations', m.id, bundle.id)}>{m.title}</Link>
                  {m.supplementary ? <span className="muted">（补充解读）</span> : null}
                </li>
              ))}
            </ul>
          </div>
        ))}
        {MEMBER_SECTIONS.map(({ key, label, path }) => {
          const members = arr(bundle, key)
          if (!members.length) return null
          return (
            <div key={key}>
              <h3>{label}</h3>
              <ul className="list">
                {members.map((m) => (
                  <li key={str(m, 'id')}>
                    <Link href={memberHref(path, str(m, 'id') ?? '', bundle.id)}>{str(m, 'title')}</Link>
                  </li>
                ))}
              </ul>
            </div>
          )
        })}
        {bundle.consultation ? (
          <div>
            <h3>征求意见</h3>
            <ul className="list">
              <li>
                <Link href={memberHref('consultations', bundle.consultation.id, bundle.id)}>{bundle.consultation.title}</Link>
                <span className="meta">
                  征求意见期：{dateZh(bundle.consultation.opensAt)} 至 {dateZh(bundle.consultation.closesAt)}
                </span>
              </li>
            </ul>
          </div>
        ) : null}
      </section>
      {shareUrl ? <Share url={shareUrl} title={bundle.title} /> : null}
    </article>
  )
}
