import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`infographics\` ADD \`prefix\` text DEFAULT '';`)
  await db.run(sql`ALTER TABLE \`infographics\` ADD \`_objectkey\` text;`)
  await db.run(sql`ALTER TABLE \`videos\` ADD \`prefix\` text DEFAULT '';`)
  await db.run(sql`ALTER TABLE \`videos\` ADD \`_objectkey\` text;`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`prefix\` text DEFAULT '';`)
  await db.run(sql`ALTER TABLE \`media\` ADD \`_objectkey\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`infographics\` DROP COLUMN \`prefix\`;`)
  await db.run(sql`ALTER TABLE \`infographics\` DROP COLUMN \`_objectkey\`;`)
  await db.run(sql`ALTER TABLE \`videos\` DROP COLUMN \`prefix\`;`)
  await db.run(sql`ALTER TABLE \`videos\` DROP COLUMN \`_objectkey\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`prefix\`;`)
  await db.run(sql`ALTER TABLE \`media\` DROP COLUMN \`_objectkey\`;`)
}
