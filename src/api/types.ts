import type { memberView, policyBundle, policySummary } from './publicViews'

/** Response types of the public API, for websites written in TypeScript (see README “Content API”). */
export type PolicySummary = ReturnType<typeof policySummary>
export type PolicyBundle = Awaited<ReturnType<typeof policyBundle>>
export type PublicMember = ReturnType<typeof memberView>
export type PolicyList = { docs: PolicySummary[]; limit: number; page: number; totalDocs: number; totalPages: number }
