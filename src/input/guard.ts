import type {
  AfterErrorHook,
  CollectionBeforeOperationHook,
  Config,
  FlattenedField,
  PayloadRequest,
  Plugin,
  SanitizedCollectionConfig,
} from 'payload'

import { ValidationError } from 'payload'
import { validOperatorSet } from 'payload/shared'

import { stableErrorNames } from '../api/errorNames'
import { type Bilingual, pick } from '../i18n'
import { multipartFileLimit } from '../media/config'
import { fileNameProblem } from '../media/fileName'
import { formatBytes, mediaRefusal } from '../media/rules'
import { RuleViolation } from '../rules/errors'
import { isDocumentId } from './ids'

/**
 * The REST boundary: what a request must look like before any collection operation touches the database. Payload
 * checks field values, but not their JSON shape, and passes query values to the adapter as they come: an object
 * where a text belongs reaches SQLite as an unbindable parameter (500) and MongoDB as an operator (`{ $gt: "" }`
 * matches everything). Every problem is a 4xx naming the parameter or field.
 */

const RULE: Bilingual = { en: 'request format', zh: '请求格式' }

/** Largest JSON document a write may carry (the rich-text limit, src/richText/validate.ts, sits below it). */
export const MAX_JSON_BODY_BYTES = 4 * 1024 * 1024
/**
 * Nesting deeper than this is no document this system writes (rich text, the deepest, is limited to 50 nodes, about
 * 100 JSON levels); walking it would only risk the stack.
 */
const MAX_DEPTH = 256
export const MAX_LIST_LIMIT = 1000
export const MAX_LIST_PAGE = 10_000

/** Set once a collection operation has started: errors before that came from reading the request itself. */
const REACHED = 'inputGuard:operationReached'
const BODY_CHECKED = 'inputGuard:bodyChecked'

const refuse = (req: PayloadRequest, status: number, message: Bilingual, hint: Bilingual) =>
  new RuleViolation(req, { status, rule: 'request-input', ruleName: RULE, message, hint })

const isPlain = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && [Object.prototype, null].includes(Object.getPrototypeOf(value))

/** A single query or field value: anything but a plain object or an array (ObjectId instances and Dates pass). */
const isSingle = (value: unknown): boolean => !Array.isArray(value) && !isPlain(value)

/** `$ne`, `$where`, `$gt`…: MongoDB operators. `$` alone is Lexical's node-state key and stays allowed. */
const isOperatorKey = (key: string) => /^\$./.test(key)
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype'])
const forbiddenKey = (key: string) => isOperatorKey(key) || PROTOTYPE_KEYS.has(key)

const SINGLE_VALUE_OPERATORS = new Set([
  'equals',
  'not_equals',
  'like',
  'not_like',
  'contains',
  'greater_than',
  'greater_than_equal',
  'less_than',
  'less_than_equal',
  'exists',
])
const LIST_OPERATORS = new Set(['in', 'not_in', 'all'])
const OPERATOR_LIST = [...validOperatorSet].join(', ')

function whereProblem(where: unknown, at: string, depth = 0): Bilingual | null {
  if (depth > MAX_DEPTH) return { en: `${at} is nested too deeply.`, zh: `${at} 嵌套层级过深。` }
  if (!isPlain(where)) return { en: `${at} must be an object of conditions.`, zh: `${at} 必须是查询条件对象。` }
  for (const [key, value] of Object.entries(where)) {
    const here = `${at}[${key}]`
    if (key === 'and' || key === 'or') {
      // qs turns a[0]… into an array, and large indices into an object.
      const list = Array.isArray(value) ? value : isPlain(value) ? Object.values(value) : null
      if (!list) return { en: `${here} must be a list of conditions.`, zh: `${here} 必须是查询条件列表。` }
      for (const [i, sub] of list.entries()) {
        const problem = whereProblem(sub, `${here}[${i}]`, depth + 1)
        if (problem) return problem
      }
      continue
    }
    if (key.split('.').some(forbiddenKey)) {
      return {
        en: `${here}: “${key}” is not a field path; database operators such as $ne or $where are not accepted.`,
        zh: `${here}：“${key}”不是字段路径；不接受 $ne、$where 等数据库运算符。`,
      }
    }
    if (!isPlain(value)) {
      return { en: `${here} must name an operator, e.g. ${here}[equals]=….`, zh: `${here} 须指明运算符，例如 ${here}[equals]=…。` }
    }
    for (const [operator, operand] of Object.entries(value)) {
      const there = `${here}[${operator}]`
      if (![...validOperatorSet].some((known) => known === operator)) {
        return {
          en: `${there}: unknown operator “${operator}”; use one of ${OPERATOR_LIST}.`,
          zh: `${there}：未知运算符“${operator}”；可用：${OPERATOR_LIST}。`,
        }
      }
      const ok = SINGLE_VALUE_OPERATORS.has(operator)
        ? isSingle(operand)
        : LIST_OPERATORS.has(operator)
          ? Array.isArray(operand)
            ? operand.every(isSingle)
            : isSingle(operand)
          : true
      if (!ok) {
        return { en: `${there} must be a single value, not an object.`, zh: `${there} 的值必须是单个值，不能是对象。` }
      }
    }
  }
  return null
}

