/**
 * The flags this project passes in `req.context`, declared on Payload's `RequestContext` so that a misspelt flag or a
 * wrong value is a compile error. Each is a seam past a rule that the code setting it enforces itself.
 */
import type { PackageAction } from './lifecycle/steps'
import type { SupplementAction } from './lifecycle/supplementLifecycle'
import type { PendingFile } from './media/storage'

declare module 'payload' {
  interface RequestContext {
    /** The step runner's own write of a package step (`import`: the legacy importer): the stage may move, locks stand aside. */
    lifecycleAction?: 'import' | PackageAction
    /** The step runner's write of a supplement step, or an interview record write (`live-record`). */
    supplementAction?: 'live-record' | SupplementAction
    /** An interview record write by src/media/interview/liveWrite.ts (segments, questions, photos). */
    liveRecord?: boolean
    /** Internal read of a whole interview record, pending questions included. */
    fullRecord?: boolean
    /** Set only by appendAudit (src/audit/auditTrail.ts): the audit collection refuses creates without it. */
    auditAppend?: boolean
    /** The validity job's write of `validity: expired` (src/lifecycle/validityJob.ts), which records its own audit entry. */
    validityJob?: boolean
    /** The legacy importer's writes (src/import): historical numbers kept as printed. */
    legacyImport?: boolean
    /** The input guard saw the request reach a collection operation / checked its body once (src/input/guard.ts). */
    'inputGuard:operationReached'?: boolean
    'inputGuard:bodyChecked'?: boolean
    /** Rendered files waiting for the document to be saved, by key (src/media/storage.ts). */
    mediaPendingFiles?: Record<string, PendingFile[]>
    /** Files written during this request, removed again if it fails. */
    mediaWrittenFiles?: string[]
  }
}
