import { errors, json, type PathItems, str } from './schema'

/** Payload's own authentication, as tools call it. */
export const authPaths: PathItems = {
  '/api/users/login': {
    post: {
      operationId: 'login',
      summary: 'Sign in: a JWT for `Authorization: JWT <token>` and the payload-token cookie (5 failed attempts lock the account)',
      requestBody: {
        required: true,
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['email', 'password'],
              properties: {
                email: { type: 'string', format: 'email', maxLength: 254 },
                password: { type: 'string', minLength: 1, maxLength: 200 },
              },
            },
          },
        },
      },
      responses: {
        200: json(
          { type: 'object', required: ['token', 'user'], properties: { token: str, exp: { type: 'integer' }, user: { type: 'object' } } },
          'Signed in',
        ),
        ...errors([400, 'Missing email or password'], [401, 'Wrong email or password; account locked'], 415),
      },
    },
  },
  '/api/users/me': {
    get: {
      operationId: 'me',
      summary: 'The signed-in user (user: null when anonymous)',
      security: [{}, { jwt: [] }],
      responses: { 200: json({ type: 'object', properties: { user: { oneOf: [{ type: 'object' }, { type: 'null' }] } } }, 'The user') },
    },
  },
}
