import { spawn } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { createLocalReq, initTransaction, type PayloadRequest } from 'payload'

import type { AuditLog } from '../payload-types'

import {
  appendAudit,
  auditAppendStats,
  auditContent,
  auditHash,
  type AuditEntryInput,
  GENESIS_HASH,
  verifyAuditChain,
} from '../src/audit/auditTrail'
import { recoverUnloggedSteps } from '../src/audit/recoverSteps'
import { reconcileStages } from '../src/audit/reconcileStages'
import { idOf } from '../src/ids'
import { lane } from './helpers/payload'
import { policyData, startWorld, type World } from './helpers/world'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

let w: World
let policyA: any
let policyB: any

/** A Local API request acting as a demo user (or as the system when no email is given). */
async function reqAs(email?: string): Promise<PayloadRequest> {
  const user = email ? { ...w.org.users[email], collection: 'users' as const } : undefined
  return createLocalReq({ user }, w.payload)
}

async function entries(): Promise<AuditLog[]> {
  const { docs } = await w.payload.find({ collection: 'audit-log', sort: 'seq', pagination: false, depth: 0, overrideAccess: true })
  return docs
}

const idsOf = (docs: { id: number | string }[]) => docs.map((d) => String(d.id))

/** Runs `npm run audit:verify`'s command against this test file's database. */
function runCli(env: Record<string, string> = {}): Promise<{ code: null | number; stderr: string; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=production', '--no-deprecation', '--import', 'tsx', 'scripts/audit-verify.ts'], {
      cwd: root,
      env: { ...process.env, NODE_OPTIONS: '', DATABASE_URL: process.env.DATABASE_URL, PAYLOAD_SECRET: 'test-secret', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stderr, stdout }))
  })
}

/**
 * A policy row written straight to the database: these tests are about the audit trail, not about the rules a
 * policy goes through (tests/policies.test.ts covers those).
 */
async function fixturePolicy(dept: World['a'], title: string): Promise<{ id: number | string }> {
  return w.payload.db.create({
    collection: 'policies',
    data: { ...policyData(dept, { title }), stage: 'drafting', indexNumber: `TEST-${title}` },
  }) as Promise<{ id: number | string }>
}

beforeAll(async () => {
  w = await startWorld()
  policyA = await fixturePolicy(w.a, 'A 审计测试')
  policyB = await fixturePolicy(w.b, 'B 审计测试')
  // Other tests may already have produced entries through the workflow; this file counts from where it starts.
  expect(await entries()).toEqual([])
})
afterAll(async () => {
  await w?.payload.destroy()
})

describe('hashing', () => {
  test('the hash does not depend on key order, id types or date representation', () => {
    const at = '2024-05-06T07:08:09.010Z'
    const numeric = auditContent({
      seq: 7,
      at,
      action: 'sign',
      refs: { policy: 12, department: 3, actor: 4 },
      members: [{ collection: 'interpretations', id: 5 }],
      details: { b: 2, a: { d: new Date(at), c: [1] } },
    })
    const textual = auditContent({
      details: { a: { c: [1], d: at }, b: 2 },
      members: [{ id: '5', collection: 'interpretations' }],
      refs: { actor: '4', department: '3', policy: '12' },
      action: 'sign',
      at: new Date(at),
      seq: 7,
    })
    expect(auditHash(GENESIS_HASH, numeric)).toBe(auditHash(GENESIS_HASH, textual))
    expect(auditHash(GENESIS_HASH, numeric)).not.toBe(auditHash('1'.repeat(64), numeric))
    expect(auditHash(GENESIS_HASH, { ...numeric, reason: 'x' })).not.toBe(auditHash(GENESIS_HASH, numeric))
  })
})

