import type { Payload, PayloadRequest } from 'payload'

import { AUDIT_COLLECTION, auditContent, auditPagesAfter } from '../audit/auditTrail'
import type { ComplianceEntry } from './report'

/** Entries read per query: bounded memory per page, few round trips. */
const PAGE = 1000

/** An audit-log document as the report reads it: the hashed content (recorded ids) and its hash. */
export const complianceEntryOf = (doc: Parameters<typeof auditContent>[0] & { hash?: unknown }): ComplianceEntry => {
  const c = auditContent(doc)
  return {
    seq: c.seq,
    at: c.at,
    action: c.action,
    department: c.department,
    policy: c.policy,
    fromStage: c.fromStage,
    toStage: c.toStage,
    members: c.members,
    details: c.details,
    hash: String(doc.hash ?? ''),
  }
}

type StoredPage = { entries: ComplianceEntry[]; firstPrevHash: null | string }

/** The entries after `after`, in seq order, and the prevHash of the first (to check it continues the chain). */
async function entriesAfter(payload: Payload, after: number, req?: PayloadRequest): Promise<StoredPage> {
  const entries: ComplianceEntry[] = []
  let firstPrevHash: null | string = null
  for await (const docs of auditPagesAfter(payload, after, PAGE, req)) {
    if (!entries.length && docs[0]) firstPrevHash = String(docs[0].prevHash ?? '')
    for (const doc of docs) entries.push(complianceEntryOf(doc))
  }
  return { entries, firstPrevHash }
}

/**
 * The whole audit trail in seq order, read through the Local API in pages. Access is the caller's business: the
 * report endpoint decides which figures a user may see (one department's figures need no other entries, but the
 * report is computed from the trail as a whole, as anyone recomputing it would).
 */
export async function loadComplianceEntries(payload: Payload, req?: PayloadRequest): Promise<ComplianceEntry[]> {
  return (await entriesAfter(payload, 0, req)).entries
}

/** Per Payload instance: the trail as last read, and the read in progress (one at a time). */
const cache = new WeakMap<Payload, { entries: ComplianceEntry[]; pending: Promise<unknown> }>()

/**
 * `loadComplianceEntries`, read incrementally: the trail is append-only and hash-chained, so the entries read
 * before stay valid as long as the new ones continue the chain from the last one read (next seq, its hash as
 * their prevHash). Anything else (another database, a restore) reads the whole trail again.
 */
export function currentComplianceEntries(payload: Payload): Promise<ComplianceEntry[]> {
  const state = cache.get(payload) ?? { entries: [], pending: Promise.resolve() }
  cache.set(payload, state)
  const read = state.pending.then(async () => {
    const head = state.entries.at(-1)
    if (head) {
      const next = await entriesAfter(payload, head.seq)
      if (!next.entries.length) {
        const { docs } = await payload.find({
          collection: AUDIT_COLLECTION,
          where: { seq: { equals: head.seq } },
          limit: 1,
          pagination: false,
          depth: 0,
          overrideAccess: true,
        })
        if (docs.length === 1 && Number(docs[0]!.seq) === head.seq && docs[0]!.hash === head.hash) return state.entries
      } else if (next.entries[0]!.seq === head.seq + 1 && next.firstPrevHash === head.hash) {
        state.entries = [...state.entries, ...next.entries]
        return state.entries
      }
    }
    state.entries = await loadComplianceEntries(payload)
    return state.entries
  })
  state.pending = read.catch(() => undefined)
  return read
}

/** Department display names by id (labels for the report; never counted). */
export async function loadDepartmentNames(payload: Payload, req?: PayloadRequest): Promise<Record<string, string>> {
  const { docs } = await payload.find({
    collection: 'departments',
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { name: true },
    ...(req ? { req } : {}),
  })
  return Object.fromEntries(docs.map((d) => [String(d.id), String(d.name ?? d.id)]))
}
