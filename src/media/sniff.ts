import { fileTypeFromBuffer } from 'file-type'
import fs from 'node:fs/promises'
import type { PayloadRequest } from 'payload'

export type UploadedFile = NonNullable<PayloadRequest['file']>

/** The uploaded bytes, whether the multipart parser kept them in memory or in a temp file. */
export async function uploadBytes(file: UploadedFile): Promise<Buffer> {
  if (file.data?.length) return file.data
  if (file.tempFilePath) return fs.readFile(file.tempFilePath)
  return Buffer.alloc(0)
}

export type Sniffed = { ext: string; mime: string } | { ext: 'svg'; mime: 'image/svg+xml' } | null

/**
 * What the file is by its content, never by its name or the client's claim. SVG is text, so magic numbers
 * cannot see it: a document whose first element is <svg> counts as SVG whatever it is called.
 */
export async function sniff(bytes: Buffer): Promise<Sniffed> {
  const detected = await fileTypeFromBuffer(bytes).catch(() => undefined)
  if (detected && detected.mime !== 'application/xml') return { ext: detected.ext, mime: detected.mime }
  if (looksLikeSvg(bytes)) return { ext: 'svg', mime: 'image/svg+xml' }
  return detected ? { ext: detected.ext, mime: detected.mime } : null
}

export function looksLikeSvg(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 4096).toString('utf8').replace(/^\uFEFF/, '').trimStart()
  return head.startsWith('<') && /<svg[\s>/]/i.test(head)
}

/** A file name safe on every filesystem and in URLs, with the extension the content says it has. */
export function safeStem(name: string): string {
  const stem = name.replace(/\.[^.]*$/, '')
  const cleaned = stem
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}_-]+/gu, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80)
  return cleaned || 'file'
}
