/**
 * 数据铁笼, 处处留痕: the append-only, hash-chained audit trail.
 *
 * Every entry has a position `seq` (1, 2, 3…), the previous entry's hash `prevHash` (64 zeros for the first) and
 * `hash` = sha256(prevHash + canonical JSON of its content). Changing, inserting or deleting an entry anywhere
 * but at the very end breaks a link that `verifyAuditChain` (and `npm run audit:verify`) reports.
 *
 * The collection refuses every write through the API and, through hooks that also run with overrideAccess, every
 * update and delete and every create that does not come from `appendAudit`.
 */
import type { Payload, PayloadRequest } from 'payload'

import { createHash } from 'node:crypto'

import type { AuditLog } from '../../payload-types'

import { type AuditAction, type AuditDetails, isAuditAction } from '../events/actions'
import { react, type ReactionSubject } from '../events/reactions'
import { asStoredId, type Id, idKey, idOf, type RelationValue } from '../ids'
import { AUDIT_APPEND_FLAG } from './flags'

export const AUDIT_COLLECTION = 'audit-log' as const

export const GENESIS_HASH = '0'.repeat(64)

/** Attempts at appending when a concurrent writer took the same `seq` first (1 + 5 retries). */
const MAX_ATTEMPTS = 6

export type AuditMember = { collection: string; id: Id }

type EntryBase = {
  /** Defaults to the policy's department when a policy is given. */
  department?: Id
  fromStage?: string
  members?: AuditMember[]
  policy?: Id
  /**
   * The policy was just deleted: its id is recorded (and hashed) in `refs` only, because SQLite's foreign key
   * refuses a relationship column pointing at a row that is gone.
   */
  policyDeleted?: boolean
  reason?: string
  toStage?: string
}

/** One entry to append: the action names the shape of its details (src/events/actions.ts). */
export type AuditEntryInput<A extends AuditAction = AuditAction> = {
  [K in A]: EntryBase & { action: K; details?: AuditDetails[K] }
}[A]

/** A stored entry whose action is known, with its details typed accordingly. */
export type TypedAuditEntry<A extends AuditAction = AuditAction> = {
  [K in A]: Omit<AuditLog, 'action' | 'details'> & { action: K; details: AuditDetails[K] | null }
}[A]

/** A stored entry with its action checked against the known ones (entries are written through AuditEntryInput). */
export const isTypedEntry = (doc: AuditLog): doc is AuditLog & TypedAuditEntry => isAuditAction(doc.action)

/**
 * The hashed content of an entry. Ids are strings (SQLite's numeric ids and MongoDB's ObjectIds hash alike),
 * dates ISO strings, absent values null. The ids of the policy, department and actor are taken from `refs`, the
 * ids as recorded: the relationship columns may be cleared by the database when the referenced document is
 * deleted (SQLite foreign keys are ON DELETE SET NULL), the hashed record must not change.
 */
export type AuditContent = {
  action: string
  actor: null | string
  actorEmail: null | string
  actorRoles: null | string
  at: string
  department: null | string
  details: unknown
  fromStage: null | string
  members: { collection: string; id: string }[] | null
  policy: null | string
  reason: null | string
  seq: number
  toStage: null | string
}

/** An entry as stored or about to be stored; relationships as ids or populated documents. */
type StoredEntry = {
  [
    K in
      | 'action'
      | 'actor'
      | 'actorEmail'
      | 'actorRoles'
      | 'at'
      | 'department'
      | 'details'
      | 'fromStage'
      | 'members'
      | 'policy'
      | 'reason'
      | 'refs'
      | 'seq'
      | 'toStage'
  ]?: unknown
}

// ---------------------------------------------------------------------------------------------------------------
// Canonical JSON and hashing
// ---------------------------------------------------------------------------------------------------------------

/**
 * JSON with object keys in code-unit order, undefined members dropped (undefined array items as null), dates as
 * ISO strings and anything with toJSON (Date, ObjectId…) through it. Numbers must be finite.
 */
