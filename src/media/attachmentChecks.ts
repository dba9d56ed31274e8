import type { CollectionBeforeOperationHook } from 'payload'

import { inflateSync } from 'node:zlib'

import { assertImageWithinLimits } from './accept'
import { formatBytes, mediaRefusal } from './rules'
import { sniff, uploadBytes } from './sniff'

/**
 * Attachments (the `media` collection: images, PDF, Word, Excel, OFD) are stored and served by Payload itself,
 * which checks their type by content. What it does not check, and these do before anything is stored: an image's
 * pixel count (a decompression bomb would be decoded for its sizes), active content in a PDF (scripts, launch
 * actions, embedded files), and how far a ZIP-based document (docx, xlsx, OFD) expands.
 */

/** Total size a ZIP-based document may expand to: Word and Excel files of government business stay far below. */
export const MAX_UNZIPPED_BYTES = 256 * 1024 * 1024

const ACTIVE_PDF_NAMES = /\/(JavaScript|JS|Launch|EmbeddedFiles?|RichMedia|SubmitForm|ImportData)(?![A-Za-z0-9])/

/**
 * The first PDF name that makes a document act rather than display, or null. Names may hide behind `#xx` escapes
 * (/J#61vaScript) or inside compressed object streams (PDF 1.5+), so both are undone first; other streams (page
 * content, images) are not inflated.
 */
export function pdfActiveContent(bytes: Buffer): null | string {
  const text = bytes.toString('latin1')
  const texts = [text]
  let budget = 32 * 1024 * 1024
  const streams = /stream\r?\n/g
  for (let m = streams.exec(text); m && budget > 0; m = streams.exec(text)) {
    const start = m.index + m[0].length
    const end = text.indexOf('endstream', start)
    if (end < 0) break
    const dictionary = text.slice(Math.max(0, m.index - 512), m.index)
    if (/\/ObjStm/.test(dictionary.slice(dictionary.lastIndexOf('obj')))) {
      try {
        const inflated = inflateSync(bytes.subarray(start, end), { maxOutputLength: budget })
        budget -= inflated.length
        texts.push(inflated.toString('latin1'))
      } catch {
        // Not Flate, damaged, or over the budget: an object stream nobody can read carries nothing readable either.
        budget = 0
      }
    }
    streams.lastIndex = end
  }
  for (const t of texts) {
    const match = ACTIVE_PDF_NAMES.exec(t.replace(/#([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))))
    if (match) return match[1]
  }
  return null
}

/** What a ZIP's central directory says its entries expand to (ZIP64 sizes count as unbounded). */
export function zipExpansion(bytes: Buffer): null | { entries: number; uncompressed: number } {
  let eocd = -1
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65557); i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      eocd = i
      break
    }
  }
  if (eocd < 0) return null
  const entries = bytes.readUInt16LE(eocd + 10)
  let at = bytes.readUInt32LE(eocd + 16)
  let uncompressed = 0
  for (let n = 0; n < entries && at + 46 <= bytes.length && bytes.readUInt32LE(at) === 0x02014b50; n++) {
    const size = bytes.readUInt32LE(at + 24)
    uncompressed += size === 0xffffffff ? Infinity : size
    at += 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32)
  }
  return { entries, uncompressed }
}

export const checkAttachmentFile: CollectionBeforeOperationHook<'media'> = async ({ args, collection, operation, req }) => {
  const file = req.file
  if (!file || (operation !== 'create' && operation !== 'update')) return args
  const bytes = await uploadBytes(file)
  const id = (args as { id?: number | string }).id
  const document = { collection: collection.slug, id }
  const input = { req, bytes, document, name: file.name, size: file.size }
  const sniffed = await sniff(bytes)
  if (sniffed?.mime.startsWith('image/')) await assertImageWithinLimits(input, sniffed.mime)
  if (sniffed?.mime === 'application/pdf') {
    const active = pdfActiveContent(bytes)
    if (active) {
      throw mediaRefusal(req, {
        status: 422,
        rule: 'media-active-content',
        message: {
          en: `PDF “${file.name}” contains active content (/${active}): scripts, launch actions or embedded files.`,
          zh: `PDF 文件“${file.name}”含有可执行内容（/${active}）：脚本、启动操作或嵌入文件。`,
        },
        hint: {
          en: 'Print it to a new PDF (or export it without forms and attachments) and upload that file.',
          zh: '请将其“打印”为新的 PDF（或导出为不含表单脚本和附件的 PDF）后再上传。',
        },
        document,
      })
    }
  }
  if (sniffed?.mime === 'application/zip' || sniffed?.mime.includes('officedocument') || sniffed?.mime === 'application/ofd') {
    const zip = zipExpansion(bytes)
    if (zip && zip.uncompressed > MAX_UNZIPPED_BYTES) {
      throw mediaRefusal(req, {
        status: 413,
        rule: 'media-file-size',
        message: {
          en: `“${file.name}” expands to ${Number.isFinite(zip.uncompressed) ? formatBytes(zip.uncompressed) : 'more than 4 GiB'} when opened, over the limit of ${formatBytes(MAX_UNZIPPED_BYTES)} (a compression bomb).`,
          zh: `文件“${file.name}”打开时将解压为 ${Number.isFinite(zip.uncompressed) ? formatBytes(zip.uncompressed) : '4 GiB 以上'}，超过上限 ${formatBytes(MAX_UNZIPPED_BYTES)}（压缩炸弹）。`,
        },
        hint: { en: 'Save the document again from Word or Excel and upload that file.', zh: '请用 Word 或 Excel 重新保存后上传。' },
        document,
      })
    }
  }
  return args
}
