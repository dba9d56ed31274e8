/**
 * Runs tests/crash/server.ts as child processes: spawned as standbys (code loaded, no database), told to go
 * (connect and listen), SIGKILLed on demand.
 *
 * The entry is bundled once per test file with esbuild (the project's own TypeScript in one ES module, packages
 * left external) and run with plain `node --conditions=production`: loading then takes about half the time it
 * takes through the tsx loader (~2.5 s instead of ~5 s here), and the crash test starts 21 servers.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, rmSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
const ENTRY = path.join(root, 'tests', 'crash', 'server.ts')
const READY_TIMEOUT_MS = 90_000

export type ServerProcess = {
  child: ChildProcess
  /** SIGKILL, resolved once the process is gone. */
  kill: () => Promise<void>
  /** Milliseconds from `go` to `LISTENING`: connecting to the database and binding the port. */
  startMs: number
  /** The last lines the process wrote to stderr, and how it ended if it did: named in a failure. */
  stderrTail: () => string
  url: string
}

/** A server process with its code loaded, not yet connected to the database (see server.ts). */
export type Standby = {
  /** Opens the database and the port; resolves once the server listens. */
  go: () => Promise<ServerProcess>
  kill: () => Promise<void>
}

export type ServerCommand = { args: string[]; cleanup: () => void }

/**
 * The command that runs the server entry: a bundle when esbuild is available, else the entry through tsx.
 * The bundle lies directly under `.cache/` (one level below the root, like `src/`): src/paths.ts finds the
 * project root as the parent of its module's directory, and in a bundle that module is the bundle.
 */
export function serverCommand(): ServerCommand {
  const esbuild = path.join(root, 'node_modules', '.bin', 'esbuild')
  const tsxArgs = ['--conditions=production', '--no-deprecation', '--import', 'tsx', ENTRY]
  if (!existsSync(esbuild)) return { args: tsxArgs, cleanup: () => {} }
  mkdirSync(path.join(root, '.cache'), { recursive: true })
  const outfile = path.join(root, '.cache', `crash-server-${process.pid}.mjs`)
  const built = spawnSync(
    esbuild,
    [
      ENTRY,
      '--bundle',
      '--platform=node',
      '--format=esm',
      '--target=node20',
      '--packages=external',
      `--outfile=${outfile}`,
      '--log-level=error',
    ],
    { cwd: root, encoding: 'utf8' },
  )
  if (built.status !== 0) {
    process.stderr.write(`crash test: bundling the server failed, using tsx (slower starts):\n${built.stderr}\n`)
    return { args: tsxArgs, cleanup: () => {} }
  }
  const cleanup = () => rmSync(outfile, { force: true })
  process.once('exit', cleanup) // also when the test is cut short
  return { args: ['--conditions=production', '--no-deprecation', outfile], cleanup }
}

/** Spawns a server process on this test file's database (DATABASE_URL etc. are inherited), as a standby. */
export function spawnStandby(command: ServerCommand): Standby {
  // NODE_OPTIONS of jest (--experimental-vm-modules) are not for the server.
  const child = spawn(process.execPath, command.args, {
    cwd: root,
    env: { ...process.env, NODE_OPTIONS: '' },
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  let out = ''
  let err = ''
  const exited = new Promise<void>((done) => child.once('exit', () => done()))
  const running = () => child.exitCode === null && child.signalCode === null
  const kill = async () => {
    if (running()) child.kill('SIGKILL')
    await exited
  }
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (err = (err + chunk).slice(-20_000)))
  // Keeps draining stdout, so that the pipe never fills.
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (out = (out + chunk).slice(-2000)))
  child.stdin!.on('error', () => {}) // a killed child closes the pipe under a pending write
  const go = () =>
    new Promise<ServerProcess>((resolve, reject) => {
      const sent = Date.now()
      const timer = setTimeout(() => {
        void kill()
        reject(new Error(`server not listening ${READY_TIMEOUT_MS / 1000} s after go:\n${err.slice(-3000)}`))
      }, READY_TIMEOUT_MS)
      const onData = () => {
        const match = /LISTENING (\d+)/.exec(out)
        if (!match) return
        clearTimeout(timer)
        child.stdout!.off('data', onData)
        resolve({
          child,
          kill,
          startMs: Date.now() - sent,
          stderrTail: () => `${running() ? 'running' : `exited (${child.signalCode ?? child.exitCode})`}; stderr:\n${err.slice(-3000)}`,
          url: `http://127.0.0.1:${match[1]}`,
        })
      }
      child.stdout!.on('data', onData)
      child.once('exit', (code, signal) => {
        clearTimeout(timer)
        reject(new Error(`server exited (${signal ?? code}) before listening:\n${err.slice(-3000)}`))
      })
      child.stdin!.write('go\n')
      onData()
    })
  return { go, kill }
}
