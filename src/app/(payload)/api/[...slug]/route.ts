import config from '@payload-config'
import '@payloadcms/next/css'
import { fromCacheOnly } from '../../../../api/publicCache'
import { REST_DELETE, REST_GET, REST_OPTIONS, REST_PATCH, REST_POST, REST_PUT } from '@payloadcms/next/routes'

const restGet = REST_GET(config)

// Hot public URLs are answered from the instance's response cache before a Payload request is built.
export const GET = (request: Request, context: { params: Promise<{ slug: string[] }> }) =>
  fromCacheOnly(request.url, request.headers.get('if-none-match')) ?? restGet(request, context)
export const POST = REST_POST(config)
export const DELETE = REST_DELETE(config)
export const PATCH = REST_PATCH(config)
export const PUT = REST_PUT(config)
export const OPTIONS = REST_OPTIONS(config)
