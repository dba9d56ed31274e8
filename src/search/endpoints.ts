import type { Endpoint, PayloadRequest } from 'payload'

import { createLocalReq } from 'payload'

import { appendAudit } from '../audit/auditTrail'
import type { Bilingual } from '../i18n'
import { isAdminUser } from '../roles'
import { RULE_NAMES, RuleViolation } from '../rules/errors'
import { SEARCH_RULE_NAME } from './labels'
import type { Filters } from './query'
import { presentResults } from './results'
import { type SearchBackend, searchBackend } from './backend'
import { SearchUnavailableError } from './opensearch/client'
import { REINDEX_ACTION } from './reactions'
import { memberForms, searchableCollections } from './sources'
import { recordZeroResult } from './zeroResults'

export const MAX_QUERY_LENGTH = 100
export const MAX_PAGE = 50
export const MAX_PAGE_SIZE = 50
const DEFAULT_PAGE_SIZE = 10
const SEARCH_PARAMS = new Set(['q', 'type', 'department', 'year', 'form', 'page', 'limit'])

const refuse = (req: PayloadRequest, message: Bilingual, hint: Bilingual) =>
  new RuleViolation(req, { status: 400, rule: 'search-query', ruleName: SEARCH_RULE_NAME, message, hint })

type SearchParams = { filters: Filters; page: number; pageSize: number; q: string }

const integer = (value: string) => (/^\d{1,6}$/.test(value) ? Number(value) : NaN)

/** Reads and checks the query string; anything out of bounds is a 400 naming the parameter and its limits. */
export function parseSearchParams(req: PayloadRequest): SearchParams {
  const params = new URL(req.url ?? 'http://localhost/').searchParams
  // An unknown parameter (a typo, or department[$ne]=…) would otherwise be ignored and the search run unfiltered.
  const unknown = [...params.keys()].find((key) => !SEARCH_PARAMS.has(key))
  if (unknown !== undefined) {
    throw refuse(
      req,
      { en: `unknown parameter “${unknown.slice(0, 40)}”.`, zh: `未知参数“${unknown.slice(0, 40)}”。` },
      { en: `Use: ${[...SEARCH_PARAMS].join(', ')}.`, zh: `可用参数：${[...SEARCH_PARAMS].join('、')}。` },
    )
  }
  const q = (params.get('q') ?? '').trim()
  if (!q) {
    throw refuse(
      req,
      { en: 'the query `q` is empty.', zh: '未填写搜索词（q）。' },
      { en: 'Pass the words to search for as ?q=….', zh: '请通过 ?q=… 传入要搜索的词语。' },
    )
  }
  if ([...q].length > MAX_QUERY_LENGTH) {
    throw refuse(
      req,
      {
        en: `the query is ${[...q].length} characters long; at most ${MAX_QUERY_LENGTH} are allowed.`,
        zh: `搜索词长度为${[...q].length}个字符，超过上限${MAX_QUERY_LENGTH}个字符。`,
      },
      { en: 'Search for a few key words or a document number.', zh: '请输入几个关键词或发文字号进行搜索。' },
    )
  }
  const page = params.get('page') ? integer(params.get('page')!) : 1
  if (!(page >= 1 && page <= MAX_PAGE)) {
    throw refuse(
      req,
      {
        en: `page “${params.get('page')}” is not a whole number from 1 to ${MAX_PAGE}.`,
        zh: `页码“${params.get('page')}”须为1至${MAX_PAGE}之间的整数。`,
      },
      {
        en: 'Narrow the search with more words or the type, department, year and form filters.',
        zh: '请增加关键词，或按类型、部门、年份、解读形式筛选缩小范围。',
      },
    )
  }
  const pageSize = params.get('limit') ? integer(params.get('limit')!) : DEFAULT_PAGE_SIZE
  if (!(pageSize >= 1 && pageSize <= MAX_PAGE_SIZE)) {
    throw refuse(
      req,
      {
        en: `limit “${params.get('limit')}” is not a whole number from 1 to ${MAX_PAGE_SIZE}.`,
        zh: `每页条数“${params.get('limit')}”须为1至${MAX_PAGE_SIZE}之间的整数。`,
      },
      { en: `Leave it out for ${DEFAULT_PAGE_SIZE} per page.`, zh: `不填则每页${DEFAULT_PAGE_SIZE}条。` },
    )
  }
  const filters: Filters = {}
  const type = params.get('type')
  if (type) {
    const types = searchableCollections()
    if (!types.includes(type)) {
      throw refuse(
        req,
        { en: `unknown type “${type}”.`, zh: `未知的类型“${type}”。` },
        { en: `Use one of: ${types.join(', ')}.`, zh: `可选值：${types.join('、')}。` },
      )
    }
    filters.type = type
  }
  const department = params.get('department')
  if (department) {
    if (!/^[\w-]{1,64}$/.test(department)) {
      throw refuse(
        req,
        { en: `“${department.slice(0, 64)}” is not a department id.`, zh: `“${department.slice(0, 64)}”不是有效的部门编号。` },
        { en: 'Use the id from the department facet.', zh: '请使用部门分面中给出的编号。' },
      )
    }
    filters.department = department
  }
  const year = params.get('year')
  if (year) {
    if (!/^(19|20)\d{2}$/.test(year)) {
      throw refuse(
        req,
        { en: `year “${year.slice(0, 16)}” is not a four-digit year.`, zh: `年份“${year.slice(0, 16)}”须为四位数年份。` },
        { en: 'e.g. year=2021.', zh: '例如 year=2021。' },
      )
    }
    filters.year = year
  }
  const form = params.get('form')
  if (form) {
    const forms = memberForms(req.payload).map((f) => f.value)
    if (!forms.includes(form)) {
      throw refuse(
        req,
        { en: `unknown form “${form.slice(0, 32)}”.`, zh: `未知的解读形式“${form.slice(0, 32)}”。` },
        { en: `Use one of: ${forms.join(', ')}.`, zh: `可选值：${forms.join('、')}。` },
      )
    }
    filters.form = form
  }
  return { q, page, pageSize, filters }
}

