/**
 * Starts a throw-away MongoDB-wire-compatible server for tests: FerretDB v1.24.2
 * embedded in a tiny Go program (scripts/ferretdb/main.go) that stores data in
 * SQLite files inside a temporary directory.
 *
 * The binary is built once by scripts/ferretdb/build.sh into
 * .cache/ferretdb/ferretdb-test-server-v1.24.2-<source hash> (needs Go + the Go module proxy
 * on first use only).
 *
 * Usage:
 *   const db = await startFerretDB()
 *   // db.url === 'mongodb://127.0.0.1:PORT/'
 *   await db.stop()
 *
 * Set FERRETDB_VERBOSE=1 to forward the server's stderr (warn-level logs).
 * Set FERRETDB_BIN=/path/to/binary to skip the build and use another binary.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, rmSync } from 'node:fs'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const FERRETDB_VERSION = 'v1.24.2'

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url))
const BUILD_SCRIPT = path.join(REPO_ROOT, 'scripts', 'ferretdb', 'build.sh')

const READY_TIMEOUT_MS = 60_000
const BUILD_TIMEOUT_MS = 10 * 60_000
const STOP_GRACE_MS = 5_000
const MAX_STDERR_CHARS = 64 * 1024
const PORT_ATTEMPTS = 3

export interface FerretDBHandle {
  /** e.g. `mongodb://127.0.0.1:40123/` (append a database name as needed). */
  url: string
  /** SIGTERM, SIGKILL after 5 s; then removes the temp data dir (if we created it). Idempotent. */
  stop: () => Promise<void>
  pid: number
}

let buildPromise: Promise<string> | undefined

/** Returns the path of the server binary, building it (once per process) if missing or stale. */
export function ensureFerretDBBinary(): Promise<string> {
  const override = process.env.FERRETDB_BIN
  if (override) {
    if (!existsSync(override)) return Promise.reject(new Error(`FERRETDB_BIN=${override} does not exist`))
    return Promise.resolve(override)
  }

  // build.sh answers in milliseconds when its cached binary matches the sources, so always ask it.
  buildPromise ??= new Promise<string>((resolve, reject) => {
    // build.sh prints progress on stderr (forwarded) and the binary path last on stdout.
    const child = spawn('bash', [BUILD_SCRIPT], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] })
    let stdout = ''
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    const timer = setTimeout(() => child.kill('SIGKILL'), BUILD_TIMEOUT_MS)
    child.on('error', (err) => {
      clearTimeout(timer)
      reject(new Error(`Failed to run ${BUILD_SCRIPT}: ${err.message}`))
    })
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      const bin = stdout.trim().split('\n').pop() ?? ''
      if (code === 0 && bin && existsSync(bin)) resolve(bin)
      else
        reject(
          new Error(
            `Building the FerretDB test server failed (${BUILD_SCRIPT} exited with ${signal ?? code}). ` +
              `See the [ferretdb-build] output above. stdout:\n${stdout}`,
          ),
        )
    })
  })
  // Let a later call retry after a failed build.
  buildPromise.catch(() => (buildPromise = undefined))
  return buildPromise
}

/** Asks the OS for a free TCP port on 127.0.0.1 (there is a small reuse race; callers retry). */
export function getFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.unref()
    srv.on('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address()
      if (addr === null || typeof addr === 'string') {
        srv.close()
        reject(new Error('Could not determine a free port'))
        return
      }
      srv.close((err) => (err ? reject(err) : resolve(addr.port)))
    })
  })
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true)
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.off('exit', onExit)
      resolve(false)
    }, ms)
    const onExit = () => {
      clearTimeout(timer)
      resolve(true)
    }
    child.once('exit', onExit)
  })
}

async function killChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  child.kill('SIGTERM')
  if (await waitForExit(child, STOP_GRACE_MS)) return
  child.kill('SIGKILL')
  await waitForExit(child, STOP_GRACE_MS)
}

// Safety net: never leave servers behind if the test process exits without calling stop().
const liveChildren = new Set<ChildProcess>()
const ownedDirs = new Set<string>()
let exitHookInstalled = false
function installExitHook() {
  if (exitHookInstalled) return
  exitHookInstalled = true
  process.once('exit', () => {
    for (const child of liveChildren) {
      try {
        child.kill('SIGKILL')
      } catch {
        // ignore
      }
    }
    for (const dir of ownedDirs) {
      try {
        rmSync(dir, { recursive: true, force: true })
      } catch {
        // ignore
      }
    }
  })
}

