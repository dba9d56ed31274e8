/**
 * What a backup holds and in which order a restore writes it, derived from the Payload config, and a walker over
 * a document's relationships (including those inside groups, arrays, blocks and Lexical rich text).
 */
import type { Collection, CollectionSlug, FlattenedBlock, FlattenedField, Payload, SanitizedCollectionConfig } from 'payload'

import { buildVersionCollectionFields } from 'payload'

import type { Id } from '../ids'

/**
 * Left out on purpose:
 * - `payload-locked-documents`: who has a document open in the admin right now; meaningless after a restore.
 * - `payload-migrations`: the target's own schema state (SQLite gets it from `payload migrate`; MongoDB needs
 *   none); restoring the source's rows would claim migrations the target never ran. The manifest lists them.
 * Kept: `payload-jobs` (scheduled releases and webhook deliveries waiting to run: a restore, like a restart,
 * loses none), `payload-preferences` (users' admin settings) and `payload-kv`.
 */
export const EXCLUDED_COLLECTIONS = new Set(['payload-locked-documents', 'payload-migrations'])

export type Part = { collection: string; kind: 'documents' | 'versions' }

/** Slugs come from backups as plain strings; Payload's typed maps want its literal union. */
export const slug = (collection: string): CollectionSlug => collection as CollectionSlug

export const collectionOf = (payload: Payload, collection: string): Collection | undefined =>
  (payload.collections as Record<string, Collection | undefined>)[collection]

export const partKey = (part: Part): string => (part.kind === 'versions' ? `${part.collection}:versions` : part.collection)

export function backedUpCollections(payload: Payload): SanitizedCollectionConfig[] {
  return payload.config.collections.filter((c) => !EXCLUDED_COLLECTIONS.has(c.slug))
}

/** The fields a part's rows have: the collection's, or a version row's (`parent`, `version: {…}`, dates). */
export function partFields(payload: Payload, part: Part): FlattenedField[] {
  const collection = collectionOf(payload, part.collection)!.config
  return part.kind === 'versions'
    ? (buildVersionCollectionFields(payload.config, collection, true) as FlattenedField[])
    : collection.flattenedFields
}

// ---------------------------------------------------------------------------------------------------------------
// Walking relationships
// ---------------------------------------------------------------------------------------------------------------

/** Given a reference, answers the id to store instead, or null to store no reference. */
export type RefVisitor = (relationTo: string, id: Id) => Id | null

const isId = (v: unknown): v is Id => (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && v !== '')

const idIn = (v: unknown): Id | undefined => {
  if (isId(v)) return v
  if (v && typeof v === 'object' && isId((v as { id?: unknown }).id)) return (v as { id: Id }).id
  return undefined
}

function blocksOf(field: Extract<FlattenedField, { type: 'blocks' }>, payload: Payload): FlattenedBlock[] {
  const refs = (field.blockReferences ?? []).map((b) =>
    typeof b === 'string' ? (payload.config.blocks ?? []).find((x) => x.slug === b) : b,
  )
  return [...field.blocks, ...refs.filter((b): b is FlattenedBlock => Boolean(b))]
}

/**
 * Lexical stores references as nodes with `relationTo` and `value` (relationship and upload nodes; internal links
 * keep theirs in `fields.doc`). Everything else in the editor state is left alone.
 */
export function mapRichText(value: unknown, visit: RefVisitor): unknown {
  if (Array.isArray(value)) return value.map((v) => mapRichText(v, visit))
  if (!value || typeof value !== 'object') return value
  const node = value as Record<string, unknown>
  const out: Record<string, unknown> = {}
  for (const [key, child] of Object.entries(node)) out[key] = mapRichText(child, visit)
  if (typeof node.relationTo === 'string' && 'value' in node) {
    const id = idIn(node.value)
    if (id !== undefined) out.value = visit(node.relationTo, id)
  }
  return out
}

function mapSingle(relationTo: string | string[], value: unknown, visit: RefVisitor): unknown {
  if (value === null || value === undefined) return value
  if (Array.isArray(relationTo)) {
    // Polymorphic: { relationTo, value }.
    const poly = value as { relationTo?: unknown; value?: unknown }
    const id = idIn(poly?.value)
    if (typeof poly?.relationTo !== 'string' || id === undefined) return value
    const mapped = visit(poly.relationTo, id)
    return mapped === null ? null : { ...poly, value: mapped }
  }
  const id = idIn(value)
  return id === undefined ? value : visit(relationTo, id)
}

