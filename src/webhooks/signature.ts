import { createHmac, timingSafeEqual } from 'node:crypto'

/** Header carrying `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" keyed with the webhook's secret>`. */
export const SIGNATURE_HEADER = 'X-PolicyCMS-Signature'
export const EVENT_HEADER = 'X-PolicyCMS-Event'
export const DELIVERY_HEADER = 'X-PolicyCMS-Delivery'

export const sign = (secret: string, timestamp: number, body: string): string =>
  `t=${timestamp},v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`

/**
 * What a receiving website runs (also used by the tests): checks the signature and refuses stale timestamps,
 * so a captured request cannot be replayed later.
 */
export function verifySignature(secret: string, header: string, body: string, toleranceSeconds = 300, now = Date.now()): boolean {
  const parts = Object.fromEntries(header.split(',').map((p) => p.split('=') as [string, string]))
  const t = Number(parts.t)
  if (!Number.isFinite(t) || Math.abs(now / 1000 - t) > toleranceSeconds || !parts.v1) return false
  const expected = Buffer.from(sign(secret, t, body).split('v1=')[1], 'hex')
  const given = Buffer.from(parts.v1, 'hex')
  return expected.length === given.length && timingSafeEqual(expected, given)
}
