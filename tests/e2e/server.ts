/**
 * The production server for the browser test: `next start` from the existing `.next` build, on a free port,
 * with a fresh temporary SQLite database that the seed child has migrated and filled with the demo organisation.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')

export type E2EServer = {
  baseURL: string
  dir: string
  /** The last lines the server wrote (stdout and stderr), for failure reports. */
  logTail: (lines?: number) => string
  stop: () => Promise<void>
}

/** Fails with instructions when there is no production build: the test never builds by itself (minutes). */
export function requireBuild(): void {
  const buildId = path.join(root, '.next', 'BUILD_ID')
  if (!existsSync(buildId)) {
    throw new Error('No production build in .next/ (no .next/BUILD_ID): run `npx next build` first, then `npm run test:e2e`.')
  }
  // A stale build tests old code: say so loudly but go on (rebuilding is the caller's decision).
  const builtAt = statSync(buildId).mtimeMs
  const newer = ['src', 'collections', 'migrations', 'payload.config.ts', 'next.config.mjs'].find(
    (entry) => newestMtime(path.join(root, entry)) > builtAt,
  )
  if (newer) console.warn(`e2e: warning: ${newer} changed after the last \`next build\`; the test runs the older build.`)
}

function newestMtime(file: string): number {
  if (!existsSync(file)) return 0
  const stat = statSync(file)
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = stat.mtimeMs
  for (const entry of readdirSync(file)) newest = Math.max(newest, newestMtime(path.join(file, entry)))
  return newest
}

export async function freePort(): Promise<number> {
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

/** A child's environment; NODE_ENV may be absent (Next's typings declare it always set). */
type Env = Record<string, string | undefined>

function run(command: string, args: string[], env: Env, label: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env: env as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('error', reject)
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${label} exited with ${code}:\n${output.slice(-3000)}`))))
  })
}

export async function startServer(): Promise<E2EServer> {
  requireBuild()
  const dir = mkdtempSync(path.join(tmpdir(), 'cms-e2e-'))
  const port = Number(process.env.E2E_PORT) || (await freePort())
  const baseURL = `http://localhost:${port}`
  // Without NODE_ENV: the seed refuses demo users under production, and `next start` sets it itself.
  const { NODE_ENV: _nodeEnv, PORT: _port, ...inherited } = process.env
  const env: Env = {
    ...inherited,
    DATABASE_URL: `file:${path.join(dir, 'e2e.db')}`,
    PAYLOAD_SECRET: 'e2e-secret-not-for-production',
    MEDIA_DIR: path.join(dir, 'media'),
    // Keep the search snapshot out of data/ and the job pollers quiet: nothing here is scheduled.
    SEARCH_SNAPSHOT_DIR: 'off',
    JOBS_AUTORUN: 'false',
    NEXT_TELEMETRY_DISABLED: '1',
  }

  const seedStarted = Date.now()
  await run(process.execPath, ['--conditions=production', '--no-deprecation', '--import', 'tsx', 'tests/e2e/seed.ts'], env, 'e2e seed')
  console.log(`e2e: migrated and seeded the demo organisation in ${((Date.now() - seedStarted) / 1000).toFixed(1)} s`)

  const logFile: string[] = []
  // http://localhost: session cookies are Secure in production unless INSECURE_COOKIES=true (collections/Users).
  // The site (src/app/(site)) reads the content API of this same server over HTTP.
  const serverEnv: Env = { ...env, INSECURE_COOKIES: 'true', SITE_API_ORIGIN: baseURL, SITE_URL: baseURL }
  // Plain `next` binary (not npx) so that the PID we hold is the server's and stop() ends it.
  const server: ChildProcess = spawn(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '-p', String(port)], {
    cwd: root,
    env: serverEnv as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  // Colour codes stripped: the tail goes into failure messages.
  const collect = (chunk: Buffer) =>
    logFile.push(
      ...chunk
        .toString()
        // eslint-disable-next-line no-control-regex -- ANSI colour codes start with ESC
        .replace(/\x1b\[[0-9;]*m/g, '')
        .split('\n')
        .filter(Boolean),
    )
  server.stdout?.on('data', collect)
  server.stderr?.on('data', collect)
  let exited: null | number | string = null
  server.on('exit', (code, signal) => (exited = code ?? signal ?? 'unknown'))
  // Never leave a server behind, also when the test process is interrupted.
  const killOnExit = () => server.kill('SIGKILL')
  const interrupted = (signal: NodeJS.Signals) => {
    server.kill('SIGKILL')
    process.exit(signal === 'SIGINT' ? 130 : 143)
  }
  process.once('exit', killOnExit)
  process.once('SIGINT', interrupted)
  process.once('SIGTERM', interrupted)

  const logTail = (lines = 30) => logFile.slice(-lines).join('\n')
  const stop = async () => {
    if (exited === null) {
      const done = new Promise((resolve) => server.once('exit', resolve))
      server.kill('SIGTERM')
      await Promise.race([done, new Promise((resolve) => setTimeout(resolve, 5000))])
      if (exited === null) server.kill('SIGKILL')
    }
    process.removeListener('exit', killOnExit)
    process.removeListener('SIGINT', interrupted)
    process.removeListener('SIGTERM', interrupted)
    if (!process.env.E2E_KEEP) rmSync(dir, { recursive: true, force: true })
  }

  const bootStarted = Date.now()
  const deadline = bootStarted + 90_000
  for (;;) {
    if (exited !== null) throw new Error(`next start exited (${exited}) before answering:\n${logTail()}`)
    try {
      const res = await fetch(`${baseURL}/api/departments`)
      if (res.ok) break
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop()
      throw new Error(`next start did not answer /api/departments within 90 s:\n${logTail()}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  console.log(`e2e: next start answering on ${baseURL} after ${((Date.now() - bootStarted) / 1000).toFixed(1)} s`)
  return { baseURL, dir, logTail, stop }
}

/** The build's own id, printed with the results so that a reader knows which build was tested. */
export const buildId = () => readFileSync(path.join(root, '.next', 'BUILD_ID'), 'utf8').trim()
