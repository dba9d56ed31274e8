import type { Where } from 'payload'

/**
 * What an anonymous reader may see of a package: released, and disclosed proactively (主动公开).
 * Members (interpretations, media records…) derive their visibility from their policy through `pathToPolicy`
 * so that a member can never be public before, or without, its policy.
 */
export const publiclyVisible = (pathToPolicy: '' | `${string}.` = ''): Where => ({
  and: [{ [`${pathToPolicy}stage`]: { equals: 'released' } }, { [`${pathToPolicy}disclosure`]: { equals: 'proactive' } }],
})
