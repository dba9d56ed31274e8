import type { CollectionSlug, PayloadRequest, RelationshipFieldValidation, UploadFieldValidation } from 'payload'

import { relationship, upload } from 'payload/shared'

import { type Bilingual, pick } from '../i18n'
import { isDocumentId } from '../input/ids'

/**
 * A relationship must point at documents that exist. Payload checks only the form of the ids: on SQLite a missing
 * one then fails the foreign key (a 500), on MongoDB it is stored as a dangling reference.
 */

const idsOf = (value: unknown): unknown[] =>
  (Array.isArray(value) ? value : [value])
    .map((v) => (v && typeof v === 'object' ? ('value' in v ? (v as { value: unknown }).value : (v as { id?: unknown }).id) : v))
    .map((v) => (v && typeof v === 'object' && 'id' in v ? (v as { id: unknown }).id : v))
    .filter((v) => v !== null && v !== undefined && v !== '')

async function missing(req: PayloadRequest, relationTo: CollectionSlug, value: unknown): Promise<string[]> {
  const ids = [...new Set(idsOf(value).map(String))]
  if (!ids.length) return []
  const wellFormed = ids.filter((id) => isDocumentId(req.payload, id))
  const found = wellFormed.length
    ? (
        await req.payload.find({
          collection: relationTo,
          where: { id: { in: wellFormed } },
          depth: 0,
          limit: wellFormed.length,
          pagination: false,
          overrideAccess: true,
          req,
        })
      ).docs.map((d) => String(d.id))
    : []
  return ids.filter((id) => !found.includes(id))
}

const message = (req: PayloadRequest, noun: Bilingual, ids: string[]) => {
  const list = ids.slice(0, 5).join(', ') + (ids.length > 5 ? ' …' : '')
  return pick(req, { en: `[links] no ${noun.en} with id ${list} exists.`, zh: `【关联】${noun.zh}（${list}）不存在。` })
}

/** Payload's relationship check, then: every id names an existing `noun`. */
export const existingRelation =
  (noun: Bilingual): RelationshipFieldValidation =>
  async (value, options) => {
    const base = await relationship(value, options)
    if (base !== true || typeof options.relationTo !== 'string') return base
    const absent = await missing(options.req, options.relationTo as CollectionSlug, value)
    return absent.length ? message(options.req, noun, absent) : true
  }

/** The same for upload fields (attachments). */
export const existingUpload =
  (noun: Bilingual): UploadFieldValidation =>
  async (value, options) => {
    const base = await upload(value, options)
    if (base !== true || typeof options.relationTo !== 'string') return base
    const absent = await missing(options.req, options.relationTo as CollectionSlug, value)
    return absent.length ? message(options.req, noun, absent) : true
  }
