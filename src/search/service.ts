import type { Payload } from 'payload'

import { type Id } from '../ids'
import { loadDictionary } from './dictionary'
import { type Filters, type ParsedQuery, parseQuery, type QueryResult, runQuery } from './query'
import { type IndexedDoc, type PreparedDoc, type PreparedIndex, type SearchDoc, SearchIndex } from './searchIndex'
import { searchReaction } from './reactions'
import { segmenterFor } from './segmenter'
import { readSnapshot, snapshotPath, type Watermark, writeSnapshot } from './snapshot'
import { allPublicDocs, type DepartmentNames, loadDepartmentNames, packageDocs } from './sources'
import { CoalescedRun } from './coalescedRun'

/**
 * One search index per app instance, kept in memory and current by following the audit log.
 *
 * - Boot: load the snapshot if its audit-log watermark still holds (see snapshot.ts), else build from the database;
 *   then catch up.
 * - Catch-up: read audit entries after the watermark. An entry naming a policy makes the whole package be read
 *   again and indexed or removed by its current state (released + 主动公开, supplements released): state-based,
 *   so replaying an entry twice is harmless and nothing depends on which action it was. `search-term-*` entries
 *   reload the dictionary, `search-reindex` rebuilds from the database.
 * - Every query first catches up (one indexed read of the audit log, coalesced across concurrent queries), so an
 *   instance answers with what any instance released or withdrew before the query came in; a timer does the same
 *   every few seconds on idle instances.
 */

export { REINDEX_ACTION } from './reactions'
const AUDIT = 'audit-log' as const
const BATCH = 500
const NAMES_TTL_MS = 5 * 60_000

export type ServiceOptions = {
  /** A query catches up first unless the last catch-up started less than this long ago (0: always). */
  freshnessMs: number
  /** Background catch-up interval. */
  pollMs: number
  /** Where to keep the snapshot; none: always build from the database at boot. */
  snapshotFile?: string
  /** Delay between a change and the snapshot written after it. */
  snapshotDelayMs: number
}

export type BuildProgress = (done: number, total: number) => void

export type SearchStatus = {
  builtAt: null | string
  dictionaryVersion: null | string
  documents: number
  lastError: null | string
  lastSyncAt: null | string
  snapshot: null | string
  source: 'database' | 'snapshot' | null
  state: 'building' | 'idle' | 'ready' | 'resegmenting' | 'starting'
  terms: number
  watermark: Watermark
}

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve))

export const toSearchDoc = (doc: IndexedDoc | PreparedDoc): SearchDoc => {
  const { lengths, norm, terms, tfs, ...raw } = doc
  void [lengths, norm, terms, tfs]
  if ('titleKey' in raw) delete (raw as Partial<IndexedDoc>).titleKey
  return raw
}

async function addAll(index: SearchIndex, docs: Iterable<SearchDoc>): Promise<void> {
  let n = 0
  for (const doc of docs) {
    index.add(doc)
    // Keep the server answering while a large index is built.
    if (++n % 500 === 0) await yieldToLoop()
  }
}

/** A snapshot's documents: as segmented when the dictionary is unchanged, else segmented again from their texts. */
async function restore(index: SearchIndex, prepared: PreparedIndex): Promise<void> {
  if (prepared.dictionaryVersion !== index.segmenter.version) return addAll(index, prepared.docs.map(toSearchDoc))
  for (let i = 0; i < prepared.docs.length; i += 5000) {
    index.addPrepared(prepared.terms, prepared.docs.slice(i, i + 5000))
    await yieldToLoop()
  }
}

export class SearchService {
  private index?: SearchIndex
  private watermark: Watermark = { seq: 0, hash: null }
  private names: DepartmentNames = new Map()
  private namesLoadedAt = 0
  private started?: Promise<void>
  /** Serialises everything that changes the index or the watermark. */
  private chain: Promise<unknown> = Promise.resolve()
  private longTask?: 'building' | 'resegmenting'
  private readonly syncs = new CoalescedRun(() => this.exclusive(() => this.catchUp()))
  private lastSyncStartedAt = 0
  private lastSyncAt?: Date
  private builtAt?: Date
  private source: 'database' | 'snapshot' | null = null
  private lastError: null | string = null
  private poller?: NodeJS.Timeout
  private snapshotTimer?: NodeJS.Timeout
  private stopped = false

  constructor(
    readonly payload: Payload,
    readonly options: ServiceOptions,
  ) {}

  /** Builds or loads the index once; later calls return the same promise. */
  start(): Promise<void> {
    return this.launch(() => this.boot())
  }

  /** Catches up with the audit log now (coalesced: at most one run waiting behind the current one). */
  sync(): Promise<void> {
    // Starting catches up too.
    if (!this.started) return this.start()
    return this.syncs.run()
  }

