/**
 * `npm run restore -- <dir>`: restores a backup made by `npm run backup` into DATABASE_URL and MEDIA_DIR, which
 * must be empty (a new SQLite file gets its schema migrations first). Every SHA-256 in the manifest is checked
 * before anything is written; afterwards the audit chain must verify and end where the backup's did.
 * Across adapters (SQLite ↔ MongoDB) ids are translated and the id map is written to <dir>/id-map.<type>.json.
 * Exit code 0: restored and verified; 1: refused, nothing written; 2: failed after writing began (drop the
 * target and start again).
 * Run as `node --conditions=production --import tsx scripts/restore.ts` (plain node can hang loading lexical).
 */
import { drawProgress, loadDotEnv, runCli } from './lib/cli'

loadDotEnv()

const USAGE = '用法 usage: npm run restore -- <备份目录 backup dir>'

const PHASES: Record<string, string> = {
  verify: '校验备份 verifying',
  documents: '写入文档 documents',
  files: '复制文件 files',
  audit: '校验审计链 audit chain',
}

async function main(): Promise<number> {
  const dir = process.argv[2]
  if (!dir || dir.startsWith('-')) {
    console.error(USAGE)
    return dir === '--help' || dir === '-h' ? 0 : 1
  }
  const fs = await import('node:fs/promises')
  const path = await import('node:path')
  const { getPayload } = await import('payload')
  const { default: config } = await import('../payload.config')
  const { manifestSha256, RestoreRefused, restoreBackup, RestoreVerificationFailed } = await import('../src/backup')

  const payload = await getPayload({ config })
  try {
    let phase = ''
    const report = await restoreBackup({
      payload,
      dir,
      // A new SQLite file has no tables yet; MongoDB needs no migrations.
      prepareTarget: payload.db.name === 'mongoose' ? undefined : () => payload.db.migrate(),
      onProgress: (done, total, next) => {
        if (phase && next !== phase) process.stderr.write('\n')
        phase = next
        drawProgress(done, total, PHASES[next] ?? next)
      },
    }).catch((error: unknown) => {
      process.stderr.write('\n')
      if (error instanceof RestoreRefused) {
        console.error(`拒绝恢复 restore refused (${error.status} ${error.code}): ${error.message}`)
        for (const line of error.details.slice(0, 20)) console.error(`  ${line}`)
        if (error.details.length > 20) console.error(`  … ${error.details.length - 20} more`)
        console.error('未写入任何数据 nothing was written.')
        return 1 as const
      }
      if (error instanceof RestoreVerificationFailed) {
        console.error(`恢复结果校验失败 restore verification FAILED: ${error.message}`)
        for (const line of error.details) console.error(`  ${line}`)
        console.error('目标库已部分写入，请清空后重试 the target was written to: drop it and restore again.')
        return 2 as const
      }
      throw error
    })
    if (typeof report === 'number') return report
    process.stderr.write('\n')
    const { manifest } = report
    console.log(
      `恢复完成 restored ${report.documents} 个文档 documents, ${report.versions} 个版本 versions, ${report.files} 个媒体文件 media files` +
        `${report.filesAlreadyPresent ? ` (${report.filesAlreadyPresent} already in place)` : ''} in ${report.seconds.toFixed(1)} s.`,
    )
    console.log(`备份 backup: ${manifest.createdAt} from ${manifest.source.adapter}; manifest SHA-256 ${await manifestSha256(dir)}`)
    if (report.audit.ok && report.audit.head) {
      console.log(
        `审计日志完整 audit trail intact: ${report.audit.entries} entries, head seq ${report.audit.head.seq}, hash ${report.audit.head.hash}`,
      )
    }
    if (!report.idsKept) {
      const file = path.join(path.resolve(dir), `id-map.${payload.db.defaultIDType === 'number' ? 'number' : 'text'}.json`)
      const text = `${JSON.stringify({ source: manifest.source, target: payload.db.name, map: report.idMap }, null, 2)}\n`
      const where = await fs.writeFile(file, text).then(
        () => file,
        async () => {
          const fallback = path.resolve(`id-map-${Date.now()}.json`)
          await fs.writeFile(fallback, text)
          return fallback
        },
      )
      console.log(`编号已转换 ids translated across adapters; id map: ${where}`)
    }
    for (const m of report.stageMismatches) {
      console.warn(`警告 warning: policy ${m.id}《${m.title}》 stage ${m.stored}, last logged ${m.logged}`)
    }
    return 0
  } finally {
    await payload.destroy()
  }
}

runCli(main, '恢复失败 restore failed:', 2)
