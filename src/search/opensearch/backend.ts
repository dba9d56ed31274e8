import type { Payload } from 'payload'

import type { SearchBackend, BackendStatus } from '../backend'
import { loadDictionary } from '../dictionary'
import { findDocumentNumbers, findIndexNumbers, normalizeText } from '../normalize'
import { emptyFacets, type Filters, parseQuery, type ParsedQuery } from '../query'
import { searchReaction } from '../reactions'
import type { EngineOutcome, PresentedDoc } from '../results'
import { FIELDS, type FieldName } from '../searchIndex'
import { type Segmenter, segmenterFor } from '../segmenter'
import type { BuildProgress } from '../service'
import type { Watermark } from '../snapshot'
import { allPublicDocs, type DepartmentNames, loadDepartmentNames, packageDocs } from '../sources'
import { OpenSearchClient, type OpenSearchConfig, OpenSearchRequestError } from './client'
import { indexBody, type StoredDoc, toOsDocs } from './documents'
import { buildSearchBody, type FacetAggs, facetsOf } from './query'
import { CoalescedRun } from '../coalescedRun'

/**
 * The site search on OpenSearch. What lives in the cluster, under the configured prefix:
 * - `<prefix>-docs`: an alias on the current index `<prefix>-docs-<dictionary version>-<time>`. Rebuilds (a
 *   dictionary edit, `search-reindex`) fill a new index in the background while the alias keeps answering from the
 *   old one, then switch the alias in one atomic request and drop the old index: no downtime.
 * - `<prefix>-state`: the audit-log seq (and hash) applied last, shared by every instance, and a rebuild lease.
 *
 * Kept current from the audit log like the embedded index (see reactions.ts): any instance reads the entries after
 * the shared watermark, re-reads each named package from the database and replaces its documents (delete by policy,
 * then index: idempotent), and only then moves the watermark forward with optimistic concurrency. An instance that
 * loses that race, or crashes, or finds OpenSearch down, leaves the watermark where it was: the entries are applied
 * again later (at-least-once), and after an outage the next catch-up starts from the last applied seq.
 */

const AUDIT = 'audit-log' as const
const BATCH = 500
const NAMES_TTL_MS = 5 * 60_000
/** A rebuild lease older than this is taken to be from an instance that died. */
const LEASE_MS = 10 * 60_000
const BULK_DOCS = 500

/** `base`: the audit seq the current index was read from the database at. */
type StateDoc = { base?: number; dictionaryVersion?: string; hash: null | string; index?: string; seq: number; updatedAt?: string }
type Versioned<T> = { primaryTerm: number; seqNo: number; value: T }

type Hit = { _id: string; _score: null | number; _source: { doc: StoredDoc; numbers: string[] } }

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve))

export class OpenSearchBackend implements SearchBackend {
  readonly engine = 'opensearch' as const
  readonly client: OpenSearchClient
  readonly alias: string
  private readonly stateIndex: string
  private segmenter?: Segmenter
  private names: DepartmentNames = new Map()
  private namesLoadedAt = 0
  private started?: Promise<void>
  private chain: Promise<unknown> = Promise.resolve()
  private readonly syncs = new CoalescedRun(() => this.exclusive(() => this.catchUp()))
  private rebuilding?: Promise<void>
  private rebuildingFor?: string
  private lastSyncStartedAt = 0
  private lastSyncAt?: Date
  private builtAt?: Date
  private lastError: null | string = null
  private poller?: NodeJS.Timeout
  private stopped = false
  private readonly owner = `${process.pid}-${Math.random().toString(36).slice(2, 8)}`

  constructor(
    readonly payload: Payload,
    readonly config: OpenSearchConfig,
    readonly options: { freshnessMs: number; pollMs: number; replicas: number } = {
      pollMs: envNumber('SEARCH_POLL_MS', 2000),
      freshnessMs: envNumber('SEARCH_FRESHNESS_MS', 0),
      replicas: envNumber('SEARCH_REPLICAS', 0),
    },
  ) {
    this.client = new OpenSearchClient(config)
    this.alias = `${config.prefix}-docs`
    this.stateIndex = `${config.prefix}-state`
  }

  /** Connects, builds the index if the cluster has none (with progress), and catches up. */
  start(onProgress?: BuildProgress): Promise<void> {
    this.started ??= this.exclusive(() => this.boot(onProgress))
      .then(() => this.startPolling())
      .catch((error: unknown) => {
        this.started = undefined
        this.fail(error)
        throw error
      })
    return this.started
  }