  /** Rebuilds from the database (what `npm run search:reindex` does; the admin button goes through the audit log). */
  async rebuild(onProgress?: BuildProgress): Promise<void> {
    if (!this.started) return this.launch(() => this.build(onProgress))
    await this.started
    await this.exclusive(async () => {
      await this.build(onProgress)
      await this.catchUp()
    })
  }

  async query(
    q: string,
    filters: Filters,
    offset: number,
    limit: number,
  ): Promise<{ index: SearchIndex; parsed: ParsedQuery; result: QueryResult; tookMs: number }> {
    await this.start()
    // During a rebuild the current index keeps answering rather than making readers wait for it.
    if (!this.longTask && Date.now() - this.lastSyncStartedAt >= this.options.freshnessMs) {
      await this.sync().catch((error: unknown) => this.fail(error))
    }
    const index = this.index!
    const started = performance.now()
    const parsed = parseQuery(index, q)
    const result = runQuery(index, parsed, filters, offset, limit)
    return { index, parsed, result, tookMs: performance.now() - started }
  }

  /** The index as it is now (tests, scripts, the admin status). */
  current(): SearchIndex | undefined {
    return this.index
  }

  departmentName(id: string): string | undefined {
    return this.names.get(id)
  }

  status(): SearchStatus {
    return {
      state: this.longTask ?? (this.index ? 'ready' : this.started ? 'starting' : 'idle'),
      documents: this.index?.size ?? 0,
      terms: this.index?.termCount ?? 0,
      dictionaryVersion: this.index?.segmenter.version ?? null,
      watermark: { ...this.watermark },
      source: this.source,
      builtAt: this.builtAt?.toISOString() ?? null,
      lastSyncAt: this.lastSyncAt?.toISOString() ?? null,
      snapshot: this.options.snapshotFile ?? null,
      lastError: this.lastError,
    }
  }

  /** Writes the snapshot now (the reindex script, tests); returns its size in bytes, 0 when snapshots are off. */
  async saveSnapshot(): Promise<number> {
    const file = this.options.snapshotFile
    if (!file || !this.index) return 0
    // Documents and watermark are taken together between two changes, so they agree.
    const { prepared, watermark } = await this.exclusive(async () => ({
      prepared: this.index!.prepared(),
      watermark: { ...this.watermark },
    }))
    if (!watermark.seq) return 0
    return writeSnapshot(file, prepared, watermark)
  }

  stop(): void {
    this.stopped = true
    clearInterval(this.poller)
    clearTimeout(this.snapshotTimer)
  }

  /** Resolves once nothing is changing the index (so the database can be closed under it). */
  idle(): Promise<void> {
    return this.chain.then(
      () => undefined,
      () => undefined,
    )
  }

  // -------------------------------------------------------------------------------------------------------------

  private launch(first: () => Promise<void>): Promise<void> {
    this.started ??= this.exclusive(async () => {
      await first()
      await this.catchUp()
    })
      .then(() => this.startPolling())
      .catch((error: unknown) => {
        this.started = undefined
        this.fail(error)
        throw error
      })
    return this.started
  }

