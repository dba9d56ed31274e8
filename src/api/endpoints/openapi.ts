import type { Endpoint } from 'payload'

import { openApiDocument } from '../openapi'

const origin = (url: string | undefined) => process.env.SERVER_URL || new URL(url ?? 'http://localhost/').origin

/** GET /api/openapi.json */
export const openApiEndpoint: Endpoint = {
  path: '/openapi.json',
  method: 'get',
  handler: (req) =>
    Response.json(openApiDocument(origin(req.url), req.payload.db.defaultIDType), { headers: { 'cache-control': 'public, max-age=300' } }),
}

const esc = (s: unknown) => String(s ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!)

/** GET /api/docs — a readable page of the same document, with no external assets (intranets). */
export const apiDocsEndpoint: Endpoint = {
  path: '/docs',
  method: 'get',
  handler: (req) => {
    const doc = openApiDocument(origin(req.url), req.payload.db.defaultIDType)
    const rows = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(
        ops as Record<
          string,
          {
            parameters?: { in: string; name: string; description?: string }[]
            responses: Record<string, { description: string }>
            summary: string
          }
        >,
      ).map(
        ([method, op]) => `<section><h2><code>${method.toUpperCase()} ${esc(path)}</code></h2><p>${esc(op.summary)}</p>
<table><tr><th>参数 parameter</th><th>位置 in</th><th>说明</th></tr>${(op.parameters ?? [])
          .map((p) => `<tr><td><code>${esc(p.name)}</code></td><td>${esc(p.in)}</td><td>${esc(p.description)}</td></tr>`)
          .join('')}</table>
<p>${Object.entries(op.responses)
          .map(([code, r]) => `<code>${code}</code> ${esc(r.description)}`)
          .join(' · ')}</p></section>`,
      ),
    )
    const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(doc.info.title)}</title>
<style>body{font:15px/1.6 system-ui,sans-serif;max-width:960px;margin:2em auto;padding:0 1em}table{border-collapse:collapse;width:100%}td,th{border:1px solid #ddd;padding:4px 8px;text-align:left}section{border-top:1px solid #eee;margin-top:1.5em}</style></head>
<body><h1>${esc(doc.info.title)}</h1><p>${esc(doc.info.description)}</p><p>机器可读 Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1)</p>${rows.join('\n')}</body></html>`
    return new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8' } })
  },
}
