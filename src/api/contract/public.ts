import { INTERPRETATION_FORMS } from '../../rules/interpretationForms'
import { PACKAGE_MEMBERS } from '../../lifecycle/members'
import { DOCUMENT_TYPES } from '../../rules/documentTypes'
import { SUBJECTS } from '../../rules/subjects'
import { FEED_NAMES } from '../endpoints/feeds'
import { cached, errors, id, ifNoneMatch, json, notModified, pathParam, type PathItems, query, ref, str } from './schema'

const FORMS = INTERPRETATION_FORMS.map((f) => f.value)

/** Query parameters of the public list; an empty value means the parameter is absent. */
export const listParams = [
  query('page', { type: 'integer', minimum: 1, maximum: 10000, default: 1 }, 'Page'),
  query('limit', { type: 'integer', minimum: 1, maximum: 100, default: 20 }, 'Page size'),
  query('department', id, 'Drafting department id'),
  query('documentType', { enum: DOCUMENT_TYPES.map((t) => t.value) }, '文种'),
  query('subject', { enum: SUBJECTS.map((s) => s.value) }, '主题分类'),
  query('year', { type: 'integer', minimum: 1949, maximum: 2100 }, 'Year written (成文年份, CST)'),
  query('validity', { enum: ['valid', 'expired', 'repealed'] }, '有效性'),
  query('form', { enum: FORMS }, 'Only policies with a released interpretation of this form'),
  query(
    'validOn',
    { type: 'string', format: 'date', pattern: '^(19|20)\\d{2}-\\d{2}-\\d{2}$' },
    'Only policies in force on this day (YYYY-MM-DD, CST): 施行日期 on or before it, 有效期至 on or after it',
  ),
]

const notFound = errors([404, 'Not released or not public'])

/** The anonymous, read-only, cacheable content API websites consume. */
export const publicPaths: PathItems = {
  '/api/public/policies': {
    get: {
      operationId: 'listPolicies',
      summary: 'Released policies, newest first',
      parameters: [...listParams, ifNoneMatch],
      responses: { 200: { ...json(ref('PolicyList'), 'A page of policies'), headers: cached }, ...notModified, ...errors(400) },
    },
  },
  '/api/public/policies/{id}': {
    get: {
      operationId: 'getPolicyBundle',
      summary: 'The bundle: policy, consultation notice and all released members (双关联)',
      parameters: [pathParam('id', 'Policy id'), ifNoneMatch],
      responses: { 200: { ...json(ref('PolicyBundle'), 'The bundle'), headers: cached }, ...notModified, ...notFound },
    },
  },
  '/api/public/lookup': {
    get: {
      operationId: 'lookupPolicy',
      summary: 'The bundle addressed by 索引号 or 发文字号 (exactly one of them)',
      parameters: [
        query('indexNumber', { type: 'string', maxLength: 80 }, '索引号'),
        query('documentNumber', { type: 'string', maxLength: 80 }, '发文字号'),
        ifNoneMatch,
      ],
      responses: {
        200: { ...json(ref('PolicyBundle'), 'The bundle'), headers: cached },
        ...notModified,
        ...errors([400, 'Neither or both given, or too long']),
        ...notFound,
      },
    },
  },
  ...Object.fromEntries(
    PACKAGE_MEMBERS.map(({ label, slug }) => [
      `/api/public/${slug}/{id}`,
      {
        get: {
          operationId: `get${slug.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase())}`,
          summary: `One released ${label.en} (${label.zh}), with its link back to the policy (原文)`,
          parameters: [pathParam('id', `${label.en} id`), ifNoneMatch],
          responses: { 200: { ...json(ref('Member'), `The ${label.en}`), headers: cached }, ...notModified, ...notFound },
        },
      },
    ]),
  ),
  '/api/public/search': {
    get: {
      operationId: 'search',
      summary: '站内搜索: ranked, highlighted hits over released public content, with facets',
      parameters: [
        query(
          'q',
          { type: 'string', minLength: 1, maxLength: 100, pattern: '\\S' },
          'Query (Chinese segmented; 发文字号 / 索引号 match exactly first)',
          true,
        ),
        query('type', { enum: ['policies', ...PACKAGE_MEMBERS.map((m) => m.slug)] }, 'Content type'),
        query('department', { type: 'string', pattern: '^[\\w-]{1,64}$' }, 'Department id'),
        query('year', { type: 'string', pattern: '^(19|20)\\d{2}$' }, 'Year'),
        query('form', { enum: FORMS }, 'Interpretation form'),
        query('page', { type: 'integer', minimum: 1, maximum: 50 }, 'Page'),
        query('limit', { type: 'integer', minimum: 1, maximum: 50 }, 'Hits per page'),
      ],
      responses: {
        200: json(
          {
            type: 'object',
            required: ['total', 'hits', 'engine'],
            properties: {
              total: { type: 'integer' },
              hits: { type: 'array' },
              facets: { type: 'object' },
              tookMs: { type: 'number' },
              engine: { enum: ['embedded', 'opensearch'], description: 'Which search engine answered' },
            },
          },
          'Hits, facets, total, query time, and the engine that answered',
        ),
        ...errors(400, [503, 'The search engine (OpenSearch) is unreachable: search-unavailable; the rest of the API keeps working']),
      },
    },
  },
  '/api/public/attachments/{id}': {
    get: {
      operationId: 'getAttachment',
      summary: 'An attachment of a released policy',
      parameters: [pathParam('id', 'Media id')],
      responses: {
        200: { description: 'The file', content: { '*/*': { schema: { type: 'string', format: 'binary' } } } },
        ...errors([404, 'Not attached to a released policy']),
      },
    },
  },
  '/api/public/feeds/{name}': {
    get: {
      operationId: 'getFeed',
      summary: 'Feeds (订阅): RSS 2.0, Atom 1.0 or JSON Feed 1.1 of released policies or interpretations',
      parameters: [
        pathParam('name', 'Feed', { enum: FEED_NAMES }),
        query('department', id, 'Department id'),
        query('documentType', { enum: DOCUMENT_TYPES.map((t) => t.value) }, '文种'),
        query('subject', { enum: SUBJECTS.map((s) => s.value) }, '主题分类'),
        query('form', { enum: FORMS }, 'Interpretation form'),
        ifNoneMatch,
      ],
      responses: {
        200: {
          description: 'The feed',
          headers: cached,
          content: {
            'application/rss+xml': { schema: str },
            'application/atom+xml': { schema: str },
            'application/feed+json': { schema: { type: 'object' } },
          },
        },
        ...notModified,
        ...errors(400, [404, 'Unknown feed']),
      },
    },
  },
  '/api/openapi.json': {
    get: {
      operationId: 'openApiDocument',
      summary: 'This document',
      responses: { 200: json({ type: 'object', required: ['openapi', 'paths'] }, 'OpenAPI 3.1') },
    },
  },
}
