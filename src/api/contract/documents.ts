import { DOCUMENT_TYPES } from '../../rules/documentTypes'
import { errors, json, type PathItems, query, signedIn, str } from './schema'

const problem = { oneOf: [{ type: 'object', required: ['zh', 'en'], properties: { zh: str, en: str } }, { type: 'null' }] }

/** Document numbers (发文字号 / 令号) and the legacy library import (存量文件导入): src/rules/documentNumber.ts, src/import/. */
export const documentPaths: PathItems = {
  '/api/document-numbers/check': {
    get: {
      operationId: 'checkDocumentNumber',
      summary: '发文字号 / 令号 check for a document type: valid, which scheme, the canonical form and the problem (any signed-in user)',
      security: signedIn,
      parameters: [
        query(
          'value',
          { type: 'string', minLength: 1, maxLength: 100 },
          'The number as typed, e.g. 黔府发〔2026〕3号 or 贵州省人民政府令第195号',
          true,
        ),
        query(
          'documentType',
          { enum: DOCUMENT_TYPES.map((t) => t.value) },
          'Document type (decree and regulation take 令号); ordinary scheme when left out',
        ),
      ],
      responses: {
        200: json(
          {
            type: 'object',
            required: ['valid', 'scheme', 'canonical', 'problem'],
            properties: {
              valid: { type: 'boolean' },
              scheme: { enum: ['document', 'decree'] },
              canonical: { type: ['string', 'null'] },
              problem,
            },
          },
          'The verdict, with the canonical form when the input is almost right',
        ),
        ...errors([400, 'value missing or too long; unknown documentType'], 401),
      },
    },
  },
  '/api/legacy-import': {
    post: {
      operationId: 'importLegacyLibrary',
      summary: '存量文件导入 (admins): the file’s bytes as the body; dryRun=true answers the report, otherwise 202 with a run id to poll',
      security: signedIn,
      parameters: [
        query(
          'fileName',
          { type: 'string', pattern: '\\.(csv|xlsx|jsonl)$', maxLength: 200 },
          'Name of the file; its ending picks the format',
          true,
        ),
        query('dryRun', { enum: ['true', 'false'] }, 'Only check and report'),
      ],
      requestBody: { required: true, content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } },
      responses: {
        200: json({ type: 'object' }, 'Dry-run report: rows, created / skipped / failed with row, column and problem'),
        202: json(
          { type: 'object', required: ['run', 'status'], properties: { run: str, status: { enum: ['running', 'done', 'failed'] } } },
          'Import started',
        ),
        ...errors([400, 'Unknown format, empty or unreadable file'], 401, [403, 'Not an admin'], [413, 'Over 64 MiB: use npm run import']),
      },
    },
  },
  '/api/legacy-import/{run}': {
    get: {
      operationId: 'importRun',
      summary: 'Progress of an import run started on this instance (admins)',
      security: signedIn,
      parameters: [{ name: 'run', in: 'path', required: true, schema: { type: 'string', maxLength: 64 } }],
      responses: {
        200: json({ type: 'object', required: ['status', 'done', 'total'] }, 'status, done, total and the report when done'),
        ...errors(401, [403, 'Not an admin'], [404, 'No such run on this instance']),
      },
    },
  },
}
