import config from '@payload-config'
import type { Metadata } from 'next'
import { headers } from 'next/headers'
import Link from 'next/link'
import { notFound, redirect } from 'next/navigation'
import { getPayload } from 'payload'
import { cache } from 'react'

import { PolicyView } from '../../../../../site/PolicyView'
import { loadPreview, loginPath } from '../../../../../site/preview'

export const dynamic = 'force-dynamic'

type Params = { params: Promise<{ id: string }> }

/** One read per request, with the signed-in user's access (their Payload auth cookie). */
const load = cache(async (id: string) => loadPreview(await getPayload({ config }), await headers(), id))

// Never indexed (the X-Robots-Tag header says the same, next.config.mjs), never in the sitemap (it lists the API's).
export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const result = await load((await params).id)
  const title = result.kind === 'ok' ? `预览：${result.bundle.title}` : '预览'
  return { title, robots: { index: false, follow: false } }
}

/**
 * /preview/policies/<id> — the package as the site will show it, before release, for the users who may read it
 * (drafters, reviewers and signers of its department; admins). Opened from the policy's edit view (预览 / Preview).
 */
export default async function PolicyPreviewPage({ params }: Params) {
  const { id } = await params
  const result = await load(id)
  if (result.kind === 'anonymous') redirect(loginPath(await getPayload({ config }), `/preview/policies/${encodeURIComponent(id)}`))
  if (result.kind === 'not-found') notFound()
  const { bundle, released, stageLabel, adminPath } = result
  const admin = adminPath.slice(0, adminPath.indexOf('/collections/'))
  return (
    <>
      <aside className="preview-banner" role="status" aria-label="预览 Preview" data-testid="preview-banner">
        <strong>{released ? '预览 — 已发布 / Preview — released' : '预览 — 尚未发布 / Preview — not released'}</strong>
        <p>
          流程状态 Stage：{stageLabel.zh} / {stageLabel.en}。
          {released ? (
            <>
              公开页面 Public page：<Link href={`/policies/${bundle.id}`}>/policies/{bundle.id}</Link>
            </>
          ) : (
            '此页面仅供起草、审核、签发人员核对，公众无法访问。 Only for drafters, reviewers and signers; the public cannot open it.'
          )}
        </p>
        <p>
          <a href={adminPath}>← 返回编辑 / Back to editing</a>
        </p>
      </aside>
      <PolicyView bundle={bundle} memberHref={(collection, memberId) => `${admin}/collections/${collection}/${memberId}`} />
    </>
  )
}
