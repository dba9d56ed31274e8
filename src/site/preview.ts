/**
 * The editors' preview (/preview/policies/<id>): a package as the site will show it, before release, read with the
 * signed-in user's own access (the Payload auth cookie), never the public API's anonymous view. Who may preview is
 * who may read the policy: a user of another department gets "not found", exactly as for any document they may not
 * read; an anonymous caller is sent to the admin login and sees no content.
 */
import type { Payload } from 'payload'

import type { Policy } from '../../payload-types'

import { type MemberReader, policyBundle } from '../api/publicViews'
import { isDocumentId } from '../input/ids'
import { type Stage, stageLabel } from '../lifecycle/stages'
import type { Bilingual } from '../i18n'
import type { PolicyBundle } from './api'

/** The response headers of every preview page (set for /preview/* in next.config.mjs; asserted by the e2e test). */
export const PREVIEW_HEADERS = { 'Cache-Control': 'private, no-store', 'X-Robots-Tag': 'noindex' } as const

export type PreviewResult =
  | { kind: 'anonymous' }
  | { kind: 'not-found' }
  | { kind: 'ok'; bundle: PolicyBundle; stage: Stage; stageLabel: Bilingual; released: boolean; adminPath: string }

/** The admin login, coming back to the preview after signing in. */
export const loginPath = (payload: Pick<Payload, 'config'>, back: string) =>
  `${payload.config.routes.admin}/login?redirect=${encodeURIComponent(back)}`

/** What the preview of policy `rawId` shows to the user of these request headers (their auth cookie). */
export async function loadPreview(payload: Payload, headers: Headers, rawId: string): Promise<PreviewResult> {
  const { user } = await payload.auth({ headers })
  if (!user) return { kind: 'anonymous' }
  if (!isDocumentId(payload, rawId)) return { kind: 'not-found' }
  // The user's own read access: their department's packages at any stage, and what is public.
  const { docs } = await payload.find({
    collection: 'policies',
    where: { id: { equals: rawId } },
    depth: 1,
    limit: 1,
    pagination: false,
    overrideAccess: false,
    user,
  })
  const policy: Policy | undefined = docs[0]
  if (!policy) return { kind: 'not-found' }
  const asUser: MemberReader = (p, slug, args) => p.find({ collection: slug, ...args, overrideAccess: false, user })
  // Through JSON, as the site receives a bundle from the API (dates as strings): the same components render it.
  const bundle: PolicyBundle = JSON.parse(JSON.stringify(await policyBundle(payload, policy, asUser)))
  const stage = policy.stage as Stage
  return {
    kind: 'ok',
    bundle,
    stage,
    stageLabel: stageLabel(stage),
    released: stage === 'released',
    adminPath: `${payload.config.routes.admin}/collections/policies/${policy.id}`,
  }
}
