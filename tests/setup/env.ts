import { randomBytes } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

// Each test file gets its own database: a fresh SQLite file, or a fresh database on the MongoDB-wire server.
const suffix = randomBytes(6).toString('hex')
const dir = mkdtempSync(path.join(os.tmpdir(), 'cms-test-'))
process.env.PAYLOAD_SECRET = 'test-secret'
process.env.MEDIA_DIR = path.join(dir, 'media')
if (process.env.TEST_DB === 'mongo') {
  const base = process.env.TEST_MONGO_URL
  if (!base) throw new Error('TEST_DB=mongo but no TEST_MONGO_URL: the global setup did not start the server')
  process.env.DATABASE_URL = `${base.replace(/\/?$/, '/')}cms_${suffix}`
} else {
  process.env.DATABASE_URL = `file:${path.join(dir, 'cms.db')}`
}

// STORAGE=s3: every file goes to the run's S3-wire server, each test file under a prefix of its own (like its own
// MEDIA_DIR), with the application's credentials. Local media/ stays the default.
if (process.env.STORAGE === 's3') {
  if (!process.env.TEST_S3_ENDPOINT) throw new Error('STORAGE=s3 but no TEST_S3_ENDPOINT: the global setup did not start the server')
  for (const name of ['S3_ENDPOINT', 'S3_REGION', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'S3_FORCE_PATH_STYLE']) {
    process.env[name] = process.env[`TEST_${name}`]
  }
  process.env.S3_PREFIX = `test-${suffix}/`
}
