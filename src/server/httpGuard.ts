import type { IncomingMessage, ServerResponse } from 'node:http'

import { multipartFileLimit } from '../media/config'

/**
 * The HTTP rules of the API that hold before any framework sees a request, applied at the Node `http` level (under
 * `next start` through src/instrumentation.ts, in src/server/apiServer.ts directly):
 * - methods the API does not serve get 405 with `Allow` (TRACE and CONNECT cannot even be turned into a WHATWG
 *   Request: Next answered them with 500);
 * - HEAD is GET without the body (Node drops the body of a HEAD response by itself);
 * - a declared Content-Length above what any request may carry is refused at once (413) instead of waiting for a
 *   body that never comes;
 * - the anonymous read-only API (/api/public/…, /api/openapi.json) answers cross-origin reads: CORS for the
 *   origins in PUBLIC_API_CORS_ORIGINS (default `*`), never with credentials.
 */

export const API_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const
const READ_METHODS = ['GET', 'HEAD', 'OPTIONS'] as const

/**
 * Paths without parameters served by one method only (tests/contentApi.test.ts keeps this in step with the OpenAPI
 * document): Payload's router would answer other methods there with 404, the contract says 405.
 */
export const FIXED_PATH_METHODS: Record<string, readonly string[]> = {
  '/api/compliance': ['GET', 'HEAD', 'OPTIONS'],
  '/api/compliance/pending': ['GET', 'HEAD', 'OPTIONS'],
  '/api/catalog/status': ['GET', 'HEAD', 'OPTIONS'],
  '/api/document-numbers/check': ['GET', 'HEAD', 'OPTIONS'],
  '/api/legacy-import': ['POST', 'OPTIONS'],
  '/api/users/login': ['POST', 'OPTIONS'],
  '/api/users/me': ['GET', 'HEAD', 'OPTIONS'],
}

/** Paths anyone may read from any origin: the public content API and its description. */
export const isPublicReadPath = (pathname: string) =>
  pathname.startsWith('/api/public/') || pathname === '/api/openapi.json' || pathname === '/api/docs'

/** The largest body any request may declare: the multipart ceiling (see buildAppConfig's upload limits). */
export const maxRequestBytes = () => multipartFileLimit() + 1024 * 1024

/** PUBLIC_API_CORS_ORIGINS: `*` (default), or a comma-separated list of origins (`https://www.gz.gov.cn,…`); `none` turns CORS off. */
export function corsOrigin(requestOrigin: string | undefined): null | string {
  const setting = (process.env.PUBLIC_API_CORS_ORIGINS ?? '*').trim()
  if (setting === 'none' || setting === '') return null
  if (setting === '*') return '*'
  if (!requestOrigin) return null
  const allowed = setting.split(',').map((o) => o.trim().replace(/\/+$/, ''))
  return allowed.includes(requestOrigin) ? requestOrigin : null
}

type Refusal = { body: string; headers: Record<string, string>; status: number }

const english = (acceptLanguage: string | undefined) => /^\s*en\b/i.test(acceptLanguage ?? '')

function refusal(
  status: number,
  acceptLanguage: string | undefined,
  message: { en: string; zh: string },
  hint: { en: string; zh: string },
  headers: Record<string, string> = {},
): Refusal {
  const en = english(acceptLanguage)
  const ruleName = { en: 'request format', zh: '请求格式' }
  const text = en ? `[${ruleName.en}] ${message.en} ${hint.en}` : `【${ruleName.zh}】${message.zh}${hint.zh}`
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify({
      errors: [{ name: 'RuleViolation', message: text, data: { rule: 'request-input', ruleName, hint: en ? hint.en : hint.zh } }],
    }),
  }
}

