import type { Endpoint } from 'payload'

import { PACKAGE_MEMBERS } from '../lifecycle/members'
import { attachmentEndpoint } from './endpoints/attachment'
import { feedsEndpoint } from './endpoints/feeds'
import { getMemberEndpoint } from './endpoints/getMember'
import { getPolicyEndpoint, lookupPolicyEndpoint } from './endpoints/getPolicy'
import { listPoliciesEndpoint } from './endpoints/listPolicies'
import { apiDocsEndpoint, openApiEndpoint } from './endpoints/openapi'

/** The content API websites consume (anonymous, read-only, cacheable), and its description. */
export const publicApiEndpoints: Endpoint[] = [
  listPoliciesEndpoint,
  lookupPolicyEndpoint,
  getPolicyEndpoint,
  ...PACKAGE_MEMBERS.map((m) => getMemberEndpoint(m.slug)),
  attachmentEndpoint,
  feedsEndpoint,
  openApiEndpoint,
  apiDocsEndpoint,
]
