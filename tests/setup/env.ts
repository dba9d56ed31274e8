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
