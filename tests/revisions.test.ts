import { packages } from './fixtures/packages'
import { firstError, startWorld, type World } from './helpers/world'

/**
 * 更正 / 修订 of a released package (issue #15, part 1): the `revise` step of the step table. Opening a revision
 * is taken by the drafter of the department, records `revise` with its kind and change note, and leaves the
 * package released: the public reads exactly what it read before.
 */
let w: World

beforeAll(async () => {
  w = await startWorld()
})
afterAll(async () => {
  await w?.payload.destroy()
})

const revise = async (id: number | string, body: object, role: Parameters<World['token']>[0] = 'drafter', second = false) =>
  w.rest.post(`/policies/${id}/workflow/revise`, body, await w.token(role, second))

const publicBundle = async (id: number | string) => {
  const res = await w.rest.get(`/public/policies/${id}`)
  expect(res.status).toBe(200)
  return res.body
}

describe('revise', () => {
  test('the drafter opens a major revision: recorded with its note; the package stays released, the public unchanged', async () => {
    const { policy } = await packages(w).make('released')
    const before = await publicBundle(policy.id)

    const res = await revise(policy.id, { changeType: 'major', changeNote: '调整补贴标准' })
    expect(res.status).toBe(200)
    expect(res.body.stage).toBe('released')

    const [entry] = (
      await w.payload.find({
        collection: 'audit-log',
        where: { policy: { equals: policy.id }, action: { equals: 'revise' } },
        pagination: false,
      })
    ).docs as any[]
    expect(entry).toMatchObject({ fromStage: 'released', toStage: 'released', actorEmail: 'drafter@demo.gov.cn' })
    expect(entry.details.revision).toEqual({ changeType: 'major', changeNote: '调整补贴标准' })
    expect(await publicBundle(policy.id)).toEqual(before)
  })

  test('a minor correction needs no note', async () => {
    const { policy } = await packages(w).make('released', { dept: 'b' })
    const res = await revise(policy.id, { changeType: 'minor' }, 'drafter', true)
    expect(res.status).toBe(200)
    const [entry] = (
      await w.payload.find({
        collection: 'audit-log',
        where: { policy: { equals: policy.id }, action: { equals: 'revise' } },
        pagination: false,
      })
    ).docs as any[]
    expect(entry.details.revision).toEqual({ changeType: 'minor', changeNote: null })
  })

  test('refusals: wrong role, other department, unreleased package, major without note, unknown kind', async () => {
    const { policy } = await packages(w).make('released')
    const refused = async (res: { body: any; status: number }, status: number, rule: string) => {
      expect(res.status).toBe(status)
      expect(firstError(res.body).data?.rule).toBe(rule)
    }
    await refused(await revise(policy.id, { changeType: 'minor' }, 'reviewer'), 403, 'department-scope')
    await refused(await revise(policy.id, { changeType: 'minor' }, 'drafter', true), 403, 'department-scope')
    await refused(await revise(policy.id, { changeType: 'major' }), 400, 'change-note-required')
    await refused(await revise(policy.id, { changeType: 'major', changeNote: '   ' }), 400, 'change-note-required')
    await refused(await revise(policy.id, { changeType: 'typo' }), 400, 'change-type')
    await refused(await revise(policy.id, {}), 400, 'change-type')

    const signed = await packages(w).make('signed')
    await refused(await revise(signed.policy.id, { changeType: 'minor' }), 409, 'stage-transition')
    const withdrawn = await packages(w).make('withdrawn')
    await refused(await revise(withdrawn.policy.id, { changeType: 'minor' }), 409, 'stage-transition')

    const anonymous = await w.rest.post(`/policies/${policy.id}/workflow/revise`, { changeType: 'minor' })
    expect(anonymous.status).toBe(401)
    // Nothing was recorded by any refusal.
    const { totalDocs } = await w.payload.count({
      collection: 'audit-log',
      where: { action: { equals: 'revise' }, policy: { equals: policy.id } },
    })
    expect(totalDocs).toBe(0)
  })

  test('GET …/workflow offers revise to the drafter of a released package only', async () => {
    const { policy } = await packages(w).make('released')
    const state = async (role: Parameters<World['token']>[0]) =>
      (await w.rest.get(`/policies/${policy.id}/workflow`, await w.token(role))).body.actions.find((a: any) => a.action === 'revise')
    expect((await state('drafter')).allowed).toBe(true)
    expect((await state('signer')).allowed).toBe(false)
  })
})
