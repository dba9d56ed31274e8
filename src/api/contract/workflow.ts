import { PACKAGE_MEMBERS } from '../../lifecycle/members'
import { PACKAGE_ACTIONS } from '../../lifecycle/packageLifecycle'
import { SUPPLEMENT_ACTIONS } from '../../lifecycle/supplementLifecycle'
import { errors, json, pathParam, type PathItems, ref, signedIn } from './schema'

/** 三同步: the package lifecycle a drafting system or an editor's tool drives. */
export const workflowPaths: PathItems = {
  '/api/policies/{id}/workflow': {
    get: {
      operationId: 'getWorkflow',
      summary: 'Package state, what blocks it, and the caller’s next steps (signed-in users who may read the package)',
      security: signedIn,
      parameters: [pathParam('id', 'Policy id')],
      responses: { 200: json(ref('WorkflowState'), 'State'), ...errors(401, [404, 'Not found or not yours']) },
    },
  },
  '/api/policies/{id}/workflow/{action}': {
    post: {
      operationId: 'workflowStep',
      summary: `A lifecycle step: ${PACKAGE_ACTIONS.join(', ')}. return and withdraw need a reason; release may be scheduled (releaseAt); revise takes changeType and changeNote`,
      security: signedIn,
      parameters: [pathParam('id', 'Policy id'), pathParam('action', 'Step', { enum: [...PACKAGE_ACTIONS] })],
      requestBody: {
        required: false,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              additionalProperties: false,
              properties: {
                reason: { type: 'string', maxLength: 2000 },
                releaseAt: {
                  type: 'string',
                  format: 'date-time',
                  pattern: '^(19[5-9]\\d|20[0-2]\\d)-',
                  maxLength: 40,
                  description: 'Scheduled release (ISO 8601 with offset, a plausible year); a past time releases now',
                },
                documentNumber: { type: 'string', minLength: 1, maxLength: 60, pattern: '\\S', description: '发文字号 given at signing' },
                changeType: { type: 'string', enum: ['minor', 'major'], description: 'revise: 更正 (minor) or 修订 (major)' },
                changeNote: { type: 'string', maxLength: 2000, description: 'revise: 修改说明, required for major, shown publicly' },
              },
            },
          },
        },
      },
      responses: {
        200: json({ allOf: [ref('WorkflowState'), { type: 'object', properties: { doc: { type: 'object' } } }] }, 'New state'),
        ...errors(
          [400, 'Bad body, missing reason, implausible release time, invalid document number'],
          401,
          [403, 'Wrong role or department; two-person rule'],
          [404, 'Not found, not yours, or no such step'],
          [409, 'Step not open from this stage; package locked'],
          415,
          [422, 'Double association not satisfied; no document number'],
        ),
      },
    },
  },
  ...Object.fromEntries(
    PACKAGE_MEMBERS.map(({ label, slug }) => [
      `/api/${slug}/{id}/workflow/{action}`,
      {
        post: {
          operationId: `supplementStep${slug.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase())}`,
          summary: `Supplementary ${label.en} (${label.zh}) of a released policy: ${SUPPLEMENT_ACTIONS.join(', ')}`,
          security: signedIn,
          parameters: [pathParam('id', `${label.en} id`), pathParam('action', 'Step', { enum: [...SUPPLEMENT_ACTIONS] })],
          requestBody: {
            required: false,
            content: {
              'application/json': {
                schema: { type: 'object', additionalProperties: false, properties: { reason: { type: 'string', maxLength: 2000 } } },
              },
            },
          },
          responses: {
            200: json({ type: 'object', required: ['doc'] }, 'Updated'),
            ...errors(400, 401, 403, [404, 'Not found or no such step'], [409, 'Not a supplement / wrong stage'], 415, 422),
          },
        },
      },
    ]),
  ),
}
