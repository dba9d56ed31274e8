import type { PayloadRequest } from 'payload'

import type { Interpretation, Policy } from '../../payload-types'

import { type Id, idOf, sameId } from '../ids'
import { packageLocked } from './locks'

/**
 * Members are drafted with their package and frozen with it (同步起草, 同步审签). After release, new
 * interpretations are supplementary and editable only until they are themselves submitted.
 * Returns the supplementary marking the stored document must carry.
 */
export async function memberWriteMarking(
  req: PayloadRequest,
  operation: 'create' | 'update',
  data: Partial<Interpretation>,
  original: Interpretation | undefined,
  context: Record<string, unknown>,
): Promise<Partial<Interpretation>> {
  if (context.supplementAction) return {}
  const policyId = idOf((data.policy ?? original?.policy) as never) as Id
  if (operation === 'update' && original && !sameId(original.policy as never, policyId)) {
    await assertDrafting(req, idOf(original.policy as never) as Id, 'policy')
  }
  const policy = await req.payload.findByID({ collection: 'policies', id: policyId, depth: 0, req })
  if (policy.stage === 'drafting') {
    return operation === 'create' ? { supplementary: false } : {}
  }
  if (policy.stage === 'released') {
    if (operation === 'create') return { supplementary: true, supplement: { stage: 'drafting' } }
    if (original?.supplementary && (original.supplement?.stage ?? 'drafting') === 'drafting') return {}
  }
  throw packageLocked(req, policy, original?.title ? `《${original.title}》` : 'interpretations')
}

export async function assertMemberDeletable(req: PayloadRequest, doc: Interpretation): Promise<void> {
  if (doc.supplementary && (doc.supplement?.stage ?? 'drafting') === 'drafting') return
  await assertDrafting(req, idOf(doc.policy as never) as Id, `《${doc.title}》`)
}

async function assertDrafting(req: PayloadRequest, policyId: Id, what: string) {
  const policy = (await req.payload.findByID({ collection: 'policies', id: policyId, depth: 0, req }).catch(() => null)) as null | Policy
  if (policy && policy.stage !== 'drafting') throw packageLocked(req, policy, what)
}