/** What to answer before the framework, or null to let the request through. Pure: tested in tests/edge.test.ts. */
export function earlyAnswer(request: {
  headers: Record<string, string | string[] | undefined>
  method: string
  url: string
}): null | Refusal {
  const pathname = new URL(request.url, 'http://localhost').pathname
  const language = typeof request.headers['accept-language'] === 'string' ? request.headers['accept-language'] : undefined
  const method = request.method.toUpperCase()
  const publicRead = isPublicReadPath(pathname)
  const allowed: readonly string[] = FIXED_PATH_METHODS[pathname.replace(/\/+$/, '')] ?? (publicRead ? READ_METHODS : API_METHODS)
  if (!allowed.includes(method) && (publicRead || pathname.startsWith('/api') || !(API_METHODS as readonly string[]).includes(method))) {
    return refusal(
      405,
      language,
      { en: `the method ${method.slice(0, 20)} is not served here.`, zh: `此地址不支持 ${method.slice(0, 20)} 方法。` },
      { en: `Use one of ${allowed.join(', ')}.`, zh: `可用方法：${allowed.join('、')}。` },
      { allow: allowed.join(', ') },
    )
  }
  const declared = request.headers['content-length']
  if (typeof declared === 'string' && /^\d+$/.test(declared.trim()) && Number(declared) > maxRequestBytes()) {
    const mib = (n: number) => `${(n / 1048576).toFixed(0)} MiB`
    return refusal(
      413,
      language,
      {
        en: `the request declares ${mib(Number(declared))}; at most ${mib(maxRequestBytes())} are accepted.`,
        zh: `请求声明的大小为 ${mib(Number(declared))}，超过上限 ${mib(maxRequestBytes())}。`,
      },
      {
        en: 'Send smaller files (MEDIA_MAX_IMAGE_MB, MEDIA_MAX_VIDEO_MB).',
        zh: '请上传更小的文件（上限见 MEDIA_MAX_IMAGE_MB、MEDIA_MAX_VIDEO_MB）。',
      },
      { connection: 'close' },
    )
  }
  if (publicRead && method === 'OPTIONS') {
    const origin = corsOrigin(typeof request.headers.origin === 'string' ? request.headers.origin : undefined)
    return {
      status: 204,
      headers: {
        allow: READ_METHODS.join(', '),
        ...(origin ? corsHeaders(origin) : {}),
        'access-control-allow-methods': READ_METHODS.join(', '),
        'access-control-allow-headers': 'If-None-Match, Accept, Accept-Language, Content-Type',
        'access-control-max-age': '86400',
      },
      body: '',
    }
  }
  return null
}

/** CORS response headers for an allowed origin; never Allow-Credentials (the public API takes no cookies). */
export const corsHeaders = (origin: string): Record<string, string> => ({
  'access-control-allow-origin': origin,
  'access-control-expose-headers': 'ETag, Cache-Control, Content-Length',
  ...(origin === '*' ? {} : { vary: 'Origin' }),
})

/**
 * Applies the rules to a Node request: answers it (true) or lets it through (false), with HEAD turned into GET for
 * the API (the response stays body-less) and CORS headers added to public reads.
 */
export function guardNodeRequest(req: IncomingMessage, res: ServerResponse): boolean {
  const url = req.url ?? '/'
  const answer = earlyAnswer({ method: req.method ?? 'GET', url, headers: req.headers })
  if (answer) {
    res.writeHead(answer.status, { ...answer.headers, 'content-length': String(Buffer.byteLength(answer.body)) })
    res.end(answer.body)
    // An unread body of a refused request is not waited for.
    if (answer.headers.connection === 'close') req.socket.destroySoon?.()
    return true
  }
  const pathname = url.split('?')[0]
  // Payload's router has no HEAD; the response to a HEAD request carries no body whatever the handler writes.
  if (req.method === 'HEAD' && pathname.startsWith('/api/')) req.method = 'GET'
  if (isPublicReadPath(pathname)) {
    const origin = corsOrigin(typeof req.headers.origin === 'string' ? req.headers.origin : undefined)
    if (origin) for (const [name, value] of Object.entries(corsHeaders(origin))) res.setHeader(name, value)
  }
  return false
}
