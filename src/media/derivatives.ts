import sharp, { type Sharp } from 'sharp'

/**
 * Web derivatives of an image, made from one decode. An infographic gets WebP and AVIF at a few widths, a
 * thumbnail, a share card and — when it is a long image — tiles of bounded height that a phone loads one by
 * one. Video posters and interview photos get a smaller set. The sets are data (below) so the benchmark and
 * the API documentation read the same numbers the pipeline uses.
 */

export type DerivativeKind = 'photo' | 'poster' | 'share' | 'thumbnail' | 'tile' | 'variant'
export type DerivativeFormat = 'avif' | 'jpeg' | 'webp'

export type DerivativeSpec = {
  /** Full-height copies at these widths (never enlarged; the source width is added when it is smaller). */
  widths: number[]
  formats: DerivativeFormat[]
  /** The kind recorded for the full-height copies. */
  variantKind: 'photo' | 'poster' | 'variant'
  thumbnail?: { height: number; width: number }
  /** Open Graph / WeChat share card (JPEG: chat apps handle it everywhere). */
  share?: { height: number; width: number }
  /** Tiles for images taller than `minRatio` × their width. */
  tiles?: { formats: DerivativeFormat[]; maxWidth: number; minRatio: number }
}

export const INFOGRAPHIC_SPEC: DerivativeSpec = {
  widths: [480, 1080],
  formats: ['webp', 'avif'],
  variantKind: 'variant',
  thumbnail: { width: 320, height: 320 },
  share: { width: 1200, height: 630 },
  tiles: { formats: ['webp', 'avif'], maxWidth: 1080, minRatio: 2 },
}

export const PHOTO_SPEC: DerivativeSpec = {
  widths: [640, 1280],
  formats: ['webp', 'jpeg'],
  variantKind: 'photo',
  thumbnail: { width: 320, height: 320 },
}

export const POSTER_SPEC: DerivativeSpec = { ...PHOTO_SPEC, variantKind: 'poster', share: { width: 1200, height: 630 } }

/** Encoder settings. AVIF effort 2: effort 4 (the default) takes ~6× longer on a long image for ~10% less. */
export const ENCODE = {
  webp: { quality: 80, effort: 4 },
  avif: { quality: 55, effort: 2 },
  jpeg: { quality: 82, mozjpeg: true },
} as const

/** WebP and HEIF/AVIF cannot encode a side longer than this; taller full-height copies are left to the tiles. */
export const MAX_ENCODED_SIDE = 16383

export type Rendered = {
  buffer: Buffer
  format: DerivativeFormat
  height: number
  /** Tile position from the top, 0-based. */
  index?: number
  kind: DerivativeKind
  /** Part of the file name: w480, tile-03, thumb, share. */
  label: string
  width: number
}

type Job = () => Promise<Rendered>

const encode = (pipeline: Sharp, format: DerivativeFormat): Sharp =>
  format === 'avif' ? pipeline.avif(ENCODE.avif) : format === 'webp' ? pipeline.webp(ENCODE.webp) : pipeline.flatten({ background: '#ffffff' }).jpeg(ENCODE.jpeg)

/** The widths actually made for a source `width` wide: the configured ones it covers, plus its own if smaller. */
export function variantWidths(spec: Pick<DerivativeSpec, 'widths'>, width: number): number[] {
  const widths = spec.widths.filter((w) => w <= width)
  if (width < Math.max(...spec.widths) && !widths.includes(width)) widths.push(width)
  return widths.sort((a, b) => a - b)
}

/** Equal tiles no taller than `maxHeight` (no sliver at the bottom). */
export function tileBands(height: number, maxHeight: number): { height: number; top: number }[] {
  const count = Math.max(1, Math.ceil(height / maxHeight))
  const each = Math.ceil(height / count)
  return Array.from({ length: count }, (_, i) => ({ top: i * each, height: Math.min(each, height - i * each) })).filter(
    (b) => b.height > 0,
  )
}

export const isLongImage = (spec: DerivativeSpec, width: number, height: number): boolean =>
  Boolean(spec.tiles) && height > width * (spec.tiles?.minRatio ?? Infinity)

/**
 * Decodes `input` once (refusing truncated or corrupt data: failOn 'error') and renders every derivative of
 * `spec` from the decoded pixels, two encoders at a time (the machine has two cores).
 */
export async function renderDerivatives(
  input: Buffer,
  spec: DerivativeSpec,
  { maxPixels, tileHeight }: { maxPixels: number; tileHeight: number },
): Promise<{ height: number; rendered: Rendered[]; width: number }> {
  const { data, info } = await sharp(input, { failOn: 'error', limitInputPixels: maxPixels })
    .rotate()
    .toColourspace('srgb')
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true })
  const { width: W, height: H, channels } = info
  const source = () => sharp(data, { raw: { width: W, height: H, channels } })
  const jobs: Job[] = []

  for (const w of variantWidths(spec, W)) {
    const h = Math.round((H * w) / W)
    for (const format of spec.formats) {
      if (format !== 'jpeg' && h > MAX_ENCODED_SIDE) continue
      jobs.push(async () => {
        const out = await encode(source().resize(w, h), format).toBuffer({ resolveWithObject: true })
        return { buffer: out.data, format, width: out.info.width, height: out.info.height, kind: spec.variantKind, label: `w${w}` }
      })
    }
  }
  if (spec.thumbnail) {
    const { width, height } = spec.thumbnail
    jobs.push(async () => {
      const out = await encode(source().resize(width, height, { fit: 'cover', position: 'top', withoutEnlargement: true }), 'webp').toBuffer({
        resolveWithObject: true,
      })
      return { buffer: out.data, format: 'webp', width: out.info.width, height: out.info.height, kind: 'thumbnail', label: 'thumb' }
    })
  }
  if (spec.share) {
    const { width, height } = spec.share
    jobs.push(async () => {
      const out = await encode(source().resize(width, height, { fit: 'cover', position: 'top' }), 'jpeg').toBuffer({ resolveWithObject: true })
      return { buffer: out.data, format: 'jpeg', width: out.info.width, height: out.info.height, kind: 'share', label: 'share' }
    })
  }
  if (spec.tiles && isLongImage(spec, W, H)) {
    const tw = Math.min(W, spec.tiles.maxWidth)
    const th = Math.round((H * tw) / W)
    // Resize once to the tile width, then cut bands out of those pixels.
    const strip =
      tw === W ? { data, info: { width: W, height: H, channels } } : await source().resize(tw, th).raw().toBuffer({ resolveWithObject: true })
    const stripSource = () => sharp(strip.data, { raw: { width: strip.info.width, height: strip.info.height, channels: strip.info.channels } })
    tileBands(strip.info.height, tileHeight).forEach((band, index) => {
      for (const format of spec.tiles!.formats) {
        jobs.push(async () => {
          const out = await encode(stripSource().extract({ left: 0, top: band.top, width: strip.info.width, height: band.height }), format).toBuffer({
            resolveWithObject: true,
          })
          const label = `tile-${String(index + 1).padStart(2, '0')}`
          return { buffer: out.data, format, width: out.info.width, height: out.info.height, kind: 'tile', index, label }
        })
      }
    })
  }
  return { width: W, height: H, rendered: await runPool(jobs, 2) }
}

async function runPool<T>(jobs: (() => Promise<T>)[], size: number): Promise<T[]> {
  const results: T[] = new Array(jobs.length)
  let next = 0
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++
      results[i] = await jobs[i]()
    }
  }
  await Promise.all(Array.from({ length: Math.min(size, jobs.length) }, worker))
  return results
}
