import type { CollectionSlug, Payload, Where } from 'payload'

/**
 * Every read of the public API goes through here: the Local API with access control on and no user, so the
 * collections' own public rules (released, 主动公开, members derived from their policy) decide — the public API
 * cannot show more than an anonymous REST caller could, whoever is logged in.
 */
export async function publicFind<T = Record<string, unknown>>(
  payload: Payload,
  collection: CollectionSlug,
  args: { depth?: number; limit?: number; page?: number; pagination?: boolean; sort?: string; where?: Where } = {},
) {
  const result = await payload.find({ collection, overrideAccess: false, user: null, depth: 0, ...args } as never)
  return result as unknown as { docs: T[]; page?: number; totalDocs: number; totalPages: number }
}

export async function publicFindOne<T = Record<string, unknown>>(payload: Payload, collection: CollectionSlug, where: Where, depth = 0) {
  const { docs } = await publicFind<T>(payload, collection, { where, limit: 1, depth, pagination: false })
  return docs[0] ?? null
}