export function canonicalJSON(value: unknown): string {
  if (value === null || value === undefined) return 'null'
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value)
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`audit: cannot hash the number ${value}`)
      return JSON.stringify(value)
    case 'bigint':
      return JSON.stringify(value.toString())
    case 'object':
      break
    default:
      throw new TypeError(`audit: cannot hash a ${typeof value}`)
  }
  if (value instanceof Date) return JSON.stringify(value.toISOString())
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJSON(item)).join(',')}]`
  const withToJSON = value as { toJSON?: () => unknown }
  if (typeof withToJSON.toJSON === 'function') return canonicalJSON(withToJSON.toJSON())
  const record = value as Record<string, unknown>
  const keys = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort()
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJSON(record[key])}`).join(',')}}`
}

/**
 * A JSON value as it will be stored and read back on every adapter: canonical form, and empty objects (which
 * MongoDB drivers may drop) as null.
 */
function normalizeJSON(value: unknown): unknown {
  const emptyToNull = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(emptyToNull)
    if (v === null || typeof v !== 'object') return v
    const entries = Object.entries(v as Record<string, unknown>)
    return entries.length === 0 ? null : Object.fromEntries(entries.map(([k, item]) => [k, emptyToNull(item)]))
  }
  if (value === null || value === undefined) return null
  return emptyToNull(JSON.parse(canonicalJSON(value)))
}

const text = (value: unknown): null | string => (value === null || value === undefined || value === '' ? null : String(value))

const idText = (value: RelationValue): null | string => {
  const id = idOf(value)
  return id === undefined ? null : String(id)
}

const isoDate = (value: unknown): string => new Date(value as Date | number | string).toISOString()

function normalizeMembers(members: unknown): AuditContent['members'] {
  if (!Array.isArray(members) || members.length === 0) return null
  return members.map((m: { collection?: unknown; id?: RelationValue }) => ({
    collection: String(m?.collection ?? ''),
    id: idText(m?.id) ?? '',
  }))
}

/** The hashed content of a stored (or about to be stored) entry. */
export function auditContent(entry: StoredEntry): AuditContent {
  const refs = (entry.refs ?? {}) as Record<string, unknown>
  return {
    seq: Number(entry.seq),
    at: isoDate(entry.at),
    action: String(entry.action ?? ''),
    actor: text(refs.actor),
    actorEmail: text(entry.actorEmail),
    actorRoles: text(entry.actorRoles),
    department: text(refs.department),
    policy: text(refs.policy),
    fromStage: text(entry.fromStage),
    toStage: text(entry.toStage),
    reason: text(entry.reason),
    members: normalizeMembers(entry.members),
    details: normalizeJSON(entry.details),
  }
}

/** sha256 hex of prevHash + the canonical JSON of the content. */
export function auditHash(prevHash: string, content: AuditContent): string {
  return createHash('sha256').update(prevHash).update(canonicalJSON(content)).digest('hex')
}

/**
 * A relationship column that no longer matches the recorded id: it may have been cleared (its document was
 * deleted), never repointed. Compared by `idKey`, so that a backup restored onto another adapter (SQLite's 5 is
 * MongoDB's 000000000000000000000005, see src/backup) still matches what was recorded.
 */
function repointedRelation(entry: StoredEntry, content: AuditContent): string | undefined {
  for (const key of ['policy', 'department', 'actor'] as const) {
    const column = idText(entry[key] as RelationValue)
    if (column !== null && idKey(column) !== idKey(content[key])) return `${key} points at ${column}, recorded ${content[key]}`
  }
  return undefined
}

// ---------------------------------------------------------------------------------------------------------------
// Appending
// ---------------------------------------------------------------------------------------------------------------

async function lastEntry(payload: Payload, req?: PayloadRequest): Promise<null | Pick<AuditLog, 'hash' | 'seq'>> {
  const { docs } = await payload.find({
    collection: AUDIT_COLLECTION,
    sort: '-seq',
    limit: 1,
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { seq: true, hash: true },
    ...(req ? { req } : {}),
  })
  return docs[0] ?? null
}

/** Another writer took this seq (or hash) first, or SQLite was busy: recompute and try again. */
function isConflict(error: unknown): boolean {
  const e = error as { code?: unknown; data?: { errors?: { path?: string }[] }; message?: unknown; name?: unknown }
  if (e?.name === 'ValidationError') {
    return Boolean(e.data?.errors?.some((f) => f.path === 'seq' || f.path === 'hash' || f.path === ''))
  }
  const message = `${String(e?.code ?? '')} ${String(e?.message ?? '')}`
  // Only a clash on the unique seq/hash indexes is a concurrent writer; other constraint failures are bugs to surface.
  return /SQLITE_BUSY|UNIQUE constraint|E11000|duplicate key/i.test(message)
}

/** Counts conflicts resolved by retrying (for tests and diagnostics). */
export const auditAppendStats = { conflicts: 0 }

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Appends one entry to the chain, for `req.user` (null for system jobs), then runs the inline reactions to it with
 * `subject` (the documents it is about, as the step left them). Pass the caller's `req`: the entry is
 * written in the caller's transaction where the database has one, so a refused step leaves no entry.
 *
 * A concurrent writer that took the same position first makes the insert fail on the unique `seq` / `hash`
 * indexes; the entry is then recomputed on the new end of the chain (up to 5 retries). Inside a caller's
 * transaction a failed insert rolls that transaction back (Payload kills it), so no retry happens there: the
 * conflict is thrown and the whole step fails, to be repeated by the user.
 */
export async function appendAudit(req: PayloadRequest, entry: AuditEntryInput, subject?: ReactionSubject): Promise<AuditLog> {
  const { payload } = req
  const user = req.user as null | { email?: null | string; id: Id; roles?: null | string[] } | undefined

  let department: Id | undefined = entry.department
  if (department === undefined && entry.policy !== undefined) {
    const policy = await payload
      .findByID({ collection: 'policies', id: entry.policy, depth: 0, overrideAccess: true, req, select: { department: true } })
      .catch(() => null)
    department = idOf(policy?.department as RelationValue)
  }

  const actor = user?.id
  const base = {
    action: entry.action,
    actor: asStoredId(actor ?? null),
    actorEmail: text(user?.email),
    actorRoles: user?.roles?.length ? user.roles.join(',') : null,
    department: asStoredId(department ?? null),
    policy: entry.policyDeleted ? null : asStoredId(entry.policy ?? null),
    fromStage: text(entry.fromStage),
    toStage: text(entry.toStage),
    reason: text(entry.reason),
    members: normalizeMembers(entry.members),
    details: normalizeJSON(entry.details) as AuditLog['details'],
    refs: { actor: idText(actor), department: idText(department), policy: idText(entry.policy) },
  }

  // initTransaction leaves a Promise of null on req when the adapter has no transactions (SQLite as configured
  // here, MongoDB without a replica set): that is no transaction.
  const inCallerTransaction = Boolean(req.transactionID instanceof Promise ? await req.transactionID : req.transactionID)
  const hadFlag = req.context?.[AUDIT_APPEND_FLAG] === true
  try {
    for (let attempt = 1; ; attempt += 1) {
      const last = await lastEntry(payload, req)
      const prevHash = last?.hash ?? GENESIS_HASH
      const seq = (last ? Number(last.seq) : 0) + 1
      const at = new Date().toISOString()
      const hash = auditHash(prevHash, auditContent({ ...base, seq, at }))
      let written: AuditLog
      try {
        written = await payload.create({
          collection: AUDIT_COLLECTION,
          data: { ...base, seq, at, prevHash, hash },
          depth: 0,
          overrideAccess: true,
          req,
          context: { [AUDIT_APPEND_FLAG]: true },
        })
      } catch (error) {
        if (inCallerTransaction || attempt >= MAX_ATTEMPTS || !isConflict(error)) throw error
        auditAppendStats.conflicts += 1
        await sleep(Math.floor(Math.random() * 20 * attempt))
        continue
      }
      // The reactions (src/events/reactions.ts) run in the same request and transaction as the entry.
      if (isTypedEntry(written)) await react(req, written, subject)
      return written
    }
  } finally {
    // The Local API merges `context` into req.context; do not leave the flag on the caller's request.
    if (!hadFlag && req.context) delete req.context[AUDIT_APPEND_FLAG]
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Verifying
// ---------------------------------------------------------------------------------------------------------------

export type AuditChainBreak = 'gap-in-seq' | 'hash-mismatch' | 'prev-link-mismatch' | 'ref-mismatch'

/**
 * The entries after `afterSeq` in seq order, `pageSize` at a time, every page yielded (the last one short, maybe
 * empty). Keyset on seq, so entries appended meanwhile land at the end instead of shifting pages.
 */
export async function* auditPagesAfter(
  payload: Payload,
  afterSeq: number,
  pageSize: number,
  req?: PayloadRequest,
): AsyncGenerator<AuditLog[]> {
  let from = afterSeq
  for (;;) {
    const { docs } = await payload.find({
      collection: AUDIT_COLLECTION,
      where: from ? { seq: { greater_than: from } } : {},
      sort: 'seq',
      limit: pageSize,
      pagination: false,
      depth: 0,
      overrideAccess: true,
      ...(req ? { req } : {}),
    })
    yield docs
    if (docs.length < pageSize) return
    from = Number(docs.at(-1)!.seq)
  }
}

export type AuditVerification =
  | { entries: number; head: { hash: string; seq: number } | null; ok: true }
  | { brokenAt: number; code: AuditChainBreak; entries: number; ok: false; reason: string }

const PAGE = 500

/**
 * Walks the chain in seq order, `PAGE` entries at a time, recomputing every hash and prevHash link and checking
 * that seq runs 1, 2, 3… without gaps. Reports the first broken link. Cannot see entries removed from the very
 * end of the chain: compare `head` with a copy kept elsewhere (a report, a printout) for that.
 */
export async function verifyAuditChain(payload: Payload, onProgress?: (done: number, total: number) => void): Promise<AuditVerification> {
  const { totalDocs: total } = await payload.count({ collection: AUDIT_COLLECTION, overrideAccess: true })
  let expectedSeq = 1
  let expectedPrev = GENESIS_HASH
  let done = 0
  let head: { hash: string; seq: number } | null = null
  onProgress?.(0, total)
  for await (const docs of auditPagesAfter(payload, 0, PAGE)) {
    for (const doc of docs) {
      const broken = (brokenAt: number, code: AuditChainBreak, reason: string): AuditVerification => ({
        ok: false,
        entries: done,
        brokenAt,
        code,
        reason,
      })
      const seq = Number(doc.seq)
      if (seq !== expectedSeq) {
        return broken(
          expectedSeq,
          'gap-in-seq',
          seq > expectedSeq
            ? `gap in seq: entry ${expectedSeq}${seq - expectedSeq > 1 ? `–${seq - 1}` : ''} is missing (next is ${seq})`
            : `gap in seq: expected ${expectedSeq}, found ${seq} again`,
        )
      }
      if ((doc.prevHash ?? '') !== expectedPrev) {
        return broken(seq, 'prev-link-mismatch', `prev link mismatch: prevHash ${doc.prevHash} ≠ hash of entry ${seq - 1} ${expectedPrev}`)
      }
      const content = auditContent(doc)
      const recomputed = auditHash(expectedPrev, content)
      if (recomputed !== doc.hash) {
        return broken(seq, 'hash-mismatch', `hash mismatch: stored ${doc.hash}, content hashes to ${recomputed}`)
      }
      const repointed = repointedRelation(doc, content)
      if (repointed) return broken(seq, 'ref-mismatch', `relationship mismatch: ${repointed}`)
      expectedPrev = doc.hash
      expectedSeq = seq + 1
      done += 1
      head = { seq, hash: doc.hash }
    }
    onProgress?.(done, Math.max(total, done))
  }
  return { ok: true, entries: done, head }
}
