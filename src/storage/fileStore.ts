/**
 * One storage interface for every file the system keeps: upload originals and their image sizes (written by
 * Payload, or by @payloadcms/storage-s3), and the media pipeline's derivatives, tiles, posters and photos
 * (src/media/storage.ts). Keys are forward-slash paths under the media root (`infographics/derived/x.webp`,
 * `report.pdf`), so both backends hold the same layout: `MEDIA_DIR/<key>` locally, `<S3_PREFIX><key>` in the
 * bucket.
 *
 * No backend is ever read anonymously: files are served by the API with the read access of their record.
 */
import { createReadStream } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import type { Readable } from 'node:stream'

import {
  CopyObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3'
import type { Payload } from 'payload'

import type { S3Settings } from './settings'

export interface FileStore {
  readonly backend: 'local' | 's3'
  /** For messages: a directory or `s3://bucket/prefix`. */
  readonly location: string
  /** `exclusive`: refuse to replace an existing file (local only; S3 keys carry random tokens instead). */
  put(key: string, body: Buffer, options?: { contentType?: string; exclusive?: boolean }): Promise<void>
  /** The bytes, or null when there is no such file. */
  get(key: string): Promise<Buffer | null>
  /** A stream of the bytes (large files: backups), or null. */
  stream(key: string): Promise<null | Readable>
  exists(key: string): Promise<boolean>
  /** Removes each key; absent ones are fine. */
  remove(keys: string[]): Promise<void>
  /** Copies `from` to `to`; false when `from` does not exist. */
  copy(from: string, to: string): Promise<boolean>
  /** Every key, sorted. */
  list(): Promise<string[]>
}

/** A key must stay inside the store: no absolute paths, no `.` or `..`, forward slashes only. */
export function safeKey(key: string): boolean {
  if (!key || key.includes('\\') || key.includes('\0') || key.startsWith('/')) return false
  return key.split('/').every((part) => part !== '' && part !== '.' && part !== '..')
}

function checked(key: string): string {
  if (!safeKey(key)) throw new Error(`not a storage key: “${key}”`)
  return key
}

const notFound = (error: unknown) => (error as NodeJS.ErrnoException)?.code === 'ENOENT'

export class LocalFileStore implements FileStore {
  readonly backend = 'local' as const
  constructor(readonly root: string) {}
  get location() {
    return this.root
  }
  private file(key: string) {
    return path.join(this.root, ...checked(key).split('/'))
  }
  async put(key: string, body: Buffer, options: { exclusive?: boolean } = {}) {
    const file = this.file(key)
    await fs.mkdir(path.dirname(file), { recursive: true })
    await fs.writeFile(file, body, { flag: options.exclusive ? 'wx' : 'w' })
  }
  async get(key: string) {
    return fs.readFile(this.file(key)).catch((error: unknown) => {
      if (notFound(error) || (error as NodeJS.ErrnoException).code === 'EISDIR') return null
      throw error
    })
  }
  async stream(key: string) {
    const file = this.file(key)
    return (await this.exists(key)) ? createReadStream(file) : null
  }
  async exists(key: string) {
    return fs.stat(this.file(key)).then(
      (s) => s.isFile(),
      () => false,
    )
  }
  async remove(keys: string[]) {
    await Promise.all(keys.map((key) => fs.rm(this.file(key), { force: true })))
  }
  async copy(from: string, to: string) {
    const target = this.file(to)
    await fs.mkdir(path.dirname(target), { recursive: true })
    // A hard link where possible: instant and no extra space, like a copy for our purpose (files are never edited in place).
    return fs.link(this.file(from), target).then(
      () => true,
      (error: unknown) => {
        if (notFound(error)) return false
        return fs.copyFile(this.file(from), target).then(() => true)
      },
    )
  }
  async list() {
    const out: string[] = []
    const walk = async (dir: string, prefix: string): Promise<void> => {
      const entries = await fs.readdir(dir, { withFileTypes: true }).catch((error: unknown) => {
        if (notFound(error)) return []
        throw error
      })
      for (const entry of entries) {
        const rel = prefix ? `${prefix}/${entry.name}` : entry.name
        if (entry.isDirectory()) await walk(path.join(dir, entry.name), rel)
        else if (entry.isFile()) out.push(rel)
      }
    }
    await walk(this.root, '')
    return out.sort()
  }
}

const isMissing = (error: unknown) => {
  const e = error as { $metadata?: { httpStatusCode?: number }; name?: string }
  return e?.name === 'NoSuchKey' || e?.name === 'NotFound' || e?.$metadata?.httpStatusCode === 404
}

export class S3FileStore implements FileStore {
  readonly backend = 's3' as const
  readonly client: S3Client
  constructor(readonly settings: S3Settings) {
    this.client = s3Client(settings)
  }
  get location() {
    return `s3://${this.settings.bucket}/${this.settings.prefix}`
  }
  private key(key: string) {
    return `${this.settings.prefix}${checked(key)}`
  }
  async put(key: string, body: Buffer, options: { contentType?: string } = {}) {
    await this.client.send(
      new PutObjectCommand({ Bucket: this.settings.bucket, Key: this.key(key), Body: body, ContentType: options.contentType }),
    )
  }
  async get(key: string) {
    try {
      const res = await this.client.send(new GetObjectCommand({ Bucket: this.settings.bucket, Key: this.key(key) }))
      return Buffer.from(await res.Body!.transformToByteArray())
    } catch (error) {
      if (isMissing(error)) return null
      throw error
    }
  }
  async stream(key: string) {
    try {
      const res = await this.client.send(new GetObjectCommand({ Bucket: this.settings.bucket, Key: this.key(key) }))
      return res.Body as Readable
    } catch (error) {
      if (isMissing(error)) return null
      throw error
    }
  }
  async exists(key: string) {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.settings.bucket, Key: this.key(key) }))
      return true
    } catch (error) {
      if (isMissing(error)) return false
      throw error
    }
  }
  async remove(keys: string[]) {
    for (let i = 0; i < keys.length; i += 1000) {
      const batch = keys.slice(i, i + 1000)
      if (!batch.length) continue
      await this.client.send(
        new DeleteObjectsCommand({
          Bucket: this.settings.bucket,
          Delete: { Objects: batch.map((k) => ({ Key: this.key(k) })), Quiet: true },
        }),
      )
    }
  }
  async copy(from: string, to: string) {
    try {
      const source = `${this.settings.bucket}/${this.key(from).split('/').map(encodeURIComponent).join('/')}`
      await this.client.send(new CopyObjectCommand({ Bucket: this.settings.bucket, Key: this.key(to), CopySource: source }))
      return true
    } catch (error) {
      if (isMissing(error)) return false
      throw error
    }
  }
  async list() {
    const out: string[] = []
    let token: string | undefined
    do {
      const res = await this.client.send(
        new ListObjectsV2Command({ Bucket: this.settings.bucket, Prefix: this.settings.prefix || undefined, ContinuationToken: token }),
      )
      for (const item of res.Contents ?? []) if (item.Key && !item.Key.endsWith('/')) out.push(item.Key.slice(this.settings.prefix.length))
      token = res.IsTruncated ? res.NextContinuationToken : undefined
    } while (token)
    return out.sort()
  }
}

