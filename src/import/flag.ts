/**
 * Context flag of the legacy importer (src/import): the write brings a document released years ago elsewhere.
 * Its historical number is kept as printed (and flagged), its 索引号 kept, its members part of its package, and
 * its only audit entry is the importer's `imported` one.
 */
export const LEGACY_IMPORT_FLAG = 'legacyImport'
