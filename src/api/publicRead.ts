import type { CollectionSlug, Payload, Where } from 'payload'

/**
 * Every read of the public API goes through here: the Local API with access control on and no user, so the
 * collections' own public rules (released, 主动公开, members derived from their policy) decide — the public API
 * cannot show more than an anonymous REST caller could, whoever is logged in.
 */
export async function publicFind<S extends CollectionSlug>(
  payload: Payload,
  collection: S,
  args: { depth?: number; limit?: number; page?: number; pagination?: boolean; sort?: string; where?: Where } = {},
) {
  return payload.find({ collection, overrideAccess: false, user: null, depth: 0, ...args })
}

export async function publicFindOne<S extends CollectionSlug>(payload: Payload, collection: S, where: Where, depth = 0) {
  const { docs } = await publicFind(payload, collection, { where, limit: 1, depth, pagination: false })
  return docs[0] ?? null
}
