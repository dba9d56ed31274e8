import { lane } from './helpers/payload'
import { startWorld, type World } from './helpers/world'

let w: World

beforeAll(async () => {
  w = await startWorld()
})
afterAll(async () => {
  await w?.payload.destroy()
})

test('a correct login returns a token carrying roles and department', async () => {
  const res = await w.rest.post('/users/login', { email: 'signer@demo.gov.cn', password: 'demo1234' })
  expect(res.status).toBe(200)
  expect(res.body.user.roles).toEqual(['signer'])
  const me = await w.rest.get('/users/me', res.body.token)
  expect(String(me.body.user.department.id ?? me.body.user.department)).toBe(String(w.a.id))
})

// FerretDB v1 rejects findAndModify with a projection, which Payload uses to count a failed login.
const failedLoginsCounted = lane === 'mongo' ? test.skip : test

failedLoginsCounted('brute force is throttled: 5 wrong passwords lock the account', async () => {
  for (let i = 0; i < 5; i++) {
    const res = await w.rest.post('/users/login', { email: 'viewer.b@demo.gov.cn', password: 'wrong-password' })
    expect(res.status).toBe(401)
  }
  const locked = await w.rest.post('/users/login', { email: 'viewer.b@demo.gov.cn', password: 'demo1234' })
  expect(locked.status).toBeGreaterThanOrEqual(400)
  expect(locked.status).toBeLessThan(500)
  expect(locked.body.token).toBeUndefined()
  // An admin can unlock it.
  const unlock = await w.rest.post('/users/unlock', { email: 'viewer.b@demo.gov.cn' }, await w.token('admin'))
  expect(unlock.status).toBe(200)
  expect((await w.rest.post('/users/login', { email: 'viewer.b@demo.gov.cn', password: 'demo1234' })).status).toBe(200)
})
