import {
  type AfterErrorHook,
  APIError,
  AuthenticationError,
  FileRetrievalError,
  FileUploadError,
  Forbidden,
  Locked,
  LockedAuth,
  MissingFile,
  NotFound,
  QueryError,
  UnauthorizedError,
  UnverifiedEmail,
  ValidationError,
} from 'payload'

import { RuleViolation } from '../rules/errors'

/**
 * Payload names its errors after their class (`this.name = this.constructor.name`), and `next start` minifies
 * server code, so a field error reached clients as `"name": "o"`. Error names are part of the API contract
 * (clients branch on ValidationError vs RuleViolation): they are set here by class, most specific first.
 */
const NAMES: [abstract new (...args: never[]) => Error, string][] = [
  [RuleViolation, 'RuleViolation'],
  [ValidationError, 'ValidationError'],
  [QueryError, 'QueryError'],
  [LockedAuth, 'LockedAuth'],
  [Locked, 'Locked'],
  [AuthenticationError, 'AuthenticationError'],
  [UnverifiedEmail, 'UnverifiedEmail'],
  [UnauthorizedError, 'UnauthorizedError'],
  [Forbidden, 'Forbidden'],
  [NotFound, 'NotFound'],
  [MissingFile, 'MissingFile'],
  [FileUploadError, 'FileUploadError'],
  [FileRetrievalError, 'FileRetrievalError'],
  [APIError, 'APIError'],
]

/** The stable name of an error: its Payload class's, or `Error` for anything else. */
export const stableErrorName = (error: unknown): string => NAMES.find(([type]) => error instanceof type)?.[1] ?? 'Error'

type ErrorBody = { errors?: { name?: unknown }[] }

/** GraphQL error codes (the Apollo convention clients and tools read) by HTTP status. */
const graphqlCode = (status: number) =>
  status >= 500
    ? 'INTERNAL_SERVER_ERROR'
    : status === 401
      ? 'UNAUTHENTICATED'
      : status === 403
        ? 'FORBIDDEN'
        : status === 404
          ? 'NOT_FOUND'
          : 'BAD_USER_INPUT'

/**
 * Rewrites the `name` of every error in a REST error answer to its stable name; in GraphQL, `extensions.name` and
 * an `extensions.code` by status.
 */
export const stableErrorNames: AfterErrorHook = ({ error, graphqlResult, result }) => {
  if (graphqlResult) {
    const original = (error as { originalError?: unknown }).originalError ?? error
    const extensions = (graphqlResult.extensions ?? {}) as { statusCode?: number }
    const status = typeof extensions.statusCode === 'number' ? extensions.statusCode : 500
    return {
      graphqlResult: { ...graphqlResult, extensions: { ...extensions, name: stableErrorName(original), code: graphqlCode(status) } },
    }
  }
  const body = result as ErrorBody | undefined
  if (!body || !Array.isArray(body.errors)) return
  const name = stableErrorName(error)
  // A hidden internal error ("Something went wrong.") was replaced by a fresh APIError: it is an APIError then.
  return { response: { ...body, errors: body.errors.map((e) => ({ ...e, name: e.name === undefined ? e.name : name })) } }
}
