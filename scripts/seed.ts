/**
 * `npm run seed`: demo departments, users and policy packages, idempotently.
 * Run as `node --conditions=production --import tsx scripts/seed.ts` (plain node can hang loading lexical).
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const envFile = path.join(root, '.env')
// Before the config is imported: it reads DATABASE_URL and PAYLOAD_SECRET when it is evaluated.
if (existsSync(envFile)) process.loadEnvFile(envFile)

async function main(): Promise<void> {
  const started = Date.now()
  const { getPayload } = await import('payload')
  const { default: config } = await import('../payload.config')
  const { seedDemo } = await import('../src/seed')
  const { DEMO_PASSWORD } = await import('../src/seed/organisation')
  const { ROLES } = await import('../src/roles')

  const payload = await getPayload({ config })
  const created = await seedDemo(payload, (line) => console.log(line))
  const [policies, interpretations, consultations] = await Promise.all(
    (['policies', 'interpretations', 'consultations'] as const).map((collection) => payload.count({ collection })),
  )
  console.log('')
  console.log(
    `完成 done in ${((Date.now() - started) / 1000).toFixed(1)} s — 本次新建 created: ` +
      `政策 policies ${created.policies}, 解读 interpretations ${created.interpretations}, 征求意见 consultations ${created.consultations}; ` +
      `库中共有 in total: ${policies.totalDocs} / ${interpretations.totalDocs} / ${consultations.totalDocs}`,
  )
  console.log(`演示账号 demo logins (password ${DEMO_PASSWORD}):`)
  for (const { label, value } of ROLES) {
    const where = value === 'admin' ? '不限部门 any department' : '贵州省财政厅 / .b: 贵州省住房和城乡建设厅'
    console.log(`  ${`${value}@demo.gov.cn`.padEnd(22)} ${`${value}.b@demo.gov.cn`.padEnd(24)} ${label.zh}（${where}）`)
  }
  await payload.destroy()
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error('种子数据写入失败 seed failed:')
    console.error(error)
    if (/no such table|relation .* does not exist/i.test(String((error as { cause?: unknown })?.cause ?? error))) {
      console.error('数据库尚未建表：请先运行 `npx payload migrate`（the database has no schema yet: run the migrations first).')
    }
    process.exit(1)
  },
)
