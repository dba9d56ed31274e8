/**
 * The server process of the crash test: serves /api of the test file's database (DATABASE_URL and lane from the
 * environment) on a free loopback port through the same handlers as the Next route, printing `LISTENING <port>`.
 *
 * It starts as a standby: code loaded and config built, database untouched; it prints `STANDBY` and opens the
 * database and the port only when told `go` on stdin. The test keeps one standby ready so that the server
 * taking over after a SIGKILL connects within a fraction of a second instead of loading its code for seconds,
 * while still meeting the database only after the crash, as a restarted server would. Exits when stdin closes
 * (the test is gone).
 */
import { createInterface } from 'node:readline'

import { getPayload } from 'payload'

import { buildAppConfig } from '../../src/buildAppConfig'
import { serveApi } from '../../src/server/apiServer'

// As testConfig() in tests/helpers/payload.ts (not imported: it loads Next's route helpers), except that the
// schema is not pushed again: the test process pushed it, and a push at each of the test's 21 starts costs ~0.5 s.
const config = await buildAppConfig({
  databaseUrl: process.env.DATABASE_URL,
  database: process.env.TEST_DB === 'mongo' ? { mongo: { useJoinAggregations: false, disableIndexHints: true } } : { sqlitePush: false },
})

const lines = createInterface({ input: process.stdin })
lines.on('close', () => process.exit(0))
process.stdout.write('STANDBY\n')
await new Promise<void>((resolve) => lines.on('line', (line) => line.trim() === 'go' && resolve()))
await getPayload({ config })
const { port } = await serveApi(config, { port: 0 })
process.stdout.write(`LISTENING ${port}\n`)
