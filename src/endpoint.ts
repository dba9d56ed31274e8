/**
 * One shape for the project's JSON endpoints: sign-in first, then the route's fixed choices, then the body checked
 * with zod, then the handler. A refusal inside the handler is thrown as a RuleViolation (src/rules/errors.ts);
 * Payload answers it with its status, rule, document and hint.
 */
import type { Endpoint, PayloadRequest } from 'payload'
import type { z } from 'zod'

import { badRequest, readJsonBody } from './http'
import { type Bilingual, pick } from './i18n'
import { RULE_NAMES, RuleViolation } from './rules/errors'

/** The body as `schema` reads it, or the 400 to answer: which fields are wrong and, when given, which are accepted. */
export async function parseJsonBody<T>(req: PayloadRequest, schema: z.ZodType<T>, fields?: readonly string[]): Promise<Response | T> {
  const raw = await readJsonBody(req)
  if (!raw.ok) return badRequest(req, 'The body is not valid JSON.', '请求体不是有效的 JSON。')
  const parsed = schema.safeParse(raw.value)
  if (parsed.success) return parsed.data
  const issues = parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ')
  const allowed = fields?.length ? { en: ` Allowed: ${fields.join(', ')}.`, zh: `可用字段：${fields.join('、')}。` } : { en: '', zh: '' }
  return badRequest(req, `Invalid body: ${issues}.${allowed.en}`, `请求内容不正确：${issues}。${allowed.zh}`)
}

/** 401 before anything else: anonymous callers learn nothing, not even whether their body would be valid. */
export function requireSignedIn(req: PayloadRequest, what: Bilingual): void {
  if (req.user) return
  throw new RuleViolation(req, {
    status: 401,
    rule: 'department-scope',
    ruleName: RULE_NAMES.departmentScope,
    message: { en: `${what.en} is for signed-in users only.`, zh: `${what.zh}仅限已登录用户。` },
    hint: { en: 'Sign in (Authorization: JWT <token> from POST /api/users/login).', zh: '请先登录（POST /api/users/login 获取令牌）。' },
  })
}

export const isOneOf = <T extends string>(values: readonly T[], value: string): value is T => (values as readonly string[]).includes(value)

export type JsonEndpointSpec<T> = {
  path: string
  method: 'delete' | 'patch' | 'post' | 'put'
  /** Only for signed-in users: what the 401 names (e.g. “the workflow of a package”). */
  signedIn?: Bilingual
  /** Route parameters with a fixed set of values; any other value is a 404 naming them, before the body is read. */
  choices?: Record<string, readonly string[]>
  body: z.ZodType<T>
  /** The accepted fields, named in the 400 of a body that does not parse. */
  fields?: readonly string[]
  handler: (req: PayloadRequest, body: T) => Promise<Response>
}

export function jsonEndpoint<T>(spec: JsonEndpointSpec<T>): Endpoint {
  return {
    path: spec.path,
    method: spec.method,
    handler: async (req) => {
      if (spec.signedIn) requireSignedIn(req, spec.signedIn)
      for (const [param, values] of Object.entries(spec.choices ?? {})) {
        const value = String(req.routeParams?.[param])
        if (values.includes(value)) continue
        const message = pick(req, {
          en: `Unknown ${param} “${value}”; use one of ${values.join(', ')}.`,
          zh: `未知操作“${value}”，可用：${values.join('、')}。`,
        })
        return Response.json({ errors: [{ message }] }, { status: 404 })
      }
      const body = await parseJsonBody(req, spec.body, spec.fields)
      if (body instanceof Response) return body
      return spec.handler(req, body)
    },
  }
}
