import { cache } from 'react'

import { content, member, type Member, type MemberSlug, parseId, type PolicyBundle } from './api'

/** A released member and the bundle of its policy (for 原文 and the metadata), both from the public API; null = 404. */
export const loadMember = cache(async (slug: MemberSlug, raw: string): Promise<null | { m: Member; policy: null | PolicyBundle }> => {
  const id = parseId(raw)
  if (id === null) return null
  const m = await member(slug, id)
  if (!m) return null
  const policy = await content().bundle(m.policy.id)
  return { m, policy }
})
