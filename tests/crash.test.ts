import { spawn } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { interpretationData, policyData, startWorld, type World } from './helpers/world'

/**
 * 同步发布 under failure: a release killed at varied moments (SIGKILL) never leaves the public API showing a
 * policy without its interpretations or an interpretation without its policy, on either database lane
 * (MongoDB-wire without transactions included): visibility derives from the policy's single stage.
 */
const WORKER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'crash', 'releaseWorker.ts')

let w: World
const MEMBERS = 12
const RUNS = 8

beforeAll(async () => {
  w = await startWorld()
})
afterAll(async () => {
  await w?.payload.destroy()
})

async function signedPackageWithMembers() {
  const token = await w.token('drafter')
  const policy = (await w.rest.post('/policies', policyData(w.a), token)).body.doc
  const members: (number | string)[] = []
  for (let i = 0; i < MEMBERS; i++) {
    members.push((await w.rest.post('/interpretations', interpretationData(policy.id, { title: `解读${i}` }), token)).body.doc.id)
  }
  for (const [action, role] of [['submit', 'drafter'], ['approve', 'reviewer'], ['approve', 'reviewer'], ['sign', 'signer']] as const) {
    const res = await w.rest.post(`/policies/${policy.id}/workflow/${action}`, {}, await w.token(role))
    expect(res.status).toBe(200)
  }
  return { policy, members }
}

/**
 * Starts the worker and SIGKILLs it `delayMs` after it reports READY (or lets it finish when that is later).
 * Also reports how long the release took from READY when it completed.
 */
function releaseAndKill(policyId: number | string, delayMs: number): Promise<{ ms: number; outcome: 'completed' | 'killed' }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--conditions=production', '--no-deprecation', '--import', 'tsx', WORKER, String(policyId), 'signer@demo.gov.cn'],
      { env: { ...process.env, NODE_OPTIONS: '' }, stdio: ['ignore', 'pipe', 'pipe'] },
    )
    let out = ''
    let err = ''
    let timer: NodeJS.Timeout | undefined
    let readyAt = 0
    let doneAt = 0
    child.stdout.on('data', (chunk) => {
      out += chunk
      if (out.includes('READY') && !readyAt) {
        readyAt = Date.now()
        if (Number.isFinite(delayMs)) timer = setTimeout(() => child.kill('SIGKILL'), delayMs)
      }
      if (out.includes('DONE') && !doneAt) doneAt = Date.now()
    })
    child.stderr.on('data', (chunk) => (err += chunk))
    child.on('exit', (code, signal) => {
      clearTimeout(timer)
      const ms = doneAt ? doneAt - readyAt : 0
      if (signal === 'SIGKILL') resolve({ ms, outcome: out.includes('DONE') ? 'completed' : 'killed' })
      else if (code === 0) resolve({ ms, outcome: 'completed' })
      else reject(new Error(`worker exited ${code}: ${err.slice(-2000)}`))
    })
  })
}

test(`a release killed at ${RUNS} different moments shows the whole package or none of it`, async () => {
  const outcomes: string[] = []
  // Run 0 completes and measures how long a release takes on this lane; the others are killed at moments
  // spread from the very start to just past that duration.
  let duration = 0
  for (let run = 0; run < RUNS; run++) {
    const { policy, members } = await signedPackageWithMembers()
    const delay = run === 0 ? Infinity : Math.round(((run - 1) / (RUNS - 2)) * duration * 1.2)
    const { ms, outcome } = await releaseAndKill(policy.id, delay)
    if (run === 0) duration = ms
    const stage = (await w.payload.findByID({ collection: 'policies', id: policy.id, depth: 0 })).stage
    const policyVisible = (await w.rest.get(`/policies/${policy.id}`)).status === 200
    const visible = (await w.rest.get(`/interpretations?where[policy][equals]=${policy.id}&limit=100`)).body.docs
    const visibleMembers = visible.length
    outcomes.push(`${Number.isFinite(delay) ? delay : '∞'}ms→${outcome}:${stage}`)
    if (run === RUNS - 1) console.info(`crash runs: ${outcomes.join(", ")}`)
    // Whole or nothing, and the stored stage says which.
    expect([stage, policyVisible, visibleMembers]).toEqual(
      stage === 'released' ? ['released', true, MEMBERS] : ['signed', false, 0],
    )
    if (visibleMembers) expect(visible.map((d: any) => String(d.id)).sort()).toEqual(members.map(String).sort())
    // A release that did not happen is visibly pending and can be completed.
    if (stage === 'signed') {
      expect((await w.rest.post(`/policies/${policy.id}/workflow/release`, {}, await w.token('signer'))).status).toBe(200)
      expect((await w.rest.get(`/interpretations?where[policy][equals]=${policy.id}&limit=100`)).body.docs).toHaveLength(MEMBERS)
    }
  }
  // The delays must have cut at least one release short; run 0 completed.
  expect(outcomes.some((o) => o.endsWith(':signed'))).toBe(true)
  expect(outcomes[0]).toMatch(/:released$/)
  // Each run boots a child process (seconds); the bound is generous for a loaded 2-core machine.
}, 300_000)
