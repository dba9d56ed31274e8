/**
 * The REST, GraphQL and public content API on plain `node:http`, without Next: for tests that need a real server
 * process (the crash test kills it), load and soak runs where no production build exists, and tools.
 *
 * Every request goes through the same handlers as the Next routes (src/app/(payload)/api/public/[...slug]/route.ts):
 * the public cache's fast path for GETs, then Payload's `handleEndpoints`; `POST /api/graphql` through
 * `GRAPHQL_POST`. The admin panel is Next's and is not served here.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { Readable } from 'node:stream'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'
import { pipeline } from 'node:stream/promises'

import { handleEndpoints, type SanitizedConfig } from 'payload'

import { cachedBytes } from '../api/publicCache'
import { guardNodeRequest } from './httpGuard'

export type ApiServer = { close: () => Promise<void>; port: number; server: Server; url: string }

type Handler = (request: Request) => Promise<Response>

function toRequest(req: IncomingMessage, signal: AbortSignal): Request {
  const headers = new Headers()
  for (let i = 0; i < req.rawHeaders.length; i += 2) headers.append(req.rawHeaders[i], req.rawHeaders[i + 1])
  const url = `http://${req.headers.host ?? '127.0.0.1'}${req.url ?? '/'}`
  // HEAD is answered by GET without the body, as Next does for route handlers.
  const method = req.method === 'HEAD' ? 'GET' : (req.method ?? 'GET')
  const hasBody = method !== 'GET'
  // Streamed, not buffered: uploads may be large. `duplex` is required by undici for a stream body.
  const init = { method, headers, signal, ...(hasBody ? { body: Readable.toWeb(req), duplex: 'half' } : {}) }
  return new Request(url, init as RequestInit)
}

async function send(res: ServerResponse, response: Response, head: boolean): Promise<void> {
  const headers: Record<string, string | string[]> = {}
  response.headers.forEach((value, key) => {
    if (key !== 'set-cookie') headers[key] = value
  })
  // Several cookies must stay several headers (a joined Set-Cookie is unparseable).
  const cookies = response.headers.getSetCookie()
  if (cookies.length) headers['set-cookie'] = cookies
  res.writeHead(response.status, headers)
  if (!response.body || head) {
    await response.body?.cancel()
    res.end()
    return
  }
  // Streamed with backpressure, so that large files do not pile up and server-sent events (interview live
  // streams) flow as written; a client that leaves ends the stream.
  // DOM's ReadableStream and node:stream/web's are the same object, typed apart.
  await pipeline(Readable.fromWeb(response.body as WebReadableStream), res).catch(() => undefined)
}

/** A `node:http` request listener that answers `/api/*` like the Next app does. */
export function apiRequestListener(config: Promise<SanitizedConfig> | SanitizedConfig) {
  let graphql: Handler | undefined
  const rest: Handler = (request) => handleEndpoints({ config, request })

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    // A client that goes away aborts the request (ends long-lived streams).
    const controller = new AbortController()
    // Only a client that left early aborts (creating the abort reason costs on every request otherwise).
    res.on('close', () => {
      if (!res.writableFinished) controller.abort()
    })
    const head = req.method === 'HEAD'
    // The same HTTP rules as under `next start` (src/instrumentation.ts): 405, 413, CORS, HEAD as GET.
    if (guardNodeRequest(req, res)) return
    try {
      // The hot path: a cached public response written straight from its bytes, before any Request is built.
      if (req.method === 'GET' || req.method === 'HEAD') {
        const hit = cachedBytes(req.url ?? '/', (req.headers['if-none-match'] as string | undefined) ?? null)
        if (hit) {
          res.writeHead(hit.status, hit.headers)
          res.end(req.method === 'HEAD' ? undefined : hit.body)
          return
        }
      }
      const request = toRequest(req, controller.signal)
      const { pathname } = new URL(request.url)
      let response: Response
      if (!pathname.startsWith('/api/') && pathname !== '/api') {
        response = Response.json({ errors: [{ message: 'Not found (this server serves /api only).' }] }, { status: 404 })
      } else if (pathname === '/api/graphql' && request.method === 'POST') {
        // Loaded on first use: the Next route helpers are not needed by REST-only callers.
        graphql ??= (await import('@payloadcms/next/routes')).GRAPHQL_POST(config) as Handler
        response = await graphql(request)
      } else if (request.method === 'GET') {
        response = await rest(request)
      } else {
        response = await rest(request)
      }
      await send(res, response, head)
    } catch (error) {
      if (controller.signal.aborted) return
      console.error(error)
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' })
      res.end(JSON.stringify({ errors: [{ message: 'Internal server error.' }] }))
    }
  }
}

/** Listens on `host:port` (port 0: a free one) and resolves once the port is bound. */
export function serveApi(
  config: Promise<SanitizedConfig> | SanitizedConfig,
  options: { host?: string; port?: number } = {},
): Promise<ApiServer> {
  const host = options.host ?? '127.0.0.1'
  const server = createServer(apiRequestListener(config))
  // Loopback load tests open many keep-alive connections; Node's defaults would reset them under load.
  server.keepAliveTimeout = 65_000
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject)
      const { port } = server.address() as AddressInfo
      resolve({
        port,
        server,
        url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections()
            server.close(() => done())
          }),
      })
    })
  })
}
