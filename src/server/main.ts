/**
 * The API without Next: `node --conditions=production --import tsx src/server/main.ts [--port N] [--host H] [--push]`.
 *
 * Serves /api (REST, GraphQL, the public content API; no admin panel) of DATABASE_URL through the same handlers
 * as the Next route, and prints `listening on http://HOST:PORT` once it answers. Used by `npm run soak` where no
 * production build exists; handy for tools and load tests. With NODE_ENV=production the shipped migrations are
 * applied at start (as under `next start`); `--push` instead pushes the schema of the sources (throw-away SQLite
 * databases only, as the tests do).
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'

import { projectRoot } from '../paths'

const envFile = path.join(projectRoot, '.env')
if (existsSync(envFile)) process.loadEnvFile(envFile)
const { values } = parseArgs({
  options: {
    host: { type: 'string', default: '127.0.0.1' },
    port: { type: 'string', default: process.env.PORT ?? '3000' },
    push: { type: 'boolean', default: false },
  },
})

// Imported after .env is loaded: the config reads DATABASE_URL and PAYLOAD_SECRET when it is built.
const { getPayload } = await import('payload')
const { buildAppConfig } = await import('../buildAppConfig')
const { serveApi } = await import('./apiServer')

const config = buildAppConfig({ database: values.push ? { sqlitePush: true } : undefined })
await getPayload({ config })
const server = await serveApi(config, { host: values.host, port: Number(values.port) })
console.log(`listening on ${server.url}`)

const stop = () => void server.close().then(() => process.exit(0))
process.once('SIGINT', stop)
process.once('SIGTERM', stop)
