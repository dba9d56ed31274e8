/**
 * The site's only source of content: the public content API, read over HTTP through the typed client
 * (clients/typescript). Going through the anonymous API — not the Local API — is what guarantees the site can
 * never show more than an anonymous reader may read.
 */
import {
  createContentClient,
  type Id,
  type ListQuery,
  type PolicyBundle,
  type Schemas,
  type SearchQuery,
} from '../../clients/typescript/src/index'

/** Where the content API answers: this same server unless SITE_API_ORIGIN names another. */
export const apiOrigin = (): string => (process.env.SITE_API_ORIGIN ?? `http://127.0.0.1:${process.env.PORT ?? 3000}`).replace(/\/+$/, '')

/** The public address of the site, for canonical URLs, the sitemap and feeds. */
export const siteOrigin = (): string =>
  (process.env.SITE_URL ?? process.env.NEXT_PUBLIC_SERVER_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/+$/, '')

/** Seconds a page's API answers are reused: the API's own max-age (a release reaches readers within it). */
export const REVALIDATE = 30

/** Next's data cache: the API's answers are kept for REVALIDATE seconds under the tag `public-api`. */
const cachedFetch: typeof fetch = (input, init) => fetch(input, { ...init, next: { revalidate: REVALIDATE, tags: ['public-api'] } })

export const content = () => createContentClient({ baseUrl: apiOrigin(), fetch: cachedFetch })

export type Member = Schemas['Member'] & Record<string, unknown>
export type MemberSlug = 'infographics' | 'interpretations' | 'interviews' | 'videos'

/** One released member, or null (404: not released, not public, no such id). */
export async function member(slug: MemberSlug, id: Id): Promise<Member | null> {
  const raw = content().raw
  const params = { params: { path: { id } } }
  const result =
    slug === 'interpretations'
      ? await raw.GET('/api/public/interpretations/{id}', params)
      : slug === 'infographics'
        ? await raw.GET('/api/public/infographics/{id}', params)
        : slug === 'videos'
          ? await raw.GET('/api/public/videos/{id}', params)
          : await raw.GET('/api/public/interviews/{id}', params)
  if (result.response.status === 404 || !result.data) return null
  return result.data as Member
}

/** A path segment id: digits on SQLite, 24 hex characters on MongoDB; anything else is no page. */
export function parseId(value: string): Id | null {
  if (/^\d{1,12}$/.test(value)) return Number(value)
  return null
}

export type { Id, ListQuery, PolicyBundle, Schemas, SearchQuery }
