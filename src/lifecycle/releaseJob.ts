import type { TaskConfig } from 'payload'

import { performAction } from './packageLifecycle'

/**
 * A scheduled release (定时发布), stored in Payload's jobs queue so it survives restarts. When it fires, it
 * releases the package only if it is still scheduled for that very time: a package returned or rescheduled
 * in between leaves this job with nothing to do.
 */
export const releaseScheduledPackage: TaskConfig<{
  input: { policy: string; releaseAt: string }
  output: { released: boolean }
}> = {
  slug: 'releaseScheduledPackage',
  label: '定时发布 Scheduled release',
  retries: 3,
  inputSchema: [
    { name: 'policy', type: 'text', required: true },
    { name: 'releaseAt', type: 'text', required: true },
  ],
  outputSchema: [{ name: 'released', type: 'checkbox' }],
  handler: async ({ input, req }) => {
    const policy = await req.payload.findByID({ collection: 'policies', id: input.policy, depth: 0, req }).catch(() => null)
    const due = policy?.workflow?.scheduledReleaseAt
    if (!policy || policy.stage !== 'scheduled' || !due || new Date(due).getTime() !== new Date(input.releaseAt).getTime()) {
      return { output: { released: false } }
    }
    await performAction(req, policy.id, 'release', {}, { system: true })
    return { output: { released: true } }
  },
}
