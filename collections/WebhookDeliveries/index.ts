import type { CollectionConfig } from 'payload'

import { adminOnly } from '../../src/access/adminOnly'
import { GROUPS } from '../../src/groups'
import { L } from '../../src/i18n'
import { WEBHOOK_EVENTS } from '../../src/webhooks/events'

const never = () => false

/** The delivery log: one row per event and website, updated by each attempt. Written only by the system. */
export const WebhookDeliveries: CollectionConfig<'webhook-deliveries'> = {
  slug: 'webhook-deliveries',
  labels: { singular: L('推送记录', 'Webhook delivery'), plural: L('推送记录', 'Webhook deliveries') },
  admin: {
    group: GROUPS.organisation,
    defaultColumns: ['webhook', 'event', 'policy', 'status', 'attempts', 'lastStatusCode', 'updatedAt'],
  },
  access: { read: adminOnly, create: never, update: never, delete: adminOnly },
  fields: [
    { name: 'webhook', type: 'relationship', relationTo: 'webhooks', required: true, index: true, label: L('推送订阅', 'Webhook') },
    { name: 'event', type: 'select', required: true, options: WEBHOOK_EVENTS.map((e) => ({ ...e })), label: L('事件', 'Event') },
    { name: 'policy', type: 'relationship', relationTo: 'policies', label: L('政策文件', 'Policy') },
    {
      name: 'status',
      type: 'select',
      required: true,
      index: true,
      label: L('状态', 'Status'),
      options: [
        { label: L('待推送', 'Pending'), value: 'pending' },
        { label: L('重试中', 'Retrying'), value: 'retrying' },
        { label: L('已送达', 'Delivered'), value: 'delivered' },
        { label: L('失败', 'Failed'), value: 'failed' },
      ],
    },
    { name: 'attempts', type: 'number', defaultValue: 0, label: L('尝试次数', 'Attempts') },
    { name: 'lastStatusCode', type: 'number', label: L('最近响应码', 'Last HTTP status') },
    { name: 'lastError', type: 'textarea', label: L('最近错误', 'Last error') },
    { name: 'deliveredAt', type: 'date', label: L('送达时间', 'Delivered at') },
    { name: 'payload', type: 'json', label: L('推送内容', 'Payload') },
  ],
}
