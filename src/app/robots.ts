import type { MetadataRoute } from 'next'

import { siteOrigin } from '../site/api'

export const dynamic = 'force-dynamic'

/** At the app root (Next serves robots.txt only from there, unlike sitemap.xml). The public pages are for indexing; the admin, the API and previews are not. */
export default function robots(): MetadataRoute.Robots {
  return {
    rules: [{ userAgent: '*', allow: '/', disallow: ['/admin', '/api/', '/preview/', '/a11y'] }],
    sitemap: `${siteOrigin()}/sitemap.xml`,
  }
}
