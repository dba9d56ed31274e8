/**
 * A throw-away single-node OpenSearch 2.19.6 on 127.0.0.1 (TestNode.java), for tests, benchmarks and
 * `npm run opensearch`. The launcher and its jars are built once by build.sh and cached under a hash of the sources.
 *
 *   const node = await startOpenSearch()          // free port, temp data dir, -Xmx512m
 *   node.url                                      // http://127.0.0.1:PORT
 *   await node.stop(); await node.start()         // same port and data: an outage and a restart
 *   await node.close()                            // stops it and removes its data dir
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const HERE = path.dirname(fileURLToPath(import.meta.url))
const BUILD_TIMEOUT_MS = 10 * 60_000
const READY_TIMEOUT_MS = 240_000
const STOP_GRACE_MS = 15_000

let built: Promise<string> | undefined

/** The cache directory of the built launcher (build.sh answers at once when its cache matches the sources). */
export function ensureOpenSearchBuild(): Promise<string> {
  built ??= new Promise<string>((resolve, reject) => {
    const child = spawn('bash', [path.join(HERE, 'build.sh')], { stdio: ['ignore', 'pipe', 'inherit'] })
    let stdout = ''
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    const timer = setTimeout(() => child.kill('SIGKILL'), BUILD_TIMEOUT_MS)
    child.on('error', reject)
    // 'close', not 'exit': exit can come before the last stdout chunk is read (seen under load: an empty path, exit 0).
    child.on('close', (code) => {
      clearTimeout(timer)
      const dir = stdout.trim().split('\n').pop()
      if (code === 0 && dir) resolve(dir)
      else reject(new Error(`scripts/opensearch/build.sh failed (exit ${code}); it needs Java 17 and Maven`))
    })
  })
  return built
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

export type OpenSearchNode = {
  close: () => Promise<void>
  dataDir: string
  readonly pid: number | undefined
  port: number
  /** Starts it again on the same port and data after `stop()`; resolves when the cluster is usable. */
  start: () => Promise<void>
  stop: () => Promise<void>
  url: string
}

export async function startOpenSearch(
  options: { dataDir?: string; heap?: string; log?: (line: string) => void; port?: number } = {},
): Promise<OpenSearchNode> {
  const dir = await ensureOpenSearchBuild()
  const port = options.port ?? (await freePort())
  const ownData = !options.dataDir
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'opensearch-'))
  const url = `http://127.0.0.1:${port}`
  let child: ChildProcess | undefined

  const start = async () => {
    const stderr: string[] = []
    child = spawn(
      'java',
      [
        `-Xms${options.heap ?? '512m'}`,
        `-Xmx${options.heap ?? '512m'}`,
        '-XX:+UseSerialGC',
        `-Dlog4j.configurationFile=${path.join(dir, 'log4j2.properties')}`,
        `-Djava.io.tmpdir=${dataDir}`,
        '-cp',
        `${path.join(dir, 'lib', '*')}${path.delimiter}${path.join(dir, 'launcher.jar')}`,
        'cms.TestNode',
        String(port),
        dataDir,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    )
    const proc = child
    proc.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      stderr.push(chunk)
      if (stderr.length > 200) stderr.shift()
      options.log?.(chunk)
    })
    proc.stdout!.resume()
    const exited = new Promise<never>((_, reject) =>
      proc.once('exit', (code) => reject(new Error(`OpenSearch exited (${code}) before it was ready:\n${stderr.join('').slice(-3000)}`))),
    )
    const deadline = Date.now() + READY_TIMEOUT_MS
    const healthy = (async () => {
      for (;;) {
        if (Date.now() > deadline) {
          proc.kill('SIGKILL')
          throw new Error(`OpenSearch on ${url} not ready after ${READY_TIMEOUT_MS / 1000} s:\n${stderr.join('').slice(-3000)}`)
        }
        try {
          const res = await fetch(`${url}/_cluster/health?wait_for_status=yellow&timeout=1s`, { signal: AbortSignal.timeout(3000) })
          if (res.ok) return
        } catch {
          /* not listening yet */
        }
        await new Promise((resolve) => setTimeout(resolve, 250))
      }
    })()
    await Promise.race([healthy, exited])
    proc.removeAllListeners('exit')
  }

  const stop = async () => {
    const proc = child
    child = undefined
    if (!proc || proc.exitCode !== null) return
    const gone = new Promise<void>((resolve) => proc.once('exit', () => resolve()))
    proc.kill('SIGTERM')
    const timer = setTimeout(() => proc.kill('SIGKILL'), STOP_GRACE_MS)
    await gone
    clearTimeout(timer)
  }

  await start()
  return {
    url,
    port,
    dataDir,
    get pid() {
      return child?.pid
    },
    start,
    stop,
    close: async () => {
      await stop()
      if (ownData) rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
