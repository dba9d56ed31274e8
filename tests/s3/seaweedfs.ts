/**
 * Starts a throw-away S3-wire server for tests: SeaweedFS's `weed server` (master, volume, filer and S3 gateway in
 * one process) on 127.0.0.1, free ports, data in a temp dir removed on stop.
 *
 * Credentials as production would have them: S3 identities from a config file, no anonymous identity (every
 * unsigned request is refused), an admin identity only this module uses to create the bucket, and the
 * application's identity limited to Read/Write/List on that one bucket.
 *
 * The binary comes from scripts/seaweedfs/build.sh (cached; ~7–10 min cold). SEAWEEDFS_BIN overrides it,
 * SEAWEEDFS_VERBOSE=1 forwards the server's log.
 *
 *   const s3 = await startSeaweedFS({ bucket: 'cms-test' })
 *   s3.env   // S3_ENDPOINT, S3_REGION, S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY, S3_FORCE_PATH_STYLE
 *   await s3.stop()
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, rmSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import type { Socket } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { CreateBucketCommand, ListBucketsCommand, S3Client } from '@aws-sdk/client-s3'

import { getFreePort } from '../mongo/ferretdb'

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url))
const BUILD_SCRIPT = path.join(REPO_ROOT, 'scripts', 'seaweedfs', 'build.sh')
const READY_TIMEOUT_MS = 60_000
const BUILD_TIMEOUT_MS = 20 * 60_000
const STOP_GRACE_MS = 5_000
const REGION = 'us-east-1'

export type S3Env = {
  S3_ACCESS_KEY_ID: string
  S3_BUCKET: string
  S3_ENDPOINT: string
  S3_FORCE_PATH_STYLE: 'true'
  S3_REGION: string
  S3_SECRET_ACCESS_KEY: string
}

export type SeaweedFSHandle = { env: S3Env; pid: number; stop: () => Promise<void> }

/** The `weed` binary: SEAWEEDFS_BIN, or build.sh's cached build (built on first use). */
export function ensureWeedBinary(): Promise<string> {
  const override = process.env.SEAWEEDFS_BIN
  if (override)
    return existsSync(override) ? Promise.resolve(override) : Promise.reject(new Error(`SEAWEEDFS_BIN=${override} does not exist`))
  return new Promise((resolve, reject) => {
    const child = spawn('bash', [BUILD_SCRIPT], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'inherit'] })
    let stdout = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    const timer = setTimeout(() => child.kill('SIGKILL'), BUILD_TIMEOUT_MS)
    child.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    child.on('close', (code) => {
      clearTimeout(timer)
      const bin = stdout.trim().split('\n').pop() ?? ''
      if (code === 0 && bin && existsSync(bin)) resolve(bin)
      else reject(new Error(`Building SeaweedFS failed (${BUILD_SCRIPT} exited ${code}); see [seaweedfs-build] above.`))
    })
  })
}

const live = new Set<ChildProcess>()
const dirs = new Set<string>()
let hooked = false
function exitHook() {
  if (hooked) return
  hooked = true
  // Never leave a server or its data behind when the test process ends without stop().
  process.once('exit', () => {
    for (const child of live) child.kill('SIGKILL')
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
  })
}

const exited = (child: ChildProcess, ms: number) =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve(true)
    : new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), ms)
        child.once('exit', () => {
          clearTimeout(timer)
          resolve(true)
        })
      })

async function waitForS3(admin: S3Client, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS
  for (;;) {
    if (child.exitCode !== null) throw new Error(`weed exited (${child.exitCode}) before S3 answered:\n${log()}`)
    try {
      await admin.send(new ListBucketsCommand({}))
      return
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`S3 did not answer within ${READY_TIMEOUT_MS / 1000}s: ${String(error)}\n${log()}`)
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
  }
}

