import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { BackToPolicy } from '../../../../site/components'
import { arr, obj, str } from '../../../../site/format'
import { loadMember } from '../../../../site/members'

export const dynamic = 'force-dynamic'

type Params = { params: Promise<{ id: string }> }

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const found = await loadMember('videos', (await params).id)
  if (!found) return { title: '未找到', robots: { index: false } }
  return { title: found.m.title, alternates: { canonical: `/videos/${found.m.id}` } }
}

export default async function VideoPage({ params }: Params) {
  const found = await loadMember('videos', (await params).id)
  if (!found) notFound()
  const { m, policy } = found
  const captions = arr(m, 'captions')
  const poster =
    arr(m, 'derivatives').find((d) => d.kind === 'poster' && d.format === 'webp') ?? arr(m, 'derivatives').find((d) => d.kind === 'poster')
  const file = str(m, 'url')
  const external = str(m, 'externalUrl')
  const probe = obj(m, 'probe')
  const duration = Number(probe?.duration ?? 0)
  return (
    <article>
      <BackToPolicy policy={policy} />
      <h1>{m.title}</h1>
      {file ? (
        // Captions are on by default for zh tracks (适老化: readers who cannot hear the video).
        <video controls preload="metadata" poster={poster ? String(poster.url) : undefined} width={960} crossOrigin="anonymous">
          <source src={file} type={str(m, 'mimeType')} />
          {captions.map((c, i) => {
            const lang = str(c, 'language') ?? 'zh-CN'
            return (
              <track
                key={lang}
                kind="captions"
                srcLang={lang}
                label={str(c, 'label') ?? (lang.startsWith('zh') ? '中文字幕' : lang)}
                src={`/api/videos/${m.id}/captions/${encodeURIComponent(lang)}`}
                default={i === 0}
              />
            )
          })}
          您的浏览器不能播放此视频，请阅读下方文字稿。
        </video>
      ) : external ? (
        <p>
          <a href={external} rel="noopener">
            观看视频（外部平台）
          </a>
        </p>
      ) : null}
      {duration ? (
        <p className="muted">
          时长 {Math.floor(duration / 60)} 分 {Math.round(duration % 60)} 秒
        </p>
      ) : null}
      <section aria-labelledby="transcript">
        <h2 id="transcript">文字稿</h2>
        <div className="body" style={{ whiteSpace: 'pre-line' }}>
          {str(m, 'transcript') ?? '—'}
        </div>
      </section>
      <BackToPolicy policy={policy} />
    </article>
  )
}
