/**
 * `npm run import -- <file> [--dry-run] [--user <admin email>] [--report <report.json>]`: imports a legacy library
 * (存量文件) from CSV (UTF-8 ± BOM, GB18030/GBK), XLSX or JSON Lines into DATABASE_URL as released packages.
 * Prints problems row by row, then one summary line `import: created N, skipped N, failed N`.
 * Exit code 0: no row failed; 1: some row failed (the others are imported); 2: could not run.
 * Format and report: docs/documents.md.
 */
import { readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'

import { drawProgress, loadDotEnv, runCli } from './lib/cli'

loadDotEnv()
process.env.JOBS_AUTORUN = 'false'

function args(argv: string[]) {
  const out: { dryRun: boolean; file?: string; report?: string; user?: string } = { dryRun: false }
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i]
    if (a === '--dry-run') out.dryRun = true
    else if (a === '--user') out.user = argv[++i]
    else if (a === '--report') out.report = argv[++i]
    else if (!out.file) out.file = a
  }
  return out
}

async function main(): Promise<number> {
  const options = args(process.argv.slice(2))
  if (!options.file) {
    console.error(
      'usage: npm run import -- <file.csv|file.xlsx|file.jsonl> [--dry-run] [--user admin@example.gov.cn] [--report report.json]',
    )
    return 2
  }
  const bytes = await readFile(options.file)
  const { getPayload } = await import('payload')
  const { default: config } = await import('../payload.config')
  const { importFile, summaryLine } = await import('../src/import/run')
  const { importAdmin } = await import('../src/import/admin')
  const payload = await getPayload({ config })
  try {
    const user = await importAdmin(payload, options.user)
    const started = Date.now()
    const report = await importFile(payload, bytes, {
      dryRun: options.dryRun,
      user,
      fileName: options.file,
      baseDir: path.dirname(path.resolve(options.file)),
      onProgress: (done, total) => {
        if (done % 50 === 0 || done === total) {
          const seconds = (Date.now() - started) / 1000
          drawProgress(done, total, `rows · ${seconds > 0 ? Math.round(done / seconds) : 0}/s`)
        }
      },
    })
    process.stderr.write('\n')
    for (const r of report.results) {
      if (r.status === 'failed') {
        for (const p of r.problems) console.log(`row ${r.row}${p.column ? ` [${p.column}]` : ''}: ${p.problem.zh} / ${p.problem.en}`)
      } else if (r.legacyNumber) {
        console.log(
          `row ${r.row} [documentNumber] legacy number kept as printed: ${r.legacyNumber.problem.zh}${r.legacyNumber.suggestion ? ` (规范写法 ${r.legacyNumber.suggestion})` : ''}`,
        )
      }
    }
    if (report.unknownColumns.length) console.log(`unknown columns (ignored): ${report.unknownColumns.join(', ')}`)
    if (report.unknownDepartments.length) console.log(`unknown departments (not created): ${report.unknownDepartments.join('；')}`)
    if (options.report) await writeFile(options.report, JSON.stringify(report, null, 2))
    console.log(summaryLine(report))
    return report.failed > 0 ? 1 : 0
  } finally {
    await payload.destroy()
  }
}

runCli(main, '导入失败 import failed', 2)
