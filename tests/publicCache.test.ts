/**
 * The public cache invalidates what a step changed and only that (src/api/publicCache.ts): another package's
 * bundle stays cached through a release, drafting and review steps drop nothing, a released interview's live
 * record reaches its bundle and page at once, and a change made by another instance (its audit entry seen only
 * through the database) is followed within the poll interval.
 */
import { publicCacheStats, tagsForAuditEntry } from '../src/api/publicCache'
import { packages } from './fixtures/packages'
import { startWorld, type World } from './helpers/world'

let w: World

beforeAll(async () => {
  w = await startWorld()
})
afterAll(async () => {
  await w?.payload.destroy()
})

/** A package of department A titled `title` with one text interpretation, in the state `trait`. */
async function titled(trait: 'drafted' | 'released' | 'signed', title: string) {
  const { policy, members } = await packages(w).make(trait, {
    overrides: { title },
    members: [{ collection: 'interpretations', data: { title: `${title}解读` } }],
  })
  return { policy, interpretation: members[0] }
}

/** Hits and misses one read adds. */
async function read(path: string) {
  const before = publicCacheStats()
  const res = await w.rest.get(path)
  const after = publicCacheStats()
  return { res, hit: after.hits - before.hits, miss: after.misses - before.misses }
}

describe('targeted invalidation', () => {
  test('a release drops its own bundle and the lists, not another package’s bundle', async () => {
    const a = await titled('released', '缓存测试甲')
    expect((await read(`/public/policies/${a.policy.id}`)).miss).toBe(1)
    expect((await read(`/public/policies/${a.policy.id}`)).hit).toBe(1)
    await read('/public/policies')
    await read(`/public/interpretations/${a.interpretation.id}`)

    const b = await titled('released', '缓存测试乙')
    const bundleA = await read(`/public/policies/${a.policy.id}`)
    expect([bundleA.res.status, bundleA.hit, bundleA.miss]).toEqual([200, 1, 0])
    expect((await read(`/public/interpretations/${a.interpretation.id}`)).hit).toBe(1)
    const list = await read('/public/policies')
    expect([list.miss, list.res.body.docs[0].id]).toEqual([1, b.policy.id])

    // Its own withdrawal drops A's bundle and member page (404 now) and the list, B stays cached.
    await read(`/public/policies/${b.policy.id}`)
    await packages(w).walk(a.policy.id, 'withdrawn')
    expect((await read(`/public/policies/${a.policy.id}`)).res.status).toBe(404)
    expect((await read(`/public/interpretations/${a.interpretation.id}`)).res.status).toBe(404)
    expect((await read('/public/policies')).res.body.docs.map((d: { id: unknown }) => d.id)).not.toContain(a.policy.id)
    expect((await read(`/public/policies/${b.policy.id}`)).hit).toBe(1)
  })

  test('drafting, review and signing (nothing public) drop nothing cached', async () => {
    const a = await titled('released', '缓存测试丙')
    await read(`/public/policies/${a.policy.id}`)
    await read('/public/policies')
    await read('/public/feeds/policies.rss')
    const c = await titled('signed', '缓存测试丁')
    await w.rest.patch(`/policies/${c.policy.id}`, { validity: 'valid' }, await w.token('drafter'))
    for (const path of [`/public/policies/${a.policy.id}`, '/public/policies', '/public/feeds/policies.rss']) {
      expect([path, (await read(path)).hit]).toEqual([path, 1])
    }
  })

  test('a released interview’s live record (status, segments) reaches its bundle and its page at once', async () => {
    const pkg = await titled('drafted', '缓存测试访谈')
    const editor = await w.token('editor')
    const interview = (
      await w.rest.post(
        '/interviews',
        {
          title: '在线访谈：缓存',
          policy: pkg.policy.id,
          topic: '缓存',
          scheduledAt: '2026-12-01T02:00:00.000Z',
          host: { name: '李主持', title: '主持人', department: '办公厅' },
          guests: [{ name: '王处长', title: '处长', organisation: '财政厅' }],
        },
        editor,
      )
    ).body.doc
    await packages(w).walk(pkg.policy.id, 'released')
    const statusOf = async () => {
      const bundle = (await w.rest.get(`/public/policies/${pkg.policy.id}`)).body
      const page = (await w.rest.get(`/public/interviews/${interview.id}`)).body
      return { bundle: bundle.interviews?.[0]?.status, page: page.status, segments: page.segments?.length ?? 0 }
    }
    expect((await w.rest.post(`/interviews/${interview.id}/status`, { status: 'live' }, editor)).status).toBe(200)
    expect(await statusOf()).toMatchObject({ bundle: 'live', page: 'live', segments: 0 })
    expect(
      (await w.rest.post(`/interviews/${interview.id}/segments`, { speaker: '李主持', role: 'host', text: '大家好' }, editor)).status,
    ).toBe(201)
    expect((await statusOf()).segments).toBe(1)
    expect((await w.rest.post(`/interviews/${interview.id}/status`, { status: 'ended' }, editor)).status).toBe(200)
    expect(await statusOf()).toMatchObject({ bundle: 'ended', page: 'ended', segments: 1 })
  })

  test('a withdrawal made by another instance (seen only in the database) is followed on the next poll', async () => {
    const a = await titled('released', '缓存测试戊')
    expect((await w.rest.get(`/public/policies/${a.policy.id}`)).status).toBe(200)
    // Another instance: the same database, but this instance's audit hook does not see the entry being written.
    const hooks = w.payload.collections['audit-log'].config.hooks.afterChange
    const saved = hooks.splice(0, hooks.length)
    try {
      await packages(w).walk(a.policy.id, 'withdrawn')
    } finally {
      hooks.push(...saved)
    }
    const started = Date.now()
    let status = 200
    while (status === 200 && Date.now() - started < 10_000) {
      status = (await w.rest.get(`/public/policies/${a.policy.id}`)).status
      if (status === 200) await new Promise((resolve) => setTimeout(resolve, 100))
    }
    expect(status).toBe(404)
    console.info(`withdrawal on "another instance" followed after ${Date.now() - started} ms`)
  })

  test('which tags an audit entry drops', () => {
    const members = [{ collection: 'interpretations', id: 7 }]
    expect(tagsForAuditEntry({ action: 'release', policy: 3, members })).toEqual(['policy:3', 'interpretations:7', 'lists'])
    expect(tagsForAuditEntry({ action: 'policy-updated', policy: 3, details: { stage: 'drafting' } })).toEqual(['policy:3'])
    expect(tagsForAuditEntry({ action: 'policy-updated', policy: 3, details: { stage: 'released' } })).toEqual(['policy:3', 'lists'])
    expect(tagsForAuditEntry({ action: 'interview-status', policy: { id: 3 }, members: [{ collection: 'interviews', id: 9 }] })).toEqual([
      'policy:3',
      'interviews:9',
    ])
    for (const action of ['submit', 'approve', 'sign', 'member-created', 'policy-created', 'search-reindex'])
      expect(tagsForAuditEntry({ action, policy: 3 })).toEqual([])
  })
})
