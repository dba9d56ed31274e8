import { createLocalReq } from 'payload'

import { type TodoKey, todoFor } from '../src/compliance/todo'
import { demoEmail } from '../src/seed/organisation'
import type { Role } from '../src/roles'
import { packages } from './fixtures/packages'
import { startWorld, type World } from './helpers/world'

/**
 * 待办 on the admin dashboard: `todoFor` (the data of the beforeDashboard component) for each role, on packages in
 * each waiting stage of departments A and B, through the real workflow.
 */

let w: World
const ids = {} as Record<'aReturned' | 'aReviewed' | 'aSigned' | 'aSubmitted' | 'bSubmitted' | 'aDrafted', string>

beforeAll(async () => {
  w = await startWorld()
  const p = packages(w)
  ids.aSubmitted = String((await p.make('submitted')).policy.id)
  ids.aReviewed = String((await p.make('reviewed')).policy.id)
  ids.aSigned = String((await p.make('signed')).policy.id)
  ids.aDrafted = String((await p.make('drafted')).policy.id)
  ids.bSubmitted = String((await p.make('submitted', { dept: 'b' })).policy.id)
  const returned = await p.make('submitted')
  ids.aReturned = String(returned.policy.id)
  const res = await w.rest.post(`/policies/${returned.policy.id}/workflow/return`, { reason: '请补充政策依据' }, await w.token('reviewer'))
  expect(res.status).toBe(200)
}, 300_000) // six packages walked through REST: minutes on the MongoDB-wire lane of a loaded machine

afterAll(async () => {
  await w?.payload.destroy()
})

/** Section key → policy ids, for `<role>@demo.gov.cn` (or `.b`), at `now`. */
async function todo(role: Role, second = false, now?: Date) {
  const user = w.org.users[demoEmail(role, second)]
  const req = await createLocalReq({ user: { ...user, collection: 'users' } }, w.payload)
  const list = await todoFor(req, { now })
  const byKey = Object.fromEntries(list.sections.map((s) => [s.key, s.items.map((i) => i.id)])) as Partial<Record<TodoKey, string[]>>
  return { list, byKey }
}

/** Far enough after the signature that its 3-working-day release clock has run out. */
const later = () => new Date(Date.now() + 30 * 86_400_000)

describe('待办 on the admin dashboard', () => {
  it('gives a reviewer the submitted packages of their own department only', async () => {
    const a = await todo('reviewer')
    expect(Object.keys(a.byKey)).toEqual(['approve'])
    expect(a.byKey.approve).toContain(ids.aSubmitted)
    expect(a.byKey.approve).not.toContain(ids.bSubmitted)
    expect(a.byKey.approve).not.toContain(ids.aReturned)
    const b = await todo('reviewer', true)
    expect(b.byKey).toEqual({ approve: [ids.bSubmitted] })
  })

  it('gives a signer the reviewed packages to sign and the signed ones to release', async () => {
    const { byKey, list } = await todo('signer')
    expect(byKey.sign).toEqual([ids.aReviewed])
    expect(byKey.release).toEqual([ids.aSigned])
    expect(byKey.approve).toBeUndefined()
    const signed = list.sections.find((s) => s.key === 'release')!.items[0]!
    expect(signed.releaseDeadline).toBeTruthy()
    expect(signed.adminPath).toBe(`/collections/policies/${ids.aSigned}`)
    expect(signed.previewPath).toBe(`/preview/policies/${ids.aSigned}`)
    expect((await todo('signer', true)).byKey).toEqual({})
  })

  it('lists a package past its release clock as overdue, for its signer and for admins, not twice', async () => {
    const signer = await todo('signer', false, later())
    expect(signer.byKey.overdue).toEqual([ids.aSigned])
    expect(signer.byKey.release).toBeUndefined()
    expect(signer.list.sections[0]!.key).toBe('overdue')
    const admin = await todo('admin', false, later())
    expect(admin.byKey).toEqual({ overdue: [ids.aSigned] })
    expect((await todo('reviewer', false, later())).byKey.overdue).toBeUndefined()
    expect((await todo('signer', true, later())).byKey).toEqual({})
  })

  it('gives a drafter the packages returned to their department, with the reason, but not fresh drafts', async () => {
    const { byKey, list } = await todo('drafter')
    expect(byKey).toEqual({ returned: [ids.aReturned] })
    expect(list.sections[0]!.items[0]!.returnReason).toBe('请补充政策依据')
    expect(byKey.returned).not.toContain(ids.aDrafted)
    expect((await todo('drafter', true)).byKey).toEqual({})
  })

  it('gives roles without a step nothing to do (the empty state)', async () => {
    for (const role of ['viewer', 'editor', 'evaluator'] as const) {
      const { list } = await todo(role)
      expect(list).toMatchObject({ sections: [], total: 0, refusal: null })
    }
  })
})
