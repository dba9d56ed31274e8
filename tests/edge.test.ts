import net from 'node:net'
import { ValidationError } from 'payload'

import { stableErrorName } from '../src/api/errorNames'
import { type ApiServer, serveApi } from '../src/server/apiServer'
import { earlyAnswer } from '../src/server/httpGuard'
import { form, makeNoise } from './fixtures/media/make'
import { policyData, startWorld, type World } from './helpers/world'

/**
 * The HTTP rules in front of the API (src/server/httpGuard.ts), through a real node:http server running the same
 * guard as `next start` (installed there by src/instrumentation.ts; the production run is scripts/fuzz.sh).
 */

let w: World
let api: ApiServer

beforeAll(async () => {
  // A low multipart ceiling (the larger of 0.5 and 0.5 MiB, plus 1 MiB), read when the config is built.
  process.env.MEDIA_MAX_IMAGE_MB = '0.5'
  process.env.MEDIA_MAX_VIDEO_MB = '0.5'
  w = await startWorld()
  api = await serveApi(w.payload.config)
}, 120_000)
afterAll(async () => {
  await api?.close()
  await w?.payload.destroy()
  delete process.env.MEDIA_MAX_IMAGE_MB
  delete process.env.MEDIA_MAX_VIDEO_MB
})

/** One raw HTTP/1.1 exchange: the status line and headers as sent by the server, and how long it took. */
function raw(request: string, waitMs = 5000): Promise<{ head: string; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now()
    const socket = net.connect(api.port, '127.0.0.1', () => socket.write(request))
    let data = ''
    const timer = setTimeout(() => {
      socket.destroy()
      resolve({ head: data || 'TIMEOUT', ms: Date.now() - started })
    }, waitMs)
    socket.on('data', (chunk) => {
      data += chunk.toString('latin1')
      if (data.includes('\r\n\r\n')) {
        clearTimeout(timer)
        socket.destroy()
        resolve({ head: data, ms: Date.now() - started })
      }
    })
    socket.on('error', reject)
  })
}

describe('methods', () => {
  test('TRACE and other unserved methods: 405 with Allow, on our routes and on Payload’s own', async () => {
    for (const path of ['/api/users', '/api/policies/1/workflow', '/api/public/policies', '/api/graphql']) {
      const { head } = await raw(`TRACE ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`)
      expect([path, head.split('\r\n')[0]]).toEqual([path, 'HTTP/1.1 405 Method Not Allowed'])
      expect(head.toLowerCase()).toMatch(/\r\nallow: (get, head, options|get, head, post, put, patch, delete, options)\r\n/)
    }
    const post = await fetch(`${api.url}/api/public/policies`, { method: 'POST', body: '{}', headers: { 'accept-language': 'en' } })
    expect([post.status, post.headers.get('allow')]).toEqual([405, 'GET, HEAD, OPTIONS'])
    const body = await post.json()
    expect(body.errors[0]).toMatchObject({ name: 'RuleViolation', data: { rule: 'request-input' } })
    expect(body.errors[0].message).toContain('POST')
  })

  test('HEAD on public URLs answers like GET, without a body', async () => {
    const get = await fetch(`${api.url}/api/public/policies`)
    const head = await fetch(`${api.url}/api/public/policies`, { method: 'HEAD' })
    expect([head.status, head.headers.get('etag'), await head.text()]).toEqual([200, get.headers.get('etag'), ''])
    expect((await fetch(`${api.url}/api/openapi.json`, { method: 'HEAD' })).status).toBe(200)
    expect((await fetch(`${api.url}/api/public/policies/999999999`, { method: 'HEAD' })).status).toBe(404)
  })
})