/** Operators whose `null` operand means “is empty” in Payload's query language; any other null operand means “not given”. */
const NULL_MEANINGFUL = new Set(['equals', 'not_equals'])

/**
 * GraphQL input objects spell “not given” as `null` (`where: { id: null }`, `{ createdAt: { like: null } }`), and
 * Payload passes them on to the adapter, where SQLite's query builder throws on them (500). Dropped here, so the
 * condition reads as the caller meant it: absent.
 */
export function withoutNullConditions(where: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(where)) {
    if (value === null || value === undefined) continue
    if (['and', 'or'].includes(key.toLowerCase()) && Array.isArray(value)) {
      out[key] = value.filter(isPlain).map(withoutNullConditions)
    } else if (isPlain(value)) {
      const operators = Object.entries(value).filter(([op, operand]) => operand !== null || NULL_MEANINGFUL.has(op))
      if (operators.length) out[key] = Object.fromEntries(operators)
    } else {
      out[key] = value
    }
  }
  return out
}

const SORT_KEY = /^-?[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$/

/** limit, page and sort of Payload's list route (`GET /api/<slug>`), read as the client sent them. */
function listProblem(req: PayloadRequest): Bilingual | null {
  const query = (req.query ?? {}) as Record<string, unknown>
  const bounds = { limit: [0, MAX_LIST_LIMIT], page: [1, MAX_LIST_PAGE] } as const
  for (const [name, [min, max]] of Object.entries(bounds)) {
    if (!(name in query)) continue
    // Payload's handler has already turned numeric strings into numbers (in place); anything else is still text.
    const raw = query[name]
    const value =
      typeof raw === 'number' && Number.isInteger(raw) ? raw : typeof raw === 'string' && /^\d{1,9}$/.test(raw) ? Number(raw) : NaN
    if (!(value >= min && value <= max)) {
      const shown = typeof raw === 'string' ? raw.slice(0, 20) : JSON.stringify(raw)?.slice(0, 40)
      return {
        en: `${name} “${shown}” is not a whole number from ${min} to ${max}.`,
        zh: `${name}“${shown}”须为 ${min} 至 ${max} 之间的整数。`,
      }
    }
  }
  if ('sort' in query) {
    const raw = query.sort
    const keys = typeof raw === 'string' ? raw.split(',') : Array.isArray(raw) ? raw : [raw]
    const bad = keys.find((k) => typeof k !== 'string' || !SORT_KEY.test(k.trim()))
    if (bad !== undefined) {
      const shown = typeof bad === 'string' ? bad.slice(0, 40) : JSON.stringify(bad)?.slice(0, 40)
      return { en: `sort “${shown}” is not a field path (e.g. -updatedAt).`, zh: `排序参数“${shown}”不是字段路径（例如 -updatedAt）。` }
    }
  }
  return null
}

/**
 * Query keys as sent: the query parser silently drops `where[__proto__][…]`, so `DELETE /api/x?where[__proto__][a]=1`
 * would reach the operation with no condition at all — and delete everything the caller may delete.
 */
function rawQueryProblem(req: PayloadRequest): Bilingual | null {
  for (const key of new URL(req.url ?? 'http://x/').searchParams.keys()) {
    const bad = key.split(/[[\]]+/).find((segment) => PROTOTYPE_KEYS.has(segment) || isOperatorKey(segment))
    if (bad !== undefined) {
      const shown = key.slice(0, 60)
      return {
        en: `query parameter “${shown}”: “${bad}” is not a field or operator name; database operators and prototype keys are not accepted.`,
        zh: `查询参数“${shown}”：“${bad}”不是字段或运算符名称；不接受数据库运算符和原型属性。`,
      }
    }
  }
  return null
}

const isListRoute = (req: PayloadRequest, slug: string) =>
  req.method === 'GET' &&
  req.routeParams?.collection === slug &&
  new URL(req.url ?? 'http://x/').pathname.replace(/\/+$/, '').endsWith(`/${slug}`)

/** The first key anywhere in a JSON body that is a MongoDB operator or reaches an object's prototype. */
function forbiddenKeyPath(value: unknown, path: string, depth = 0): { depth: true } | { path: string } | null {
  if (depth > MAX_DEPTH) return { depth: true }
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : isPlain(value) ? Object.entries(value) : []
  for (const [key, child] of entries) {
    const childPath = path ? `${path}.${key}` : key
    if (!Array.isArray(value) && forbiddenKey(key)) return { path: childPath }
    const found = forbiddenKeyPath(child, childPath, depth + 1)
    if (found) return found
  }
  return null
}

type Expected = 'a list' | 'a rich-text object' | 'a single value' | 'an object' | 'document ids'
const EXPECTED_ZH: Record<Expected, string> = {
  'a list': '列表（数组）',
  'a rich-text object': 'Lexical 富文本对象',
  'a single value': '单个值（文本、数字或是否）',
  'an object': '对象',
  'document ids': '文档编号',
}

const isRelationValue = (v: unknown) => isSingle(v) || (isPlain(v) && ('id' in v || ('relationTo' in v && 'value' in v)))

/** Each field present in `data` must have its JSON shape: objects never where a single value belongs. */
function shapeProblems(
  fields: FlattenedField[],
  data: Record<string, unknown>,
  prefix: string,
  out: { expected: Expected; path: string }[],
) {
  for (const field of fields) {
    if (!('name' in field) || !Object.hasOwn(data, field.name)) continue
    const value = data[field.name]
    const path = `${prefix}${field.name}`
    if (value === null || value === undefined) continue
    const many = 'hasMany' in field && field.hasMany === true
    switch (field.type) {
      case 'text':
      case 'textarea':
      case 'email':
      case 'code':
      case 'select':
      case 'radio':
      case 'number':
      case 'checkbox':
      case 'date':
        if (many ? !(Array.isArray(value) && value.every(isSingle)) : !isSingle(value))
          out.push({ path, expected: many ? 'a list' : 'a single value' })
        break
      case 'relationship':
      case 'upload':
        if (
          many || Array.isArray(field.relationTo)
            ? !(Array.isArray(value) ? value.every(isRelationValue) : isRelationValue(value))
            : !isRelationValue(value)
        ) {
          out.push({ path, expected: 'document ids' })
        }
        break
      case 'richText':
        if (!isPlain(value)) out.push({ path, expected: 'a rich-text object' })
        break
      case 'group':
      case 'tab':
        if (!isPlain(value)) out.push({ path, expected: 'an object' })
        else shapeProblems(field.flattenedFields, value, `${path}.`, out)
        break
      case 'array':
        if (!Array.isArray(value) || !value.every(isPlain)) out.push({ path, expected: 'a list' })
        else value.forEach((row, i) => shapeProblems(field.flattenedFields, row as Record<string, unknown>, `${path}.${i}.`, out))
        break
      case 'blocks':
        if (!Array.isArray(value) || !value.every(isPlain)) out.push({ path, expected: 'a list' })
        else
          value.forEach((row, i) => {
            const block = field.blocks.find((b) => b.slug === (row as { blockType?: unknown }).blockType)
            if (block) shapeProblems(block.flattenedFields, row as Record<string, unknown>, `${path}.${i}.`, out)
          })
        break
      default:
        break
    }
  }
}

function assertWritableData(req: PayloadRequest, collection: SanitizedCollectionConfig, data: unknown) {
  if (data === undefined) {
    if (req.file) return
    const type = (req.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase()
    if (type && type !== 'application/json' && !type.startsWith('multipart/')) throw unsupportedType(req, type)
    throw refuse(
      req,
      400,
      { en: 'the request has no body.', zh: '请求体为空。' },
      {
        en: 'Send the document as a JSON object (Content-Type: application/json).',
        zh: '请以 JSON 对象提交文档（Content-Type: application/json）。',
      },
    )
  }
  if (!isPlain(data)) {
    throw refuse(
      req,
      400,
      {
        en: `the body is ${Array.isArray(data) ? 'a list' : `a JSON ${data === null ? 'null' : typeof data}`}, not an object.`,
        zh: `请求体是${Array.isArray(data) ? '数组' : data === null ? ' null' : `${typeof data} 值`}，而不是 JSON 对象。`,
      },
      { en: 'Send the document as a JSON object of its fields.', zh: '请以字段组成的 JSON 对象提交文档。' },
    )
  }
  const found = forbiddenKeyPath(data, '')
  if (found && 'depth' in found) {
    throw refuse(
      req,
      400,
      { en: `the body is nested more than ${MAX_DEPTH} levels deep.`, zh: `请求体嵌套超过 ${MAX_DEPTH} 层。` },
      { en: 'Send the document’s fields only.', zh: '请只提交文档的字段。' },
    )
  }
  if (found) {
    throw new ValidationError(
      {
        collection: collection.slug,
        errors: [
          {
            path: found.path,
            message: pick(req, {
              en: `[request format] the key “${found.path.split('.').pop()}” is not accepted: database operators ($…) and prototype keys are not data.`,
              zh: `【请求格式】不接受键“${found.path.split('.').pop()}”：数据库运算符（$…）和原型属性不是数据。`,
            }),
          },
        ],
        req,
      },
      req.t,
    )
  }
  const bytes = Buffer.byteLength(JSON.stringify(data))
  if (bytes > MAX_JSON_BODY_BYTES) {
    throw refuse(
      req,
      413,
      {
        en: `the document is ${(bytes / 1048576).toFixed(1)} MiB; at most ${MAX_JSON_BODY_BYTES / 1048576} MiB are accepted.`,
        zh: `提交的文档大小为 ${(bytes / 1048576).toFixed(1)} MiB，超过上限 ${MAX_JSON_BODY_BYTES / 1048576} MiB。`,
      },
      { en: 'Move long texts into attachments, or split the document.', zh: '请将长篇内容改为附件上传，或拆分文档。' },
    )
  }
  const problems: { expected: Expected; path: string }[] = []
  shapeProblems(collection.flattenedFields, data, '', problems)
  if (problems.length) {
    throw new ValidationError(
      {
        collection: collection.slug,
        errors: problems.map(({ expected, path }) => ({
          path,
          message: pick(req, {
            en: `[request format] “${path}” must be ${expected}.`,
            zh: `【请求格式】“${path}”的值应为${EXPECTED_ZH[expected]}。`,
          }),
        })),
        req,
      },
      req.t,
    )
  }
}

const unsupportedType = (req: PayloadRequest, type: string) =>
  refuse(
    req,
    415,
    { en: `Content-Type “${type.slice(0, 80)}” is not accepted.`, zh: `不支持的请求类型（Content-Type）“${type.slice(0, 80)}”。` },
    {
      en: 'Send application/json, or multipart/form-data with the file in “file” and the fields as JSON in “_payload”.',
      zh: '请使用 application/json；上传文件时使用 multipart/form-data（文件放在“file”，其他字段以 JSON 放在“_payload”）。',
    },
  )

/**
 * Runs before every operation of every collection, and checks what came from the request itself: the route's own
 * operation in a REST call (nested Local API calls made by hooks build their arguments in code).
 */
export const guardInput: CollectionBeforeOperationHook = ({ args, collection, operation, req }) => {
  // A collection route's params are set once it is matched: authentication's user lookup, earlier, does not count.
  if (req.routeParams?.collection !== undefined) req.context[REACHED] = true
  const a = args as { data?: unknown; id?: unknown; where?: unknown }
  if (req.payloadAPI === 'GraphQL' && isPlain(a.where)) a.where = withoutNullConditions(a.where)
  if (req.payloadAPI !== 'REST' || req.routeParams?.collection !== collection.slug) return args
  const queryHint = { en: 'See the REST query syntax: where[field][operator]=value.', zh: '查询语法：where[字段][运算符]=值。' }
  const raw = rawQueryProblem(req)
  if (raw) throw refuse(req, 400, raw, queryHint)
  // The handlers pass the parsed query's own where object (parsed from JSON when sent as a string).
  if (a.where !== undefined && a.where !== null && a.where === (req.query as { where?: unknown } | undefined)?.where) {
    const problem = whereProblem(a.where, 'where')
    if (problem) throw refuse(req, 400, problem, queryHint)
  }
  if (operation === 'read' && a.id === undefined && isListRoute(req, collection.slug)) {
    const problem = listProblem(req)
    if (problem)
      throw refuse(req, 400, problem, {
        en: 'Narrow the query with where[…] instead of paging far.',
        zh: '请用 where[…] 条件缩小范围，而不是翻到很远的页。',
      })
  }
  const routeId = req.routeParams?.id
  if (typeof routeId === 'string' && a.id !== undefined && !isDocumentId(req.payload, routeId)) {
    // Checked as sent: on SQLite Payload parseFloat()s it first, so `1 OR 1=1` would read document 1.
    throw refuse(
      req,
      404,
      {
        en: `“${routeId.slice(0, 40)}” is not a document id; nothing was found.`,
        zh: `“${routeId.slice(0, 40)}”不是有效的文档编号，未找到该文档。`,
      },
      { en: 'Use the id from a list or search result.', zh: '请使用列表或查询结果中的 id。' },
    )
  }
  // The first write of the route's collection carries the request body; later ones are the hooks' own.
  if ((operation === 'create' || operation === 'update') && !req.context[BODY_CHECKED]) {
    req.context[BODY_CHECKED] = true
    assertWritableData(req, collection, a.data)
    if (req.file) {
      const problem = fileNameProblem(req.file.name)
      if (problem) {
        throw mediaRefusal(req, {
          status: 400,
          rule: 'media-file-name',
          message: problem,
          hint: {
            en: 'Rename the file (letters, digits, - and _) and upload it again.',
            zh: '请重命名文件（使用文字、数字、- 和 _）后重新上传。',
          },
          document: { collection: collection.slug },
        })
      }
    }
  }
  return args
}

/**
 * Requests that fail while Payload reads them (before any operation starts) are the client's: a multipart body
 * the parser cannot read, JSON in `_payload` or `?where=` that does not parse, a body type nothing reads.
 * Payload answers those with a bare 500; here they become a 400 / 415 that says what was wrong.
 */
export const requestErrors: AfterErrorHook = ({ error, req }) => {
  if (!req?.context || req.context[REACHED]) return
  const status = (error as { status?: number }).status ?? 500
  const overLimit = /size limit has been reached/i.test(error.message)
  if (status < 500 && !(error instanceof SyntaxError) && !overLimit) return
  const type = (req.headers?.get('content-type') ?? '').split(';')[0].trim().toLowerCase()
  const withBody = ['POST', 'PATCH', 'PUT'].includes(String(req.method).toUpperCase())
  let refusal: RuleViolation | undefined
  // The multipart parser's own limit (busboy): an English sentence and a 500 unless answered as the size rule.
  if (withBody && overLimit) {
    refusal = mediaRefusal(req, {
      status: 413,
      rule: 'media-file-size',
      message: {
        en: `the upload is larger than ${formatBytes(multipartFileLimit())}, the most this server accepts in one request.`,
        zh: `上传内容超过单次请求上限 ${formatBytes(multipartFileLimit())}。`,
      },
      hint: {
        en: 'Compress the file or shorten the video; the limits are MEDIA_MAX_IMAGE_MB and MEDIA_MAX_VIDEO_MB.',
        zh: '请压缩文件或缩短视频；上限由 MEDIA_MAX_IMAGE_MB 和 MEDIA_MAX_VIDEO_MB 配置。',
      },
    })
  } else if (error instanceof SyntaxError) {
    refusal = refuse(
      req,
      400,
      { en: `part of the request is not valid JSON (${error.message}).`, zh: `请求中的 JSON 无法解析（${error.message}）。` },
      {
        en: 'Check the JSON in the body, in “_payload” or in ?where= / ?data=.',
        zh: '请检查请求体、“_payload”字段或 ?where= / ?data= 参数中的 JSON。',
      },
    )
  } else if (withBody && type.startsWith('multipart/') && req.data === undefined && !req.file) {
    refusal = refuse(
      req,
      400,
      {
        en: `the multipart/form-data body cannot be read (${error.message}).`,
        zh: `multipart/form-data 请求体无法解析（${error.message}）。`,
      },
      {
        en: 'Send a complete multipart body with its boundary, the file in “file” and the fields as JSON in “_payload”.',
        zh: '请提交完整的 multipart 请求体（含 boundary），文件放在“file”，其他字段以 JSON 放在“_payload”。',
      },
    )
  } else if (withBody && type && type !== 'application/json' && !type.startsWith('multipart/') && req.data === undefined) {
    refusal = unsupportedType(req, type)
  }
  if (!refusal) return
  return {
    status: refusal.status,
    response: { errors: [{ name: refusal.name, message: refusal.message, data: refusal.data as Record<string, unknown> }] },
  }
}

/**
 * Installs the guard on every collection, the error mapping, and keeps upload file names as sent (`preservePath`)
 * so that a name with a path is refused rather than quietly cut to its last segment.
 */
export const inputGuards: Plugin = (config: Config): Config => ({
  ...config,
  upload: { ...config.upload, preservePath: true },
  collections: (config.collections ?? []).map((collection) => ({
    ...collection,
    hooks: { ...collection.hooks, beforeOperation: [guardInput, ...(collection.hooks?.beforeOperation ?? [])] },
  })),
  // Stable names first: requestErrors then replaces whole answers for errors raised while reading the request.
  hooks: { ...config.hooks, afterError: [stableErrorNames, ...(config.hooks?.afterError ?? []), requestErrors] },
})