describe('appending', () => {
  test('appendAudit builds a valid chain and verifyAuditChain passes', async () => {
    const drafter = await reqAs('drafter@demo.gov.cn')
    // Details beyond the declared ones (dates, nested lists, empty objects) are hashed and stored like the rest.
    const details = {
      from: 'announced',
      to: 'live',
      z: 1,
      a: { when: new Date('2024-01-02T03:04:05.000Z'), list: [1, 'two', null] },
      empty: {},
    }
    const first = await appendAudit(drafter, {
      action: 'interview-status',
      policy: policyA.id,
      fromStage: 'drafting',
      toStage: 'submitted',
      members: [{ collection: 'interpretations', id: lane === 'mongo' ? '65a000000000000000000001' : 1 }],
      details,
    })
    const reviewer = await reqAs('reviewer@demo.gov.cn')
    const second = await appendAudit(reviewer, {
      action: 'return',
      policy: policyA.id,
      fromStage: 'submitted',
      toStage: 'drafting',
      reason: '请补充解读材料中的政策依据。',
    })
    const third = await appendAudit(await reqAs(), { action: 'member-created', department: w.b.id, policy: policyB.id })

    expect([first.seq, second.seq, third.seq]).toEqual([1, 2, 3])
    expect(first.prevHash).toBe(GENESIS_HASH)
    expect(second.prevHash).toBe(first.hash)
    expect(third.prevHash).toBe(second.hash)
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/)
    // Actor and department are recorded; the department is taken from the policy when not given.
    expect(first.actorEmail).toBe('drafter@demo.gov.cn')
    expect(first.actorRoles).toBe('drafter')
    expect(String(first.department)).toBe(String(w.a.id))
    expect(String(first.actor)).toBe(String(w.org.users['drafter@demo.gov.cn'].id))
    // A system job has no actor.
    expect(third.actor ?? null).toBeNull()
    expect(third.actorEmail ?? null).toBeNull()
    expect(String(third.department)).toBe(String(w.b.id))
    // What is stored is what was hashed: dates as ISO strings, ids as strings, empty objects as null.
    const stored = await w.payload.findByID({ collection: 'audit-log', id: first.id, depth: 0 })
    expect(stored.details).toEqual({
      a: { list: [1, 'two', null], when: '2024-01-02T03:04:05.000Z' },
      empty: null,
      from: 'announced',
      to: 'live',
      z: 1,
    })

    const result = await verifyAuditChain(w.payload)
    expect(result).toEqual({ ok: true, entries: 3, head: { seq: 3, hash: third.hash } })
  })

  test('concurrent appends each get their own place in the chain', async () => {
    const before = auditAppendStats.conflicts
    const inputs: AuditEntryInput[] = Array.from({ length: 8 }, (_, i) => ({
      action: 'sign',
      policy: policyA.id,
      details: { system: false, stepAt: String(i) },
    }))
    // Each call gets its own request (as concurrent HTTP requests would); half of them opened a transaction the way
    // the workflow does (on these test databases that leaves a Promise of null on req: no transaction).
    const written = await Promise.all(
      inputs.map(async (input, i) => {
        const req = await reqAs('signer@demo.gov.cn')
        if (i % 2) await initTransaction(req)
        return appendAudit(req, input)
      }),
    )
    expect(written.map((e) => e.seq).sort((x, y) => x - y)).toEqual([4, 5, 6, 7, 8, 9, 10, 11])
    expect((await verifyAuditChain(w.payload)).ok).toBe(true)
    // Informational: how many inserts collided on the unique seq/hash and were recomputed.
    console.info(`[${lane}] concurrent appends: ${auditAppendStats.conflicts - before} conflicts retried`)
  })

  test('inside a caller’s transaction a conflict is not retried: the caller’s step fails as a whole', async () => {
    const before = (await entries()).length
    // Two steps racing, each in its own (pretend) transaction; whichever loses must fail, not re-append.
    const results = await Promise.allSettled(
      [1, 2].map(async (i) => {
        const req = await reqAs('reviewer@demo.gov.cn')
        req.transactionID = `caller-transaction-${i}`
        return appendAudit(req, { action: 'approve', policy: policyA.id, details: { system: false, stepAt: String(i) } })
      }),
    )
    const failed = results.filter((r) => r.status === 'rejected')
    expect(failed.length).toBeLessThanOrEqual(1)
    if (failed.length) expect((failed[0] as PromiseRejectedResult).reason).toMatchObject({ name: 'ValidationError' })
    expect((await entries()).length).toBe(before + 2 - failed.length)
    expect((await verifyAuditChain(w.payload)).ok).toBe(true)
    console.info(`[${lane}] two racing appends in caller transactions: ${failed.length} refused`)
  })

  test('the context flag does not stay on the caller’s request', async () => {
    const req = await reqAs('drafter@demo.gov.cn')
    await appendAudit(req, { action: 'member-updated', policy: policyA.id })
    expect(req.context?.auditAppend).toBeUndefined()
    await expect(
      w.payload.create({ collection: 'audit-log', data: { seq: 999, at: new Date().toISOString(), action: 'x', hash: 'h' }, req }),
    ).rejects.toMatchObject({ status: 403 })
  })
})

