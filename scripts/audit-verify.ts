/**
 * `npm run audit:verify`: recomputes the audit trail's hash chain (数据铁笼) in DATABASE_URL.
 * Also checks that every policy's stage is the one its last logged step set.
 * Exit code 0: intact; 1: broken (the first broken entry and why, or the mismatching policies, are printed); 2: could not check.
 * Run as `node --conditions=production --import tsx scripts/audit-verify.ts` (plain node can hang loading lexical).
 */
import { drawProgress, loadDotEnv, runCli } from './lib/cli'

loadDotEnv()

async function main(): Promise<number> {
  const { getPayload } = await import('payload')
  const { default: config } = await import('../payload.config')
  const { verifyAuditChain } = await import('../src/audit/auditTrail')
  const { reconcileStages } = await import('../src/audit/reconcileStages')

  const payload = await getPayload({ config })
  try {
    const started = Date.now()
    const result = await verifyAuditChain(payload, (done, total) => drawProgress(done, total))
    process.stderr.write('\n')
    const seconds = ((Date.now() - started) / 1000).toFixed(1)
    if (result.ok) {
      console.log(`审计日志完整 audit trail intact: ${result.entries} 条 entries checked in ${seconds} s.`)
      if (result.head) {
        console.log(`链尾 head: seq ${result.head.seq}, hash ${result.head.hash}`)
        console.log('（请另行保存链尾哈希，以便发现末尾记录被删除 — keep the head hash elsewhere to detect truncation.)')
      }
      const mismatches = await reconcileStages(payload)
      if (mismatches.length === 0) {
        console.log('流程状态与审计日志一致 every policy’s stage matches its last logged step.')
        return 0
      }
      for (const m of mismatches) {
        console.log(`状态不一致 stage mismatch: policy ${m.id}《${m.title}》 stored ${m.stored}, last logged ${m.logged}`)
      }
      return 1
    }
    console.log(`审计日志已被篡改 audit trail BROKEN at seq ${result.brokenAt}: ${result.reason}`)
    console.log(`（之前的 ${result.entries} 条记录完整 — the ${result.entries} entries before it are intact.)`)
    return 1
  } finally {
    await payload.destroy()
  }
}

runCli(main, '无法校验审计日志 audit verification failed:', 2)
