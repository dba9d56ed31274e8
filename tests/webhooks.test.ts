import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

import { SIGNATURE_HEADER, verifySignature } from '../src/webhooks/signature'
import { packages } from './fixtures/packages'
import { interpretationData, policyData, startWorld, type World } from './helpers/world'

/** A real website on loopback that records what it receives and answers with the next scripted status. */
type Received = { body: string; headers: IncomingMessage['headers'] }
let w: World
let server: Server
let url: string
const received: Received[] = []
const statuses: number[] = []
const SECRET = 'a-very-long-shared-secret'

beforeAll(async () => {
  process.env.WEBHOOK_BACKOFF_MS = '200'
  w = await startWorld()
  server = createServer((req, res) => {
    let body = ''
    req.on('data', (c) => (body += c))
    req.on('end', () => {
      received.push({ body, headers: req.headers })
      res.writeHead(statuses.shift() ?? 200).end('ok')
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/policy`
})
afterAll(async () => {
  await new Promise((r) => server?.close(r))
  await w?.payload.destroy()
})

async function releasedPolicy() {
  const { policy } = await packages(w).make('released', {
    members: [{ collection: 'interpretations' }],
    onStep: ({ status }) => expect(status).toBe(200),
  })
  return policy
}

const runQueue = () => w.payload.jobs.run({ queue: 'webhooks' })
const deliveries = async () => (await w.rest.get('/webhook-deliveries?sort=createdAt&limit=100', await w.token('admin'))).body.docs as any[]

test('only admins register websites; URLs and secrets are checked', async () => {
  const body = { name: '贵州省人民政府网', url, secret: SECRET, events: ['released', 'withdrawn', 'updated'] }
  expect((await w.rest.post('/webhooks', body, await w.token('drafter'))).status).toBe(403)
  expect((await w.rest.post('/webhooks', { ...body, url: 'ftp://x' }, await w.token('admin'))).status).toBe(400)
  expect((await w.rest.post('/webhooks', { ...body, secret: 'short' }, await w.token('admin'))).status).toBe(400)
  expect((await w.rest.post('/webhooks', body, await w.token('admin'))).status).toBe(201)
  expect((await w.rest.get('/webhooks')).status).toBe(403)
})

test('a release is POSTed, signed, and logged as delivered', async () => {
  const policy = await releasedPolicy()
  await runQueue()
  const hit = received.at(-1)!
  expect(hit.headers['x-policycms-event']).toBe('released')
  expect(verifySignature(SECRET, String(hit.headers[SIGNATURE_HEADER.toLowerCase()]), hit.body)).toBe(true)
  expect(verifySignature('another-secret-of-length', String(hit.headers[SIGNATURE_HEADER.toLowerCase()]), hit.body)).toBe(false)
  const payload = JSON.parse(hit.body)
  expect(payload).toMatchObject({
    event: 'released',
    policy: { id: policy.id, title: policy.title, links: { bundle: `/api/public/policies/${policy.id}` } },
  })
  const log = (await deliveries()).at(-1)
  expect(log).toMatchObject({ event: 'released', status: 'delivered', attempts: 1, lastStatusCode: 200 })
})

test('a failing website is retried with backoff until it answers; every attempt is logged', async () => {
  statuses.push(500, 503)
  const before = received.length
  const policy = await releasedPolicy()
  await runQueue()
  let log = (await deliveries()).at(-1)
  expect(log).toMatchObject({ status: 'retrying', attempts: 1, lastStatusCode: 500 })
  expect(log.lastError).toContain('HTTP 500')
  // Retries run after their backoff (200 ms doubling here): keep running the queue until it is delivered.
  for (let i = 0; i < 20 && (await deliveries()).at(-1).status !== 'delivered'; i++) {
    await new Promise((r) => setTimeout(r, 250))
    await runQueue()
  }
  log = (await deliveries()).at(-1)
  expect(log).toMatchObject({ status: 'delivered', attempts: 3, lastStatusCode: 200 })
  expect(received.length - before).toBe(3)
  expect(String(log.policy?.id ?? log.policy)).toBe(String(policy.id))
})

test('withdrawal and validity changes are announced; nothing for packages that are not public', async () => {
  const policy = await releasedPolicy()
  await runQueue()
  await w.rest.patch(`/policies/${policy.id}`, { validity: 'repealed' }, await w.token('admin'))
  await w.rest.post(`/policies/${policy.id}/workflow/withdraw`, { reason: '已废止' }, await w.token('signer'))
  await runQueue()
  // Jobs of one run may be delivered in either order.
  expect(
    received
      .slice(-2)
      .map((r) => r.headers['x-policycms-event'])
      .sort(),
  ).toEqual(['updated', 'withdrawn'])

  const count = received.length
  const token = await w.token('drafter')
  const hidden = (
    await w.rest.post(
      '/policies',
      policyData(w.a, { disclosure: 'on-request', disclosureReason: '涉及个人', disclosureBasis: '第十五条' }),
      token,
    )
  ).body.doc
  await w.rest.post('/interpretations', interpretationData(hidden.id), token)
  for (const [action, role] of [
    ['submit', 'drafter'],
    ['approve', 'reviewer'],
    ['approve', 'reviewer'],
    ['sign', 'signer'],
    ['release', 'signer'],
  ] as const) {
    await w.rest.post(`/policies/${hidden.id}/workflow/${action}`, {}, await w.token(role))
  }
  await runQueue()
  expect(received.length).toBe(count)
})

test('the delivery log cannot be forged through the API', async () => {
  const res = await w.rest.post('/webhook-deliveries', { event: 'released', status: 'delivered' }, await w.token('admin'))
  expect(res.status).toBe(403)
})
