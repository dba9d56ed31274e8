/**
 * `npm run backup -- <dir>`: writes every document of DATABASE_URL (all collections, versions, the audit log) and
 * every file under MEDIA_DIR into <dir> (new or empty), with manifest.json listing a SHA-256 for each file.
 * Exit code 0: written; 1: refused (directory not empty, database changed meanwhile); 2: failed.
 * Run as `node --conditions=production --import tsx scripts/backup.ts` (plain node can hang loading lexical).
 */
import { drawProgress, loadDotEnv, runCli } from './lib/cli'

loadDotEnv()

const USAGE = '用法 usage: npm run backup -- <目录 dir>'

async function main(): Promise<number> {
  const dir = process.argv[2]
  if (!dir || dir.startsWith('-')) {
    console.error(USAGE)
    return dir === '--help' || dir === '-h' ? 0 : 1
  }
  const { getPayload } = await import('payload')
  const { default: config } = await import('../payload.config')
  const { BackupError, createBackup } = await import('../src/backup')

  const payload = await getPayload({ config })
  try {
    let phase = ''
    const result = await createBackup({
      payload,
      dir,
      onProgress: (done, total, next) => {
        if (phase && next !== phase) process.stderr.write('\n')
        phase = next
        drawProgress(done, total, next === 'files' ? '媒体文件 files' : '文档 documents')
      },
    }).catch((error: unknown) => {
      if (error instanceof BackupError) {
        process.stderr.write('\n')
        console.error(`拒绝备份 backup refused (${error.code}): ${error.message}`)
        return null
      }
      throw error
    })
    if (!result) return 1
    process.stderr.write('\n')
    const { manifest } = result
    console.log(
      `备份完成 backup written to ${result.dir}: ${manifest.counts.documents} 个文档 documents, ${manifest.counts.versions} 个版本 versions, ` +
        `${manifest.counts.files} 个媒体文件 media files in ${result.seconds.toFixed(1)} s.`,
    )
    console.log(`来源 source: ${manifest.source.adapter} (ids: ${manifest.source.idType}), Payload ${manifest.source.payloadVersion}`)
    if (manifest.auditHead) console.log(`审计链尾 audit head: seq ${manifest.auditHead.seq}, hash ${manifest.auditHead.hash}`)
    console.log(`清单哈希 manifest SHA-256: ${result.manifestSha256}`)
    console.log('（请另行保存清单哈希 — keep the manifest hash elsewhere: it proves the manifest itself unchanged.)')
    for (const file of manifest.missingMedia) console.warn(`警告 warning: ${file} is named by a document but was not on disk`)
    return 0
  } finally {
    await payload.destroy()
  }
}

runCli(main, '备份失败 backup failed:', 2)
