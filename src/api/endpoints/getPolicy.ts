import type { Endpoint, PayloadRequest, Where } from 'payload'

import { pick } from '../../i18n'
import { isDocumentId } from '../../input/ids'
import { cachedResponse, policyTag } from '../publicCache'
import { publicFindOne } from '../publicRead'
import { policyBundle } from '../publicViews'

const notFound = (req: PayloadRequest) => () =>
  Response.json(
    { errors: [{ message: pick(req, { en: 'No released, publicly disclosed policy matches.', zh: '未找到已发布的主动公开政策文件。' }) }] },
    { status: 404 },
  )

async function bundleResponse(req: PayloadRequest, where: Where) {
  return cachedResponse(
    req,
    async () => {
      const policy = await publicFindOne(req.payload, 'policies', where, 1)
      if (!policy) return null
      const bundle = await policyBundle(req.payload, policy)
      // Members are read after the policy: a withdrawal in between would hide them and leave a policy without its
      // interpretations. Public visibility never comes back once lost, so still visible now means visible throughout.
      const still = await publicFindOne(req.payload, 'policies', { id: { equals: policy.id } }, 0)
      return still ? { body: JSON.stringify(bundle), tags: [policyTag(policy.id)] } : null
    },
    notFound(req),
  )
}

/** GET /api/public/policies/:id — the bundle: policy, consultation, every released member (双关联 in one call). */
export const getPolicyEndpoint: Endpoint = {
  path: '/public/policies/:id',
  method: 'get',
  handler: (req) =>
    isDocumentId(req.payload, String(req.routeParams?.id))
      ? bundleResponse(req, { id: { equals: String(req.routeParams?.id) } })
      : notFound(req)(),
}

/** GET /api/public/lookup?indexNumber=… or ?documentNumber=… — the same bundle, addressed the way documents are cited. */
export const lookupPolicyEndpoint: Endpoint = {
  path: '/public/lookup',
  method: 'get',
  handler: (req) => {
    const params = new URL(req.url ?? 'http://x/').searchParams
    const indexNumber = params.get('indexNumber')?.trim()
    const documentNumber = params.get('documentNumber')?.trim()
    if ((indexNumber ?? documentNumber ?? '').length > 80) {
      return Promise.resolve(
        Response.json(
          {
            errors: [
              {
                message: pick(req, {
                  en: 'indexNumber / documentNumber is longer than 80 characters.',
                  zh: '索引号或发文字号超过 80 个字符。',
                }),
              },
            ],
          },
          { status: 400 },
        ),
      )
    }
    if (!indexNumber === !documentNumber) {
      return Promise.resolve(
        Response.json(
          {
            errors: [
              {
                message: pick(req, {
                  en: 'Give exactly one of indexNumber or documentNumber.',
                  zh: '请提供 indexNumber（索引号）或 documentNumber（发文字号）之一。',
                }),
              },
            ],
          },
          { status: 400 },
        ),
      )
    }
    const where: Where = indexNumber ? { indexNumber: { equals: indexNumber } } : { documentNumber: { equals: documentNumber } }
    return bundleResponse(req, where)
  },
}
