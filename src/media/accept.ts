import type { PayloadRequest } from 'payload'
import sharp from 'sharp'

import type { RuleDocument } from '../rules/errors'
import { maxImageBytes, maxImagePixels, maxVideoBytes, tileHeight } from './config'
import { type DerivativeSpec, POSTER_SPEC, type Rendered, renderDerivatives } from './derivatives'
import { formatBytes, mediaRefusal } from './rules'
import { type Sniffed, sniff } from './sniff'
import { rasteriseSvg, svgProblem } from './svg'
import { extractPosterFrame, probeVideo, type VideoProbe, withTempFile } from './video/probe'

/**
 * What an upload must be before anything is stored: the right type by content, within the size and pixel
 * limits, decodable to the last byte. Every refusal is a RuleViolation that names the file, the rule and the fix;
 * derivatives are rendered here too, from the same decode that proves the file whole.
 */

type Accepted = { ext: string; label: string; mime: string }

export const IMAGE_TYPES: Accepted[] = [
  { mime: 'image/png', ext: 'png', label: 'PNG' },
  { mime: 'image/jpeg', ext: 'jpg', label: 'JPEG' },
  { mime: 'image/webp', ext: 'webp', label: 'WebP' },
]

export const VIDEO_TYPES: Accepted[] = [
  { mime: 'video/mp4', ext: 'mp4', label: 'MP4' },
  { mime: 'video/webm', ext: 'webm', label: 'WebM' },
]

export type AcceptedImage = { bytes: Buffer; ext: string; height: number; mime: string; rendered: Rendered[]; width: number }
export type AcceptedVideo = { ext: string; mime: string; poster: Rendered[]; probe: VideoProbe }

export type Input = { bytes: Buffer; document: RuleDocument; name: string; req: PayloadRequest; size?: number }

const labels = (types: Accepted[]) => types.map((t) => t.label).join(', ')

function assertSize(req: PayloadRequest, { bytes, document, name, size }: Input, max: number, env: string) {
  const actual = size ?? bytes.length
  if (actual > max) {
    throw mediaRefusal(req, {
      status: 413,
      rule: 'media-file-size',
      message: {
        en: `“${name}” is ${formatBytes(actual)}, over the limit of ${formatBytes(max)}.`,
        zh: `文件“${name}”大小为 ${formatBytes(actual)}，超过上限 ${formatBytes(max)}。`,
      },
      hint: {
        en: `Compress it or split it, or ask the administrator to raise ${env}.`,
        zh: `请压缩或拆分后重新上传，或请管理员调整 ${env}。`,
      },
      document,
    })
  }
}

function wrongType(req: PayloadRequest, { document, name }: Input, sniffed: Sniffed, accepted: Accepted[]) {
  const what = sniffed ? sniffed.mime : 'unknown'
  return mediaRefusal(req, {
    status: 415,
    rule: 'media-file-type',
    message: {
      en: `“${name}” is ${sniffed ? what : 'of no recognisable type'} by its content; accepted: ${labels(accepted)}.`,
      zh: `按文件内容识别，“${name}”${sniffed ? `的类型为 ${what}` : '无法识别类型'}；仅接受 ${labels(accepted)}。`,
    },
    hint: {
      en: `Export it as ${labels(accepted)} (renaming the file does not change its type).`,
      zh: `请导出为 ${labels(accepted)} 格式后上传（仅修改扩展名不会改变文件类型）。`,
    },
    document,
  })
}

const corrupt = (req: PayloadRequest, { document, name }: Input, what: string) =>
  mediaRefusal(req, {
    status: 422,
    rule: 'media-file-corrupt',
    message: {
      en: `“${name}” cannot be decoded as ${what}: the file is damaged or truncated.`,
      zh: `文件“${name}”无法按 ${what} 解码：文件已损坏或不完整。`,
    },
    hint: { en: 'Export or download it again and upload the complete file.', zh: '请重新导出或下载完整文件后再上传。' },
    document,
  })

/** An image for `spec`: PNG, JPEG or WebP by content, or an SVG made safe by rasterising it to PNG. */
export async function acceptImage(input: Input, spec: DerivativeSpec): Promise<AcceptedImage> {
  const { req, document, name } = input
  assertSize(req, input, maxImageBytes(), 'MEDIA_MAX_IMAGE_MB')
  const maxPixels = maxImagePixels()
  let bytes = input.bytes
  let sniffed = await sniff(bytes)
  if (sniffed?.mime === 'image/svg+xml') {
    const problem = svgProblem(bytes.toString('utf8'))
    if (problem) {
      throw mediaRefusal(req, {
        status: 422,
        rule: 'media-svg-unsafe',
        message: {
          en: `SVG “${name}” contains ${problem.en} (line ${problem.line}).`,
          zh: `SVG 文件“${name}”第 ${problem.line} 行含有${problem.zh}。`,
        },
        hint: {
          en: 'SVG is accepted only as plain vector art (it is rasterised to PNG); remove scripts, handlers and external references, or export a PNG.',
          zh: 'SVG 仅接受纯矢量图形（系统将其转为 PNG 保存）；请删除脚本、事件和外部引用，或直接导出 PNG。',
        },
        document,
      })
    }
    assertPixels(input, await headerSize(input, bytes, 'SVG'), maxPixels)
    try {
      bytes = (await rasteriseSvg(bytes, { maxPixels, minWidth: 1080 })).png
    } catch {
      throw corrupt(req, input, 'SVG')
    }
    sniffed = { ext: 'png', mime: 'image/png' }
  }
  const type = IMAGE_TYPES.find((t) => t.mime === sniffed?.mime)
  if (!type) throw wrongType(req, input, sniffed, IMAGE_TYPES)
  assertNothingAppended(input, bytes, type)
  assertPixels(input, await headerSize(input, bytes, type.label), maxPixels)
  try {
    const { height, rendered, width } = await renderDerivatives(bytes, spec, { maxPixels, tileHeight: tileHeight() })
    return { bytes, ext: type.ext, mime: type.mime, rendered, width, height }
  } catch {
    throw corrupt(req, input, type.label)
  }
}

