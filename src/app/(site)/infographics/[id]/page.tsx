import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { BackToPolicy } from '../../../../site/components'
import { arr, str } from '../../../../site/format'
import { loadMember } from '../../../../site/members'

export const dynamic = 'force-dynamic'

type Params = { params: Promise<{ id: string }> }

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const found = await loadMember('infographics', (await params).id)
  if (!found) return { title: '未找到', robots: { index: false } }
  return { title: found.m.title, alternates: { canonical: `/infographics/${found.m.id}` } }
}

type Derivative = { format: string; height: number; index: number; kind: string; mimeType: string; url: string; width: number }

const derivatives = (m: Record<string, unknown>): Derivative[] =>
  arr(m, 'derivatives').map((d) => ({
    kind: String(d.kind ?? ''),
    format: String(d.format ?? ''),
    mimeType: String(d.mimeType ?? ''),
    url: String(d.url ?? ''),
    width: Number(d.width ?? 0),
    height: Number(d.height ?? 0),
    index: Number(d.index ?? 0),
  }))

/** One band of the image: AVIF first, WebP as the fallback every current browser decodes. */
function Band({ sources, alt, eager }: { alt: string; eager: boolean; sources: Derivative[] }) {
  const avif = sources.find((s) => s.format === 'avif')
  const webp = sources.find((s) => s.format === 'webp') ?? sources[0]
  if (!webp) return null
  return (
    <picture>
      {avif ? <source type="image/avif" srcSet={avif.url} /> : null}
      <img src={webp.url} width={webp.width} height={webp.height} alt={alt} loading={eager ? 'eager' : 'lazy'} decoding="async" />
    </picture>
  )
}

export default async function InfographicPage({ params }: Params) {
  const found = await loadMember('infographics', (await params).id)
  if (!found) notFound()
  const { m, policy } = found
  const alt = str(m, 'alt') ?? m.title
  const all = derivatives(m)
  const tiles = all.filter((d) => d.kind === 'tile')
  const bands = new Map<number, Derivative[]>()
  for (const t of tiles) bands.set(t.index, [...(bands.get(t.index) ?? []), t])
  const variants = all.filter((d) => d.kind === 'variant').sort((a, b) => a.width - b.width)
  const widest = (format: string) => variants.filter((v) => v.format === format)
  const srcSet = (format: string) =>
    widest(format)
      .map((v) => `${v.url} ${v.width}w`)
      .join(', ')
  const fallback = widest('webp').at(-1) ?? variants.at(-1)
  return (
    <article>
      <BackToPolicy policy={policy} />
      <h1>{m.title}</h1>
      <p>
        <a href="#text-alternative">阅读文字版</a>
      </p>
      <figure style={{ margin: 0 }}>
        {bands.size ? (
          <div className="tiles" role="img" aria-label={alt}>
            {[...bands.entries()]
              .sort(([a], [b]) => a - b)
              .map(([index, sources]) => (
                // Each band is part of one picture described once on the container.
                <Band key={index} sources={sources} alt="" eager={index === 0} />
              ))}
          </div>
        ) : fallback ? (
          <picture>
            {widest('avif').length ? <source type="image/avif" srcSet={srcSet('avif')} sizes="(max-width: 72rem) 100vw, 72rem" /> : null}
            {widest('webp').length ? <source type="image/webp" srcSet={srcSet('webp')} sizes="(max-width: 72rem) 100vw, 72rem" /> : null}
            <img
              src={fallback.url}
              width={fallback.width}
              height={fallback.height}
              alt={alt}
              style={{ maxWidth: '100%', height: 'auto' }}
            />
          </picture>
        ) : (
          <p className="muted">图片正在处理，请先阅读文字版。</p>
        )}
        <figcaption className="muted">
          {[str(m, 'designer') && `设计：${str(m, 'designer')}`, str(m, 'editor') && `责任编辑：${str(m, 'editor')}`]
            .filter(Boolean)
            .join(' · ')}
        </figcaption>
      </figure>
      <section id="text-alternative" aria-labelledby="alt-h">
        <h2 id="alt-h">文字版</h2>
        <div className="body" style={{ whiteSpace: 'pre-line' }}>
          {str(m, 'textAlternative') ?? alt}
        </div>
      </section>
      <BackToPolicy policy={policy} />
    </article>
  )
}
