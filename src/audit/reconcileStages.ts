import type { Payload } from 'payload'

import { followedBy } from '../events/reactions'
import { idKey, idOf } from '../ids'

/** Audit actions that move a package's stage (member changes and supplements do not). */
const STAGE_ACTIONS = followedBy('recovery')

export type StageMismatch = { id: number | string; logged: string; stored: string; title: string }

/**
 * The stored stage of every policy must be the `toStage` of its latest stage-changing audit entry (drafting
 * when it has none). Where the database has no transactions (SQLite as Payload configures it, MongoDB without
 * a replica set) a process dying between the two writes of a step would show up here.
 */
export async function reconcileStages(payload: Payload): Promise<StageMismatch[]> {
  const latest = new Map<string, string>()
  const entries = await payload.find({
    collection: 'audit-log',
    where: { action: { in: [...STAGE_ACTIONS] } },
    sort: 'seq',
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  for (const entry of entries.docs) {
    const policy = entry.refs?.policy ?? idOf(entry.policy)
    // idKey: ids recorded before a backup was restored onto another adapter still name their policy (src/backup).
    if (policy !== undefined && policy !== null && entry.toStage) latest.set(idKey(policy)!, entry.toStage)
  }
  const policies = await payload.find({
    collection: 'policies',
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { stage: true, title: true },
  })
  return policies.docs
    .map((p) => ({ id: p.id, title: p.title, stored: p.stage, logged: latest.get(idKey(p.id)!) ?? 'drafting' }))
    .filter((p) => p.stored !== p.logged)
}
