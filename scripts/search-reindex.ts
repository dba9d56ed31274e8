/**
 * `npm run search:reindex`: rebuilds the site-search index from DATABASE_URL (progress bar).
 * - Embedded index (default): writes the snapshot that starting instances load (SEARCH_SNAPSHOT_DIR), and appends a
 *   `search-reindex` audit entry, on which every running instance rebuilds its own index from the database.
 * - OpenSearch (SEARCH_URL set): fills a new index and switches the alias to it; every instance answers from it at
 *   once (the index is shared), so no audit entry is needed to tell them.
 * Exit code 0: rebuilt; 1: could not rebuild.
 * Run as `node --conditions=production --import tsx scripts/search-reindex.ts` (plain node can hang loading lexical).
 */
import { drawProgress, loadDotEnv, runCli } from './lib/cli'

loadDotEnv()
// This process only rebuilds; it does not run scheduled jobs.
process.env.JOBS_AUTORUN = 'false'

function progress(started: number) {
  return (done: number, total: number) => {
    const seconds = (Date.now() - started) / 1000
    drawProgress(done, total, `政策文件 policies · ${seconds > 0 ? Math.round(done / seconds) : 0}/s`)
  }
}

async function main(): Promise<number> {
  const { getPayload } = await import('payload')
  const { default: config } = await import('../payload.config')
  const { SearchService, defaultOptions } = await import('../src/search/service')
  const { announceReindex } = await import('../src/search/endpoints')
  const { configuredEngine, searchBackend } = await import('../src/search/backend')

  const payload = await getPayload({ config })
  try {
    const started = Date.now()
    if (configuredEngine() === 'opensearch') {
      const backend = searchBackend(payload)
      await backend.rebuild(progress(started))
      process.stderr.write('\n')
      const status = await backend.status()
      console.log(
        `索引已重建 search index rebuilt on OpenSearch (${status.url}): ${status.documents} 篇文档 documents in ${((Date.now() - started) / 1000).toFixed(1)} s, ` +
          `alias now on ${status.index} (audit log up to seq ${status.watermark.seq}).`,
      )
      backend.stop()
      return 0
    }
    const service = new SearchService(payload, { ...defaultOptions(), pollMs: 0 })
    await service.rebuild(progress(started))
    process.stderr.write('\n')
    const status = service.status()
    const seconds = (Date.now() - started) / 1000
    console.log(
      `索引已重建 search index rebuilt: ${status.documents} 篇文档 documents, ${status.terms} 个词项 terms in ${seconds.toFixed(1)} s ` +
        `(audit log up to seq ${status.watermark.seq}).`,
    )
    const bytes = await service.saveSnapshot()
    if (bytes) console.log(`快照 snapshot: ${status.snapshot} (${(bytes / 2 ** 20).toFixed(1)} MiB)`)
    else console.log('未写快照 no snapshot written (SEARCH_SNAPSHOT_DIR=off, or the audit log is empty).')
    await announceReindex(undefined, payload)
    console.log('已通知运行中的实例重建 running instances rebuild on the audit entry `search-reindex` within seconds.')
    service.stop()
    return 0
  } finally {
    await payload.destroy()
  }
}

runCli(main, '索引重建失败 search reindex failed:', 1)
