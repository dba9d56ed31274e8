/** Shared plumbing of the maintenance commands (audit:verify, search:reindex): .env, progress, exit codes. */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')

/** Loads .env when present. Call before importing the config: it reads DATABASE_URL and PAYLOAD_SECRET. */
export function loadDotEnv(): void {
  const envFile = path.join(root, '.env')
  if (existsSync(envFile) && typeof process.loadEnvFile === 'function') process.loadEnvFile(envFile)
}

const BAR_WIDTH = 30

/** `[#####.....] done/total suffix` on stderr, redrawn in place. */
export function drawProgress(done: number, total: number, suffix = ''): void {
  const filled = total > 0 ? Math.round((done / total) * BAR_WIDTH) : BAR_WIDTH
  process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${done}/${total}${suffix ? ` ${suffix}` : ''}`)
}

/**
 * Runs a command's main and exits with its code; on an exception prints what failed (with the usual cause, a
 * database without the tables, spelled out) and exits with `errorCode`.
 */
export function runCli(main: () => Promise<number>, failure: string, errorCode: number): void {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write('\n')
      console.error(failure)
      const cause = String((error as { cause?: unknown })?.cause ?? '')
      if (/no such table|relation .* does not exist/i.test(`${cause} ${String(error)}`)) {
        console.error(`  ${cause || String(error)}`)
        console.error('数据库缺少表：请先运行 `npm run payload -- migrate`（missing tables: run the migrations first).')
      } else {
        console.error(error)
      }
      process.exit(errorCode)
    },
  )
}
