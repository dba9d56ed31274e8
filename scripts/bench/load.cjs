// Load generator, run as a separate process so it does not share the servers' event loop:
// node scripts/bench/load.cjs <connections> <seconds> <url> [<url> …] → JSON summary on stdout.
const autocannon = require('autocannon')

const [connections, seconds, ...urls] = process.argv.slice(2)
const { origin } = new URL(urls[0])
let next = 0
const instance = autocannon(
  {
    url: origin,
    connections: Number(connections),
    duration: Number(seconds),
    requests: [
      {
        setupRequest: (req) => {
          const url = new URL(urls[next++ % urls.length])
          return { ...req, path: url.pathname + url.search }
        },
      },
    ],
  },
  (err, result) => {
    if (err) throw err
    process.stdout.write(
      JSON.stringify({
        rps: result.requests.average,
        p50: result.latency.p50,
        p99: result.latency.p99,
        non2xx: result.non2xx,
        errors: result.errors,
        timeouts: result.timeouts,
        total: result.requests.total,
      }),
    )
  },
)
autocannon.track(instance, { renderProgressBar: false, renderResultsTable: false, renderLatencyTable: false })