  private exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.chain.then(task, task)
    this.chain = run.catch(() => undefined)
    return run
  }

  private async boot(): Promise<void> {
    const segmenter = segmenterFor(await loadDictionary(this.payload))
    await this.refreshNames(true)
    const file = this.options.snapshotFile
    const snapshot = file ? await readSnapshot(file) : undefined
    if (snapshot && (await this.watermarkHolds(snapshot.watermark))) {
      this.longTask = 'building'
      try {
        const index = new SearchIndex(segmenter)
        await restore(index, snapshot.index)
        this.install(index, snapshot.watermark, 'snapshot')
      } finally {
        this.longTask = undefined
      }
      return
    }
    await this.build(undefined, segmenter)
  }

  /** Builds a new index from the database; the current one answers queries until it is swapped in. */
  private async build(onProgress?: BuildProgress, segmenter = this.index?.segmenter): Promise<void> {
    this.longTask = 'building'
    try {
      const seg = segmenter ?? segmenterFor(await loadDictionary(this.payload))
      await this.refreshNames(true)
      // Entries written while the build reads are replayed afterwards (state-based, so harmless twice).
      const head = await this.head()
      const index = new SearchIndex(seg)
      for await (const batch of allPublicDocs(this.payload, this.names, onProgress)) await addAll(index, batch)
      this.install(index, head, 'database')
    } finally {
      this.longTask = undefined
    }
  }

  private install(index: SearchIndex, watermark: Watermark, source: 'database' | 'snapshot'): void {
    this.index = index
    this.watermark = watermark
    this.source = source
    this.builtAt = new Date()
    if (source === 'database') this.scheduleSnapshot()
  }

  private async catchUp(): Promise<void> {
    if (this.stopped || !this.index) return
    this.lastSyncStartedAt = Date.now()
    for (;;) {
      const { docs: entries } = await this.payload.find({
        collection: AUDIT,
        where: { seq: { greater_than: this.watermark.seq } },
        sort: 'seq',
        limit: BATCH,
        depth: 0,
        overrideAccess: true,
        select: { seq: true, hash: true, action: true, refs: true },
      })
      if (!entries.length || this.stopped) break
      const last = entries[entries.length - 1]
      const reactions = entries.map(searchReaction)
      if (reactions.some((r) => r.kind === 'reindex')) {
        await this.build()
        continue
      }
      if (reactions.some((r) => r.kind === 'dictionary')) await this.reloadDictionary()
      await this.refreshNames(false)
      const policies = new Set(reactions.flatMap((r) => (r.kind === 'package' ? [r.policy] : [])))
      for (const policy of policies) await this.applyPackage(policy)
      this.watermark = { seq: Number(last.seq), hash: last.hash }
      if (policies.size) this.scheduleSnapshot()
      if (entries.length < BATCH) break
    }
    this.lastSyncAt = new Date()
    this.lastError = null
  }

  /** Makes the index hold exactly the package's public documents as the database has them now. */
  private async applyPackage(policy: Id): Promise<void> {
    const index = this.index!
    const docs = await packageDocs(this.payload, policy, this.names)
    const keep = new Set(docs.map((d) => d.key))
    for (const key of index.keysOfPolicy(String(policy))) if (!keep.has(key)) index.remove(key)
    for (const doc of docs) index.add(doc)
  }

  /** A dictionary edit: new segmenter, documents re-segmented from their stored texts (no database reads). */
  private async reloadDictionary(): Promise<void> {
    const segmenter = segmenterFor(await loadDictionary(this.payload))
    const current = this.index!
    if (segmenter.version === current.segmenter.version) return
    this.longTask = 'resegmenting'
    try {
      const next = new SearchIndex(segmenter)
      await addAll(next, current.allDocs().map(toSearchDoc))
      this.index = next
    } finally {
      this.longTask = undefined
    }
  }

  private async refreshNames(force: boolean): Promise<void> {
    if (!force && Date.now() - this.namesLoadedAt < NAMES_TTL_MS) return
    this.names = await loadDepartmentNames(this.payload)
    this.namesLoadedAt = Date.now()
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

  private async watermarkHolds(watermark: Watermark): Promise<boolean> {
    if (!watermark.seq) return false
    const { docs } = await this.payload.find({
      collection: AUDIT,
      where: { seq: { equals: watermark.seq } },
      limit: 1,
      depth: 0,
      overrideAccess: true,
      select: { hash: true },
    })
    return docs[0]?.hash === watermark.hash
  }

  private startPolling(): void {
    if (this.poller || this.stopped || !this.options.pollMs) return
    this.poller = setInterval(() => {
      if (!this.longTask && !this.syncs.busy) this.sync().catch((error: unknown) => this.fail(error))
    }, this.options.pollMs)
    this.poller.unref()
  }

  private scheduleSnapshot(): void {
    if (!this.options.snapshotFile || this.snapshotTimer || this.stopped) return
    this.snapshotTimer = setTimeout(() => {
      this.snapshotTimer = undefined
      this.saveSnapshot().catch((error: unknown) => this.fail(error))
    }, this.options.snapshotDelayMs)
    this.snapshotTimer.unref()
  }

  private fail(error: unknown): void {
    if (this.stopped) return
    this.lastError = error instanceof Error ? error.message : String(error)
    this.payload.logger.error({ err: error, msg: `search index: ${this.lastError}` })
  }
}

// ---------------------------------------------------------------------------------------------------------------

const services = new WeakMap<Payload, SearchService>()

const envNumber = (name: string, fallback: number) => {
  const value = Number(process.env[name])
  return process.env[name] !== undefined && Number.isFinite(value) && value >= 0 ? value : fallback
}

export function defaultOptions(): ServiceOptions {
  return {
    pollMs: envNumber('SEARCH_POLL_MS', 2000),
    freshnessMs: envNumber('SEARCH_FRESHNESS_MS', 0),
    snapshotFile: snapshotPath(process.env.DATABASE_URL),
    snapshotDelayMs: envNumber('SEARCH_SNAPSHOT_DELAY_MS', 60_000),
  }
}

/**
 * The search service of a Payload instance, created on first use. Its timers stop, and its last change completes,
 * before the instance's database connection is closed by `payload.destroy()`.
 */
export function searchService(payload: Payload, options: ServiceOptions = defaultOptions()): SearchService {
  let service = services.get(payload)
  if (!service) {
    const created = new SearchService(payload, options)
    services.set(payload, created)
    const destroy = payload.destroy.bind(payload)
    payload.destroy = async () => {
      created.stop()
      await created.idle()
      return destroy()
    }
    service = created
  }
  return service
}
