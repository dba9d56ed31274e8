import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'

/**
 * Reads an NDJSON file line by line, hashing its exact bytes on the way: `sha256`/`bytes` are final once the
 * iteration has ended.
 */
export async function* readNdjson(file: string, totals: { bytes: number; sha256?: string } = { bytes: 0 }): AsyncGenerator<string> {
  const hash = createHash('sha256')
  let rest = ''
  const decoder = new TextDecoder('utf-8', { fatal: true })
  for await (const chunk of createReadStream(file)) {
    const buffer = chunk as Buffer
    hash.update(buffer)
    totals.bytes += buffer.length
    const text = rest + decoder.decode(buffer, { stream: true })
    const lines = text.split('\n')
    rest = lines.pop() ?? ''
    for (const line of lines) if (line) yield line
  }
  rest += decoder.decode()
  if (rest) yield rest
  totals.sha256 = hash.digest('hex')
}
