import { createRequire } from 'node:module'
import path from 'node:path'

import { mediaDir, projectRoot } from '../paths'

/** Media limits and tools, read at call time so an operator (or a test) can change them without a rebuild. */

const MIB = 1024 * 1024

const positive = (name: string, fallback: number): number => {
  const raw = process.env[name]
  if (raw === undefined || raw.trim() === '') return fallback
  const value = Number(raw)
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(`${name} must be a positive number (got “${raw}”).`)
  }
  return value
}

/** Largest image accepted (bytes); MEDIA_MAX_IMAGE_MB, default 20 MiB. */
export const maxImageBytes = (): number => Math.floor(positive('MEDIA_MAX_IMAGE_MB', 20) * MIB)

/** Largest video accepted (bytes); MEDIA_MAX_VIDEO_MB, default 200 MiB. */
export const maxVideoBytes = (): number => Math.floor(positive('MEDIA_MAX_VIDEO_MB', 200) * MIB)

/**
 * Decompression-bomb guard: the most pixels an image may declare (MEDIA_MAX_PIXELS, default 40 million:
 * a 1080 × 37000 long image). Checked from the header before any decoding.
 */
export const maxImagePixels = (): number => Math.floor(positive('MEDIA_MAX_PIXELS', 40_000_000))

/** Height of the tiles a long image is cut into for lazy loading (MEDIA_TILE_HEIGHT, default 1200 px). */
export const tileHeight = (): number => Math.max(200, Math.floor(positive('MEDIA_TILE_HEIGHT', 1200)))

/** Hosts whose video pages may be linked instead of uploading (VIDEO_URL_HOSTS, comma-separated). */
export const DEFAULT_VIDEO_HOSTS = 'www.gov.cn,v.qq.com,www.bilibili.com,player.bilibili.com,v.cctv.com,tv.cctv.com'
export const videoUrlHosts = (): string[] =>
  (process.env.VIDEO_URL_HOSTS ?? DEFAULT_VIDEO_HOSTS)
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean)

/**
 * The multipart parser's own per-file ceiling must sit above every collection's limit, or it would cut uploads
 * off with a generic message before the collection can refuse them with its own.
 */
export const multipartFileLimit = (): number => Math.max(maxImageBytes(), maxVideoBytes()) + MIB

/** Where a collection's originals live (its upload staticDir) and where their derivatives go. */
export const originalsDir = (slug: string): string => path.join(mediaDir(), slug)
export const derivedDir = (slug: string): string => path.join(mediaDir(), slug, 'derived')

// A require rooted at the project, resolved at run time: bundlers must not try to inline the binary packages.
const requireFromRoot = createRequire(path.join(projectRoot, 'package.json'))

function binaryFromPackage(envName: string, pkg: string): string {
  const fromEnv = process.env[envName]
  if (fromEnv) return fromEnv
  const name = pkg // a variable, so bundlers leave the require alone
  return (requireFromRoot(name) as { path: string }).path
}

/** ffprobe from @ffprobe-installer/ffprobe (a binary inside a registry package); FFPROBE_PATH overrides. */
export const ffprobePath = (): string => binaryFromPackage('FFPROBE_PATH', '@ffprobe-installer/ffprobe')

/** ffmpeg from @ffmpeg-installer/ffmpeg, used for poster frames; FFMPEG_PATH overrides. */
export const ffmpegPath = (): string => binaryFromPackage('FFMPEG_PATH', '@ffmpeg-installer/ffmpeg')
