import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`official_calendars_holidays\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`date\` text NOT NULL,
  	\`name\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`official_calendars\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`official_calendars_holidays_order_idx\` ON \`official_calendars_holidays\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`official_calendars_holidays_parent_id_idx\` ON \`official_calendars_holidays\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`official_calendars_workdays\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`date\` text NOT NULL,
  	\`name\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`official_calendars\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`official_calendars_workdays_order_idx\` ON \`official_calendars_workdays\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`official_calendars_workdays_parent_id_idx\` ON \`official_calendars_workdays\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`official_calendars\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`year\` numeric NOT NULL,
  	\`notice\` text NOT NULL,
  	\`notice_number\` text,
  	\`notice_url\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`official_calendars_year_idx\` ON \`official_calendars\` (\`year\`);`)
  await db.run(sql`CREATE INDEX \`official_calendars_updated_at_idx\` ON \`official_calendars\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`official_calendars_created_at_idx\` ON \`official_calendars\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`policies\` ADD \`registration_number\` text;`)
  await db.run(sql`ALTER TABLE \`policies\` ADD \`legacy_number_flagged\` integer;`)
  await db.run(sql`ALTER TABLE \`policies\` ADD \`legacy_number_problem_zh\` text;`)
  await db.run(sql`ALTER TABLE \`policies\` ADD \`legacy_number_problem_en\` text;`)
  await db.run(sql`ALTER TABLE \`policies\` ADD \`legacy_number_suggestion\` text;`)
  await db.run(sql`ALTER TABLE \`policies\` ADD \`imported_sha256\` text;`)
  await db.run(sql`ALTER TABLE \`policies\` ADD \`imported_row\` numeric;`)
  await db.run(sql`ALTER TABLE \`policies\` ADD \`imported_imported_at\` text;`)
  await db.run(sql`ALTER TABLE \`policies\` ADD \`imported_imported_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`CREATE INDEX \`policies_registration_number_idx\` ON \`policies\` (\`registration_number\`);`)
  await db.run(sql`CREATE INDEX \`policies_imported_imported_sha256_idx\` ON \`policies\` (\`imported_sha256\`);`)
  await db.run(sql`CREATE INDEX \`policies_imported_imported_imported_by_idx\` ON \`policies\` (\`imported_imported_by_id\`);`)
  await db.run(sql`ALTER TABLE \`_policies_v\` ADD \`version_registration_number\` text;`)
  await db.run(sql`ALTER TABLE \`_policies_v\` ADD \`version_legacy_number_flagged\` integer;`)
  await db.run(sql`ALTER TABLE \`_policies_v\` ADD \`version_legacy_number_problem_zh\` text;`)
  await db.run(sql`ALTER TABLE \`_policies_v\` ADD \`version_legacy_number_problem_en\` text;`)
  await db.run(sql`ALTER TABLE \`_policies_v\` ADD \`version_legacy_number_suggestion\` text;`)
  await db.run(sql`ALTER TABLE \`_policies_v\` ADD \`version_imported_sha256\` text;`)
  await db.run(sql`ALTER TABLE \`_policies_v\` ADD \`version_imported_row\` numeric;`)
  await db.run(sql`ALTER TABLE \`_policies_v\` ADD \`version_imported_imported_at\` text;`)
  await db.run(sql`ALTER TABLE \`_policies_v\` ADD \`version_imported_imported_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`CREATE INDEX \`_policies_v_version_version_registration_number_idx\` ON \`_policies_v\` (\`version_registration_number\`);`)
  await db.run(sql`CREATE INDEX \`_policies_v_version_imported_version_imported_sha256_idx\` ON \`_policies_v\` (\`version_imported_sha256\`);`)
  await db.run(sql`CREATE INDEX \`_policies_v_version_imported_version_imported_imported_b_idx\` ON \`_policies_v\` (\`version_imported_imported_by_id\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`official_calendars_id\` integer REFERENCES official_calendars(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_official_calendars_id_idx\` ON \`payload_locked_documents_rels\` (\`official_calendars_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`official_calendars_holidays\`;`)
  await db.run(sql`DROP TABLE \`official_calendars_workdays\`;`)
  await db.run(sql`DROP TABLE \`official_calendars\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_policies\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text NOT NULL,
  	\`document_number\` text,
  	\`index_number\` text,
  	\`index_year\` numeric,
  	\`index_serial\` numeric,
  	\`document_type\` text NOT NULL,
  	\`subject\` text,
  	\`written_at\` text NOT NULL,
  	\`validity\` text DEFAULT 'valid' NOT NULL,
  	\`major_decision\` integer DEFAULT false,
  	\`body\` text,
  	\`consultation_id\` integer,
  	\`exemption_interpretation_exempt\` integer,
  	\`exemption_interpretation_exempt_reason\` text,
  	\`exemption_consultation_exempt\` integer,
  	\`exemption_consultation_exempt_reason\` text,
  	\`exemption_recorded_by_id\` integer,
  	\`exemption_recorded_at\` text,
  	\`department_id\` integer NOT NULL,
  	\`disclosure\` text DEFAULT 'proactive' NOT NULL,
  	\`disclosure_reason\` text,
  	\`disclosure_basis\` text,
  	\`stage\` text DEFAULT 'drafting' NOT NULL,
  	\`workflow_submitted_by_id\` integer,
  	\`workflow_submitted_at\` text,
  	\`workflow_confidentiality_by_id\` integer,
  	\`workflow_confidentiality_at\` text,
  	\`workflow_content_by_id\` integer,
  	\`workflow_content_at\` text,
  	\`workflow_signed_by_id\` integer,
  	\`workflow_signed_at\` text,
  	\`workflow_release_deadline\` text,
  	\`workflow_scheduled_release_at\` text,
  	\`workflow_released_by_id\` integer,
  	\`workflow_released_at\` text,
  	\`workflow_returned_by_id\` integer,
  	\`workflow_returned_at\` text,
  	\`workflow_return_reason\` text,
  	\`workflow_withdrawn_by_id\` integer,
  	\`workflow_withdrawn_at\` text,
  	\`workflow_withdraw_reason\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`consultation_id\`) REFERENCES \`consultations\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`exemption_recorded_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`department_id\`) REFERENCES \`departments\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`workflow_submitted_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`workflow_confidentiality_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`workflow_content_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`workflow_signed_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`workflow_released_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`workflow_returned_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`workflow_withdrawn_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_policies\`("id", "title", "document_number", "index_number", "index_year", "index_serial", "document_type", "subject", "written_at", "validity", "major_decision", "body", "consultation_id", "exemption_interpretation_exempt", "exemption_interpretation_exempt_reason", "exemption_consultation_exempt", "exemption_consultation_exempt_reason", "exemption_recorded_by_id", "exemption_recorded_at", "department_id", "disclosure", "disclosure_reason", "disclosure_basis", "stage", "workflow_submitted_by_id", "workflow_submitted_at", "workflow_confidentiality_by_id", "workflow_confidentiality_at", "workflow_content_by_id", "workflow_content_at", "workflow_signed_by_id", "workflow_signed_at", "workflow_release_deadline", "workflow_scheduled_release_at", "workflow_released_by_id", "workflow_released_at", "workflow_returned_by_id", "workflow_returned_at", "workflow_return_reason", "workflow_withdrawn_by_id", "workflow_withdrawn_at", "workflow_withdraw_reason", "updated_at", "created_at") SELECT "id", "title", "document_number", "index_number", "index_year", "index_serial", "document_type", "subject", "written_at", "validity", "major_decision", "body", "consultation_id", "exemption_interpretation_exempt", "exemption_interpretation_exempt_reason", "exemption_consultation_exempt", "exemption_consultation_exempt_reason", "exemption_recorded_by_id", "exemption_recorded_at", "department_id", "disclosure", "disclosure_reason", "disclosure_basis", "stage", "workflow_submitted_by_id", "workflow_submitted_at", "workflow_confidentiality_by_id", "workflow_confidentiality_at", "workflow_content_by_id", "workflow_content_at", "workflow_signed_by_id", "workflow_signed_at", "workflow_release_deadline", "workflow_scheduled_release_at", "workflow_released_by_id", "workflow_released_at", "workflow_returned_by_id", "workflow_returned_at", "workflow_return_reason", "workflow_withdrawn_by_id", "workflow_withdrawn_at", "workflow_withdraw_reason", "updated_at", "created_at" FROM \`policies\`;`)
  await db.run(sql`DROP TABLE \`policies\`;`)
  await db.run(sql`ALTER TABLE \`__new_policies\` RENAME TO \`policies\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`policies_document_number_idx\` ON \`policies\` (\`document_number\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`policies_index_number_idx\` ON \`policies\` (\`index_number\`);`)
  await db.run(sql`CREATE INDEX \`policies_index_year_idx\` ON \`policies\` (\`index_year\`);`)
  await db.run(sql`CREATE INDEX \`policies_document_type_idx\` ON \`policies\` (\`document_type\`);`)
  await db.run(sql`CREATE INDEX \`policies_subject_idx\` ON \`policies\` (\`subject\`);`)
  await db.run(sql`CREATE INDEX \`policies_validity_idx\` ON \`policies\` (\`validity\`);`)
  await db.run(sql`CREATE INDEX \`policies_consultation_idx\` ON \`policies\` (\`consultation_id\`);`)
  await db.run(sql`CREATE INDEX \`policies_exemption_exemption_recorded_by_idx\` ON \`policies\` (\`exemption_recorded_by_id\`);`)
  await db.run(sql`CREATE INDEX \`policies_department_idx\` ON \`policies\` (\`department_id\`);`)
  await db.run(sql`CREATE INDEX \`policies_disclosure_idx\` ON \`policies\` (\`disclosure\`);`)
  await db.run(sql`CREATE INDEX \`policies_stage_idx\` ON \`policies\` (\`stage\`);`)
  await db.run(sql`CREATE INDEX \`policies_workflow_workflow_submitted_by_idx\` ON \`policies\` (\`workflow_submitted_by_id\`);`)
  await db.run(sql`CREATE INDEX \`policies_workflow_workflow_confidentiality_by_idx\` ON \`policies\` (\`workflow_confidentiality_by_id\`);`)
  await db.run(sql`CREATE INDEX \`policies_workflow_workflow_content_by_idx\` ON \`policies\` (\`workflow_content_by_id\`);`)
  await db.run(sql`CREATE INDEX \`policies_workflow_workflow_signed_by_idx\` ON \`policies\` (\`workflow_signed_by_id\`);`)
  await db.run(sql`CREATE INDEX \`policies_workflow_workflow_released_by_idx\` ON \`policies\` (\`workflow_released_by_id\`);`)
  await db.run(sql`CREATE INDEX \`policies_workflow_workflow_returned_by_idx\` ON \`policies\` (\`workflow_returned_by_id\`);`)
  await db.run(sql`CREATE INDEX \`policies_workflow_workflow_withdrawn_by_idx\` ON \`policies\` (\`workflow_withdrawn_by_id\`);`)
  await db.run(sql`CREATE INDEX \`policies_updated_at_idx\` ON \`policies\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`policies_created_at_idx\` ON \`policies\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new__policies_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_title\` text NOT NULL,
  	\`version_document_number\` text,
  	\`version_index_number\` text,
  	\`version_index_year\` numeric,
  	\`version_index_serial\` numeric,
  	\`version_document_type\` text NOT NULL,
  	\`version_subject\` text,
  	\`version_written_at\` text NOT NULL,
  	\`version_validity\` text DEFAULT 'valid' NOT NULL,
  	\`version_major_decision\` integer DEFAULT false,
  	\`version_body\` text,
  	\`version_consultation_id\` integer,
  	\`version_exemption_interpretation_exempt\` integer,
  	\`version_exemption_interpretation_exempt_reason\` text,
  	\`version_exemption_consultation_exempt\` integer,
  	\`version_exemption_consultation_exempt_reason\` text,
  	\`version_exemption_recorded_by_id\` integer,
  	\`version_exemption_recorded_at\` text,
  	\`version_department_id\` integer NOT NULL,
  	\`version_disclosure\` text DEFAULT 'proactive' NOT NULL,
  	\`version_disclosure_reason\` text,
  	\`version_disclosure_basis\` text,
  	\`version_stage\` text DEFAULT 'drafting' NOT NULL,
  	\`version_workflow_submitted_by_id\` integer,
  	\`version_workflow_submitted_at\` text,
  	\`version_workflow_confidentiality_by_id\` integer,
  	\`version_workflow_confidentiality_at\` text,
  	\`version_workflow_content_by_id\` integer,
  	\`version_workflow_content_at\` text,
  	\`version_workflow_signed_by_id\` integer,
  	\`version_workflow_signed_at\` text,
  	\`version_workflow_release_deadline\` text,
  	\`version_workflow_scheduled_release_at\` text,
  	\`version_workflow_released_by_id\` integer,
  	\`version_workflow_released_at\` text,
  	\`version_workflow_returned_by_id\` integer,
  	\`version_workflow_returned_at\` text,
  	\`version_workflow_return_reason\` text,
  	\`version_workflow_withdrawn_by_id\` integer,
  	\`version_workflow_withdrawn_at\` text,
  	\`version_workflow_withdraw_reason\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`policies\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_consultation_id\`) REFERENCES \`consultations\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_exemption_recorded_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_department_id\`) REFERENCES \`departments\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_workflow_submitted_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_workflow_confidentiality_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_workflow_content_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_workflow_signed_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_workflow_released_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_workflow_returned_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_workflow_withdrawn_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__policies_v\`("id", "parent_id", "version_title", "version_document_number", "version_index_number", "version_index_year", "version_index_serial", "version_document_type", "version_subject", "version_written_at", "version_validity", "version_major_decision", "version_body", "version_consultation_id", "version_exemption_interpretation_exempt", "version_exemption_interpretation_exempt_reason", "version_exemption_consultation_exempt", "version_exemption_consultation_exempt_reason", "version_exemption_recorded_by_id", "version_exemption_recorded_at", "version_department_id", "version_disclosure", "version_disclosure_reason", "version_disclosure_basis", "version_stage", "version_workflow_submitted_by_id", "version_workflow_submitted_at", "version_workflow_confidentiality_by_id", "version_workflow_confidentiality_at", "version_workflow_content_by_id", "version_workflow_content_at", "version_workflow_signed_by_id", "version_workflow_signed_at", "version_workflow_release_deadline", "version_workflow_scheduled_release_at", "version_workflow_released_by_id", "version_workflow_released_at", "version_workflow_returned_by_id", "version_workflow_returned_at", "version_workflow_return_reason", "version_workflow_withdrawn_by_id", "version_workflow_withdrawn_at", "version_workflow_withdraw_reason", "version_updated_at", "version_created_at", "created_at", "updated_at") SELECT "id", "parent_id", "version_title", "version_document_number", "version_index_number", "version_index_year", "version_index_serial", "version_document_type", "version_subject", "version_written_at", "version_validity", "version_major_decision", "version_body", "version_consultation_id", "version_exemption_interpretation_exempt", "version_exemption_interpretation_exempt_reason", "version_exemption_consultation_exempt", "version_exemption_consultation_exempt_reason", "version_exemption_recorded_by_id", "version_exemption_recorded_at", "version_department_id", "version_disclosure", "version_disclosure_reason", "version_disclosure_basis", "version_stage", "version_workflow_submitted_by_id", "version_workflow_submitted_at", "version_workflow_confidentiality_by_id", "version_workflow_confidentiality_at", "version_workflow_content_by_id", "version_workflow_content_at", "version_workflow_signed_by_id", "version_workflow_signed_at", "version_workflow_release_deadline", "version_workflow_scheduled_release_at", "version_workflow_released_by_id", "version_workflow_released_at", "version_workflow_returned_by_id", "version_workflow_returned_at", "version_workflow_return_reason", "version_workflow_withdrawn_by_id", "version_workflow_withdrawn_at", "version_workflow_withdraw_reason", "version_updated_at", "version_created_at", "created_at", "updated_at" FROM \`_policies_v\`;`)
  await db.run(sql`DROP TABLE \`_policies_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__policies_v\` RENAME TO \`_policies_v\`;`)
  await db.run(sql`CREATE INDEX \`_policies_v_parent_idx\` ON \`_policies_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_policies_v_version_version_document_number_idx\` ON \`_policies_v\` (\`version_document_number\`);`)
  await db.run(sql`CREATE INDEX \`_policies_v_version_version_index_number_idx\` ON \`_policies_v\` (\`version_index_number\`);`)
  await db.run(sql`CREATE INDEX \`_policies_v_version_version_index_year_idx\` ON \`_policies_v\` (\`version_index_year\`);`)
  await db.run(sql`CREATE INDEX \`_policies_v_version_version_document_type_idx\` ON \`_policies_v\` (\`version_document_type\`);`)
  await db.run(sql`CREATE INDEX \`_policies_v_version_version_subject_idx\` ON \`_policies_v\` (\`version_subject\`);`)
  await db.run(sql`CREATE INDEX \`_policies_v_version_version_validity_idx\` ON \`_policies_v\` (\`version_validity\`);`)
  await db.run(sql`CREATE INDEX \`_policies_v_version_version_consultation_idx\` ON \`_policies_v\` (\`version_consultation_id\`);`)
  await db.run(sql`CREATE INDEX \`_policies_v_version_exemption_version_exemption_recorded_idx\` ON \`_policies_v\` (\`version_exemption_recorded_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_policies_v_version_version_department_idx\` ON \`_policies_v\` (\`version_department_id\`);`)
  await db.run(sql`CREATE INDEX \`_policies_v_version_version_disclosure_idx\` ON \`_policies_v\` (\`version_disclosure\`);`)
  await db.run(sql`CREATE INDEX \`_policies_v_version_version_stage_idx\` ON \`_policies_v\` (\`version_stage\`);`)
  await db.run(sql`CREATE INDEX \`_policies_v_version_workflow_version_workflow_submitted__idx\` ON \`_policies_v\` (\`version_workflow_submitted_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_policies_v_version_workflow_version_workflow_confidenti_idx\` ON \`_policies_v\` (\`version_workflow_confidentiality_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_policies_v_version_workflow_version_workflow_content_by_idx\` ON \`_policies_v\` (\`version_workflow_content_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_policies_v_version_workflow_version_workflow_signed_by_idx\` ON \`_policies_v\` (\`version_workflow_signed_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_policies_v_version_workflow_version_workflow_released_b_idx\` ON \`_policies_v\` (\`version_workflow_released_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_policies_v_version_workflow_version_workflow_returned_b_idx\` ON \`_policies_v\` (\`version_workflow_returned_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_policies_v_version_workflow_version_workflow_withdrawn__idx\` ON \`_policies_v\` (\`version_workflow_withdrawn_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_policies_v_version_version_updated_at_idx\` ON \`_policies_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_policies_v_version_version_created_at_idx\` ON \`_policies_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_policies_v_created_at_idx\` ON \`_policies_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_policies_v_updated_at_idx\` ON \`_policies_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`policies_id\` integer,
  	\`interpretations_id\` integer,
  	\`infographics_id\` integer,
  	\`videos_id\` integer,
  	\`interviews_id\` integer,
  	\`consultations_id\` integer,
  	\`media_id\` integer,
  	\`departments_id\` integer,
  	\`users_id\` integer,
  	\`webhooks_id\` integer,
  	\`webhook_deliveries_id\` integer,
  	\`search_terms_id\` integer,
  	\`search_misses_id\` integer,
  	\`catalog_items_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`policies_id\`) REFERENCES \`policies\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`interpretations_id\`) REFERENCES \`interpretations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`infographics_id\`) REFERENCES \`infographics\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`videos_id\`) REFERENCES \`videos\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`interviews_id\`) REFERENCES \`interviews\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`consultations_id\`) REFERENCES \`consultations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`departments_id\`) REFERENCES \`departments\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`webhooks_id\`) REFERENCES \`webhooks\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`webhook_deliveries_id\`) REFERENCES \`webhook_deliveries\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`search_terms_id\`) REFERENCES \`search_terms\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`search_misses_id\`) REFERENCES \`search_misses\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`catalog_items_id\`) REFERENCES \`catalog_items\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "policies_id", "interpretations_id", "infographics_id", "videos_id", "interviews_id", "consultations_id", "media_id", "departments_id", "users_id", "webhooks_id", "webhook_deliveries_id", "search_terms_id", "search_misses_id", "catalog_items_id") SELECT "id", "order", "parent_id", "path", "policies_id", "interpretations_id", "infographics_id", "videos_id", "interviews_id", "consultations_id", "media_id", "departments_id", "users_id", "webhooks_id", "webhook_deliveries_id", "search_terms_id", "search_misses_id", "catalog_items_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_policies_id_idx\` ON \`payload_locked_documents_rels\` (\`policies_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_interpretations_id_idx\` ON \`payload_locked_documents_rels\` (\`interpretations_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_infographics_id_idx\` ON \`payload_locked_documents_rels\` (\`infographics_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_videos_id_idx\` ON \`payload_locked_documents_rels\` (\`videos_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_interviews_id_idx\` ON \`payload_locked_documents_rels\` (\`interviews_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_consultations_id_idx\` ON \`payload_locked_documents_rels\` (\`consultations_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_departments_id_idx\` ON \`payload_locked_documents_rels\` (\`departments_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_webhooks_id_idx\` ON \`payload_locked_documents_rels\` (\`webhooks_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_webhook_deliveries_id_idx\` ON \`payload_locked_documents_rels\` (\`webhook_deliveries_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_search_terms_id_idx\` ON \`payload_locked_documents_rels\` (\`search_terms_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_search_misses_id_idx\` ON \`payload_locked_documents_rels\` (\`search_misses_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_catalog_items_id_idx\` ON \`payload_locked_documents_rels\` (\`catalog_items_id\`);`)
}
