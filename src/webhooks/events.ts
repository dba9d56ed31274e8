import type { PayloadRequest } from 'payload'

import type { Policy } from '../../payload-types'

import { L } from '../i18n'

export const WEBHOOK_EVENTS = [
  { label: L('发布', 'Released'), value: 'released' },
  { label: L('撤回', 'Withdrawn'), value: 'withdrawn' },
  { label: L('更新（补充解读发布、有效性变更）', 'Updated (supplement released, validity changed)'), value: 'updated' },
] as const

export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number]['value']

export const WEBHOOK_QUEUE = 'webhooks'

/**
 * Records one delivery per subscribed, active webhook and queues it. Runs in the caller's request (and
 * transaction, where there is one), so a step that fails sends nothing. Only packages that are public
 * (主动公开) are announced: websites have nothing to show for the others.
 */
export async function enqueueWebhookEvent(req: PayloadRequest, event: WebhookEvent, policy: Policy): Promise<number> {
  if (policy.disclosure !== 'proactive') return 0
  const { docs: hooks } = await req.payload.find({
    collection: 'webhooks',
    where: { and: [{ active: { equals: true } }, { events: { in: [event] } }] },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const occurredAt = new Date().toISOString()
  for (const hook of hooks) {
    const delivery = await req.payload.create({
      collection: 'webhook-deliveries',
      data: {
        webhook: hook.id,
        event,
        policy: policy.id,
        status: 'pending',
        attempts: 0,
        payload: {
          event,
          occurredAt,
          policy: {
            id: policy.id,
            title: policy.title,
            documentNumber: policy.documentNumber ?? null,
            indexNumber: policy.indexNumber ?? null,
            links: { bundle: `/api/public/policies/${policy.id}` },
          },
        },
      },
      depth: 0,
      overrideAccess: true,
      req,
    })
    await req.payload.jobs.queue({ task: 'deliverWebhook', queue: WEBHOOK_QUEUE, input: { delivery: String(delivery.id) }, req })
  }
  return hooks.length
}
