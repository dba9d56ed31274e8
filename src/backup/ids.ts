/**
 * Document ids on restore.
 *
 * Same id type (SQLite → SQLite, MongoDB → MongoDB): every id is kept as it is (`payload.db.create` with
 * `customID`, which both adapters honour), so every reference — relationship columns, ids inside JSON, Lexical
 * nodes, the audit log's hashed `refs` and `members`, URLs that websites saved — stays valid.
 *
 * Across adapters ids cannot be kept: SQLite's `id` is an INTEGER PRIMARY KEY (a string is a datatype mismatch)
 * and MongoDB's `_id` an ObjectId (mongoose cannot cast 5 to one); only a custom `id` field in every collection
 * (a schema change) would allow either in the other. So ids are translated, deterministically:
 * - SQLite n → MongoDB ObjectId n in hex, zero-padded to 24 digits (`objectIdForNumber`): no generated ObjectId
 *   has a zero timestamp, so these never collide with documents created later;
 * - MongoDB → SQLite: such an encoded ObjectId becomes n again (a round trip SQLite → MongoDB → SQLite gives the
 *   original ids back), any other ObjectId the next free integer, in id (≈ creation) order.
 * `idKey` (src/ids.ts) reads n and its ObjectId as the same id, which is what lets the audit verifier match
 * translated relationship columns with the ids recorded (and hashed) in `refs`.
 */
import { type Id, numberForObjectId, objectIdForNumber } from '../ids'
import type { IdType } from './format'

export class IdTranslator {
  readonly same: boolean
  private readonly maps = new Map<string, Map<string, Id>>()

  constructor(
    readonly sourceIdType: IdType,
    readonly targetIdType: IdType,
  ) {
    if (sourceIdType !== 'number' && sourceIdType !== 'text') throw new Error(`unsupported source id type ${String(sourceIdType)}`)
    if (targetIdType !== 'number' && targetIdType !== 'text') throw new Error(`unsupported target id type ${String(targetIdType)}`)
    this.same = sourceIdType === targetIdType
  }

  /** Records every id of a part (`collection` or `collection:versions`), in backup order, and assigns targets. */
  register(part: string, ids: Id[]): void {
    const map = new Map<string, Id>()
    if (this.same) {
      for (const id of ids) map.set(String(id), id)
    } else if (this.targetIdType === 'text') {
      for (const id of ids) map.set(String(id), objectIdForNumber(Number(id)))
    } else {
      // Decodable ids first, so that the fresh numbers start above every one of them.
      let next = 1
      for (const id of ids) {
        const n = numberForObjectId(String(id))
        if (n !== undefined) next = Math.max(next, n + 1)
      }
      const taken = new Set<number>()
      for (const id of ids) {
        const n = numberForObjectId(String(id))
        if (n !== undefined && !taken.has(n)) {
          map.set(String(id), n)
          taken.add(n)
        }
      }
      for (const id of ids) if (!map.has(String(id))) map.set(String(id), next++)
    }
    this.maps.set(part, map)
  }

  /** The target id of a document in the backup; undefined when the backup does not hold it. */
  target(part: string, id: Id): Id | undefined {
    return this.maps.get(part)?.get(String(id))
  }

  /**
   * The id to store for a reference. Same id type: the reference as it was (MongoDB may keep one to a deleted
   * document; that is the source's state). Across adapters: the translated id, or null for a reference to a
   * document the backup does not hold (a dangling MongoDB reference; SQLite would refuse it).
   */
  reference(part: string, id: Id): Id | null {
    if (this.same) return id
    return this.target(part, id) ?? null
  }

  /** `{ part: { sourceId: targetId } }` for every id that changed (empty when ids were kept). */
  changes(): Record<string, Record<string, Id>> {
    const out: Record<string, Record<string, Id>> = {}
    for (const [part, map] of this.maps) {
      const changed = [...map].filter(([source, target]) => source !== String(target))
      if (changed.length) out[part] = Object.fromEntries(changed)
    }
    return out
  }
}
