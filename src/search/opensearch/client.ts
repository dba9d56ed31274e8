/**
 * A minimal OpenSearch REST client on `fetch` (no dependency): JSON in and out, basic auth, a timeout, and one
 * error type for "the engine cannot be reached or failed", which the search endpoint turns into a 503.
 */

export type OpenSearchConfig = {
  /** Prefix of every index and alias this site owns, so several sites (or test files) can share a cluster. */
  prefix: string
  password?: string
  timeoutMs: number
  url: string
  username?: string
}

/** OpenSearch could not be reached, timed out, or answered 5xx: search is unavailable, nothing else is. */
export class SearchUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'SearchUnavailableError'
  }
}

/** OpenSearch answered 4xx: a bug in what we sent (or a conflict the caller handles), not an outage. */
export class OpenSearchRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly body: unknown,
  ) {
    super(message)
    this.name = 'OpenSearchRequestError'
  }
}

export type OsResponse<T> = { body: T; status: number }

export function openSearchConfigFromEnv(env: NodeJS.ProcessEnv = process.env): OpenSearchConfig | undefined {
  const url = env.SEARCH_URL?.trim()
  if (!url) return undefined
  const prefix = (env.SEARCH_INDEX_PREFIX?.trim() || 'policy-cms').toLowerCase()
  if (!/^[a-z0-9][a-z0-9_-]{0,60}$/.test(prefix))
    throw new Error(`SEARCH_INDEX_PREFIX “${prefix}” is not a valid OpenSearch index name prefix (a-z, 0-9, _ and -)`)
  return {
    url: url.replace(/\/+$/, ''),
    username: env.SEARCH_USERNAME || undefined,
    password: env.SEARCH_PASSWORD || undefined,
    prefix,
    timeoutMs: Number(env.SEARCH_TIMEOUT_MS) > 0 ? Number(env.SEARCH_TIMEOUT_MS) : 10_000,
  }
}

export class OpenSearchClient {
  private readonly auth?: string

  constructor(readonly config: OpenSearchConfig) {
    if (config.username) this.auth = `Basic ${Buffer.from(`${config.username}:${config.password ?? ''}`).toString('base64')}`
  }

  /** Where requests go, without credentials (status pages, logs). */
  get url(): string {
    return this.config.url
  }

  /**
   * One request. `accept` lists 4xx statuses the caller handles itself (404 for "no such index", 409 for a lost
   * optimistic-concurrency race); any other 4xx throws OpenSearchRequestError, a network error or 5xx
   * SearchUnavailableError.
   */
  async request<T = any>(method: string, path: string, body?: unknown, accept: number[] = []): Promise<OsResponse<T>> {
    const headers: Record<string, string> = {}
    if (this.auth) headers.authorization = this.auth
    let payload: string | undefined
    if (typeof body === 'string') {
      payload = body
      headers['content-type'] = 'application/x-ndjson'
    } else if (body !== undefined) {
      payload = JSON.stringify(body)
      headers['content-type'] = 'application/json'
    }
    let response: Response
    try {
      response = await fetch(`${this.config.url}${path}`, {
        method,
        headers,
        body: payload,
        signal: AbortSignal.timeout(this.config.timeoutMs),
      })
    } catch (error) {
      const reason = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)
      throw new SearchUnavailableError(`OpenSearch at ${this.config.url} is unreachable (${reason})`, { cause: error })
    }
    const text = await response.text().catch(() => '')
    let parsed: unknown = text
    try {
      parsed = text ? JSON.parse(text) : null
    } catch {
      /* keep the text */
    }
    if (response.status >= 500)
      throw new SearchUnavailableError(`OpenSearch answered ${response.status} to ${method} ${path}: ${text.slice(0, 300)}`)
    if (response.status >= 400 && !accept.includes(response.status)) {
      throw new OpenSearchRequestError(
        `OpenSearch refused ${method} ${path} (${response.status}): ${text.slice(0, 500)}`,
        response.status,
        parsed,
      )
    }
    return { status: response.status, body: parsed as T }
  }

  /** Bulk lines; throws when any item failed (other than a delete of something already gone). */
  async bulk(lines: object[], refresh = false): Promise<void> {
    if (!lines.length) return
    const ndjson = `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`
    const { body } = await this.request<{ errors: boolean; items: Record<string, { error?: unknown; status: number }>[] }>(
      'POST',
      `/_bulk${refresh ? '?refresh=true' : ''}`,
      ndjson,
    )
    if (!body.errors) return
    const failed = body.items.map((item) => Object.values(item)[0]).filter((r) => r.error && r.status !== 404)
    if (failed.length)
      throw new OpenSearchRequestError(
        `bulk: ${failed.length} items failed, first: ${JSON.stringify(failed[0].error).slice(0, 300)}`,
        400,
        failed[0],
      )
  }
}
