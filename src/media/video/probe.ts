import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'

import { ffmpegPath, ffprobePath } from '../config'

const run = promisify(execFile)

export type VideoProbe = {
  audioCodec: null | string
  /** ffprobe's format name, e.g. `mov,mp4,m4a,3gp,3g2,mj2` or `matroska,webm`. */
  container: string
  /** Seconds. */
  duration: number
  height: number
  videoCodec: string
  width: number
}

/** The uploaded video as a file on disk: ffprobe and ffmpeg need to seek (an MP4's index may sit at the end). */
export async function withTempFile<T>(bytes: Buffer, existing: string | undefined, fn: (file: string) => Promise<T>): Promise<T> {
  if (existing) return fn(existing)
  const file = path.join(os.tmpdir(), `cms-video-${randomBytes(6).toString('hex')}`)
  await fs.writeFile(file, bytes)
  try {
    return await fn(file)
  } finally {
    await fs.rm(file, { force: true })
  }
}

/** Duration, resolution and codecs by ffprobe; null when the file is not a readable video. */
export async function probeVideo(file: string): Promise<null | VideoProbe> {
  try {
    const { stdout } = await run(ffprobePath(), ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', file], {
      timeout: 30_000,
      maxBuffer: 4 * 1024 * 1024,
    })
    const info = JSON.parse(stdout) as {
      format?: { duration?: string; format_name?: string }
      streams?: { codec_name?: string; codec_type?: string; duration?: string; height?: number; width?: number }[]
    }
    const video = info.streams?.find((s) => s.codec_type === 'video' && s.width && s.height)
    if (!video?.codec_name) return null
    const duration = Number(info.format?.duration ?? video.duration)
    if (!Number.isFinite(duration) || duration <= 0) return null
    return {
      container: info.format?.format_name ?? '',
      duration: Math.round(duration * 1000) / 1000,
      width: video.width!,
      height: video.height!,
      videoCodec: video.codec_name,
      audioCodec: info.streams?.find((s) => s.codec_type === 'audio')?.codec_name ?? null,
    }
  } catch {
    return null
  }
}

/** One frame as PNG, a second in (or a third of the way into a shorter clip); null when none decodes. */
export async function extractPosterFrame(file: string, duration: number): Promise<Buffer | null> {
  const at = duration > 3 ? 1 : duration / 3
  try {
    const { stdout } = await run(
      ffmpegPath(),
      ['-v', 'error', '-ss', at.toFixed(3), '-i', file, '-frames:v', '1', '-f', 'image2pipe', '-c:v', 'png', 'pipe:1'],
      { encoding: 'buffer', timeout: 30_000, maxBuffer: 64 * 1024 * 1024 },
    )
    return stdout.length ? stdout : null
  } catch {
    return null
  }
}
