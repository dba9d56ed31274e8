import type { Payload } from 'payload'

import { openSearchConfigFromEnv } from './opensearch/client'
import { OpenSearchBackend } from './opensearch/backend'
import type { Filters } from './query'
import type { EngineOutcome, Engine, PresentedDoc } from './results'
import { type IndexedDoc, type SearchIndex, searchKey } from './searchIndex'
import { type BuildProgress, type SearchService, searchService, type SearchStatus } from './service'
import { POLICY_COLLECTION } from './sources'

export { type SearchReaction, searchReaction } from './reactions'

/**
 * The site search behind GET /api/public/search, the admin page and `npm run search:reindex`: the embedded index
 * (service.ts, default) or OpenSearch when SEARCH_URL is set. One per Payload instance, chosen at start from the
 * environment; an engine that fails answers 503 and is never replaced by the other one behind the reader's back.
 */
export interface SearchBackend {
  readonly engine: Engine
  /** Reads audit entries after the last applied one and applies them (coalesced). */
  sync(): Promise<void>
  /** Rebuilds from the database (the reindex script; the admin button goes through the audit log). */
  rebuild(onProgress?: BuildProgress): Promise<void>
  search(q: string, filters: Filters, offset: number, limit: number): Promise<EngineOutcome>
  start(): Promise<void>
  status(): Promise<BackendStatus>
  stop(): void
}

export type BackendStatus = Omit<SearchStatus, 'state'> & {
  engine: Engine
  /** OpenSearch: the concrete index behind the alias, and its address (never credentials). */
  index?: null | string
  state: 'building' | 'idle' | 'ready' | 'reindexing' | 'resegmenting' | 'starting' | 'unavailable'
  url?: string
}

export const presentEmbedded = (index: SearchIndex, doc: IndexedDoc): PresentedDoc => {
  const policy = doc.collection === POLICY_COLLECTION ? doc : index.get(searchKey(POLICY_COLLECTION, doc.policy))
  return { ...doc, policyTitle: policy?.fields.title ?? null, policyNumber: policy?.documentNumber ?? null }
}

/** The embedded index (service.ts) behind the backend interface, unchanged. */
export class EmbeddedBackend implements SearchBackend {
  readonly engine = 'embedded' as const
  constructor(readonly service: SearchService) {}

  start(): Promise<void> {
    return this.service.start()
  }
  sync(): Promise<void> {
    return this.service.sync()
  }
  rebuild(onProgress?: BuildProgress): Promise<void> {
    return this.service.rebuild(onProgress)
  }
  async search(q: string, filters: Filters, offset: number, limit: number): Promise<EngineOutcome> {
    const { index, parsed, result, tookMs } = await this.service.query(q, filters, offset, limit)
    return {
      engine: this.engine,
      parsed,
      tookMs,
      departmentName: (id) => this.service.departmentName(id),
      result: { ...result, hits: result.hits.map((h) => ({ ...h, doc: presentEmbedded(index, h.doc) })) },
    }
  }
  async status(): Promise<BackendStatus> {
    return { ...this.service.status(), engine: this.engine }
  }
  stop(): void {
    this.service.stop()
  }
}

const backends = new WeakMap<Payload, SearchBackend>()

/** The search backend of a Payload instance: OpenSearch when SEARCH_URL is set, else the embedded index. */
export function searchBackend(payload: Payload): SearchBackend {
  let backend = backends.get(payload)
  if (backend) return backend
  const config = openSearchConfigFromEnv()
  if (config) {
    const created = new OpenSearchBackend(payload, config)
    const destroy = payload.destroy.bind(payload)
    payload.destroy = async () => {
      created.stop()
      await created.idle()
      return destroy()
    }
    backend = created
  } else {
    backend = new EmbeddedBackend(searchService(payload))
  }
  backends.set(payload, backend)
  return backend
}

/** Which engine this process would use (the status page, scripts). */
export const configuredEngine = (): Engine => (openSearchConfigFromEnv() ? 'opensearch' : 'embedded')

/**
 * `onInit`: inside the Next server, start the configured engine in the background (the embedded index builds or
 * loads; OpenSearch connects and catches up) so that the first search does not wait. Scripts and tests start it on
 * first use instead.
 */
export function warmSearchIndex(payload: Payload): void {
  if (!process.env.NEXT_RUNTIME || process.env.NEXT_PHASE === 'phase-production-build' || process.env.NODE_ENV === 'test') return
  // Failures are logged by the backend and retried by the next search.
  searchBackend(payload)
    .start()
    .catch(() => undefined)
}