describe('CORS for the anonymous read-only API', () => {
  test('any origin by default, never credentials; signed-in APIs get no CORS headers', async () => {
    const res = await fetch(`${api.url}/api/public/policies`, { headers: { origin: 'https://portal.example.cn' } })
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    expect(res.headers.get('access-control-allow-credentials')).toBeNull()
    const preflight = await fetch(`${api.url}/api/public/search`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://portal.example.cn',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'if-none-match',
      },
    })
    expect(preflight.status).toBe(204)
    expect(preflight.headers.get('access-control-allow-methods')).toBe('GET, HEAD, OPTIONS')
    expect(preflight.headers.get('access-control-allow-headers')).toMatch(/If-None-Match/i)
    expect(preflight.headers.get('access-control-allow-credentials')).toBeNull()
    const internal = await fetch(`${api.url}/api/users/me`, { headers: { origin: 'https://portal.example.cn' } })
    expect(internal.headers.get('access-control-allow-origin')).toBeNull()
  })

  test('PUBLIC_API_CORS_ORIGINS lists the allowed origins (and says Vary: Origin)', () => {
    process.env.PUBLIC_API_CORS_ORIGINS = 'https://www.gz.gov.cn, https://m.gz.gov.cn'
    try {
      const ask = (origin: string) =>
        earlyAnswer({ method: 'OPTIONS', url: '/api/public/policies', headers: { origin } })?.headers['access-control-allow-origin']
      expect(ask('https://www.gz.gov.cn')).toBe('https://www.gz.gov.cn')
      expect(ask('https://evil.example')).toBeUndefined()
      expect(
        earlyAnswer({ method: 'OPTIONS', url: '/api/public/policies', headers: { origin: 'https://m.gz.gov.cn' } })?.headers.vary,
      ).toBe('Origin')
    } finally {
      delete process.env.PUBLIC_API_CORS_ORIGINS
    }
  })
})

describe('request size', () => {
  test('a declared 10 GiB body with a small body is refused at once, not waited for', async () => {
    const { head, ms } = await raw(
      `POST /api/policies HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nAccept-Language: en\r\nContent-Length: ${10 * 1024 ** 3}\r\n\r\n{}`,
    )
    expect(head.split('\r\n')[0]).toBe('HTTP/1.1 413 Payload Too Large')
    expect(ms).toBeLessThan(4000)
  })

  test('over the multipart limit: the size rule in the request’s language', async () => {
    const token = await w.token('drafter')
    const policy = (await w.rest.post('/policies', policyData(w.a), token)).body.doc
    const file = await makeNoise(1200, 1200)
    expect(file.length).toBeGreaterThan(2 * 1024 * 1024)
    const body = form(file, 'big.png', 'image/png', { title: '一图读懂', policy: policy.id, alt: '长图', textAlternative: '内容' })
    for (const [language, fragment] of [
      ['en', 'larger than 1.5 MiB'],
      ['zh', '超过单次请求上限 1.5 MiB'],
    ]) {
      const res = await w.rest.call('POST', '/infographics', {
        body,
        token: await w.token('editor'),
        headers: { 'accept-language': language },
      })
      expect([res.status, res.body.errors[0].name, res.body.errors[0].data?.rule]).toEqual([413, 'RuleViolation', 'media-file-size'])
      expect(res.body.errors[0].message).toContain(fragment)
    }
  })
})

describe('error names are part of the contract', () => {
  test('by class, whatever a minifier called the class', async () => {
    // What `next start` does to Payload's classes: the same class under a one-letter name.
    const o = class o extends ValidationError {}
    expect(stableErrorName(new o({ errors: [{ message: 'x', path: 'title' }] }))).toBe('ValidationError')
    const res = await w.rest.post('/policies', { title: '' }, await w.token('drafter'))
    expect([res.status, res.body.errors[0].name]).toEqual([400, 'ValidationError'])
    const rule = await w.rest.get('/policies/1/workflow')
    expect(rule.body.errors[0].name).toBe('RuleViolation')
    // GraphQL: the same stable name, and the code GraphQL tools read.
    const gql = await w.rest.post('/graphql', {
      query: 'mutation { createAuditLog(data: { action: "x", at: "2026-01-01", hash: "x", seq: 1 }) { id } }',
    })
    expect(gql.body.errors[0].extensions).toMatchObject({ name: 'Forbidden', code: 'FORBIDDEN', statusCode: 403 })
  })
})
