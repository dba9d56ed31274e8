import type { PayloadRequest } from 'payload'

import { pick } from './i18n'

/** Reads a JSON request body; an empty body is `{}`. */
export async function readJsonBody(req: PayloadRequest): Promise<{ ok: false } | { ok: true; value: unknown }> {
  try {
    const text = req.text ? await req.text() : ''
    return { ok: true, value: text.trim() ? JSON.parse(text) : {} }
  } catch {
    return { ok: false }
  }
}

/** A 400 in Payload's error shape, in the request's language. */
export const badRequest = (req: PayloadRequest, en: string, zh: string) =>
  Response.json({ errors: [{ message: pick(req, { en, zh }) }] }, { status: 400 })
