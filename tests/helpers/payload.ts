import { GRAPHQL_POST } from '@payloadcms/next/routes'
import { getPayload, handleEndpoints, type Payload } from 'payload'

import { buildAppConfig } from '../../src/buildAppConfig'

export const lane = process.env.TEST_DB === 'mongo' ? 'mongo' : 'sqlite'

/**
 * Boots Payload on this test file's own database (see setup/env.ts). The MongoDB-wire lane adds only what
 * FerretDB needs; production keeps the adapter's defaults.
 */
export function testConfig() {
  return buildAppConfig({
    databaseUrl: process.env.DATABASE_URL,
    database: lane === 'mongo' ? { mongo: { useJoinAggregations: false, disableIndexHints: true } } : { sqlitePush: true },
  })
}

export type Rest = ReturnType<typeof restClient>

export async function startPayload(): Promise<{ payload: Payload; rest: Rest }> {
  const config = testConfig()
  const payload = await getPayload({ config })
  return { payload, rest: restClient(config) }
}

export type RestResponse<T = any> = { body: T; headers: Headers; status: number }

/** The real REST handler Next's route uses (handleEndpoints), driven with WHATWG Requests. */
export function restClient(config: ReturnType<typeof testConfig>) {
  async function call<T = any>(
    method: string,
    path: string,
    options: { body?: unknown; headers?: Record<string, string>; rawBody?: string; token?: string } = {},
  ): Promise<RestResponse<T>> {
    const headers: Record<string, string> = { 'accept-language': 'zh', ...options.headers }
    if (options.token) headers.authorization = `JWT ${options.token}`
    let body: BodyInit | undefined
    if (options.rawBody !== undefined) body = options.rawBody
    else if (options.body instanceof FormData) body = options.body
    else if (options.body !== undefined) {
      headers['content-type'] = 'application/json'
      body = JSON.stringify(options.body)
    }
    const request = new Request(`http://localhost:3000/api${path}`, { method, headers, body })
    const response = path === '/graphql' ? await GRAPHQL_POST(config)(request) : await handleEndpoints({ config, request })
    const text = await response.text()
    let parsed: unknown = text
    try {
      parsed = text ? JSON.parse(text) : null
    } catch {
      /* keep text */
    }
    return { body: parsed as T, headers: response.headers, status: response.status }
  }
  return {
    call,
    get: <T = any>(path: string, token?: string) => call<T>('GET', path, { token }),
    post: <T = any>(path: string, body: unknown, token?: string) => call<T>('POST', path, { body, token }),
    patch: <T = any>(path: string, body: unknown, token?: string) => call<T>('PATCH', path, { body, token }),
    delete: <T = any>(path: string, token?: string) => call<T>('DELETE', path, { token }),
    async login(email: string, password = 'demo1234'): Promise<string> {
      const res = await call<{ token: string }>('POST', '/users/login', { body: { email, password } })
      if (res.status !== 200) throw new Error(`login ${email} failed: ${res.status} ${JSON.stringify(res.body)}`)
      return res.body.token
    },
  }
}
