import { INTERPRETATION_FORMS } from '../rules/interpretationForms'
import { PACKAGE_MEMBERS } from '../lifecycle/members'
import { PACKAGE_ACTIONS } from '../lifecycle/packageLifecycle'
import { STAGES } from '../lifecycle/stages'
import { SUPPLEMENT_ACTIONS } from '../lifecycle/supplementLifecycle'
import { DOCUMENT_TYPES } from '../rules/documentTypes'
import { SUBJECTS } from '../rules/subjects'

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })
const nullable = (schema: object) => ({ oneOf: [schema, { type: 'null' }] })
const id = { oneOf: [{ type: 'integer' }, { type: 'string' }], description: 'Number on SQLite, ObjectId string on MongoDB' }
const str = { type: 'string' }
const date = { type: 'string', format: 'date-time' }
const json = (schema: object, description: string) => ({ description, content: { 'application/json': { schema } } })
const errors = (description: string) => json(ref('Error'), description)
const cached = {
  ETag: { description: 'Content hash; send it back as If-None-Match to get 304', schema: str },
  'Cache-Control': { schema: str, example: 'public, max-age=30, stale-while-revalidate=300' },
}
const query = (name: string, schema: object, description: string) => ({ name, in: 'query', required: false, schema, description })
const pathParam = (name: string, description: string) => ({ name, in: 'path', required: true, schema: str, description })
const ifNoneMatch = { name: 'If-None-Match', in: 'header', required: false, schema: str }

const listParams = [
  query('page', { type: 'integer', minimum: 1, maximum: 10000, default: 1 }, 'Page'),
  query('limit', { type: 'integer', minimum: 1, maximum: 100, default: 20 }, 'Page size'),
  query('department', str, 'Drafting department id'),
  query('documentType', { enum: DOCUMENT_TYPES.map((t) => t.value) }, '文种'),
  query('subject', { enum: SUBJECTS.map((s) => s.value) }, '主题分类'),
  query('year', { type: 'integer' }, 'Year written (成文年份)'),
  query('validity', { enum: ['valid', 'expired', 'repealed'] }, '有效性'),
  query('form', { enum: INTERPRETATION_FORMS.map((f) => f.value) }, 'Only policies with a released interpretation of this form'),
]

