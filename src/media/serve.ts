import path from 'node:path'
import type { Endpoint } from 'payload'

import { pick } from '../i18n'
import { fileStoreOf } from '../storage/fileStore'
import { type DerivativeRow, derivedKey } from './storage'

const notFound = (req: Parameters<Endpoint['handler']>[0]) =>
  Response.json({ errors: [{ message: pick(req, { en: 'Not found.', zh: '未找到该文件。' }) }] }, { status: 404 })

/**
 * GET /api/<slug>/derived/:filename — a derivative (size, format, tile, poster, photo) with the read access of
 * the record it belongs to: a file of a record the caller may not read answers 404, like the record itself.
 */
export const derivedFileEndpoint = (slug: string): Endpoint => ({
  path: '/derived/:filename',
  method: 'get',
  handler: async (req) => {
    const filename = path.basename(String(req.routeParams?.filename ?? ''))
    if (!/^[\p{L}\p{N}_.-]+$/u.test(filename)) return notFound(req)
    const { docs } = await req.payload.find({
      collection: slug as 'infographics',
      where: { 'derivatives.filename': { equals: filename } },
      depth: 0,
      limit: 1,
      overrideAccess: false,
      user: req.user,
      req,
    })
    const row = ((docs[0] as { derivatives?: DerivativeRow[] } | undefined)?.derivatives ?? []).find((r) => r.filename === filename)
    if (!row) return notFound(req)
    const body = await fileStoreOf(req.payload).get(derivedKey(slug, filename))
    if (!body) return notFound(req)
    return new Response(new Uint8Array(body), {
      headers: {
        'Content-Type': row.mimeType,
        'Content-Length': String(body.length),
        // Short-lived even when public: a withdrawn package must disappear from caches soon.
        'Cache-Control': req.user ? 'private, no-cache' : 'public, max-age=300',
        'X-Content-Type-Options': 'nosniff',
      },
    })
  },
})
