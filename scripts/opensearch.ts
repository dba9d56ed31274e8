/**
 * `npm run opensearch -- --port <n> [--data <dir>]`: the test node (scripts/opensearch) in the foreground for
 * development. Prints `opensearch: <url>`, then `ready`; Ctrl-C stops it (and removes a temporary data dir).
 * Then e.g. `SEARCH_URL=http://127.0.0.1:<n> npm run dev`.
 * `--check` starts it on a free port, prints how long that took, and stops it (CI runs it once before the lanes, so a
 * node that cannot start says why there rather than inside a test's beforeAll).
 */
import { startOpenSearch } from './opensearch/node'

const args = process.argv.slice(2)
const value = (flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined)
const check = args.includes('--check')
const port = value('--port') ? Number(value('--port')) : check ? undefined : 9200
if (port !== undefined && (!Number.isInteger(port) || port < 1 || port > 65535)) {
  console.error(`--port “${value('--port')}” is not a port number`)
  process.exit(2)
}

const started = Date.now()
const node = await startOpenSearch({
  port,
  dataDir: value('--data'),
  log: args.includes('--verbose') ? (line) => process.stderr.write(line) : undefined,
})
if (check) {
  console.log(`opensearch: started in ${((Date.now() - started) / 1000).toFixed(1)} s on ${node.url}; stopping`)
  await node.close()
  process.exit(0)
}
console.log(`opensearch: ${node.url}`)
console.log('ready')
console.error(`(started in ${((Date.now() - started) / 1000).toFixed(1)} s, data in ${node.dataDir}; Ctrl-C stops it)`)
let closing = false
const shutdown = () => {
  if (closing) return
  closing = true
  void node.close().then(() => process.exit(0))
}
process.on('SIGINT', shutdown)
process.on('SIGTERM', shutdown)
