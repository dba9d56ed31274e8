/** The context flag only `appendAudit` (src/audit/auditTrail.ts) sets; the audit collection refuses creates without it. */
export const AUDIT_APPEND_FLAG = 'auditAppend'