describe('immutability', () => {
  test('no role can create, update or delete an entry through REST, and the database is unchanged', async () => {
    const before = await entries()
    const target = before[0]
    const roles = ['admin', 'drafter', 'reviewer', 'signer', 'editor', 'viewer'] as const
    for (const role of roles) {
      const token = await w.token(role)
      const create = await w.rest.post(
        '/audit-log',
        { seq: 1000, at: new Date().toISOString(), action: 'forged', hash: 'f'.repeat(64) },
        token,
      )
      expect([401, 403, 405]).toContain(create.status)
      const update = await w.rest.patch(`/audit-log/${target.id}`, { reason: 'rewritten' }, token)
      expect([401, 403, 404, 405]).toContain(update.status)
      const bulkUpdate = await w.rest.patch(`/audit-log?where[seq][greater_than]=0`, { reason: 'rewritten' }, token)
      expect([401, 403, 405]).toContain(bulkUpdate.status)
      const del = await w.rest.delete(`/audit-log/${target.id}`, token)
      expect([401, 403, 404, 405]).toContain(del.status)
      const bulkDelete = await w.rest.delete(`/audit-log?where[seq][greater_than]=0`, token)
      expect([401, 403, 405]).toContain(bulkDelete.status)
    }
    // Anonymous too.
    expect([401, 403]).toContain(
      (await w.rest.post('/audit-log', { seq: 1000, at: new Date().toISOString(), action: 'x', hash: 'x' })).status,
    )
    expect([401, 403, 404]).toContain((await w.rest.delete(`/audit-log/${target.id}`)).status)
    // GraphQL mutations are refused as well.
    const gql = await w.rest.call('POST', '/graphql', {
      body: { query: `mutation { deleteAuditLog(id: ${JSON.stringify(target.id)}) { id } }` },
      token: await w.token('admin'),
    })
    expect(gql.body.errors?.length).toBeGreaterThan(0)
    expect(await entries()).toEqual(before)
  })

  test('the Local API with overrideAccess cannot update or delete either', async () => {
    const before = await entries()
    const target = before[1]
    const refusal = { status: 403, data: expect.objectContaining({ rule: 'audit-immutable' }) }
    await expect(
      w.payload.update({ collection: 'audit-log', id: target.id, data: { reason: '改写' }, overrideAccess: true }),
    ).rejects.toMatchObject(refusal)
    await expect(w.payload.delete({ collection: 'audit-log', id: target.id, overrideAccess: true })).rejects.toMatchObject(refusal)
    const error = await w.payload.delete({ collection: 'audit-log', id: target.id }).catch((e: unknown) => e)
    expect(String((error as Error).message)).toContain('审计日志只能追加，不能修改或删除')
    // Bulk operations report a refusal per document.
    const bulkUpdate = await w.payload.update({ collection: 'audit-log', where: { seq: { greater_than: 0 } }, data: { reason: '改写' } })
    expect(bulkUpdate.docs).toEqual([])
    expect(bulkUpdate.errors.length).toBe(before.length)
    const bulkDelete = await w.payload.delete({ collection: 'audit-log', where: { seq: { greater_than: 0 } } })
    expect(bulkDelete.docs).toEqual([])
    // Creating without going through appendAudit is refused.
    await expect(
      w.payload.create({
        collection: 'audit-log',
        data: { seq: 1000, at: new Date().toISOString(), action: 'forged', hash: 'f'.repeat(64) },
      }),
    ).rejects.toMatchObject(refusal)
    expect(await entries()).toEqual(before)
    expect((await verifyAuditChain(w.payload)).ok).toBe(true)
  })
})