/** The client both our store and the upload adapter's configuration are built from. */
export const s3ClientConfig = (settings: S3Settings) => ({
  region: settings.region,
  forcePathStyle: settings.forcePathStyle,
  ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
  ...(settings.credentials ? { credentials: settings.credentials } : {}),
})

export const s3Client = (settings: S3Settings) => new S3Client(s3ClientConfig(settings))

export function createFileStore(settings: null | S3Settings, mediaRoot: string): FileStore {
  return settings ? new S3FileStore(settings) : new LocalFileStore(mediaRoot)
}

/** The store this Payload instance was configured with (buildAppConfig puts it in config.custom). */
export function fileStoreOf(payload: Payload): FileStore {
  const store = (payload.config.custom as { fileStore?: FileStore } | undefined)?.fileStore
  if (!store) throw new Error('no file store in the Payload config (built without buildAppConfig?)')
  return store
}

const TYPES: Record<string, string> = {
  avif: 'image/avif',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  jpeg: 'image/jpeg',
  jpg: 'image/jpeg',
  mp4: 'video/mp4',
  ofd: 'application/ofd',
  pdf: 'application/pdf',
  png: 'image/png',
  vtt: 'text/vtt',
  webm: 'video/webm',
  webp: 'image/webp',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
}

/** The content type of a stored file by its extension, for writes that have no upload to take it from (restore). */
export const contentTypeOf = (key: string): string => TYPES[key.slice(key.lastIndexOf('.') + 1).toLowerCase()] ?? 'application/octet-stream'
