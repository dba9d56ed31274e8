import { createHash } from 'node:crypto'
import { createReadStream, createWriteStream } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import { pipeline } from 'node:stream/promises'

export type Hashed = { bytes: number; sha256: string }

export async function hashFile(file: string): Promise<Hashed> {
  const hash = createHash('sha256')
  let bytes = 0
  for await (const chunk of createReadStream(file)) {
    hash.update(chunk as Buffer)
    bytes += (chunk as Buffer).length
  }
  return { bytes, sha256: hash.digest('hex') }
}

/** Copies `from` to `to` (creating directories), hashing the bytes as they pass; the copy is renamed into place. */
export async function copyHashed(from: string, to: string): Promise<Hashed> {
  return writeHashed(createReadStream(from), to)
}

/** Writes a stream to `to` (creating directories), hashing the bytes as they pass; renamed into place when complete. */
export async function writeHashed(source: AsyncIterable<Buffer> & NodeJS.ReadableStream, to: string): Promise<Hashed> {
  await fs.mkdir(path.dirname(to), { recursive: true })
  const hash = createHash('sha256')
  let bytes = 0
  const partial = `${to}.partial-${process.pid}`
  try {
    await pipeline(
      source,
      async function* (source: AsyncIterable<Buffer>) {
        for await (const chunk of source) {
          hash.update(chunk)
          bytes += chunk.length
          yield chunk
        }
      },
      createWriteStream(partial, { flags: 'wx' }),
    )
    await fs.rename(partial, to)
  } catch (error) {
    await fs.rm(partial, { force: true })
    throw error
  }
  return { bytes, sha256: hash.digest('hex') }
}

/** Every regular file under `root`, as sorted forward-slash paths relative to it (an absent root has none). */
export async function listFiles(root: string): Promise<string[]> {
  const out: string[] = []
  async function walk(dir: string, prefix: string): Promise<void> {
    let entries
    try {
      entries = await fs.readdir(dir, { withFileTypes: true })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return
      throw error
    }
    for (const entry of entries) {
      const rel = prefix ? `${prefix}/${entry.name}` : entry.name
      if (entry.isDirectory()) await walk(path.join(dir, entry.name), rel)
      else if (entry.isFile()) out.push(rel)
    }
  }
  await walk(root, '')
  return out.sort()
}

/** A manifest path must stay inside its directory: no absolute paths, no `..`, forward slashes only. */
export function safeRelative(rel: string): boolean {
  if (!rel || rel.includes('\\') || rel.includes('\0') || path.posix.isAbsolute(rel)) return false
  return rel.split('/').every((part) => part !== '' && part !== '.' && part !== '..')
}

export const exists = async (file: string): Promise<boolean> =>
  fs.stat(file).then(
    () => true,
    () => false,
  )
