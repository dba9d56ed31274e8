import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`audit_log\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`seq\` numeric NOT NULL,
  	\`at\` text NOT NULL,
  	\`action\` text NOT NULL,
  	\`from_stage\` text,
  	\`to_stage\` text,
  	\`policy_id\` integer,
  	\`department_id\` integer,
  	\`reason\` text,
  	\`actor_id\` integer,
  	\`actor_email\` text,
  	\`actor_roles\` text,
  	\`members\` text,
  	\`details\` text,
  	\`refs_policy\` text,
  	\`refs_department\` text,
  	\`refs_actor\` text,
  	\`prev_hash\` text,
  	\`hash\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`policy_id\`) REFERENCES \`policies\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`department_id\`) REFERENCES \`departments\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`actor_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`audit_log_seq_idx\` ON \`audit_log\` (\`seq\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_action_idx\` ON \`audit_log\` (\`action\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_policy_idx\` ON \`audit_log\` (\`policy_id\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_department_idx\` ON \`audit_log\` (\`department_id\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_actor_idx\` ON \`audit_log\` (\`actor_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`audit_log_hash_idx\` ON \`audit_log\` (\`hash\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_updated_at_idx\` ON \`audit_log\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`audit_log_created_at_idx\` ON \`audit_log\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_jobs_log\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`executed_at\` text NOT NULL,
  	\`completed_at\` text NOT NULL,
  	\`task_slug\` text NOT NULL,
  	\`task_i_d\` text NOT NULL,
  	\`input\` text,
  	\`output\` text,
  	\`state\` text NOT NULL,
  	\`error\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`payload_jobs\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_jobs_log_order_idx\` ON \`payload_jobs_log\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_log_parent_id_idx\` ON \`payload_jobs_log\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_jobs\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`input\` text,
  	\`completed_at\` text,
  	\`total_tried\` numeric DEFAULT 0,
  	\`has_error\` integer DEFAULT false,
  	\`error\` text,
  	\`task_slug\` text,
  	\`queue\` text DEFAULT 'default',
  	\`wait_until\` text,
  	\`processing\` integer DEFAULT false,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_jobs_completed_at_idx\` ON \`payload_jobs\` (\`completed_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_total_tried_idx\` ON \`payload_jobs\` (\`total_tried\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_has_error_idx\` ON \`payload_jobs\` (\`has_error\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_task_slug_idx\` ON \`payload_jobs\` (\`task_slug\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_queue_idx\` ON \`payload_jobs\` (\`queue\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_wait_until_idx\` ON \`payload_jobs\` (\`wait_until\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_processing_idx\` ON \`payload_jobs\` (\`processing\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_updated_at_idx\` ON \`payload_jobs\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_created_at_idx\` ON \`payload_jobs\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`policies\` ADD \`workflow_submitted_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`policies\` ADD \`workflow_submitted_at\` text;`)
  await db.run(sql`ALTER TABLE \`policies\` ADD \`workflow_confidentiality_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`policies\` ADD \`workflow_confidentiality_at\` text;`)
  await db.run(sql`ALTER TABLE \`policies\` ADD \`workflow_content_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`policies\` ADD \`workflow_content_at\` text;`)
  await db.run(sql`ALTER TABLE \`policies\` ADD \`workflow_signed_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`policies\` ADD \`workflow_signed_at\` text;`)
  await db.run(sql`ALTER TABLE \`policies\` ADD \`workflow_release_deadline\` text;`)
  await db.run(sql`ALTER TABLE \`policies\` ADD \`workflow_scheduled_release_at\` text;`)
  await db.run(sql`ALTER TABLE \`policies\` ADD \`workflow_released_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`policies\` ADD \`workflow_released_at\` text;`)
  await db.run(sql`ALTER TABLE \`policies\` ADD \`workflow_returned_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`policies\` ADD \`workflow_returned_at\` text;`)
  await db.run(sql`ALTER TABLE \`policies\` ADD \`workflow_return_reason\` text;`)
  await db.run(sql`ALTER TABLE \`policies\` ADD \`workflow_withdrawn_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`policies\` ADD \`workflow_withdrawn_at\` text;`)
  await db.run(sql`ALTER TABLE \`policies\` ADD \`workflow_withdraw_reason\` text;`)
  await db.run(sql`CREATE INDEX \`policies_workflow_workflow_submitted_by_idx\` ON \`policies\` (\`workflow_submitted_by_id\`);`)
  await db.run(sql`CREATE INDEX \`policies_workflow_workflow_confidentiality_by_idx\` ON \`policies\` (\`workflow_confidentiality_by_id\`);`)
  await db.run(sql`CREATE INDEX \`policies_workflow_workflow_content_by_idx\` ON \`policies\` (\`workflow_content_by_id\`);`)
  await db.run(sql`CREATE INDEX \`policies_workflow_workflow_signed_by_idx\` ON \`policies\` (\`workflow_signed_by_id\`);`)
  await db.run(sql`CREATE INDEX \`policies_workflow_workflow_released_by_idx\` ON \`policies\` (\`workflow_released_by_id\`);`)
  await db.run(sql`CREATE INDEX \`policies_workflow_workflow_returned_by_idx\` ON \`policies\` (\`workflow_returned_by_id\`);`)
  await db.run(sql`CREATE INDEX \`policies_workflow_workflow_withdrawn_by_idx\` ON \`policies\` (\`workflow_withdrawn_by_id\`);`)
  await db.run(sql`ALTER TABLE \`_policies_v\` ADD \`version_workflow_submitted_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`_policies_v\` ADD \`version_workflow_submitted_at\` text;`)
  await db.run(sql`ALTER TABLE \`_policies_v\` ADD \`version_workflow_confidentiality_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`_policies_v\` ADD \`version_workflow_confidentiality_at\` text;`)
  await db.run(sql`ALTER TABLE \`_policies_v\` ADD \`version_workflow_content_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`_policies_v\` ADD \`version_workflow_content_at\` text;`)
  await db.run(sql`ALTER TABLE \`_policies_v\` ADD \`version_workflow_signed_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`_policies_v\` ADD \`version_workflow_signed_at\` text;`)
  await db.run(sql`ALTER TABLE \`_policies_v\` ADD \`version_workflow_release_deadline\` text;`)
  await db.run(sql`ALTER TABLE \`_policies_v\` ADD \`version_workflow_scheduled_release_at\` text;`)
  await db.run(sql`ALTER TABLE \`_policies_v\` ADD \`version_workflow_released_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`_policies_v\` ADD \`version_workflow_released_at\` text;`)
  await db.run(sql`ALTER TABLE \`_policies_v\` ADD \`version_workflow_returned_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`_policies_v\` ADD \`version_workflow_returned_at\` text;`)
  await db.run(sql`ALTER TABLE \`_policies_v\` ADD \`version_workflow_return_reason\` text;`)
  await db.run(sql`ALTER TABLE \`_policies_v\` ADD \`version_workflow_withdrawn_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`_policies_v\` ADD \`version_workflow_withdrawn_at\` text;`)
  await db.run(sql`ALTER TABLE \`_policies_v\` ADD \`version_workflow_withdraw_reason\` text;`)
  await db.run(sql`CREATE INDEX \`_policies_v_version_workflow_version_workflow_submitted__idx\` ON \`_policies_v\` (\`version_workflow_submitted_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_policies_v_version_workflow_version_workflow_confidenti_idx\` ON \`_policies_v\` (\`version_workflow_confidentiality_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_policies_v_version_workflow_version_workflow_content_by_idx\` ON \`_policies_v\` (\`version_workflow_content_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_policies_v_version_workflow_version_workflow_signed_by_idx\` ON \`_policies_v\` (\`version_workflow_signed_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_policies_v_version_workflow_version_workflow_released_b_idx\` ON \`_policies_v\` (\`version_workflow_released_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_policies_v_version_workflow_version_workflow_returned_b_idx\` ON \`_policies_v\` (\`version_workflow_returned_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_policies_v_version_workflow_version_workflow_withdrawn__idx\` ON \`_policies_v\` (\`version_workflow_withdrawn_by_id\`);`)
  await db.run(sql`ALTER TABLE \`interpretations\` ADD \`supplementary\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`interpretations\` ADD \`supplement_stage\` text;`)
  await db.run(sql`ALTER TABLE \`interpretations\` ADD \`supplement_submitted_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`interpretations\` ADD \`supplement_submitted_at\` text;`)
  await db.run(sql`ALTER TABLE \`interpretations\` ADD \`supplement_approved_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`interpretations\` ADD \`supplement_approved_at\` text;`)
  await db.run(sql`ALTER TABLE \`interpretations\` ADD \`supplement_released_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`interpretations\` ADD \`supplement_released_at\` text;`)
  await db.run(sql`ALTER TABLE \`interpretations\` ADD \`supplement_return_reason\` text;`)
  await db.run(sql`CREATE INDEX \`interpretations_supplementary_idx\` ON \`interpretations\` (\`supplementary\`);`)
  await db.run(sql`CREATE INDEX \`interpretations_supplement_supplement_stage_idx\` ON \`interpretations\` (\`supplement_stage\`);`)
  await db.run(sql`CREATE INDEX \`interpretations_supplement_supplement_submitted_by_idx\` ON \`interpretations\` (\`supplement_submitted_by_id\`);`)
  await db.run(sql`CREATE INDEX \`interpretations_supplement_supplement_approved_by_idx\` ON \`interpretations\` (\`supplement_approved_by_id\`);`)
  await db.run(sql`CREATE INDEX \`interpretations_supplement_supplement_released_by_idx\` ON \`interpretations\` (\`supplement_released_by_id\`);`)
  await db.run(sql`ALTER TABLE \`_interpretations_v\` ADD \`version_supplementary\` integer DEFAULT false;`)
  await db.run(sql`ALTER TABLE \`_interpretations_v\` ADD \`version_supplement_stage\` text;`)
  await db.run(sql`ALTER TABLE \`_interpretations_v\` ADD \`version_supplement_submitted_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`_interpretations_v\` ADD \`version_supplement_submitted_at\` text;`)
  await db.run(sql`ALTER TABLE \`_interpretations_v\` ADD \`version_supplement_approved_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`_interpretations_v\` ADD \`version_supplement_approved_at\` text;`)
  await db.run(sql`ALTER TABLE \`_interpretations_v\` ADD \`version_supplement_released_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`ALTER TABLE \`_interpretations_v\` ADD \`version_supplement_released_at\` text;`)
  await db.run(sql`ALTER TABLE \`_interpretations_v\` ADD \`version_supplement_return_reason\` text;`)
  await db.run(sql`CREATE INDEX \`_interpretations_v_version_version_supplementary_idx\` ON \`_interpretations_v\` (\`version_supplementary\`);`)
  await db.run(sql`CREATE INDEX \`_interpretations_v_version_supplement_version_supplement_idx\` ON \`_interpretations_v\` (\`version_supplement_stage\`);`)
  await db.run(sql`CREATE INDEX \`_interpretations_v_version_supplement_version_suppleme_1_idx\` ON \`_interpretations_v\` (\`version_supplement_submitted_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_interpretations_v_version_supplement_version_suppleme_2_idx\` ON \`_interpretations_v\` (\`version_supplement_approved_by_id\`);`)
  await db.run(sql`CREATE INDEX \`_interpretations_v_version_supplement_version_suppleme_3_idx\` ON \`_interpretations_v\` (\`version_supplement_released_by_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`audit_log\`;`)
  await db.run(sql`DROP TABLE \`payload_jobs_log\`;`)
  await db.run(sql`DROP TABLE \`payload_jobs\`;`)
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
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`consultation_id\`) REFERENCES \`consultations\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`exemption_recorded_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`department_id\`) REFERENCES \`departments\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_policies\`("id", "title", "document_number", "index_number", "index_year", "index_serial", "document_type", "subject", "written_at", "validity", "major_decision", "body", "consultation_id", "exemption_interpretation_exempt", "exemption_interpretation_exempt_reason", "exemption_consultation_exempt", "exemption_consultation_exempt_reason", "exemption_recorded_by_id", "exemption_recorded_at", "department_id", "disclosure", "disclosure_reason", "disclosure_basis", "stage", "updated_at", "created_at") SELECT "id", "title", "document_number", "index_number", "index_year", "index_serial", "document_type", "subject", "written_at", "validity", "major_decision", "body", "consultation_id", "exemption_interpretation_exempt", "exemption_interpretation_exempt_reason", "exemption_consultation_exempt", "exemption_consultation_exempt_reason", "exemption_recorded_by_id", "exemption_recorded_at", "department_id", "disclosure", "disclosure_reason", "disclosure_basis", "stage", "updated_at", "created_at" FROM \`policies\`;`)
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
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`policies\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_consultation_id\`) REFERENCES \`consultations\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_exemption_recorded_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_department_id\`) REFERENCES \`departments\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__policies_v\`("id", "parent_id", "version_title", "version_document_number", "version_index_number", "version_index_year", "version_index_serial", "version_document_type", "version_subject", "version_written_at", "version_validity", "version_major_decision", "version_body", "version_consultation_id", "version_exemption_interpretation_exempt", "version_exemption_interpretation_exempt_reason", "version_exemption_consultation_exempt", "version_exemption_consultation_exempt_reason", "version_exemption_recorded_by_id", "version_exemption_recorded_at", "version_department_id", "version_disclosure", "version_disclosure_reason", "version_disclosure_basis", "version_stage", "version_updated_at", "version_created_at", "created_at", "updated_at") SELECT "id", "parent_id", "version_title", "version_document_number", "version_index_number", "version_index_year", "version_index_serial", "version_document_type", "version_subject", "version_written_at", "version_validity", "version_major_decision", "version_body", "version_consultation_id", "version_exemption_interpretation_exempt", "version_exemption_interpretation_exempt_reason", "version_exemption_consultation_exempt", "version_exemption_consultation_exempt_reason", "version_exemption_recorded_by_id", "version_exemption_recorded_at", "version_department_id", "version_disclosure", "version_disclosure_reason", "version_disclosure_basis", "version_stage", "version_updated_at", "version_created_at", "created_at", "updated_at" FROM \`_policies_v\`;`)
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
  await db.run(sql`CREATE INDEX \`_policies_v_version_version_updated_at_idx\` ON \`_policies_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_policies_v_version_version_created_at_idx\` ON \`_policies_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_policies_v_created_at_idx\` ON \`_policies_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_policies_v_updated_at_idx\` ON \`_policies_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE TABLE \`__new_interpretations\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text NOT NULL,
  	\`policy_id\` integer NOT NULL,
  	\`form\` text DEFAULT 'text' NOT NULL,
  	\`author\` text,
  	\`interpreter_role\` text,
  	\`body\` text,
  	\`card_beneficiaries\` text,
  	\`card_standard\` text,
  	\`card_process\` text,
  	\`card_basis\` text,
  	\`department_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`policy_id\`) REFERENCES \`policies\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`department_id\`) REFERENCES \`departments\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_interpretations\`("id", "title", "policy_id", "form", "author", "interpreter_role", "body", "card_beneficiaries", "card_standard", "card_process", "card_basis", "department_id", "updated_at", "created_at") SELECT "id", "title", "policy_id", "form", "author", "interpreter_role", "body", "card_beneficiaries", "card_standard", "card_process", "card_basis", "department_id", "updated_at", "created_at" FROM \`interpretations\`;`)
  await db.run(sql`DROP TABLE \`interpretations\`;`)
  await db.run(sql`ALTER TABLE \`__new_interpretations\` RENAME TO \`interpretations\`;`)
  await db.run(sql`CREATE INDEX \`interpretations_policy_idx\` ON \`interpretations\` (\`policy_id\`);`)
  await db.run(sql`CREATE INDEX \`interpretations_form_idx\` ON \`interpretations\` (\`form\`);`)
  await db.run(sql`CREATE INDEX \`interpretations_department_idx\` ON \`interpretations\` (\`department_id\`);`)
  await db.run(sql`CREATE INDEX \`interpretations_updated_at_idx\` ON \`interpretations\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`interpretations_created_at_idx\` ON \`interpretations\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new__interpretations_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_title\` text NOT NULL,
  	\`version_policy_id\` integer NOT NULL,
  	\`version_form\` text DEFAULT 'text' NOT NULL,
  	\`version_author\` text,
  	\`version_interpreter_role\` text,
  	\`version_body\` text,
  	\`version_card_beneficiaries\` text,
  	\`version_card_standard\` text,
  	\`version_card_process\` text,
  	\`version_card_basis\` text,
  	\`version_department_id\` integer,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`interpretations\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_policy_id\`) REFERENCES \`policies\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_department_id\`) REFERENCES \`departments\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__interpretations_v\`("id", "parent_id", "version_title", "version_policy_id", "version_form", "version_author", "version_interpreter_role", "version_body", "version_card_beneficiaries", "version_card_standard", "version_card_process", "version_card_basis", "version_department_id", "version_updated_at", "version_created_at", "created_at", "updated_at") SELECT "id", "parent_id", "version_title", "version_policy_id", "version_form", "version_author", "version_interpreter_role", "version_body", "version_card_beneficiaries", "version_card_standard", "version_card_process", "version_card_basis", "version_department_id", "version_updated_at", "version_created_at", "created_at", "updated_at" FROM \`_interpretations_v\`;`)
  await db.run(sql`DROP TABLE \`_interpretations_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__interpretations_v\` RENAME TO \`_interpretations_v\`;`)
  await db.run(sql`CREATE INDEX \`_interpretations_v_parent_idx\` ON \`_interpretations_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_interpretations_v_version_version_policy_idx\` ON \`_interpretations_v\` (\`version_policy_id\`);`)
  await db.run(sql`CREATE INDEX \`_interpretations_v_version_version_form_idx\` ON \`_interpretations_v\` (\`version_form\`);`)
  await db.run(sql`CREATE INDEX \`_interpretations_v_version_version_department_idx\` ON \`_interpretations_v\` (\`version_department_id\`);`)
  await db.run(sql`CREATE INDEX \`_interpretations_v_version_version_updated_at_idx\` ON \`_interpretations_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_interpretations_v_version_version_created_at_idx\` ON \`_interpretations_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_interpretations_v_created_at_idx\` ON \`_interpretations_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_interpretations_v_updated_at_idx\` ON \`_interpretations_v\` (\`updated_at\`);`)
}
