import config from '@payload-config'
import { REST_GET, REST_OPTIONS } from '@payloadcms/next/routes'

import { fromCacheOnly } from '../../../../../api/publicCache'

/**
 * The public content API's hot path, in a route of our own so that Payload's generated api/[...slug]/route.ts stays
 * as Payload writes it: a hot URL is answered from this instance's response cache before a Payload request is built;
 * anything else goes to Payload's REST handler like every /api route. (Methods other than GET/HEAD/OPTIONS are
 * refused with 405 before this route, in src/server/httpGuard.ts.)
 */
const restGet = REST_GET(config)
const restOptions = REST_OPTIONS(config)

type Context = { params: Promise<{ slug: string[] }> }
// Payload's handler routes by the whole path under /api.
const underApi = ({ params }: Context) => ({ params: params.then(({ slug }) => ({ slug: ['public', ...slug] })) })

export const GET = (request: Request, context: Context) =>
  fromCacheOnly(request.url, request.headers.get('if-none-match')) ?? restGet(request, underApi(context))
export const OPTIONS = (request: Request, context: Context) => restOptions(request, underApi(context))
