import { INTERPRETATION_FORMS } from '../rules/interpretationForms'
import { STAGES } from '../lifecycle/stages'
import { authPaths } from './contract/auth'
import { documentPaths } from './contract/documents'
import { mediaPaths } from './contract/media'
import { publicPaths } from './contract/public'
import { reportPaths } from './contract/reports'
import { date, ERROR_SCHEMA, id, idSchema, nullable, type PathItems, ref, str } from './contract/schema'
import { workflowPaths } from './contract/workflow'

/**
 * The sections of the document, one per group of endpoints (src/api/contract/*.ts). A new endpoint goes into its
 * group's section, or a new section file listed here; CI validates the whole (tests/openapi.test.ts) and fuzzes it
 * (scripts/fuzz.sh).
 */
export const OPENAPI_SECTIONS: PathItems[] = [publicPaths, workflowPaths, reportPaths, documentPaths, mediaPaths, authPaths]

/** OpenAPI 3.1 description of everything websites, drafting systems, editors' tools and evaluators call (served at /api/openapi.json). */
export function openApiDocument(serverUrl: string, idType: 'number' | 'text' = 'number') {
  return {
    openapi: '3.1.0',
    info: {
      title: '政策解读管理系统 API · Policy interpretation CMS API',
      version: '1.1.0',
      description:
        'Public endpoints (`/api/public/…`) serve only released, proactively disclosed (主动公开) content, anonymously, cacheably and to any origin (CORS, no credentials). ' +
        'Workflow endpoints move a policy package through 三同步 (drafted, signed, released together) and need a signed-in user ' +
        '(`Authorization: JWT <token>` from `POST /api/users/login`). Every error answers with the Error body: a stable `name`, a message in the request’s language, ' +
        'and for refusals the rule (`data.rule`, `data.ruleName`, `data.hint`). An empty query parameter is the same as an absent one. ' +
        'Methods not listed for a path answer 405 with `Allow`; HEAD answers like GET without a body.',
    },
    servers: [{ url: serverUrl || '/' }],
    components: {
      securitySchemes: { jwt: { type: 'apiKey', in: 'header', name: 'Authorization', description: 'JWT <token>' } },
      schemas: {
        Id: idSchema(idType),
        Bilingual: { type: 'object', required: ['zh', 'en'], properties: { zh: str, en: str } },
        Option: nullable({ type: 'object', required: ['value', 'label'], properties: { value: str, label: ref('Bilingual') } }),
        Department: nullable({ type: 'object', required: ['id'], properties: { id, name: str, shortName: nullable(str) } }),
        RichText: {
          type: 'object',
          required: ['html', 'text', 'lexical'],
          properties: { html: str, text: str, lexical: { description: 'Lexical editor JSON' } },
        },
        Links: { type: 'object', required: ['self'], properties: { self: str, policy: str } },
        Error: ERROR_SCHEMA,
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
            validFrom: { ...nullable(date), description: '施行日期 (in force from)' },
            validUntil: { ...nullable(date), description: '有效期至 (in force until, inclusive; null: no end)' },
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
                  items: {
                    type: 'object',
                    required: ['id', 'url'],
                    properties: { id, filename: str, mimeType: str, filesize: { type: 'number' }, url: str },
                  },
                },
                consultation: nullable({
                  type: 'object',
                  required: ['id', 'title', 'opensAt', 'closesAt'],
                  properties: {
                    id,
                    title: str,
                    draftKind: ref('Option'),
                    opensAt: date,
                    closesAt: date,
                    shortPeriodReason: {
                      ...nullable(str),
                      description: 'Why the period is shorter than the minimum for its kind of draft (e.g. 紧急情况)',
                    },
                    channels: { type: 'array' },
                    draft: ref('RichText'),
                    feedback: {},
                  },
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
              items: {
                type: 'object',
                properties: { action: str, allowed: { type: 'boolean' }, reasonRequired: { type: 'boolean' }, label: ref('Bilingual') },
              },
            },
          },
        },
      },
    },
    paths: Object.assign({}, ...OPENAPI_SECTIONS) as PathItems,
  }
}
