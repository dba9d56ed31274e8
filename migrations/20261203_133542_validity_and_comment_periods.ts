import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`payload_jobs_stats\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`stats\` text,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await db.run(sql`ALTER TABLE \`policies\` ADD \`valid_from\` text;`)
  await db.run(sql`ALTER TABLE \`policies\` ADD \`valid_until\` text;`)
  await db.run(sql`CREATE INDEX \`policies_valid_from_idx\` ON \`policies\` (\`valid_from\`);`)
  await db.run(sql`CREATE INDEX \`policies_valid_until_idx\` ON \`policies\` (\`valid_until\`);`)
  await db.run(sql`ALTER TABLE \`_policies_v\` ADD \`version_valid_from\` text;`)
  await db.run(sql`ALTER TABLE \`_policies_v\` ADD \`version_valid_until\` text;`)
  await db.run(sql`CREATE INDEX \`_policies_v_version_version_valid_from_idx\` ON \`_policies_v\` (\`version_valid_from\`);`)
  await db.run(sql`CREATE INDEX \`_policies_v_version_version_valid_until_idx\` ON \`_policies_v\` (\`version_valid_until\`);`)
  await db.run(sql`ALTER TABLE \`consultations\` ADD \`draft_kind\` text DEFAULT 'other';`)
  await db.run(sql`ALTER TABLE \`consultations\` ADD \`short_period_reason\` text;`)
  await db.run(sql`ALTER TABLE \`_consultations_v\` ADD \`version_draft_kind\` text DEFAULT 'other';`)
  await db.run(sql`ALTER TABLE \`_consultations_v\` ADD \`version_short_period_reason\` text;`)
  await db.run(sql`ALTER TABLE \`payload_jobs\` ADD \`meta\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`payload_jobs_stats\`;`)
  await db.run(sql`DROP INDEX \`policies_valid_from_idx\`;`)
  await db.run(sql`DROP INDEX \`policies_valid_until_idx\`;`)
  await db.run(sql`ALTER TABLE \`policies\` DROP COLUMN \`valid_from\`;`)
  await db.run(sql`ALTER TABLE \`policies\` DROP COLUMN \`valid_until\`;`)
  await db.run(sql`DROP INDEX \`_policies_v_version_version_valid_from_idx\`;`)
  await db.run(sql`DROP INDEX \`_policies_v_version_version_valid_until_idx\`;`)
  await db.run(sql`ALTER TABLE \`_policies_v\` DROP COLUMN \`version_valid_from\`;`)
  await db.run(sql`ALTER TABLE \`_policies_v\` DROP COLUMN \`version_valid_until\`;`)
  await db.run(sql`ALTER TABLE \`consultations\` DROP COLUMN \`draft_kind\`;`)
  await db.run(sql`ALTER TABLE \`consultations\` DROP COLUMN \`short_period_reason\`;`)
  await db.run(sql`ALTER TABLE \`_consultations_v\` DROP COLUMN \`version_draft_kind\`;`)
  await db.run(sql`ALTER TABLE \`_consultations_v\` DROP COLUMN \`version_short_period_reason\`;`)
  await db.run(sql`ALTER TABLE \`payload_jobs\` DROP COLUMN \`meta\`;`)
}