/** OpenAPI 3.1 description of the public content API and the workflow API (served at /api/openapi.json). */
export function openApiDocument(serverUrl: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: '政策解读管理系统 API · Policy interpretation CMS API',
      version: '1.0.0',
      description:
        'Public endpoints (`/api/public/…`) serve only released, proactively disclosed (主动公开) content, anonymously and cacheably. ' +
        'Workflow endpoints move a policy package through 三同步 (drafted, signed, released together) and need a signed-in user ' +
        '(`Authorization: JWT <token>` from `POST /api/users/login`). Errors carry a rule code in `errors[0].data.rule`.',
    },
    servers: [{ url: serverUrl || '/' }],
    components: {
      securitySchemes: { jwt: { type: 'apiKey', in: 'header', name: 'Authorization', description: 'JWT <token>' } },
      schemas: {
        Bilingual: { type: 'object', required: ['zh', 'en'], properties: { zh: str, en: str } },
        Option: nullable({ type: 'object', required: ['value', 'label'], properties: { value: str, label: ref('Bilingual') } }),
        Department: nullable({ type: 'object', required: ['id'], properties: { id, name: str, shortName: nullable(str) } }),
        RichText: {
          type: 'object',
          required: ['html', 'text', 'lexical'],
          properties: { html: str, text: str, lexical: { description: 'Lexical editor JSON' } },
        },
        Links: { type: 'object', required: ['self'], properties: { self: str, policy: str } },
        Error: {
          type: 'object',
          required: ['errors'],
          properties: {
            errors: {
              type: 'array',
              items: {
                type: 'object',
                required: ['message'],
                properties: {
                  message: str,
                  name: str,
                  data: {
                    type: 'object',
                    properties: { rule: str, ruleName: ref('Bilingual'), hint: str, document: { type: 'object' } },
                  },
                },
              },
            },
          },
        },
        PolicySummary: {
          type: 'object',
          required: ['id', 'title', 'documentNumber', 'indexNumber', 'documentType', 'department', 'writtenAt', 'releasedAt', 'links'],
          properties: {
            id,
            title: str,
            documentNumber: nullable(str),
            indexNumber: nullable(str),
            documentType: ref('Option'),
            subject: ref('Option'),
            department: ref('Department'),
            writtenAt: date,
            releasedAt: nullable(date),
            validity: ref('Option'),
            links: ref('Links'),
          },
        },
        PolicyList: {
          type: 'object',
          required: ['docs', 'page', 'limit', 'totalDocs', 'totalPages'],
          properties: {
            docs: { type: 'array', items: ref('PolicySummary') },
            page: { type: 'integer' },
            limit: { type: 'integer' },
            totalDocs: { type: 'integer' },
            totalPages: { type: 'integer' },
          },
        },
        Member: {
          type: 'object',
          required: ['id', 'title', 'type', 'links', 'policy'],
          description: 'A released package member (interpretation, infographic, video, interview…); fields vary by type',
          properties: {
            id,
            title: str,
            type: str,
            form: str,
            body: ref('RichText'),
            supplementary: { type: 'boolean' },
            links: ref('Links'),
            policy: { type: 'object', required: ['id'], properties: { id, links: ref('Links') } },
          },
        },
        PolicyBundle: {
          allOf: [
            ref('PolicySummary'),
            {
              type: 'object',
              required: ['body', 'attachments', 'consultation', 'interpretations', 'issuingOrgans'],
              properties: {
                issuingOrgans: { type: 'array', items: ref('Department') },
                signedAt: nullable(date),
                body: ref('RichText'),
                attachments: {
                  type: 'array',
                  items: { type: 'object', required: ['id', 'url'], properties: { id, filename: str, mimeType: str, filesize: { type: 'number' }, url: str } },
                },
                consultation: nullable({
                  type: 'object',
                  required: ['id', 'title', 'opensAt', 'closesAt'],
                  properties: { id, title: str, opensAt: date, closesAt: date, channels: { type: 'array' }, draft: ref('RichText'), feedback: {} },
                }),
                interpretations: {
                  type: 'object',
                  description: 'Released interpretations grouped by form',
                  propertyNames: { enum: INTERPRETATION_FORMS.map((f) => f.value) },
                  additionalProperties: { type: 'array', items: ref('Member') },
                },
              },
            },
          ],
        },
        WorkflowState: {
          type: 'object',
          required: ['stage', 'actions', 'problems'],
          properties: {
            stage: { enum: STAGES.map((s) => s.value) },
            stageLabel: ref('Bilingual'),
            releaseDeadline: nullable(date),
            overdue: { type: 'boolean' },
            problems: { type: 'array', items: { type: 'object', properties: { rule: str, message: str, hint: str } } },
            actions: {
              type: 'array',
              items: { type: 'object', properties: { action: str, allowed: { type: 'boolean' }, reasonRequired: { type: 'boolean' }, label: ref('Bilingual') } },
            },
          },
        },
      },
    },
    paths: {
      '/api/public/policies': {
        get: {
          summary: 'Released policies, newest first',
          parameters: [...listParams, ifNoneMatch],
          responses: { 200: { ...json(ref('PolicyList'), 'A page of policies'), headers: cached }, 304: { description: 'Not modified' }, 400: errors('Bad query') },
        },
      },
      '/api/public/policies/{id}': {
        get: {
          summary: 'The bundle: policy, consultation notice and all released members (双关联)',
          parameters: [pathParam('id', 'Policy id'), ifNoneMatch],
          responses: { 200: { ...json(ref('PolicyBundle'), 'The bundle'), headers: cached }, 304: { description: 'Not modified' }, 404: errors('Not released or not public') },
        },
      },
      '/api/public/lookup': {
        get: {
          summary: 'The bundle addressed by 索引号 or 发文字号',
          parameters: [query('indexNumber', str, '索引号'), query('documentNumber', str, '发文字号')],
          responses: { 200: json(ref('PolicyBundle'), 'The bundle'), 400: errors('Neither or both given'), 404: errors('Not found') },
        },
      },
      ...Object.fromEntries(
        PACKAGE_MEMBERS.map(({ label, slug }) => [
          `/api/public/${slug}/{id}`,
          {
            get: {
              summary: `One released ${label.en} (${label.zh}), with its link back to the policy (原文)`,
              parameters: [pathParam('id', `${label.en} id`), ifNoneMatch],
              responses: { 200: { ...json(ref('Member'), `The ${label.en}`), headers: cached }, 404: errors('Not found') },
            },
          },
        ]),
      ),
      '/api/public/search': {
        get: {
          summary: '站内搜索: ranked, highlighted hits over released public content, with facets',
          parameters: [
            query('q', str, 'Query (Chinese segmented; 发文字号 / 索引号 match exactly first)'),
            query('type', str, 'Content type'),
            query('department', str, 'Department id'),
            query('year', { type: 'integer' }, 'Year'),
            query('form', str, 'Interpretation form'),
            query('page', { type: 'integer', minimum: 1 }, 'Page'),
          ],
          responses: {
            200: json(
              { type: 'object', required: ['engine'], properties: { engine: { enum: ['embedded', 'opensearch'], description: 'Which search engine answered' } } },
              'Hits, facets, total, query time, and the engine that answered',
            ),
            400: errors('Bad query'),
            503: errors('The search engine (OpenSearch) is unreachable: search-unavailable; the rest of the API keeps working'),
          },
        },
      },
      '/api/public/attachments/{id}': {
        get: { summary: 'An attachment of a released policy', parameters: [pathParam('id', 'Media id')], responses: { 200: { description: 'The file' }, 404: errors('Not attached to a released policy') } },
      },
      '/api/public/feeds/{name}': {
        get: {
          summary: 'Feeds (订阅): policies.rss, policies.atom, policies.json, interpretations.rss …',
          parameters: [pathParam('name', '{policies|interpretations}.{rss|atom|json}'), query('department', str, 'Department id'), query('form', { enum: INTERPRETATION_FORMS.map((f) => f.value) }, 'Interpretation form')],
          responses: {
            200: {
              description: 'RSS 2.0, Atom 1.0 or JSON Feed 1.1',
              content: { 'application/rss+xml': { schema: str }, 'application/atom+xml': { schema: str }, 'application/feed+json': { schema: { type: 'object' } } },
            },
            404: errors('Unknown feed'),
          },
        },
      },
      '/api/policies/{id}/workflow': {
        get: { summary: 'Package state and the caller’s next steps', security: [{ jwt: [] }], parameters: [pathParam('id', 'Policy id')], responses: { 200: json(ref('WorkflowState'), 'State'), 404: errors('Not found or not yours') } },
      },
      '/api/policies/{id}/workflow/{action}': {
        post: {
          summary: `A lifecycle step: ${PACKAGE_ACTIONS.join(', ')}`,
          security: [{ jwt: [] }],
          parameters: [pathParam('id', 'Policy id'), { name: 'action', in: 'path', required: true, schema: { enum: [...PACKAGE_ACTIONS] } }],
          requestBody: {
            required: false,
            content: {
              'application/json': {
                schema: { type: 'object', additionalProperties: false, properties: { reason: str, releaseAt: date, documentNumber: str } },
              },
            },
          },
          responses: {
            200: json({ allOf: [ref('WorkflowState'), { type: 'object', properties: { doc: { type: 'object' } } }] }, 'New state'),
            400: errors('Bad body, missing reason, invalid document number'),
            401: errors('Not signed in'),
            403: errors('Wrong role or department; two-person rule'),
            404: errors('Not found or not yours'),
            409: errors('Step not open from this stage; package locked'),
            422: errors('Double association not satisfied; no document number'),
          },
        },
      },
      '/api/compliance': {
        get: {
          summary: '合规统计 Compliance report, recomputed from the audit trail (admins and evaluators: all departments; others: their own)',
          security: [{ jwt: [] }],
          parameters: [
            query('year', { type: 'integer', minimum: 2000, maximum: 2100 }, 'Calendar year of release (China Standard Time); all years when left out'),
            query('department', str, 'Department id; department users: their own (the default)'),
            query('format', { enum: ['json', 'csv', 'xlsx'], default: 'json' }, 'json, or an export: CSV (UTF-8 with BOM) or Excel'),
          ],
          responses: {
            200: {
              description: 'ComplianceReport (src/compliance/types.ts), or its CSV / XLSX export',
              content: {
                'application/json': { schema: { type: 'object', required: ['generatedAt', 'filters', 'overall', 'departments', 'byMonth', 'forms', 'exemptionsByReason', 'overdueNow', 'auditHead'] } },
                'text/csv': { schema: str },
                'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', contentEncoding: 'binary' } },
              },
            },
            400: errors('Bad year, department or format'),
            401: errors('Not signed in'),
            403: errors('Another department’s figures; no department'),
          },
        },
      },
      '/api/compliance/pending': {
        get: {
          summary: 'Packages not yet released (drafting … scheduled) with what blocks them (rule, name, fix) and whether they are past their release deadline',
          security: [{ jwt: [] }],
          parameters: [query('department', str, 'Department id; department users: their own (the default)')],
          responses: {
            200: json({ type: 'object', required: ['generatedAt', 'department', 'total', 'docs'] }, 'Pending packages, overdue and blocked first'),
            400: errors('Bad department id'),
            401: errors('Not signed in'),
            403: errors('Another department’s packages; no department'),
          },
        },
      },
      '/api/catalog/status': {
        get: {
          summary: '政务公开标准目录: every catalog item with its column’s last public update, the next deadline and whether it sleeps (睡眠栏目)',
          security: [{ jwt: [] }],
          parameters: [query('department', str, 'Responsible unit id; department users: their own (the default)')],
          responses: {
            200: json({ type: 'object', required: ['generatedAt', 'department', 'total', 'stale', 'items'] }, 'Items with lastUpdatedAt, deadline, stale, tracked'),
            400: errors('Bad department id'),
            401: errors('Not signed in'),
            403: errors('Another department’s items; no department'),
          },
        },
      },
      '/api/interpretations/{id}/workflow/{action}': {
        post: {
          summary: `Supplementary interpretation step: ${SUPPLEMENT_ACTIONS.join(', ')}`,
          security: [{ jwt: [] }],
          parameters: [pathParam('id', 'Interpretation id'), { name: 'action', in: 'path', required: true, schema: { enum: [...SUPPLEMENT_ACTIONS] } }],
          responses: { 200: json({ type: 'object' }, 'Updated'), 403: errors('Wrong role'), 409: errors('Not a supplement / wrong stage') },
        },
      },
    },
  }
}
