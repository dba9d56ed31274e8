/**
 * Building blocks of the OpenAPI document (src/api/openapi.ts): schemas, parameters and the standard error answers.
 * Each group of endpoints describes itself in a file of this folder as a `PathItems` section.
 */

export type Schema = Record<string, unknown>
export type Operation = Record<string, unknown> & { responses: Record<string, unknown>; summary: string }
export type PathItems = Record<string, Partial<Record<'delete' | 'get' | 'patch' | 'post' | 'put', Operation>>>

export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })
export const nullable = (schema: Schema) => ({ oneOf: [schema, { type: 'null' }] })
/** A document id, as the served database has them (components.schemas.Id, see idSchema). */
export const id = ref('Id')
/** Ids are integers on SQLite (and Postgres), 24-digit hex ObjectIds on MongoDB: the document says which this server uses. */
export const idSchema = (idType: 'number' | 'text') =>
  idType === 'number'
    ? { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description: 'Document id (this server: integers)' }
    : { type: 'string', pattern: '^[0-9a-fA-F]{24}$', description: 'Document id (this server: MongoDB ObjectIds)' }
export const str = { type: 'string' }
/** A text the server trims: at least one non-blank character. */
export const text = (maxLength: number, minLength = 1) => ({ type: 'string', minLength, maxLength, pattern: '\\S' })
export const date = { type: 'string', format: 'date-time' }
export const json = (schema: Schema, description: string) => ({ description, content: { 'application/json': { schema } } })

const ERROR_TEXT: Record<number, string> = {
  400: 'Bad input (the message names the parameter or field; `data.rule` the rule)',
  401: 'Not signed in',
  403: 'Wrong role or department',
  404: 'Not found, or not visible to the caller',
  405: 'Method not served here (see the Allow header)',
  409: 'Not possible in the current state',
  413: 'Body too large',
  415: 'Content-Type not accepted',
  422: 'A rule of the domain refuses it',
}

/** Error answers in the common error body; a string overrides the default description. */
export function errors(...codes: (number | [number, string])[]): Record<string, unknown> {
  return Object.fromEntries(
    codes.map((c) => {
      const [code, description] = Array.isArray(c) ? c : [c, ERROR_TEXT[c] ?? 'Error']
      const answer: Record<string, unknown> = json(ref('Error'), description)
      if (code === 405) answer.headers = { Allow: { description: 'The methods served at this path', schema: str, required: true } }
      return [String(code), answer]
    }),
  )
}

export const cached = {
  ETag: { description: 'Content hash; send it back as If-None-Match to get 304', schema: str },
  'Cache-Control': { schema: str, example: 'public, max-age=30, stale-while-revalidate=300' },
}
export const notModified = { 304: { description: 'Not modified (If-None-Match matched the ETag)' } }
/** A query parameter; an optional one may be sent empty, which means absent (allowEmptyValue). */
export const query = (name: string, schema: Schema, description: string, required = false) =>
  required
    ? { name, in: 'query', required, schema, description }
    : { name, in: 'query', required, allowEmptyValue: true, schema, description }
export const pathParam = (name: string, description: string, schema: Schema = id) => ({
  name,
  in: 'path',
  required: true,
  schema,
  description,
})
export const ifNoneMatch = { name: 'If-None-Match', in: 'header', required: false, schema: str }
export const signedIn = [{ jwt: [] }]
/** Endpoints that answer both anonymous readers and signed-in users (who may see more). */
export const optionalAuth = [{}, { jwt: [] }]

export const ERROR_SCHEMA = {
  type: 'object',
  required: ['errors'],
  properties: {
    errors: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        required: ['message'],
        properties: {
          name: {
            type: 'string',
            description:
              'Stable error class: RuleViolation (a rule refused it), ValidationError (field errors in data.errors), QueryError, Forbidden, NotFound, UnauthorizedError, AuthenticationError, LockedAuth, APIError',
          },
          message: { type: 'string', description: 'In the request’s language (Accept-Language: zh, the default, or en)' },
          data: {
            type: 'object',
            properties: {
              rule: { type: 'string', description: 'Stable rule code (src/rules/errors.ts RuleCode)' },
              ruleName: { oneOf: [ref('Bilingual'), { type: 'string' }], description: 'The rule’s name in Chinese and English' },
              hint: { type: 'string', description: 'What to do about it' },
              suggestion: { type: 'string', description: 'A corrected value, when the rule can propose one' },
              document: { type: 'object', properties: { collection: str, id: { oneOf: [{ type: 'integer' }, str] }, title: str } },
              errors: {
                type: 'array',
                items: { type: 'object', properties: { path: str, message: str } },
                description: 'ValidationError: one entry per field',
              },
            },
          },
        },
      },
    },
  },
}
