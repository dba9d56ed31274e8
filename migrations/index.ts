import type { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-sqlite'

// Replaced by `payload migrate:create`; an empty list keeps the config importable before the first migration.
export const migrations: { down: (args: MigrateDownArgs) => Promise<void>; name: string; up: (args: MigrateUpArgs) => Promise<void> }[] = []
