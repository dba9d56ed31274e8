import type { PayloadRequest } from 'payload'

import type { Policy } from '../../payload-types'

import { type Id, idOf, sameId } from '../ids'
import { LEGACY_IMPORT_FLAG } from '../import/flag'
import { packageLocked } from './locks'

/**
 * Members are drafted with their package and frozen with it (同步起草, 同步审签). After release, new
 * interpretations are supplementary and editable only until they are themselves submitted.
 * Returns the supplementary marking the stored document must carry.
 */
type MemberDoc = {
  id?: number | string
  policy?: unknown
  supplement?: null | { stage?: null | string }
  supplementary?: boolean | null
  title?: string
}

export async function memberWriteMarking(
  req: PayloadRequest,
  operation: 'create' | 'update',
  data: MemberDoc,
  original: MemberDoc | undefined,
  context: Record<string, unknown>,
): Promise<Partial<MemberDoc>> {
  if (context.supplementAction) return {}
  // Imported with its (legacy, released) package: a member of it, not a supplement.
  if (context[LEGACY_IMPORT_FLAG] && operation === 'create') return { supplementary: false }
  const policyId = idOf(data.policy ?? original?.policy) as Id
  if (operation === 'update' && original && !sameId(original.policy, policyId)) {
    await assertDrafting(req, idOf(original.policy) as Id, 'policy')
  }
  const policy = await req.payload.findByID({ collection: 'policies', id: policyId, depth: 0, req })
  if (policy.stage === 'drafting') {
    return operation === 'create' ? { supplementary: false } : {}
  }
  if (policy.stage === 'released') {
    if (operation === 'create') return { supplementary: true, supplement: { stage: 'drafting' } }
    if (original?.supplementary && (original.supplement?.stage ?? 'drafting') === 'drafting') return {}
  }
  throw packageLocked(req, policy, original?.title ? `《${original.title}》` : 'members')
}

export async function assertMemberDeletable(req: PayloadRequest, doc: MemberDoc): Promise<void> {
  if (doc.supplementary && (doc.supplement?.stage ?? 'drafting') === 'drafting') return
  await assertDrafting(req, idOf(doc.policy) as Id, `《${doc.title}》`)
}

async function assertDrafting(req: PayloadRequest, policyId: Id, what: string) {
  const policy = (await req.payload.findByID({ collection: 'policies', id: policyId, depth: 0, req }).catch(() => null)) as null | Policy
  if (policy && policy.stage !== 'drafting') throw packageLocked(req, policy, what)
}