describe('reading', () => {
  test('department users (viewers included) see their department’s entries, evaluators and admins all, anonymous nothing', async () => {
    const all = await entries()
    const ofA = all.filter((e) => String(e.department) === String(w.a.id))
    const ofB = all.filter((e) => String(e.department) === String(w.b.id))
    expect(ofA.length).toBeGreaterThan(0)
    expect(ofB.length).toBeGreaterThan(0)

    const drafterB = await w.rest.get('/audit-log?limit=100&depth=0', await w.token('drafter', true))
    expect(drafterB.status).toBe(200)
    expect(idsOf(drafterB.body.docs).sort()).toEqual(idsOf(ofB).sort())
    expect((await w.rest.get(`/audit-log/${ofA[0].id}`, await w.token('drafter', true))).status).toBe(404)

    const reviewerA = await w.rest.get('/audit-log?limit=100&depth=0', await w.token('reviewer'))
    expect(idsOf(reviewerA.body.docs).sort()).toEqual(idsOf(ofA).sort())

    const viewerB = await w.rest.get('/audit-log?limit=100&depth=0', await w.token('viewer', true))
    expect(idsOf(viewerB.body.docs).sort()).toEqual(idsOf(ofB).sort())

    for (const [role, second] of [
      ['evaluator', false],
      ['admin', false],
    ] as const) {
      const res = await w.rest.get('/audit-log?limit=100&depth=0', await w.token(role, second))
      expect(res.status).toBe(200)
      expect(res.body.totalDocs).toBe(all.length)
      // Newest first by default.
      expect(res.body.docs[0].seq).toBe(all.at(-1)!.seq)
    }

    const anonymous = await w.rest.get('/audit-log?limit=100')
    expect([401, 403].includes(anonymous.status) || anonymous.body.docs?.length === 0).toBe(true)
    expect([401, 403, 404]).toContain((await w.rest.get(`/audit-log/${ofA[0].id}`)).status)
  })
})

describe('recovery at start', () => {
  test('a step whose audit entry was cut off is completed on the trail; a stage the lifecycle could not have reached is not', async () => {
    const signer = await reqAs('signer@demo.gov.cn')
    // A signed package whose release wrote its stage but died before its entry (as tests/crash.test.ts provokes).
    const cut = await fixturePolicy(w.a, '发布中断')
    await appendAudit(signer, { action: 'policy-created', policy: cut.id })
    await appendAudit(signer, { action: 'sign', policy: cut.id, fromStage: 'content-passed', toStage: 'signed' })
    const releasedAt = '2026-03-02T02:00:00.000Z'
    await w.payload.db.updateOne({ collection: 'policies', id: cut.id, data: { stage: 'released', workflow: { releasedAt } } })
    // A policy pushed to released straight from drafting: tampering, left for audit:verify to report.
    const forged = await fixturePolicy(w.a, '越级发布')
    await appendAudit(signer, { action: 'policy-created', policy: forged.id })
    await w.payload.db.updateOne({ collection: 'policies', id: forged.id, data: { stage: 'released' } })

    const recovered = await recoverUnloggedSteps(w.payload)
    expect(recovered).toEqual([{ action: 'release', id: cut.id, logged: 'signed', stored: 'released' }])
    const entry = (await entries()).filter((e) => (e.refs as any).policy === String(cut.id) && e.action === 'release')
    expect(entry).toHaveLength(1)
    expect(entry[0]).toMatchObject({
      fromStage: 'signed',
      toStage: 'released',
      details: { recovered: true, stepAt: releasedAt, system: true },
    })
    expect((await reconcileStages(w.payload)).map((m) => String(m.id))).toEqual([String(forged.id)])
    // Idempotent: a second start finds nothing more to recover.
    expect(await recoverUnloggedSteps(w.payload)).toEqual([])
    expect((await verifyAuditChain(w.payload)).ok).toBe(true)
    // Later tests (the CLI) expect every stage to match its trail.
    await w.payload.db.updateOne({ collection: 'policies', id: forged.id, data: { stage: 'drafting' } })
  })
})