/**
 * Bytes after the image's own end: a PNG ends with its IEND chunk, a WebP where its RIFF header says. Decoders stop
 * there and accept the file, so an image with an HTML page, a script or a ZIP appended (a polyglot) would be
 * stored and served as it came. JPEG is left alone: phones append motion-photo video after the image.
 */
export function trailingBytes(bytes: Buffer, mime: string): number {
  if (mime === 'image/png') {
    for (let at = 8; at + 12 <= bytes.length; ) {
      const length = bytes.readUInt32BE(at)
      const type = bytes.toString('latin1', at + 4, at + 8)
      at += 12 + length
      if (type === 'IEND') return Math.max(0, bytes.length - at)
    }
    return 0 // no IEND: truncated, which decoding reports
  }
  if (mime === 'image/webp' && bytes.length >= 12) {
    const size = bytes.readUInt32LE(4)
    return Math.max(0, bytes.length - (8 + size + (size % 2)))
  }
  return 0
}

function assertNothingAppended(input: Input, bytes: Buffer, type: Accepted) {
  const extra = trailingBytes(bytes, type.mime)
  if (!extra) return
  throw mediaRefusal(input.req, {
    status: 422,
    rule: 'media-file-corrupt',
    message: {
      en: `“${input.name}” carries ${extra} more bytes after the end of its ${type.label} image (a file of two formats at once).`,
      zh: `文件“${input.name}”在 ${type.label} 图像结束后还附带 ${extra} 字节其他内容（同时属于两种格式的文件）。`,
    },
    hint: { en: 'Export the image again from the original and upload that file.', zh: '请从原图重新导出后上传。' },
    document: input.document,
  })
}

/**
 * The checks an image attachment (the `media` collection, stored by Payload itself) gets before Payload decodes
 * it for its sizes: the size limit, nothing appended, and the pixel limit read from the header.
 */
export async function assertImageWithinLimits(input: Input, mime: string): Promise<void> {
  const type = IMAGE_TYPES.find((t) => t.mime === mime)
  if (!type) return
  assertSize(input.req, input, maxImageBytes(), 'MEDIA_MAX_IMAGE_MB')
  assertNothingAppended(input, input.bytes, type)
  assertPixels(input, await headerSize(input, input.bytes, type.label), maxImagePixels())
}

/** Width and height from the header alone: a decompression bomb is refused before a single pixel is decoded. */
async function headerSize(input: Input, bytes: Buffer, what: string): Promise<{ height: number; width: number }> {
  try {
    // The header is read without the pixel limit so that the refusal can say how large the image claims to be.
    const meta = await sharp(bytes, { limitInputPixels: false }).metadata()
    if (!meta.width || !meta.height) throw new Error('no size')
    return { width: meta.width, height: meta.height }
  } catch {
    throw corrupt(input.req, input, what)
  }
}

function assertPixels(input: Input, { height, width }: { height: number; width: number }, maxPixels: number) {
  if (width * height <= maxPixels) return
  throw mediaRefusal(input.req, {
    status: 413,
    rule: 'media-pixel-limit',
    message: {
      en: `“${input.name}” declares ${width} × ${height} pixels (${(width * height / 1e6).toFixed(1)} million), over the limit of ${(maxPixels / 1e6).toFixed(1)} million.`,
      zh: `图片“${input.name}”尺寸为 ${width} × ${height} 像素（${(width * height / 1e6).toFixed(1)} 百万），超过上限 ${(maxPixels / 1e6).toFixed(1)} 百万像素。`,
    },
    hint: {
      en: 'Scale it down (1080 px wide is enough for the web) or split it into several images; the limit is MEDIA_MAX_PIXELS.',
      zh: '请缩小尺寸（网页使用 1080 像素宽即可）或拆分为多张图片；上限由 MEDIA_MAX_PIXELS 设定。',
    },
    document: input.document,
  })
}

/** An MP4 or WebM by content, probed by ffprobe, with a poster frame rendered from it. */
export async function acceptVideo(input: Input & { tempFilePath?: string }): Promise<AcceptedVideo> {
  const { req } = input
  assertSize(req, input, maxVideoBytes(), 'MEDIA_MAX_VIDEO_MB')
  const sniffed = await sniff(input.bytes)
  const type = VIDEO_TYPES.find((t) => t.mime === sniffed?.mime)
  if (!type) throw wrongType(req, input, sniffed, VIDEO_TYPES)
  return withTempFile(input.bytes, input.tempFilePath, async (file) => {
    const probe = await probeVideo(file)
    const container = type.mime === 'video/mp4' ? /mp4|mov/ : /webm|matroska/
    if (!probe || !container.test(probe.container)) throw corrupt(req, input, type.label)
    const frame = await extractPosterFrame(file, probe.duration)
    if (!frame) throw corrupt(req, input, type.label)
    const { rendered } = await renderDerivatives(frame, POSTER_SPEC, {
      maxPixels: maxImagePixels(),
      tileHeight: tileHeight(),
    }).catch(() => {
      throw corrupt(req, input, type.label)
    })
    return { ext: type.ext, mime: type.mime, probe, poster: rendered }
  })
}