/**
 * Returns a copy of `data` with every reference passed through `visit` (hasMany lists drop the references it
 * answers null for), and without join fields (computed on read, never stored).
 */
export function mapReferences(
  payload: Payload,
  data: Record<string, unknown>,
  fields: FlattenedField[],
  visit: RefVisitor,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...data }
  for (const field of fields) {
    if (!('name' in field) || !(field.name in out)) continue
    const value = out[field.name]
    switch (field.type) {
      case 'join':
        delete out[field.name]
        break
      case 'relationship':
      case 'upload': {
        if (Array.isArray(value)) {
          out[field.name] = value.map((v) => mapSingle(field.relationTo, v, visit)).filter((v) => v !== null)
        } else {
          out[field.name] = mapSingle(field.relationTo, value, visit)
        }
        break
      }
      case 'richText':
        out[field.name] = mapRichText(value, visit)
        break
      case 'group':
      case 'tab':
        if (value && typeof value === 'object' && !Array.isArray(value)) {
          out[field.name] = mapReferences(payload, value as Record<string, unknown>, field.flattenedFields, visit)
        }
        break
      case 'array':
        if (Array.isArray(value)) {
          out[field.name] = value.map((row) =>
            row && typeof row === 'object' ? mapReferences(payload, row as Record<string, unknown>, field.flattenedFields, visit) : row,
          )
        }
        break
      case 'blocks':
        if (Array.isArray(value)) {
          const blocks = blocksOf(field, payload)
          out[field.name] = value.map((row) => {
            const block = blocks.find((b) => b.slug === (row as { blockType?: unknown })?.blockType)
            return block && row && typeof row === 'object'
              ? mapReferences(payload, row as Record<string, unknown>, block.flattenedFields, visit)
              : row
          })
        }
        break
      default:
        break
    }
  }
  return out
}

/** Every collection a part's fields may point at (relationship and upload fields, at any depth). */
export function referencedCollections(payload: Payload, fields: FlattenedField[], into = new Set<string>()): Set<string> {
  for (const field of fields) {
    switch (field.type) {
      case 'relationship':
      case 'upload':
        for (const slug of Array.isArray(field.relationTo) ? field.relationTo : [field.relationTo]) into.add(slug)
        break
      case 'group':
      case 'tab':
      case 'array':
        referencedCollections(payload, field.flattenedFields, into)
        break
      case 'blocks':
        for (const block of blocksOf(field, payload)) referencedCollections(payload, block.flattenedFields, into)
        break
      default:
        break
    }
  }
  return into
}

/**
 * Parts in restore order: a collection after those it points at (Kahn's algorithm, config order among equals),
 * versions after all documents. Rich-text references are not in the graph (any collection may be linked from
 * an editor); the restore defers whatever is not written yet (see restore.ts), so the order is an optimisation
 * and cycles are harmless.
 */
export function restoreOrder(payload: Payload): Part[] {
  const collections = backedUpCollections(payload)
  const slugs: string[] = collections.map((c) => c.slug)
  const deps = new Map<string, string[]>(
    collections.map((c) => [
      c.slug,
      [...referencedCollections(payload, c.flattenedFields)].filter((s) => s !== c.slug && slugs.includes(s)),
    ]),
  )
  const ordered: string[] = []
  const remaining = new Set<string>(slugs)
  while (remaining.size) {
    const ready = slugs.find((s) => remaining.has(s) && deps.get(s)!.every((d: string) => !remaining.has(d)))
    // A cycle between collections: take the first remaining one; its forward references are deferred.
    const next = ready ?? slugs.find((s) => remaining.has(s))!
    ordered.push(next)
    remaining.delete(next)
  }
  return [
    ...ordered.map((collection) => ({ collection, kind: 'documents' as const })),
    ...ordered
      .filter((s) => Boolean(collectionOf(payload, s)?.config.versions))
      .map((collection) => ({ collection, kind: 'versions' as const })),
  ]
}

/** `joins: false` for a find over any collection: Payload types `joins` as `never` for a slug not known at compile time. */
export const NO_JOINS = false as never