/**
 * The engine could not answer (OpenSearch down or failing): 503 naming it, while the rest of the site keeps working.
 * Never answered by the other engine instead: a reader would get different results without knowing why.
 */
function unavailable(req: PayloadRequest, backend: SearchBackend, error: SearchUnavailableError): RuleViolation {
  req.payload.logger.error({ msg: `search unavailable: ${error.message}` })
  return new RuleViolation(req, {
    status: 503,
    rule: 'search-unavailable',
    ruleName: SEARCH_RULE_NAME,
    message: {
      en: `the search engine (${backend.engine}) cannot be reached at the moment.`,
      zh: `搜索引擎（${backend.engine}）暂时无法访问。`,
    },
    hint: {
      en: 'Please try again in a few minutes; browsing and the rest of the site keep working.',
      zh: '请稍后再试；浏览政策文件等网站其他功能不受影响。',
    },
  })
}

/** Runs a search-engine call, turning "the engine is unreachable" into the 503 above. */
async function withEngine<T>(req: PayloadRequest, backend: SearchBackend, task: () => Promise<T>): Promise<T> {
  try {
    return await task()
  } catch (error) {
    if (error instanceof SearchUnavailableError) throw unavailable(req, backend, error)
    throw error
  }
}

/** GET /api/public/search — anonymous, read-only: only released, 主动公开 content is in the index. */
export const publicSearchEndpoint: Endpoint = {
  path: '/public/search',
  method: 'get',
  handler: async (req) => {
    const { q, page, pageSize, filters } = parseSearchParams(req)
    const backend = searchBackend(req.payload)
    const outcome = await withEngine(req, backend, () => backend.search(q, filters, (page - 1) * pageSize, pageSize))
    const body = presentResults(req, req.payload, outcome, q, page, pageSize)
    if (body.total === 0 && page === 1) {
      await recordZeroResult(req.payload, outcome.parsed.normalized, filters as Record<string, string>).catch((error: unknown) =>
        req.payload.logger.warn({ err: error, msg: 'search: could not record a zero-result query' }),
      )
    }
    return Response.json(body, {
      headers: { 'Cache-Control': 'public, max-age=10', 'Server-Timing': `search;dur=${body.tookMs}` },
    })
  },
}

const adminOnly = (req: PayloadRequest) => {
  if (isAdminUser(req.user)) return
  throw new RuleViolation(req, {
    status: req.user ? 403 : 401,
    rule: 'department-scope',
    ruleName: RULE_NAMES.departmentScope,
    message: { en: 'the search index is administered by administrators only.', zh: '搜索索引仅限系统管理员管理。' },
    hint: { en: 'Sign in as an administrator.', zh: '请以系统管理员身份登录。' },
  })
}

/** GET /api/search/status — admins: which engine, what the index holds and how current it is. */
export const searchStatusEndpoint: Endpoint = {
  path: '/search/status',
  method: 'get',
  handler: async (req) => {
    adminOnly(req)
    const backend = searchBackend(req.payload)
    await withEngine(req, backend, async () => {
      await backend.start()
      await backend.sync()
    }).catch((error: unknown) => {
      // The status page still answers when the engine is down: it is where an admin looks first.
      if (!(error instanceof RuleViolation)) throw error
    })
    return Response.json(await backend.status())
  },
}

/**
 * POST /api/search/reindex — admins: every instance rebuilds its index from the database (OpenSearch: one new index
 * behind the alias, built by one instance). Recorded in the audit log, which is also how the other instances learn of it.
 */
export const searchReindexEndpoint: Endpoint = {
  path: '/search/reindex',
  method: 'post',
  handler: async (req) => {
    adminOnly(req)
    const backend = searchBackend(req.payload)
    await announceReindex(req)
    await withEngine(req, backend, async () => {
      await backend.start()
      await backend.sync()
    })
    return Response.json(await backend.status())
  },
}

/** Appends the audit entry that makes every instance rebuild (the reindex script passes a system request). */
export async function announceReindex(req?: PayloadRequest, payload = req?.payload): Promise<void> {
  if (!payload) return
  const status = await searchBackend(payload).status()
  await appendAudit(req ?? (await createLocalReq({}, payload)), {
    action: REINDEX_ACTION,
    details: { documents: status.documents, engine: status.engine },
  })
}

export const searchEndpoints: Endpoint[] = [publicSearchEndpoint, searchStatusEndpoint, searchReindexEndpoint]
