import type { PayloadRequest, TaskConfig, Where } from 'payload'

import type { Policy } from '../../payload-types'

import { chinaDate } from '../rules/releaseClock'
import { runStep } from './runStep'

/** Queue of the validity job; the server's job runner schedules and runs it (src/buildAppConfig.ts). */
export const VALIDITY_QUEUE = 'validity'

/** The start (00:00 CST) of the China Standard Time day of `now`: a validUntil before it has passed. */
export const startOfChinaDay = (now: Date): string => new Date(`${chinaDate(now)}T00:00:00+08:00`).toISOString()

/** Released policies still marked 有效 whose 有效期至 lies before today (CST). */
const lapsedWhere = (now: Date): Where => ({
  and: [{ stage: { equals: 'released' } }, { validity: { equals: 'valid' } }, { validUntil: { less_than: startOfChinaDay(now) } }],
})

/**
 * Marks every released policy whose 有效期至 has passed (the CST day after it has begun) `validity: expired` (失效),
 * each in its own step: the write, then a `policy-expired` audit entry whose reactions invalidate the public cache,
 * let search re-read the package and send webhooks `updated`. Idempotent: an expired policy no longer matches, and
 * each one is re-read before it is written, so two runs (or two instances) expire it once.
 */
export async function expireLapsedPolicies(req: PayloadRequest, now = new Date()): Promise<(number | string)[]> {
  const { docs } = await req.payload.find({
    collection: 'policies',
    where: lapsedWhere(now),
    depth: 0,
    limit: 500,
    sort: 'validUntil',
    overrideAccess: true,
    req,
  })
  const expired: (number | string)[] = []
  for (const candidate of docs) {
    const done = await runStep(
      req,
      async () => {
        const current = await req.payload.findByID({ collection: 'policies', id: candidate.id, depth: 0, overrideAccess: true, req })
        if (current.stage !== 'released' || current.validity !== 'valid' || !current.validUntil) return null
        if (new Date(current.validUntil).getTime() >= new Date(startOfChinaDay(now)).getTime()) return null
        const policy: Policy = await req.payload.update({
          collection: 'policies',
          id: current.id,
          data: { validity: 'expired' },
          depth: 0,
          overrideAccess: true,
          context: { validityJob: true },
          req,
        })
        return { policy, previous: current }
      },
      (written) =>
        written && {
          entry: {
            action: 'policy-expired',
            policy: written.policy.id,
            details: {
              title: written.policy.title,
              documentNumber: written.policy.documentNumber ?? null,
              validUntil: written.previous.validUntil ?? '',
            },
          },
          subject: written,
        },
    )
    if (done) expired.push(done.policy.id)
  }
  return expired
}

/**
 * 失效: the daily-enough sweep in Payload's jobs queue (scheduled every hour, so a document lapses within an hour of
 * the CST midnight after its 有效期至; a restart loses nothing, a missed hour is caught up by the next).
 */
export const expireLapsedPoliciesTask: TaskConfig<{ input: object; output: { expired: number } }> = {
  slug: 'expireLapsedPolicies',
  label: '有效期届满失效 Validity expiry',
  retries: 2,
  inputSchema: [],
  outputSchema: [{ name: 'expired', type: 'number' }],
  schedule: [{ cron: '0 * * * *', queue: VALIDITY_QUEUE }],
  handler: async ({ req }) => ({ output: { expired: (await expireLapsedPolicies(req)).length } }),
}