export async function startSeaweedFS(options: { bucket?: string } = {}): Promise<SeaweedFSHandle> {
  const bin = await ensureWeedBinary()
  const bucket = options.bucket ?? 'cms-test'
  const dir = await mkdtemp(path.join(tmpdir(), 'seaweedfs-'))
  dirs.add(dir)
  exitHook()
  const key = () => randomBytes(12).toString('hex')
  const adminKeys = { accessKey: `admin${key()}`, secretKey: key() + key() }
  const appKeys = { accessKey: `cms${key()}`, secretKey: key() + key() }
  const identities = {
    identities: [
      { name: 'test-admin', credentials: [adminKeys], actions: ['Admin', 'Read', 'Write', 'List', 'Tagging'] },
      // The application: its bucket only, and no bucket administration.
      { name: 'cms', credentials: [appKeys], actions: [`Read:${bucket}`, `Write:${bucket}`, `List:${bucket}`, `Tagging:${bucket}`] },
    ],
  }
  const config = path.join(dir, 's3.json')
  await writeFile(config, JSON.stringify(identities), { mode: 0o600 })
  const [master, masterGrpc, volume, volumeGrpc, filer, filerGrpc, s3, s3Grpc] = await Promise.all(
    Array.from({ length: 8 }, () => getFreePort()),
  )
  const args = [
    'server',
    '-ip=127.0.0.1',
    '-ip.bind=127.0.0.1',
    `-dir=${path.join(dir, 'data')}`,
    `-master.port=${master}`,
    `-master.port.grpc=${masterGrpc}`,
    '-master.telemetry=false',
    '-master.volumeSizeLimitMB=64',
    `-volume.port=${volume}`,
    `-volume.port.grpc=${volumeGrpc}`,
    '-volume.max=16',
    '-volume.preStopSeconds=0',
    '-filer',
    `-filer.port=${filer}`,
    `-filer.port.grpc=${filerGrpc}`,
    `-filer.localSocket=${path.join(dir, 'filer.sock')}`,
    '-s3',
    `-s3.port=${s3}`,
    `-s3.port.grpc=${s3Grpc}`,
    '-s3.port.iceberg=0',
    '-s3.port.lance=0',
    `-s3.localSocket=${path.join(dir, 's3.sock')}`,
    `-s3.config=${config}`,
  ]
  const { mkdir } = await import('node:fs/promises')
  await mkdir(path.join(dir, 'data'), { recursive: true })
  const child = spawn(bin, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] })
  live.add(child)
  child.once('exit', () => live.delete(child))
  let logText = ''
  const onLog = (chunk: Buffer) => {
    logText = (logText + chunk.toString('utf8')).slice(-32 * 1024)
    if (process.env.SEAWEEDFS_VERBOSE) process.stderr.write(chunk.toString('utf8').replace(/^(?=.)/gm, '[weed] '))
  }
  child.stdout!.on('data', onLog)
  child.stderr!.on('data', onLog)

  const endpoint = `http://127.0.0.1:${s3}`
  const admin = new S3Client({
    endpoint,
    region: REGION,
    forcePathStyle: true,
    credentials: { accessKeyId: adminKeys.accessKey, secretAccessKey: adminKeys.secretKey },
  })
  let stopping: Promise<void> | undefined
  const stop = () =>
    (stopping ??= (async () => {
      admin.destroy()
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM')
        if (!(await exited(child, STOP_GRACE_MS))) {
          child.kill('SIGKILL')
          await exited(child, STOP_GRACE_MS)
        }
      }
      live.delete(child)
      // The master's gRPC socket is not configurable and stays behind in /tmp when the process is killed.
      await rm(path.join(tmpdir(), `seaweedfs-master-grpc-${masterGrpc}.sock`), { force: true })
      await rm(dir, { recursive: true, force: true, maxRetries: 3 })
      dirs.delete(dir)
    })())
  try {
    await waitForS3(admin, child, () => logText)
    await admin.send(new CreateBucketCommand({ Bucket: bucket }))
  } catch (error) {
    await stop()
    throw error
  }
  // Running servers must not keep a test process alive; the exit hook still takes them down.
  child.unref()
  // The stdio pipes of a child are sockets.
  ;(child.stdout as Socket).unref()
  ;(child.stderr as Socket).unref()
  return {
    pid: child.pid!,
    stop,
    env: {
      S3_ENDPOINT: endpoint,
      S3_REGION: REGION,
      S3_BUCKET: bucket,
      S3_ACCESS_KEY_ID: appKeys.accessKey,
      S3_SECRET_ACCESS_KEY: appKeys.secretKey,
      S3_FORCE_PATH_STYLE: 'true',
    },
  }
}
