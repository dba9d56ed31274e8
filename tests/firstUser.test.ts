import type { Payload } from 'payload'

import { type Rest, startPayload } from './helpers/payload'

let payload: Payload
let rest: Rest

beforeAll(async () => {
  ;({ payload, rest } = await startPayload())
})
afterAll(async () => {
  await payload?.destroy()
})

test('the first account on an empty system is made an administrator; later sign-ups are refused', async () => {
  const first = await rest.post('/users/first-register', {
    email: 'chief@gz.gov.cn',
    password: 'a-long-password',
    roles: ['viewer'],
  })
  expect(first.status).toBe(200)
  const stored = await payload.find({ collection: 'users', where: { email: { equals: 'chief@gz.gov.cn' } } })
  expect(stored.docs[0].roles).toEqual(['admin'])

  const second = await rest.post('/users/first-register', { email: 'intruder@x.cn', password: 'a-long-password' })
  expect(second.status).toBe(403)
  const anonymous = await rest.post('/users', { email: 'intruder@x.cn', password: 'a-long-password', roles: ['admin'] })
  expect(anonymous.status).toBe(403)
  expect((await payload.count({ collection: 'users' })).totalDocs).toBe(1)
})
