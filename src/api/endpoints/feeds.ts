import type { Endpoint } from 'payload'

import { badRequest } from '../../http'
import { pick } from '../../i18n'
import { FEED_FORMATS, FEED_TYPES, type FeedFormat, interpretationsFeed, policiesFeed } from '../feeds'
import { cachedResponse, LISTS_TAG } from '../publicCache'
import { listQuery, parseQuery } from '../query'

/** Every feed path: {policies|interpretations}.{rss|atom|json} (the OpenAPI document's enum). */
export const FEED_NAMES = (['policies', 'interpretations'] as const).flatMap((kind) =>
  Object.keys(FEED_FORMATS).map((format) => `${kind}.${format}`),
)

const feedQuery = listQuery.pick({ department: true, documentType: true, subject: true, form: true })

/**
 * GET /api/public/feeds/{policies|interpretations}.{rss|atom|json}[?department=&form=…] — RSS 2.0, Atom and
 * JSON Feed subscriptions (订阅) to columns.
 */
export const feedsEndpoint: Endpoint = {
  path: '/public/feeds/:name',
  method: 'get',
  handler: async (req) => {
    const name = String(req.routeParams?.name)
    if (!(FEED_NAMES as readonly string[]).includes(name)) {
      return Response.json(
        {
          errors: [
            {
              message: pick(req, {
                en: `No feed “${name.slice(0, 40)}”; feeds: ${FEED_NAMES.join(', ')}.`,
                zh: `没有订阅源“${name.slice(0, 40)}”；可用：${FEED_NAMES.join('、')}。`,
              }),
            },
          ],
        },
        { status: 404 },
      )
    }
    const [kind, format] = name.split('.') as [string, FeedFormat]
    const q = parseQuery(req, feedQuery)
    if ('error' in q) return badRequest(req, `Invalid query: ${q.error}.`, `查询参数有误：${q.error}。`)
    const url = new URL(req.url ?? 'http://localhost/')
    const origin = process.env.SERVER_URL || url.origin
    return cachedResponse(
      req,
      async () => {
        const feed =
          kind === 'policies'
            ? await policiesFeed(req.payload, origin, url.search, q.value, format)
            : await interpretationsFeed(req.payload, origin, url.search, q.value, format)
        return { body: feed[FEED_FORMATS[format]](), contentType: FEED_TYPES[format], tags: [LISTS_TAG] }
      },
      () => new Response(null, { status: 404 }),
    )
  },
}
