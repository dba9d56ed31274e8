/** Backup and restore (issue #9): `npm run backup -- <dir>`, `npm run restore -- <dir>`. */
export { auditHead, BackupError, type BackupOptions, type BackupResult, createBackup, type Progress } from './backup'
export { EXCLUDED_COLLECTIONS, NO_JOINS, restoreOrder } from './collections'
export { type Manifest, MANIFEST_FILE } from './format'
export { IdTranslator } from './ids'
export { manifestSha256, readManifest, RestoreRefused, type RestoreReport, restoreBackup, RestoreVerificationFailed } from './restore'
