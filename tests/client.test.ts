import { readFileSync } from 'node:fs'

import { createContentClient, ContentApiError } from '../clients/typescript/src/index'
import { SCHEMA_FILE, typesOf } from '../clients/typescript/generate'
import { lane } from './helpers/payload'
import { type ApiServer, serveApi } from '../src/server/apiServer'
import { packages } from './fixtures/packages'
import { startWorld, type World } from './helpers/world'

/** The typed client websites install (clients/typescript), against a real server running the content API. */

let w: World
let api: ApiServer
// Ids are typed as this SQLite-generated client has them (numbers); on MongoDB they are strings at run time.
let policy: { documentNumber: string; id: number; indexNumber: string; title: string }

beforeAll(async () => {
  w = await startWorld()
  api = await serveApi(w.payload.config)
  const { policy: released } = await packages(w).make('released', {
    overrides: { title: '关于促进数字经济发展的若干措施' },
    members: [{ collection: 'interpretations', data: { title: '图解：数字经济若干措施' } }],
  })
  const found = await w.payload.findByID({ collection: 'policies', id: released.id, depth: 0 })
  policy = {
    id: found.id as number,
    title: found.title,
    documentNumber: String(found.documentNumber),
    indexNumber: String(found.indexNumber),
  }
}, 120_000)
afterAll(async () => {
  await api?.close()
  await w?.payload.destroy()
})

test('list, bundle, lookup, search and feed URLs through the typed client', async () => {
  const client = createContentClient({ baseUrl: api.url })
  const list = await client.listPolicies({ limit: 5 })
  expect(list.docs.map((d) => d.title)).toContain('关于促进数字经济发展的若干措施')
  const bundle = await client.bundle(policy.id)
  expect(bundle?.interpretations.text?.map((m) => m.title)).toEqual(['图解：数字经济若干措施'])
  expect((await client.lookup({ documentNumber: policy.documentNumber }))?.id).toBe(policy.id)
  expect((await client.lookup({ indexNumber: policy.indexNumber }))?.id).toBe(policy.id)
  expect(await client.lookup({ documentNumber: '无此文号〔2020〕1号' })).toBeNull()
  expect(await client.bundle(999999999)).toBeNull()
  await w.payload.find({ collection: 'policies', limit: 1 })
  const feed = await fetch(client.feedUrl('policies.rss', { department: w.a.id as number }))
  expect([feed.status, feed.headers.get('content-type')]).toEqual([200, 'application/rss+xml; charset=utf-8'])
  expect(await feed.text()).toContain('关于促进数字经济发展的若干措施')
  const hits = await client.search({ q: '数字经济' })
  expect(hits.total).toBeGreaterThan(0)
  // Refusals surface as ContentApiError with the rule, in the client's language.
  const english = createContentClient({ baseUrl: api.url, language: 'en' })
  const refused = await english.listPolicies({ page: 0 }).catch((e: unknown) => e)
  expect(refused).toBeInstanceOf(ContentApiError)
  expect((refused as ContentApiError).status).toBe(400)
})

test('the committed client types are what the served document generates', async () => {
  // The types are generated from a SQLite-served document (integer ids); a MongoDB server serves ObjectId ids.
  const served = await (await fetch(`${api.url}/api/openapi.json`)).json()
  const generated = await typesOf(served)
  if (lane === 'sqlite') expect(generated).toBe(readFileSync(SCHEMA_FILE, 'utf8'))
  else expect(generated).toContain('Id: string')
})