  sync(): Promise<void> {
    if (!this.started) return this.start()
    return this.syncs.run()
  }

  /** Rebuilds into a new index and switches the alias (the reindex script: waits, with progress). */
  async rebuild(onProgress?: BuildProgress): Promise<void> {
    const first = !this.started
    await this.start(onProgress)
    // A first start against this cluster has just built it.
    if (first && this.builtAt) return
    await this.reindex(onProgress, true)
  }

  async search(q: string, filters: Filters, offset: number, limit: number): Promise<EngineOutcome> {
    await this.start()
    if (Date.now() - this.lastSyncStartedAt >= this.options.freshnessMs) await this.sync()
    const started = performance.now()
    const parsed = await this.parse(q)
    const outcome = (required: number) =>
      this.client.request<{ aggregations: FacetAggs; hits: { hits: Hit[]; total: { value: number } } }>(
        'POST',
        `/${this.alias}/_search`,
        buildSearchBody(parsed, filters, offset, limit, required),
      )
    const groups = parsed.groups.length
    if (!groups) return this.outcome(parsed, { hits: [], total: 0, relaxed: false, highlight: [], facets: emptyFacets() }, started)
    let required = groups
    let { body } = await outcome(required)
    // Nothing has every word: documents with most of them, flagged (before filters, like the embedded index).
    if (body.hits.total.value === 0 && groups >= 2 && !(await this.anyMatch(parsed, groups))) {
      required = Math.ceil(groups / 2)
      body = (await outcome(required)).body
    }
    const exact = new Set(parsed.groups.flatMap((g) => (g.exact ? [g.exact] : [])))
    const hits = body.hits.hits.map((h) => ({
      doc: present(h._source.doc),
      exact: h._source.numbers.some((n) => exact.has(n)),
      score: (h._score ?? 0) % 1e6,
    }))
    return this.outcome(
      parsed,
      {
        hits,
        total: body.hits.total.value,
        relaxed: required < groups,
        highlight: [...new Set(parsed.groups.flatMap((g) => g.alternatives))],
        facets: facetsOf(body.aggregations),
      },
      started,
    )
  }

  async status(): Promise<BackendStatus> {
    const base: BackendStatus = {
      engine: this.engine,
      url: this.client.url,
      state: this.rebuilding ? 'reindexing' : this.started ? 'ready' : 'idle',
      documents: 0,
      terms: 0,
      dictionaryVersion: null,
      watermark: { seq: 0, hash: null },
      source: null,
      builtAt: this.builtAt?.toISOString() ?? null,
      lastSyncAt: this.lastSyncAt?.toISOString() ?? null,
      snapshot: null,
      lastError: this.lastError,
      index: null,
    }
    try {
      const state = await this.readState()
      const count = await this.client.request<{ count: number }>('GET', `/${this.alias}/_count`, undefined, [404])
      return {
        ...base,
        documents: count.status === 404 ? 0 : count.body.count,
        dictionaryVersion: state?.value.dictionaryVersion ?? null,
        watermark: { seq: state?.value.seq ?? 0, hash: state?.value.hash ?? null },
        index: state?.value.index ?? null,
      }
    } catch (error) {
      this.fail(error)
      return { ...base, state: 'unavailable', lastError: this.lastError }
    }
  }

  stop(): void {
    this.stopped = true
    clearInterval(this.poller)
  }

  idle(): Promise<void> {
    return Promise.all([this.chain, this.rebuilding]).then(
      () => undefined,
      () => undefined,
    )
  }

  /** The department names facet labels and the organ field use. */
  departmentName(id: string): string | undefined {
    return this.names.get(id)
  }

  // -------------------------------------------------------------------------------------------------------------

  private outcome(parsed: ParsedQuery, result: EngineOutcome['result'], started: number): EngineOutcome {
    return { engine: this.engine, parsed, result, tookMs: performance.now() - started, departmentName: (id) => this.names.get(id) }
  }

  /** Does any document match all `required` groups, filters aside? (Relaxing is decided before filtering.) */
  private async anyMatch(parsed: ParsedQuery, required: number): Promise<boolean> {
    const body = buildSearchBody(parsed, {}, 0, 0, required) as Record<string, unknown>
    const { body: found } = await this.client.request<{ hits: { total: { value: number } } }>('POST', `/${this.alias}/_search`, {
      query: body.query,
      size: 0,
      track_total_hits: 1,
    })
    return found.hits.total.value > 0
  }

