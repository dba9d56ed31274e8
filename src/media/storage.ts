import { randomBytes } from 'node:crypto'
import path from 'node:path'
import type { Payload, PayloadRequest } from 'payload'

import { fileStoreOf } from '../storage/fileStore'
import type { DerivativeFormat, DerivativeKind, Rendered } from './derivatives'
import { safeStem } from './sniff'

/** One stored derivative as the API shows it: what it is, its size in pixels and bytes, and where to get it. */
export type DerivativeRow = {
  filename: string
  filesize: number
  /** A DerivativeFormat when written; read back as the text the database holds. */
  format: string
  height: number
  index?: null | number
  kind: DerivativeKind
  mimeType: string
  /** Which attachment it belongs to (a photo's key, `poster`); empty for an infographic's own image. */
  ref?: null | string
  url: string
  width: number
}

/** A file to write: its key in the file store (src/storage/fileStore.ts) and bytes. */
export type PendingFile = { buffer: Buffer; contentType: string; key: string }

/** Where a media member collection's originals live in the file store (its staticDir is media/<slug>). */
export const originalKey = (slug: string, filename: string): string => `${slug}/${path.basename(filename)}`

/** Where a collection's derivatives live in the file store (media/<slug>/derived/ locally). */
export const derivedKey = (slug: string, filename: string): string => `${slug}/derived/${path.basename(filename)}`

export const MIME_OF: Record<DerivativeFormat, string> = { avif: 'image/avif', jpeg: 'image/jpeg', webp: 'image/webp' }
const EXT_OF: Record<DerivativeFormat, string> = { avif: 'avif', jpeg: 'jpg', webp: 'webp' }

/** Derivatives are served by their collection's own endpoint, with the collection's read access. */
export const derivedUrl = (slug: string, filename: string): string =>
  `${process.env.SERVER_URL || ''}/api/${slug}/derived/${encodeURIComponent(filename)}`

/**
 * Names rendered derivatives (a random token per batch, so a replaced image never collides with or
 * overwrites the files of another) and lays out the files to write.
 */
export function nameRendered(
  slug: string,
  baseName: string,
  rendered: Rendered[],
  ref?: string,
): { files: PendingFile[]; rows: DerivativeRow[] } {
  const token = randomBytes(4).toString('hex')
  const stem = `${safeStem(baseName).slice(0, 48)}-${token}`
  const files: PendingFile[] = []
  const rows = rendered.map((r) => {
    const filename = `${stem}-${r.label}.${EXT_OF[r.format]}`
    files.push({ buffer: r.buffer, contentType: MIME_OF[r.format], key: derivedKey(slug, filename) })
    return {
      kind: r.kind,
      format: r.format,
      mimeType: MIME_OF[r.format],
      width: r.width,
      height: r.height,
      filesize: r.buffer.length,
      filename,
      url: derivedUrl(slug, filename),
      index: r.index ?? null,
      ref: ref ?? null,
    }
  })
  return { files, rows }
}

/** Writes every file or none: on a failure the ones already written are removed before rethrowing. */
export async function writeAll(payload: Payload, files: PendingFile[]): Promise<void> {
  const store = fileStoreOf(payload)
  const written: string[] = []
  try {
    for (const file of files) {
      await store.put(file.key, file.buffer, { contentType: file.contentType, exclusive: true })
      written.push(file.key)
    }
  } catch (error) {
    await removeAll(payload, written)
    throw error
  }
}

export async function removeAll(payload: Payload, keys: string[]): Promise<void> {
  if (keys.length) await fileStoreOf(payload).remove(keys)
}

export const derivedKeys = (slug: string, rows: null | undefined | { filename?: null | string }[]): string[] =>
  (rows ?? []).flatMap((r) => (r.filename ? [derivedKey(slug, r.filename)] : []))

// ---------------------------------------------------------------------------------------------------------------
// Files rendered during an operation wait in req.context until the document is saved (see uploadHooks.ts).
// ---------------------------------------------------------------------------------------------------------------

type Pending = Record<string, PendingFile[]>
const PENDING = 'mediaPendingFiles' as const
const WRITTEN = 'mediaWrittenFiles' as const

const pendingOf = (req: PayloadRequest): Pending => (req.context[PENDING] ??= {})

export const stashPending = (req: PayloadRequest, key: string, files: PendingFile[]) => {
  pendingOf(req)[key] = files
}

export const takePending = (req: PayloadRequest, key: string): PendingFile[] => {
  const pending = pendingOf(req)
  const files = pending[key] ?? []
  delete pending[key]
  return files
}

/** Remembers files written during this request, so a later failure in the same request can remove them. */
export const recordWritten = (req: PayloadRequest, keys: string[]) => {
  (req.context[WRITTEN] ??= []).push(...keys)
}

export const writtenDuring = (req: PayloadRequest): string[] => req.context[WRITTEN] ?? []
