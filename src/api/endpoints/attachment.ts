import type { Endpoint } from 'payload'

import path from 'node:path'

import { pick } from '../../i18n'
import { isDocumentId } from '../../input/ids'
import { fileStoreOf } from '../../storage/fileStore'
import { CACHE_CONTROL } from '../publicCache'
import { publicFindOne } from '../publicRead'

/**
 * GET /api/public/attachments/:id — a policy attachment, served only while a released 主动公开 policy lists it:
 * the file's visibility derives from its policy like every member's, and disappears on withdrawal.
 */
export const attachmentEndpoint: Endpoint = {
  path: '/public/attachments/:id',
  method: 'get',
  handler: async (req) => {
    const id = String(req.routeParams?.id)
    const notFound = () => Response.json({ errors: [{ message: pick(req, { en: 'Not found.', zh: '未找到。' }) }] }, { status: 404 })
    if (!isDocumentId(req.payload, id)) return notFound()
    const policy = await publicFindOne(req.payload, 'policies', { attachments: { in: [id] } })
    if (!policy) return notFound()
    const media = await req.payload.findByID({ collection: 'media', id, depth: 0, overrideAccess: true }).catch(() => null)
    if (!media?.filename) return notFound()
    // filename comes from Payload's sanitised upload name; basename() keeps any path out regardless. Media
    // originals sit at the store's root (the collection's folder is the media root).
    const bytes = await fileStoreOf(req.payload).get(path.basename(media.filename))
    if (!bytes) return notFound()
    return new Response(new Uint8Array(bytes), {
      headers: {
        'content-type': media.mimeType ?? 'application/octet-stream',
        'content-disposition': `inline; filename*=UTF-8''${encodeURIComponent(media.filename)}`,
        'cache-control': CACHE_CONTROL,
      },
    })
  },
}
