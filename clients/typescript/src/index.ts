import createClient from 'openapi-fetch'

import type { components, paths } from './schema'

/** Schemas of the content API: PolicySummary, PolicyList, PolicyBundle, Member, Error … */
export type Schemas = components['schemas']
export type PolicyList = Schemas['PolicyList']
export type PolicyBundle = Schemas['PolicyBundle']
export type ApiError = Schemas['Error']
export type ListQuery = NonNullable<paths['/api/public/policies']['get']['parameters']['query']>
export type SearchQuery = paths['/api/public/search']['get']['parameters']['query']
export type FeedName = paths['/api/public/feeds/{name}']['get']['parameters']['path']['name']
export type FeedQuery = NonNullable<paths['/api/public/feeds/{name}']['get']['parameters']['query']>
/** This server's document ids (integers on SQLite, as the committed types were generated; regenerate for MongoDB). */
export type Id = Schemas['Id']

/** An answer that is not 2xx: the status and the API's error body (errors[0].data.rule names the rule). */
export class ContentApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiError | undefined,
  ) {
    super(body?.errors?.[0]?.message ?? `HTTP ${status}`)
    this.name = 'ContentApiError'
  }
}

type Result<T> = { data?: T; error?: unknown; response: Response }

function unwrap<T>({ data, error, response }: Result<T>): T {
  if (response.ok && data !== undefined) return data
  throw new ContentApiError(response.status, error as ApiError | undefined)
}

/** null for 404 (not released, not public, no such id); other errors throw ContentApiError. */
function orNull<T>(result: Result<T>): null | T {
  if (result.response.status === 404) return null
  return unwrap(result)
}

export type ContentClientOptions = {
  /** The CMS origin, e.g. https://zwgk.example.gov.cn (the API lives under /api). */
  baseUrl: string
  /** zh (default) or en: the language of error messages and labels chosen by the server. */
  language?: 'en' | 'zh'
  /** A fetch to use (tests, server-side rendering with caching). */
  fetch?: typeof fetch
}

/**
 * The anonymous, read-only content API: lists, bundles (policy + consultation + every released interpretation,
 * 双关联), lookup by 索引号 / 发文字号, site search, and feed URLs. Types come from the served OpenAPI document.
 */
export function createContentClient(options: ContentClientOptions) {
  const client = createClient<paths>({
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    headers: { 'accept-language': options.language ?? 'zh' },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  })
  return {
    /** The raw openapi-fetch client, for every other operation of the document. */
    raw: client,
    /** Released policies, newest first. */
    listPolicies: async (query: ListQuery = {}): Promise<PolicyList> =>
      unwrap(await client.GET('/api/public/policies', { params: { query } })),
    /** The bundle of one released policy, or null. */
    bundle: async (id: Id): Promise<null | PolicyBundle> =>
      orNull(await client.GET('/api/public/policies/{id}', { params: { path: { id } } })),
    /** The bundle addressed as documents are cited: by 索引号 or by 发文字号 (exactly one); null when none matches. */
    lookup: async (by: { documentNumber: string } | { indexNumber: string }): Promise<null | PolicyBundle> =>
      orNull(await client.GET('/api/public/lookup', { params: { query: by } })),
    /** Site search (站内搜索) with highlights and facets. */
    search: async (query: SearchQuery) => unwrap(await client.GET('/api/public/search', { params: { query } })),
    /** The URL of a feed (RSS, Atom or JSON Feed) for a <link rel="alternate"> or a feed reader. */
    feedUrl: (name: FeedName, query: FeedQuery = {}): string => {
      const search = new URLSearchParams()
      for (const [key, value] of Object.entries(query)) if (value !== undefined && String(value) !== '') search.set(key, String(value))
      const qs = search.toString()
      return `${options.baseUrl.replace(/\/+$/, '')}/api/public/feeds/${encodeURIComponent(name)}${qs ? `?${qs}` : ''}`
    },
  }
}

export type ContentClient = ReturnType<typeof createContentClient>
