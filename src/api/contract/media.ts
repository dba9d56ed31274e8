import { errors, json, optionalAuth, pathParam, type PathItems, query, signedIn, str, text } from './schema'

const LANGUAGE = { type: 'string', pattern: '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$', maxLength: 35 }
const multipart = (properties: Record<string, unknown>, required: string[]) => ({
  required: true,
  content: { 'multipart/form-data': { schema: { type: 'object', required, properties } } },
})
const file = { type: 'string', format: 'binary' }
const payloadField = (description: string) => ({ type: 'string', description: `JSON object: ${description}` })
const upload = errors(
  400,
  401,
  403,
  404,
  [409, 'Package locked or interview not in that state'],
  [413, 'File over the limit (MEDIA_MAX_IMAGE_MB / MEDIA_MAX_VIDEO_MB)'],
  415,
  [422, 'File damaged or of the wrong type'],
)

/** Media members' own endpoints beyond Payload's CRUD: video poster and captions, interview photos, derived files. */
export const mediaPaths: PathItems = {
  ...Object.fromEntries(
    ['infographics', 'videos', 'interviews'].map((slug) => [
      `/api/${slug}/derived/{filename}`,
      {
        get: {
          operationId: `derived${slug[0].toUpperCase()}${slug.slice(1)}`,
          summary: `A derived file of ${slug} (WebP/AVIF sizes, tiles, posters, photos): public once its package is released`,
          security: optionalAuth,
          parameters: [pathParam('filename', 'File name from the record’s derivatives', { type: 'string', pattern: '^[\\w.-]{1,200}$' })],
          responses: { 200: { description: 'The file', content: { 'image/*': { schema: file } } }, ...errors(404) },
        },
      },
    ]),
  ),
  '/api/videos/{id}/poster': {
    post: {
      operationId: 'uploadPoster',
      summary: 'Replace the generated poster of a video with an uploaded image (PNG, JPEG, WebP or SVG)',
      security: signedIn,
      parameters: [pathParam('id', 'Video id')],
      requestBody: multipart({ file, _payload: payloadField('{alt?}') }, ['file']),
      responses: { 200: json({ type: 'object', required: ['doc'], properties: { doc: { type: 'object' } } }, 'The video'), ...upload },
    },
  },
  '/api/videos/{id}/captions': {
    post: {
      operationId: 'uploadCaptions',
      summary: 'A WebVTT caption track (validated with line numbers), as multipart or JSON',
      security: signedIn,
      parameters: [pathParam('id', 'Video id')],
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              additionalProperties: false,
              required: ['language', 'vtt'],
              properties: { language: LANGUAGE, label: { type: 'string', maxLength: 60 }, vtt: { type: 'string', maxLength: 1048576 } },
            },
          },
          'multipart/form-data': {
            schema: { type: 'object', required: ['file', '_payload'], properties: { file, _payload: payloadField('{language, label?}') } },
          },
        },
      },
      responses: {
        200: json({ type: 'object', required: ['doc'], properties: { doc: { type: 'object' } } }, 'The video with its tracks'),
        ...upload,
      },
    },
  },
  '/api/videos/{id}/captions/{language}': {
    get: {
      operationId: 'getCaptions',
      summary: 'A caption track as text/vtt (public once the video is released)',
      security: optionalAuth,
      parameters: [pathParam('id', 'Video id'), pathParam('language', 'BCP 47 tag, e.g. zh-CN', LANGUAGE)],
      responses: { 200: { description: 'WebVTT', content: { 'text/vtt': { schema: str } } }, ...errors(404) },
    },
  },
  '/api/interviews/{id}/photos': {
    post: {
      operationId: 'uploadInterviewPhoto',
      summary: 'A photo of an upcoming or live interview (for guests and segments); alt text required',
      security: signedIn,
      parameters: [pathParam('id', 'Interview id')],
      requestBody: multipart({ file, _payload: payloadField('{alt, caption?}') }, ['file', '_payload']),
      responses: {
        201: json(
          { type: 'object', required: ['key', 'doc'], properties: { key: str, doc: { type: 'object' } } },
          'The photo’s key and the interview',
        ),
        ...upload,
      },
    },
  },
  '/api/interviews/{id}/export': {
    get: {
      operationId: 'exportInterview',
      summary: 'The transcript of an ended interview as Markdown or HTML (the department’s users)',
      security: signedIn,
      parameters: [pathParam('id', 'Interview id'), query('format', { enum: ['md', 'html'], default: 'md' }, 'md or html')],
      responses: {
        200: { description: 'The transcript', content: { 'text/markdown': { schema: str }, 'text/html': { schema: str } } },
        ...errors([400, 'Unknown format'], 404, [409, 'Not ended yet']),
      },
    },
  },
  '/api/interviews/{id}/status': {
    post: {
      operationId: 'interviewStatus',
      summary: 'upcoming → live → ended (forward only), by the department’s editors',
      security: signedIn,
      parameters: [pathParam('id', 'Interview id')],
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              additionalProperties: false,
              required: ['status'],
              properties: { status: { enum: ['upcoming', 'live', 'ended'] } },
            },
          },
        },
      },
      responses: {
        200: json({ type: 'object', required: ['doc'] }, 'The interview'),
        ...errors(400, 401, 403, 404, [409, 'Not the next status; package locked'], 415),
      },
    },
  },
  '/api/interviews/{id}/segments': {
    post: {
      operationId: 'appendSegment',
      summary: 'Append one transcript segment to a live interview (numbered in order; never timed in the future)',
      security: signedIn,
      parameters: [pathParam('id', 'Interview id')],
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              additionalProperties: false,
              required: ['speaker', 'role', 'text'],
              properties: {
                speaker: text(80),
                role: { enum: ['host', 'guest', 'public'] },
                text: text(20000),
                at: { type: 'string', format: 'date-time', description: 'When it was spoken; now when left out' },
                images: {
                  type: 'array',
                  maxItems: 20,
                  items: { type: 'string', maxLength: 40 },
                  description: 'Photo keys of this interview',
                },
              },
            },
          },
        },
      },
      responses: {
        201: json(
          { type: 'object', required: ['segment', 'lastSeq'], properties: { segment: { type: 'object' }, lastSeq: { type: 'integer' } } },
          'The segment and the new cursor',
        ),
        ...errors(
          [400, 'Bad body, future time, unknown photo'],
          401,
          403,
          404,
          [409, 'Not live; timed before the last segment; package locked'],
          415,
        ),
      },
    },
  },
  '/api/interviews/{id}/questions': {
    post: {
      operationId: 'askQuestion',
      summary: 'A public question to a released, upcoming or live interview (anyone; moderated before it is shown)',
      security: optionalAuth,
      parameters: [pathParam('id', 'Interview id')],
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              additionalProperties: false,
              required: ['question', 'askerName'],
              properties: { question: text(500, 2), askerName: text(40) },
            },
          },
        },
      },
      responses: {
        201: json({ type: 'object', required: ['question'], properties: { question: { type: 'object' } } }, 'The pending question'),
        ...errors(400, 404, [409, 'Interview ended or full'], 415),
      },
    },
  },
  '/api/interviews/{id}/questions/{key}/moderate': {
    post: {
      operationId: 'moderateQuestion',
      summary: 'Answer (link the answering segment) or reject a public question, by the department’s editors',
      security: signedIn,
      parameters: [pathParam('id', 'Interview id'), pathParam('key', 'Question key', { type: 'string', pattern: '^[0-9a-f]{10}$' })],
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              oneOf: [
                {
                  type: 'object',
                  additionalProperties: false,
                  required: ['action', 'answerSeq'],
                  properties: { action: { const: 'answer' }, answerSeq: { type: 'integer', minimum: 1 } },
                },
                {
                  type: 'object',
                  additionalProperties: false,
                  required: ['action'],
                  properties: { action: { const: 'reject' }, reason: { type: 'string', maxLength: 500 } },
                },
              ],
            },
          },
        },
      },
      responses: {
        200: json({ type: 'object' }, 'The moderated question'),
        ...errors([400, 'Bad body; answer segment missing or not an answer'], 401, 403, 404, 409, 415),
      },
    },
  },
  '/api/interviews/{id}/live': {
    get: {
      operationId: 'interviewLive',
      summary: 'The live record after a cursor: segments and answered questions (cheap to poll)',
      security: optionalAuth,
      parameters: [
        pathParam('id', 'Interview id'),
        query('after', { type: 'integer', minimum: 0, maximum: 1000000, default: 0 }, 'lastSeq of the previous answer'),
      ],
      responses: {
        200: json(
          {
            type: 'object',
            required: ['id', 'status', 'lastSeq', 'segments', 'questions'],
            properties: {
              status: { enum: ['upcoming', 'live', 'ended'] },
              lastSeq: { type: 'integer' },
              segments: { type: 'array' },
              questions: { type: 'array' },
            },
          },
          'The slice',
        ),
        ...errors([400, 'after is no segment number'], 404),
      },
    },
  },
  '/api/interviews/{id}/live/stream': {
    get: {
      operationId: 'interviewStream',
      summary: 'The same as server-sent events (segment, question, status, end, gone); resumes by Last-Event-ID',
      security: optionalAuth,
      parameters: [
        pathParam('id', 'Interview id'),
        query('after', { type: 'integer', minimum: 0, maximum: 1000000, default: 0 }, 'Start after this segment'),
        { name: 'Last-Event-ID', in: 'header', required: false, schema: { type: 'string', pattern: '^\\d{1,7}$' } },
      ],
      responses: {
        200: { description: 'Event stream', content: { 'text/event-stream': { schema: str } } },
        ...errors([400, 'after is no segment number'], 404),
      },
    },
  },
}
