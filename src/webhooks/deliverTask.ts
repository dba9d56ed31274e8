import type { TaskConfig } from 'payload'

import { DELIVERY_HEADER, EVENT_HEADER, sign, SIGNATURE_HEADER } from './signature'

/** Attempts per delivery (1 + retries); the jobs queue waits exponentially longer between them. */
export const WEBHOOK_ATTEMPTS = 6
const TIMEOUT_MS = 10_000

/**
 * POSTs one recorded delivery to its website, signed, and logs each attempt on the delivery. A failure throws,
 * so the jobs queue retries it with backoff (WEBHOOK_BACKOFF_MS, doubling); after the last attempt the delivery
 * stays marked failed in the admin.
 */
export const deliverWebhookTask = (): TaskConfig<{ input: { delivery: string }; output: { status: number } }> => ({
  slug: 'deliverWebhook',
  label: 'Webhook 推送 Webhook delivery',
  // Read when the config is built, so deployments (and tests) can tune it through the environment.
  retries: { attempts: WEBHOOK_ATTEMPTS - 1, backoff: { type: 'exponential', delay: Number(process.env.WEBHOOK_BACKOFF_MS ?? 5000) } },
  inputSchema: [{ name: 'delivery', type: 'text', required: true }],
  outputSchema: [{ name: 'status', type: 'number' }],
  handler: async ({ input, req }) => {
    const delivery = await req.payload.findByID({
      collection: 'webhook-deliveries',
      id: input.delivery,
      depth: 1,
      overrideAccess: true,
      req,
    })
    const hook = delivery.webhook
    if (!hook || typeof hook !== 'object' || !hook.active) return { output: { status: 0 } }
    const body = JSON.stringify({ id: String(delivery.id), ...(delivery.payload as object) })
    const attempts = (delivery.attempts ?? 0) + 1
    let status = 0
    let error: null | string = null
    try {
      const response = await fetch(hook.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'user-agent': 'policy-interpretation-cms-webhooks/1',
          [SIGNATURE_HEADER]: sign(hook.secret, Math.floor(Date.now() / 1000), body),
          [EVENT_HEADER]: delivery.event,
          [DELIVERY_HEADER]: String(delivery.id),
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(TIMEOUT_MS),
      })
      status = response.status
      if (!response.ok) error = `HTTP ${status}: ${(await response.text()).slice(0, 300)}`
    } catch (e) {
      error = e instanceof Error ? e.message : String(e)
    }
    const done = !error
    await req.payload.update({
      collection: 'webhook-deliveries',
      id: delivery.id,
      data: {
        attempts,
        lastStatusCode: status || null,
        lastError: error,
        status: done ? 'delivered' : attempts >= WEBHOOK_ATTEMPTS ? 'failed' : 'retrying',
        deliveredAt: done ? new Date().toISOString() : null,
      },
      depth: 0,
      overrideAccess: true,
      req,
    })
    if (error) throw new Error(`webhook ${hook.url}: ${error}`)
    return { output: { status } }
  },
})
