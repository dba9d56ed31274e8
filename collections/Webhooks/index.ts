import type { CollectionConfig, TextFieldSingleValidation } from 'payload'

import { adminOnly } from '../../src/access/adminOnly'
import { GROUPS } from '../../src/groups'
import { L, pick } from '../../src/i18n'
import { WEBHOOK_EVENTS } from '../../src/webhooks/events'

/** Consuming websites (接收网站) that want to hear about releases, withdrawals and updates. */
export const Webhooks: CollectionConfig<'webhooks'> = {
  slug: 'webhooks',
  labels: { singular: L('推送订阅', 'Webhook'), plural: L('推送订阅', 'Webhooks') },
  admin: {
    group: GROUPS.organisation,
    useAsTitle: 'name',
    defaultColumns: ['name', 'url', 'events', 'active'],
    description: L(
      '发布、撤回或更新时向网站推送 JSON，签名头 X-PolicyCMS-Signature: t=<时间戳>,v1=HMAC-SHA256(密钥, "<t>.<正文>")。',
      'POSTs JSON on release, withdrawal or update, signed: X-PolicyCMS-Signature: t=<unix>,v1=HMAC-SHA256(secret, "<t>.<body>").',
    ),
  },
  access: { read: adminOnly, create: adminOnly, update: adminOnly, delete: adminOnly },
  fields: [
    { name: 'name', type: 'text', required: true, label: L('网站名称', 'Website') },
    {
      name: 'url',
      type: 'text',
      required: true,
      label: L('接收地址', 'Endpoint URL'),
      validate: ((value, { req }) => {
        try {
          const url = new URL(String(value))
          if (url.protocol === 'https:' || url.protocol === 'http:') return true
        } catch {
          /* fall through */
        }
        return pick(req, { en: 'An http(s) URL is required.', zh: '请填写 http(s) 地址。' })
      }) as TextFieldSingleValidation,
    },
    {
      name: 'secret',
      type: 'text',
      required: true,
      minLength: 16,
      label: L('签名密钥', 'Signing secret'),
      admin: { description: L('至少 16 位，与接收网站共享', 'At least 16 characters, shared with the website') },
    },
    {
      name: 'events',
      type: 'select',
      hasMany: true,
      required: true,
      label: L('事件', 'Events'),
      options: WEBHOOK_EVENTS.map((e) => ({ ...e })),
    },
    { name: 'active', type: 'checkbox', defaultValue: true, label: L('启用', 'Active') },
    {
      name: 'deliveries',
      type: 'join',
      collection: 'webhook-deliveries',
      on: 'webhook',
      label: L('推送记录', 'Delivery log'),
      admin: { defaultColumns: ['event', 'policy', 'status', 'attempts', 'lastStatusCode', 'updatedAt'] },
    },
  ],
}