interface Attempt {
  child: ChildProcess
  url: string
  stderr: () => string
}

class StartError extends Error {
  constructor(
    message: string,
    readonly addrInUse: boolean,
  ) {
    super(message)
  }
}

function spawnAndWaitReady(bin: string, port: number, dataDir: string): Promise<Attempt> {
  return new Promise((resolve, reject) => {
    const verbose = !!process.env.FERRETDB_VERBOSE
    // stdin stays an open pipe: with -exit-on-stdin-eof the server shuts itself
    // down if this process dies without calling stop() (pipe gets closed).
    const child = spawn(bin, ['-listen', `127.0.0.1:${port}`, '-dir', dataDir, '-exit-on-stdin-eof'], { stdio: ['pipe', 'pipe', 'pipe'] })
    liveChildren.add(child)
    child.once('exit', () => liveChildren.delete(child))
    installExitHook()

    let stderrBuf = ''
    const stderr = () => stderrBuf.trim()
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      stderrBuf = (stderrBuf + chunk).slice(-MAX_STDERR_CHARS)
      if (verbose) process.stderr.write(chunk.replace(/^(?=.)/gm, '[ferretdb] '))
    })

    let settled = false
    let stdoutBuf = ''
    const finish = (err: Error | null, url?: string) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      if (err) {
        void killChild(child).finally(() => reject(err))
      } else {
        // Don't let the running server keep this Node process alive; the exit
        // hook and -exit-on-stdin-eof still take it down with us.
        child.unref()
        for (const s of [child.stdin, child.stdout, child.stderr]) if (s && 'unref' in s && typeof s.unref === 'function') s.unref()
        resolve({ child, url: url!, stderr })
      }
    }

    // Keep draining stdout after READY so the pipe never fills up.
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      if (settled) return
      stdoutBuf += chunk
      const m = /^READY (mongodb:\/\/\S+)\s*$/m.exec(stdoutBuf)
      if (m) finish(null, m[1])
    })

    const timer = setTimeout(() => {
      finish(
        new StartError(
          `FerretDB (${bin}) did not print READY within ${READY_TIMEOUT_MS / 1000}s ` +
            `(port ${port}, dir ${dataDir}).\nstdout:\n${stdoutBuf.trim()}\nstderr:\n${stderr()}`,
          false,
        ),
      )
    }, READY_TIMEOUT_MS)

    child.on('error', (err) => {
      finish(new StartError(`Failed to spawn FerretDB (${bin}): ${err.message}`, false))
    })
    child.on('exit', (code, signal) => {
      const text = stderr()
      finish(
        new StartError(
          `FerretDB (${bin}) exited before becoming ready (${signal ?? `code ${code}`}, port ${port}, dir ${dataDir}).\n` +
            `stderr:\n${text}`,
          /address already in use/i.test(text),
        ),
      )
    })
  })
}

export async function startFerretDB(opts: { dataDir?: string } = {}): Promise<FerretDBHandle> {
  const bin = await ensureFerretDBBinary()

  let dataDir: string
  let ownsDir: boolean
  if (opts.dataDir) {
    dataDir = path.resolve(opts.dataDir)
    ownsDir = false
    await mkdir(dataDir, { recursive: true })
  } else {
    dataDir = await mkdtemp(path.join(tmpdir(), 'ferretdb-'))
    ownsDir = true
    ownedDirs.add(dataDir)
    installExitHook()
  }
  const cleanupDir = async () => {
    if (!ownsDir) return
    await rm(dataDir, { recursive: true, force: true, maxRetries: 3 })
    ownedDirs.delete(dataDir)
  }

  let attempt: Attempt | undefined
  try {
    for (let i = 1; ; i++) {
      const port = await getFreePort()
      try {
        attempt = await spawnAndWaitReady(bin, port, dataDir)
        break
      } catch (err) {
        // Another process grabbed the port between getFreePort() and bind: retry.
        if (err instanceof StartError && err.addrInUse && i < PORT_ATTEMPTS) continue
        throw err
      }
    }
  } catch (err) {
    await cleanupDir()
    throw err
  }

  const { child, url } = attempt
  let stopPromise: Promise<void> | undefined
  const stop = () => {
    stopPromise ??= (async () => {
      try {
        await killChild(child)
      } finally {
        child.stdin?.destroy()
        liveChildren.delete(child)
        await cleanupDir()
      }
    })()
    return stopPromise
  }

  return { url, stop, pid: child.pid! }
}