describe('verification', () => {
  test('deleting a document an entry refers to does not break the chain', async () => {
    const doomed = await fixturePolicy(w.a, '将被删除')
    const entry = await appendAudit(await reqAs('drafter@demo.gov.cn'), { action: 'member-created', policy: doomed.id })
    // What Payload's delete does to the row (its hooks are the workflow's business, not this test's).
    await w.payload.db.deleteOne({ collection: 'policies', where: { id: { equals: doomed.id } } })
    const after = await w.payload.findByID({ collection: 'audit-log', id: entry.id, depth: 0 })
    // SQLite clears the foreign key (ON DELETE SET NULL); MongoDB keeps the dangling id. Either way the id stays
    // recorded in refs, which is what is hashed.
    expect([null, undefined, String(doomed.id)]).toContain(
      after.policy === null || after.policy === undefined ? after.policy : String(after.policy),
    )
    expect((after.refs as any).policy).toBe(String(doomed.id))
    console.info(`[${lane}] after deleting the policy, the entry's policy column is ${JSON.stringify(after.policy ?? null)}`)
    expect((await verifyAuditChain(w.payload)).ok).toBe(true)
  })

  test('a drafter deleting a drafting policy through REST leaves a policy-deleted entry naming it', async () => {
    const token = await w.token('drafter')
    const created = await w.rest.post('/policies', policyData(w.a, { title: '起草后删除' }), token)
    expect(created.status).toBe(201)
    const id = created.body.doc.id
    const res = await w.rest.delete(`/policies/${id}`, token)
    expect(res.status).toBe(200)
    expect((await w.rest.get(`/policies/${id}`, token)).status).toBe(404)
    const deleted = (await entries()).filter((e) => e.action === 'policy-deleted' && (e.refs as any).policy === String(id))
    expect(deleted).toHaveLength(1)
    expect(deleted[0]).toMatchObject({ details: { title: '起草后删除' }, actorEmail: 'drafter@demo.gov.cn' })
    expect(String(idOf(deleted[0].department))).toBe(String(w.a.id))
    expect((await verifyAuditChain(w.payload)).ok).toBe(true)
  })

  test('a repointed relationship is detected', async () => {
    const all = await entries()
    const target = all.find((e) => String(e.department) === String(w.b.id))!
    await w.payload.db.updateOne({ collection: 'audit-log', where: { id: { equals: target.id } }, data: { department: w.a.id } })
    const result = await verifyAuditChain(w.payload)
    expect(result).toMatchObject({ ok: false, brokenAt: target.seq, code: 'ref-mismatch' })
    await w.payload.db.updateOne({ collection: 'audit-log', where: { id: { equals: target.id } }, data: { department: w.b.id } })
    expect((await verifyAuditChain(w.payload)).ok).toBe(true)
  })

  test('the CLI reports an intact chain with exit code 0', async () => {
    const run = await runCli()
    if (run.code !== 0) console.error(run.stdout, run.stderr)
    expect(run.code).toBe(0)
    const total = (await entries()).length
    expect(run.stdout).toContain(`${total} 条 entries checked`)
    expect(run.stderr).toContain(`] ${total}/${total}`)
  })

  test('the CLI exits with 2 when it cannot check', async () => {
    const run = await runCli({ DATABASE_URL: 'postgres://nowhere/cms' })
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('audit verification failed')
  })

  test('a direct database tamper is found, by the function and by the CLI', async () => {
    const all = await entries()
    const target = all[4]
    await w.payload.db.updateOne({ collection: 'audit-log', where: { id: { equals: target.id } }, data: { reason: 'tampered' } })
    const progress: [number, number][] = []
    const result = await verifyAuditChain(w.payload, (done, total) => progress.push([done, total]))
    expect(result).toMatchObject({ ok: false, brokenAt: target.seq, entries: target.seq - 1, code: 'hash-mismatch' })
    expect(result.ok === false && result.reason).toMatch(/hash mismatch/)
    expect(progress[0]).toEqual([0, all.length])

    const run = await runCli()
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(`seq ${target.seq}`)
    expect(run.stdout).toContain('hash mismatch')

    // Recomputing the tampered entry's own hash moves the break to the next link.
    const tampered = (await w.payload.findByID({ collection: 'audit-log', id: target.id, depth: 0 })) as AuditLog
    const forged = auditHash(tampered.prevHash!, auditContent(tampered))
    await w.payload.db.updateOne({ collection: 'audit-log', where: { id: { equals: target.id } }, data: { hash: forged } })
    expect(await verifyAuditChain(w.payload)).toMatchObject({ ok: false, brokenAt: target.seq + 1, code: 'prev-link-mismatch' })

    // Restored, the chain is intact again.
    await w.payload.db.updateOne({
      collection: 'audit-log',
      where: { id: { equals: target.id } },
      data: { reason: target.reason ?? null, hash: target.hash },
    })
    expect((await verifyAuditChain(w.payload)).ok).toBe(true)
  })

  test('an entry deleted directly in the database shows as a gap', async () => {
    const all = await entries()
    const target = all[2]
    await w.payload.db.deleteOne({ collection: 'audit-log', where: { id: { equals: target.id } } })
    const result = await verifyAuditChain(w.payload)
    expect(result).toMatchObject({ ok: false, brokenAt: target.seq, code: 'gap-in-seq', entries: target.seq - 1 })
    expect(result.ok === false && result.reason).toMatch(/gap in seq/)
    // Appending still works on the end of the (broken) chain, and the break stays visible.
    const next = await appendAudit(await reqAs(), { action: 'release', policy: policyA.id })
    expect(next.seq).toBe(all.at(-1)!.seq + 1)
    expect(await verifyAuditChain(w.payload)).toMatchObject({ ok: false, brokenAt: target.seq })
  })
})
