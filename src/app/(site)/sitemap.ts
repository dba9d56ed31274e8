import type { MetadataRoute } from 'next'

import { content, siteOrigin } from '../../site/api'

export const dynamic = 'force-dynamic'

/**
 * Every released public policy and its released members, as the public API lists them (so nothing unreleased can
 * appear here). Pages through the whole library, 100 at a time.
 */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const api = content()
  const origin = siteOrigin()
  const entries: MetadataRoute.Sitemap = [
    { url: `${origin}/`, changeFrequency: 'daily', priority: 1 },
    { url: `${origin}/policies`, changeFrequency: 'daily', priority: 0.9 },
  ]
  for (let page = 1; page <= 500; page++) {
    const list = await api.listPolicies({ limit: 100, page })
    for (const p of list.docs) {
      entries.push({ url: `${origin}/policies/${p.id}`, lastModified: p.releasedAt ?? undefined, priority: 0.8 })
      const bundle = await api.bundle(p.id)
      if (!bundle) continue
      for (const members of Object.values(bundle.interpretations))
        for (const m of members) entries.push({ url: `${origin}/interpretations/${m.id}`, priority: 0.6 })
      for (const key of ['infographics', 'videos', 'interviews'] as const) {
        const members = (bundle as Record<string, unknown>)[key]
        if (Array.isArray(members))
          for (const m of members)
            if (m && typeof m === 'object' && 'id' in m) entries.push({ url: `${origin}/${key}/${String(m.id)}`, priority: 0.6 })
      }
      if (bundle.consultation) entries.push({ url: `${origin}/consultations/${bundle.consultation.id}?policy=${bundle.id}`, priority: 0.4 })
    }
    if (page >= list.totalPages) break
  }
  return entries
}
