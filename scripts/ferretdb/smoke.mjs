#!/usr/bin/env node
// Self-check for the FerretDB test server, plain Node (no TypeScript):
//   node scripts/ferretdb/smoke.mjs
// Builds the binary if needed (build.sh), starts two servers at once on
// different free ports with separate temp data dirs, inserts/finds a document
// in each with the `mongodb` driver (from the repo's node_modules, if
// installed), checks that the servers are isolated, stops both, and verifies
// that no process or temp dir is left behind. Exit code 0 = OK.
import { execFileSync, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { createConnection, createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const scriptDir = path.dirname(fileURLToPath(import.meta.url))
const repoRoot = path.resolve(scriptDir, '../..')

const log = (...a) => console.log('[smoke]', ...a)
const t0 = Date.now()

// 1. Build (or reuse) the binary. build.sh prints the binary path last on stdout.
const bin = execFileSync('bash', [path.join(scriptDir, 'build.sh')], {
  cwd: repoRoot,
  stdio: ['ignore', 'pipe', 'inherit'],
  encoding: 'utf8',
})
  .trim()
  .split('\n')
  .pop()
log('binary:', bin)

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer()
    s.on('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address()
      s.close(() => resolve(port))
    })
  })
}

async function start() {
  const port = await freePort()
  const dir = await mkdtemp(path.join(tmpdir(), 'ferretdb-smoke-'))
  const child = spawn(bin, ['-listen', `127.0.0.1:${port}`, '-dir', dir, '-exit-on-stdin-eof'], {
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  let stderr = ''
  child.stderr.setEncoding('utf8').on('data', (c) => (stderr += c))
  const started = Date.now()
  const url = await new Promise((resolve, reject) => {
    let out = ''
    const timer = setTimeout(() => reject(new Error(`no READY in 60s; stderr:\n${stderr}`)), 60_000)
    child.stdout.setEncoding('utf8').on('data', (c) => {
      out += c
      const m = /^READY (\S+)$/m.exec(out)
      if (m) {
        clearTimeout(timer)
        resolve(m[1])
      }
    })
    child.on('exit', (code, sig) => {
      clearTimeout(timer)
      reject(new Error(`exited early (${sig ?? code}); stderr:\n${stderr}`))
    })
  })
  log(`pid ${child.pid} READY ${url} in ${Date.now() - started} ms (dir ${dir})`)
  const stop = async () => {
    const exited = new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r() : child.once('exit', r)))
    child.kill('SIGTERM')
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
    const s0 = Date.now()
    await exited
    clearTimeout(timer)
    await rm(dir, { recursive: true, force: true })
    log(
      `pid ${child.pid} stopped (${child.signalCode ?? `exit ${child.exitCode}`}) in ${Date.now() - s0} ms; stderr: ${JSON.stringify(stderr.trim()) || '""'}`,
    )
  }
  return { url, port, dir, pid: child.pid, stop, files: () => readdir(dir) }
}

function alive(pid) {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

let mongodb
try {
  mongodb = await import('mongodb')
} catch {
  log('WARNING: `mongodb` package not found in node_modules; only checking TCP connectivity')
}

const a = await start()
const b = await start()
let failed = false
try {
  if (a.port === b.port) throw new Error('two servers got the same port')
  if (mongodb) {
    const { MongoClient } = mongodb
    const ca = new MongoClient(a.url, { serverSelectionTimeoutMS: 10_000 })
    const cb = new MongoClient(b.url, { serverSelectionTimeoutMS: 10_000 })
    try {
      const info = await ca.db('admin').command({ buildInfo: 1 })
      log(`server A buildInfo: version=${info.version} ferretdbVersion=${info.ferretdbVersion ?? info.ferretdb?.version ?? '?'}`)

      const colA = ca.db('smoke').collection('docs')
      const ins = await colA.insertOne({ title: 'hello from A', n: 1, tags: ['x', 'y'], at: new Date(0) })
      const found = await colA.findOne({ _id: ins.insertedId })
      log('A inserted', String(ins.insertedId), '-> found', JSON.stringify(found))
      if (found?.title !== 'hello from A' || found.tags.length !== 2) throw new Error('A: round-trip mismatch')

      const colB = cb.db('smoke').collection('docs')
      await colB.insertOne({ title: 'hello from B' })
      const inB = await colB.find({}).toArray()
      log('B docs:', JSON.stringify(inB.map((d) => d.title)))
      if (inB.length !== 1 || inB[0].title !== 'hello from B') throw new Error('B: servers are not isolated')
      const updated = await colA.updateOne({ n: 1 }, { $inc: { n: 1 } })
      const countA = await colA.countDocuments({ n: 2 })
      log(`A updateOne modified=${updated.modifiedCount}, countDocuments({n:2})=${countA}`)
      if (countA !== 1) throw new Error('A: update/count mismatch')
    } finally {
      await ca.close()
      await cb.close()
    }
    log('A data dir files:', (await a.files()).join(', '))
  } else {
    for (const s of [a, b]) {
      await new Promise((resolve, reject) => {
        const sock = createConnection(s.port, '127.0.0.1', () => sock.end(resolve))
        sock.on('error', reject)
      })
    }
    log('TCP connect OK on both ports')
  }
} catch (err) {
  failed = true
  console.error('[smoke] FAILED:', err)
} finally {
  await a.stop()
  await b.stop()
}

for (const s of [a, b]) {
  if (alive(s.pid)) {
    failed = true
    console.error(`[smoke] FAILED: pid ${s.pid} still alive`)
  }
  if (existsSync(s.dir)) {
    failed = true
    console.error(`[smoke] FAILED: dir ${s.dir} left behind`)
  }
}

log(failed ? 'FAILED' : `OK in ${Date.now() - t0} ms`)
process.exit(failed ? 1 : 0)