  /** The embedded parser, with exact numbers looked up in OpenSearch (one small request, only for numbers). */
  private async parse(q: string): Promise<ParsedQuery> {
    const segmenter = this.segmenter!
    const normalized = normalizeText(q)
    const candidates = [
      ...findDocumentNumbers(normalized).flatMap((m) => m.variants),
      ...findIndexNumbers(normalized).map((m) => m.variants[0]),
    ]
    const existing = new Set<string>()
    if (candidates.length) {
      const { body } = await this.client.request<{ aggregations: { n: { buckets: { key: string }[] } } }>(
        'POST',
        `/${this.alias}/_search`,
        {
          size: 0,
          query: { terms: { numbers: candidates } },
          aggs: { n: { terms: { field: 'numbers', include: candidates, size: candidates.length } } },
        },
      )
      for (const b of body.aggregations.n.buckets) existing.add(b.key)
    }
    return parseQuery({ segmenter, byExactNumber: (key: string) => (existing.has(key) ? [key] : []) }, q)
  }

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.chain.then(task, task)
    this.chain = run.catch(() => undefined)
    return run
  }

  private async boot(onProgress?: BuildProgress): Promise<void> {
    this.segmenter = segmenterFor(await loadDictionary(this.payload))
    await this.refreshNames(true)
    await this.client.request(
      'PUT',
      `/${this.stateIndex}`,
      { settings: { number_of_shards: 1, number_of_replicas: this.options.replicas }, mappings: { dynamic: false, properties: {} } },
      [400],
    )
    await this.whenAllocated(this.stateIndex)
    const alias = await this.client.request('GET', `/_alias/${this.alias}`, undefined, [404])
    // First start against this cluster: build now (like the embedded index's first boot); later ones find it.
    if (alias.status === 404) await this.reindex(onProgress, true)
    await this.catchUp()
  }

  private async catchUp(): Promise<void> {
    if (this.stopped) return
    this.lastSyncStartedAt = Date.now()
    const state = await this.readState()
    let watermark: Watermark = { seq: state?.value.seq ?? 0, hash: state?.value.hash ?? null }
    let version = state
    for (;;) {
      const { docs: entries } = await this.payload.find({
        collection: AUDIT,
        where: { seq: { greater_than: watermark.seq } },
        sort: 'seq',
        limit: BATCH,
        depth: 0,
        overrideAccess: true,
        select: { seq: true, hash: true, action: true, refs: true },
      })
      if (!entries.length || this.stopped) break
      const reactions = entries.map(searchReaction)
      if (reactions.some((r) => r.kind === 'dictionary')) {
        this.segmenter = segmenterFor(await loadDictionary(this.payload))
      }
      // A rebuild asked for after the current index was read from the database (one rebuild serves every instance).
      const asked = entries.filter((e, i) => reactions[i].kind === 'reindex').map((e) => Number(e.seq))
      if (asked.length && Math.max(...asked) > (version?.value.base ?? 0)) this.startReindex()
      await this.refreshNames(false)
      const policies = new Set(reactions.flatMap((r) => (r.kind === 'package' ? [r.policy] : [])))
      for (const policy of policies) await this.applyPackage(policy)
      const last = entries[entries.length - 1]
      watermark = { seq: Number(last.seq), hash: last.hash }
      // Applied: move the shared watermark. Lost the race: someone moved it (or a rebuild reset it); stop here and
      // let the next catch-up start from wherever it is now.
      const moved = await this.writeState({ ...version?.value, ...watermark }, version)
      if (!moved) break
      version = moved
      if (entries.length < BATCH) break
    }
    // The alias's dictionary differs from the admins' current one (an edit here or on another instance, or a
    // rebuild that died): re-index in the background; the old index answers meanwhile.
    const current = (await this.readState())?.value.dictionaryVersion
    if (this.segmenter && current && current !== this.segmenter.version) this.startReindex()
    this.lastSyncAt = new Date()
    this.lastError = null
  }

  /** The package's documents in OpenSearch become exactly its public documents in the database now. */
  private async applyPackage(policy: string, target = this.alias, segmenter = this.segmenter!): Promise<void> {
    const docs = await packageDocs(this.payload, policy, this.names)
    const osDocs = toOsDocs(segmenter, docs)
    const keep = new Set(osDocs.map((d) => d.key))
    // What the index holds of the package now (a package has a handful of documents; delete-by-query is a module
    // of its own that a minimal cluster may lack).
    const { body } = await this.client.request<{ hits: { hits: { _id: string; _index: string }[] } }>('POST', `/${target}/_search`, {
      size: 10_000,
      _source: false,
      query: { term: { policy } },
    })
    const gone = body.hits.hits.filter((h) => !keep.has(h._id)).map((h) => ({ delete: { _index: h._index, _id: h._id } }))
    const lines = osDocs.flatMap((doc) => [{ index: { _index: target, _id: doc.key } }, doc])
    await this.client.bulk([...gone, ...lines], true)
  }

  private startReindex(): void {
    if (this.rebuilding || this.stopped) return
    this.rebuilding = this.reindex(undefined, false)
      .catch((error: unknown) => this.fail(error))
      .finally(() => {
        this.rebuilding = undefined
      })
  }

  /**
   * Fills a new index from the database and switches the alias to it. One instance at a time (a lease in the
   * state index); `wait`: when another instance holds it, wait for it instead of returning.
   */
  private async reindex(onProgress: BuildProgress | undefined, wait: boolean): Promise<void> {
    const segmenter = segmenterFor(await loadDictionary(this.payload))
    if (this.rebuildingFor === segmenter.version && !wait) return
    for (;;) {
      if (await this.takeLease()) break
      if (!wait) return
      await new Promise((resolve) => setTimeout(resolve, 1000))
    }
    this.rebuildingFor = segmenter.version
    try {
      await this.refreshNames(true)
      // Entries written while the build reads are applied again afterwards (state-based, harmless twice).
      const head = await this.head()
      const name = `${this.alias}-${segmenter.version}-${Date.now()}`
      await this.client.request('PUT', `/${name}`, indexBody(this.options.replicas))
      await this.whenAllocated(name)
      const policies = new Map()
      let pending: object[] = []
      const flush = async () => {
        await this.client.bulk(pending)
        pending = []
      }
      for await (const batch of allPublicDocs(this.payload, this.names, onProgress)) {
        for (const doc of toOsDocs(segmenter, batch, policies)) {
          pending.push({ index: { _index: name, _id: doc.key } }, doc)
          if (pending.length >= BULK_DOCS * 2) await flush()
        }
        policies.clear()
        await yieldToLoop()
      }
      await flush()
      await this.client.request('POST', `/${name}/_refresh`)
      // What changed while the build read: applied to the new index before it goes live, so that the switch does
      // not show an older state. (Entries after this point are replayed after the switch: the watermark says so.)
      const replayed = await this.replay(name, segmenter, head)
      const old = await this.client.request<Record<string, unknown>>('GET', `/_alias/${this.alias}`, undefined, [404])
      const previous = old.status === 404 ? [] : Object.keys(old.body)
      await this.client.request('POST', '/_aliases', {
        actions: [...previous.map((index) => ({ remove: { index, alias: this.alias } })), { add: { index: name, alias: this.alias } }],
      })
      // Back to what the new index has applied (maybe behind what instances applied to the old one): later entries
      // are applied again, now to the new index.
      await this.writeState({ seq: replayed.seq, hash: replayed.hash, base: head.seq, index: name, dictionaryVersion: segmenter.version })
      for (const index of previous) await this.client.request('DELETE', `/${index}`, undefined, [404])
      this.segmenter = segmenter
      this.builtAt = new Date()
    } finally {
      this.rebuildingFor = undefined
      await this.client.request('DELETE', `/${this.stateIndex}/_doc/rebuild?refresh=true`, undefined, [404]).catch(() => undefined)
    }
  }

  /** Applies the package entries after `from` to a given index; returns the last entry applied. */
  private async replay(target: string, segmenter: Segmenter, from: Watermark): Promise<Watermark> {
    let at = from
    for (;;) {
      const { docs: entries } = await this.payload.find({
        collection: AUDIT,
        where: { seq: { greater_than: at.seq } },
        sort: 'seq',
        limit: BATCH,
        depth: 0,
        overrideAccess: true,
        select: { seq: true, hash: true, action: true, refs: true },
      })
      if (!entries.length) return at
      const policies = new Set(entries.map(searchReaction).flatMap((r) => (r.kind === 'package' ? [r.policy] : [])))
      for (const policy of policies) await this.applyPackage(policy, target, segmenter)
      const last = entries[entries.length - 1]
      at = { seq: Number(last.seq), hash: last.hash }
      if (entries.length < BATCH) return at
    }
  }

  private async takeLease(): Promise<boolean> {
    const lease = { owner: this.owner, startedAt: Date.now() }
    const created = await this.client.request('PUT', `/${this.stateIndex}/_create/rebuild?refresh=true`, lease, [409])
    if (created.status !== 409) return true
    const { body } = await this.client.request<{ _primary_term: number; _seq_no: number; _source: { startedAt: number } }>(
      'GET',
      `/${this.stateIndex}/_doc/rebuild`,
      undefined,
      [404],
    )
    if (!body?._source || Date.now() - body._source.startedAt < LEASE_MS) return false
    const taken = await this.client.request(
      'PUT',
      `/${this.stateIndex}/_doc/rebuild?if_seq_no=${body._seq_no}&if_primary_term=${body._primary_term}&refresh=true`,
      lease,
      [409],
    )
    return taken.status !== 409
  }

  /** A new index answers "no shard available" until its primary is started (seconds on a busy node). */
  private async whenAllocated(index: string): Promise<void> {
    await this.client.request('GET', `/_cluster/health/${index}?wait_for_status=yellow&timeout=30s`)
  }

  private async readState(): Promise<Versioned<StateDoc> | undefined> {
    const { status, body } = await this.client.request<{ _primary_term: number; _seq_no: number; _source: StateDoc }>(
      'GET',
      `/${this.stateIndex}/_doc/sync`,
      undefined,
      [404],
    )
    if (status === 404 || !body?._source) return undefined
    return { value: body._source, seqNo: body._seq_no, primaryTerm: body._primary_term }
  }

  /** Writes the sync state; with `expected`, only if nobody changed it since (undefined when someone did). */
  private async writeState(value: StateDoc, expected?: Versioned<StateDoc>): Promise<undefined | Versioned<StateDoc>> {
    const cas = expected ? `&if_seq_no=${expected.seqNo}&if_primary_term=${expected.primaryTerm}` : ''
    try {
      const { status, body } = await this.client.request<{ _primary_term: number; _seq_no: number }>(
        'PUT',
        `/${this.stateIndex}/_doc/sync?refresh=true${cas}`,
        { ...value, updatedAt: new Date().toISOString() },
        [409],
      )
      if (status === 409) return undefined
      return { value, seqNo: body._seq_no, primaryTerm: body._primary_term }
    } catch (error) {
      if (error instanceof OpenSearchRequestError && error.status === 409) return undefined
      throw error
    }
  }

  private async head(): Promise<Watermark> {
    const { docs } = await this.payload.find({
      collection: AUDIT,
      sort: '-seq',
      limit: 1,
      depth: 0,
      overrideAccess: true,
      select: { seq: true, hash: true },
    })
    return docs[0] ? { seq: Number(docs[0].seq), hash: docs[0].hash } : { seq: 0, hash: null }
  }

  private async refreshNames(force: boolean): Promise<void> {
    if (!force && Date.now() - this.namesLoadedAt < NAMES_TTL_MS) return
    this.names = await loadDepartmentNames(this.payload)
    this.namesLoadedAt = Date.now()
  }

  private startPolling(): void {
    if (this.poller || this.stopped || !this.options.pollMs) return
    this.poller = setInterval(() => {
      if (!this.syncs.busy) this.sync().catch((error: unknown) => this.fail(error))
    }, this.options.pollMs)
    this.poller.unref()
  }

  private fail(error: unknown): void {
    if (this.stopped) return
    this.lastError = error instanceof Error ? error.message : String(error)
    this.payload.logger.error({ msg: `search (opensearch): ${this.lastError}` })
  }
}

function present(doc: StoredDoc): PresentedDoc {
  const norm = Object.fromEntries(FIELDS.map((f) => [f, normalizeText(doc.fields[f] ?? '')])) as Record<FieldName, string>
  return { ...doc, norm }
}

function envNumber(name: string, fallback: number): number {
  const value = Number(process.env[name])
  return process.env[name] !== undefined && Number.isFinite(value) && value >= 0 ? value : fallback
}
