import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`infographics_derivatives\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`kind\` text NOT NULL,
  	\`format\` text NOT NULL,
  	\`mime_type\` text NOT NULL,
  	\`width\` numeric NOT NULL,
  	\`height\` numeric NOT NULL,
  	\`filesize\` numeric NOT NULL,
  	\`index\` numeric,
  	\`ref\` text,
  	\`filename\` text NOT NULL,
  	\`url\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`infographics\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`infographics_derivatives_order_idx\` ON \`infographics_derivatives\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`infographics_derivatives_parent_id_idx\` ON \`infographics_derivatives\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`infographics_derivatives_filename_idx\` ON \`infographics_derivatives\` (\`filename\`);`)
  await db.run(sql`CREATE TABLE \`infographics\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text NOT NULL,
  	\`policy_id\` integer NOT NULL,
  	\`alt\` text NOT NULL,
  	\`text_alternative\` text NOT NULL,
  	\`designer\` text,
  	\`editor\` text,
  	\`long_image\` integer,
  	\`supplementary\` integer DEFAULT false,
  	\`supplement_stage\` text,
  	\`supplement_submitted_by_id\` integer,
  	\`supplement_submitted_at\` text,
  	\`supplement_approved_by_id\` integer,
  	\`supplement_approved_at\` text,
  	\`supplement_released_by_id\` integer,
  	\`supplement_released_at\` text,
  	\`supplement_return_reason\` text,
  	\`department_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`url\` text,
  	\`thumbnail_u_r_l\` text,
  	\`filename\` text,
  	\`mime_type\` text,
  	\`filesize\` numeric,
  	\`width\` numeric,
  	\`height\` numeric,
  	FOREIGN KEY (\`policy_id\`) REFERENCES \`policies\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`supplement_submitted_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`supplement_approved_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`supplement_released_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`department_id\`) REFERENCES \`departments\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`infographics_policy_idx\` ON \`infographics\` (\`policy_id\`);`)
  await db.run(sql`CREATE INDEX \`infographics_supplementary_idx\` ON \`infographics\` (\`supplementary\`);`)
  await db.run(sql`CREATE INDEX \`infographics_supplement_supplement_stage_idx\` ON \`infographics\` (\`supplement_stage\`);`)
  await db.run(sql`CREATE INDEX \`infographics_supplement_supplement_submitted_by_idx\` ON \`infographics\` (\`supplement_submitted_by_id\`);`)
  await db.run(sql`CREATE INDEX \`infographics_supplement_supplement_approved_by_idx\` ON \`infographics\` (\`supplement_approved_by_id\`);`)
  await db.run(sql`CREATE INDEX \`infographics_supplement_supplement_released_by_idx\` ON \`infographics\` (\`supplement_released_by_id\`);`)
  await db.run(sql`CREATE INDEX \`infographics_department_idx\` ON \`infographics\` (\`department_id\`);`)
  await db.run(sql`CREATE INDEX \`infographics_updated_at_idx\` ON \`infographics\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`infographics_created_at_idx\` ON \`infographics\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`infographics_filename_idx\` ON \`infographics\` (\`filename\`);`)
  await db.run(sql`CREATE TABLE \`videos_captions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`language\` text NOT NULL,
  	\`label\` text,
  	\`vtt\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`videos\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`videos_captions_order_idx\` ON \`videos_captions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`videos_captions_parent_id_idx\` ON \`videos_captions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`videos_derivatives\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`kind\` text NOT NULL,
  	\`format\` text NOT NULL,
  	\`mime_type\` text NOT NULL,
  	\`width\` numeric NOT NULL,
  	\`height\` numeric NOT NULL,
  	\`filesize\` numeric NOT NULL,
  	\`index\` numeric,
  	\`ref\` text,
  	\`filename\` text NOT NULL,
  	\`url\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`videos\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`videos_derivatives_order_idx\` ON \`videos_derivatives\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`videos_derivatives_parent_id_idx\` ON \`videos_derivatives\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`videos_derivatives_filename_idx\` ON \`videos_derivatives\` (\`filename\`);`)
  await db.run(sql`CREATE TABLE \`videos\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text NOT NULL,
  	\`policy_id\` integer NOT NULL,
  	\`external_url\` text,
  	\`transcript\` text NOT NULL,
  	\`probe_duration\` numeric,
  	\`probe_width\` numeric,
  	\`probe_height\` numeric,
  	\`probe_container\` text,
  	\`probe_video_codec\` text,
  	\`probe_audio_codec\` text,
  	\`poster_source\` text,
  	\`supplementary\` integer DEFAULT false,
  	\`supplement_stage\` text,
  	\`supplement_submitted_by_id\` integer,
  	\`supplement_submitted_at\` text,
  	\`supplement_approved_by_id\` integer,
  	\`supplement_approved_at\` text,
  	\`supplement_released_by_id\` integer,
  	\`supplement_released_at\` text,
  	\`supplement_return_reason\` text,
  	\`department_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`url\` text,
  	\`thumbnail_u_r_l\` text,
  	\`filename\` text,
  	\`mime_type\` text,
  	\`filesize\` numeric,
  	\`width\` numeric,
  	\`height\` numeric,
  	FOREIGN KEY (\`policy_id\`) REFERENCES \`policies\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`supplement_submitted_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`supplement_approved_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`supplement_released_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`department_id\`) REFERENCES \`departments\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`videos_policy_idx\` ON \`videos\` (\`policy_id\`);`)
  await db.run(sql`CREATE INDEX \`videos_supplementary_idx\` ON \`videos\` (\`supplementary\`);`)
  await db.run(sql`CREATE INDEX \`videos_supplement_supplement_stage_idx\` ON \`videos\` (\`supplement_stage\`);`)
  await db.run(sql`CREATE INDEX \`videos_supplement_supplement_submitted_by_idx\` ON \`videos\` (\`supplement_submitted_by_id\`);`)
  await db.run(sql`CREATE INDEX \`videos_supplement_supplement_approved_by_idx\` ON \`videos\` (\`supplement_approved_by_id\`);`)
  await db.run(sql`CREATE INDEX \`videos_supplement_supplement_released_by_idx\` ON \`videos\` (\`supplement_released_by_id\`);`)
  await db.run(sql`CREATE INDEX \`videos_department_idx\` ON \`videos\` (\`department_id\`);`)
  await db.run(sql`CREATE INDEX \`videos_updated_at_idx\` ON \`videos\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`videos_created_at_idx\` ON \`videos\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`videos_filename_idx\` ON \`videos\` (\`filename\`);`)
  await db.run(sql`CREATE TABLE \`interviews_guests\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`title\` text,
  	\`organisation\` text,
  	\`photo\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`interviews\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`interviews_guests_order_idx\` ON \`interviews_guests\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`interviews_guests_parent_id_idx\` ON \`interviews_guests\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`interviews_photos\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`alt\` text NOT NULL,
  	\`caption\` text,
  	\`width\` numeric,
  	\`height\` numeric,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`interviews\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`interviews_photos_order_idx\` ON \`interviews_photos\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`interviews_photos_parent_id_idx\` ON \`interviews_photos\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`interviews_segments\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`seq\` numeric,
  	\`speaker\` text NOT NULL,
  	\`role\` text NOT NULL,
  	\`at\` text NOT NULL,
  	\`text\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`interviews\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`interviews_segments_order_idx\` ON \`interviews_segments\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`interviews_segments_parent_id_idx\` ON \`interviews_segments\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`interviews_questions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`key\` text,
  	\`asker_name\` text NOT NULL,
  	\`asked_at\` text,
  	\`status\` text DEFAULT 'pending' NOT NULL,
  	\`question\` text NOT NULL,
  	\`answer_seq\` numeric,
  	\`reject_reason\` text,
  	\`moderated_by_id\` integer,
  	\`moderated_at\` text,
  	FOREIGN KEY (\`moderated_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`interviews\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`interviews_questions_order_idx\` ON \`interviews_questions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`interviews_questions_parent_id_idx\` ON \`interviews_questions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`interviews_questions_moderated_by_idx\` ON \`interviews_questions\` (\`moderated_by_id\`);`)
  await db.run(sql`CREATE TABLE \`interviews_derivatives\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`kind\` text NOT NULL,
  	\`format\` text NOT NULL,
  	\`mime_type\` text NOT NULL,
  	\`width\` numeric NOT NULL,
  	\`height\` numeric NOT NULL,
  	\`filesize\` numeric NOT NULL,
  	\`index\` numeric,
  	\`ref\` text,
  	\`filename\` text NOT NULL,
  	\`url\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`interviews\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`interviews_derivatives_order_idx\` ON \`interviews_derivatives\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`interviews_derivatives_parent_id_idx\` ON \`interviews_derivatives\` (\`_parent_id\`);`)
  await db.run(sql`CREATE INDEX \`interviews_derivatives_filename_idx\` ON \`interviews_derivatives\` (\`filename\`);`)
  await db.run(sql`CREATE TABLE \`interviews\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text NOT NULL,
  	\`policy_id\` integer NOT NULL,
  	\`topic\` text,
  	\`scheduled_at\` text NOT NULL,
  	\`status\` text DEFAULT 'upcoming' NOT NULL,
  	\`started_at\` text,
  	\`ended_at\` text,
  	\`host_name\` text NOT NULL,
  	\`host_title\` text,
  	\`host_department\` text,
  	\`replay_video_id\` integer,
  	\`supplementary\` integer DEFAULT false,
  	\`supplement_stage\` text,
  	\`supplement_submitted_by_id\` integer,
  	\`supplement_submitted_at\` text,
  	\`supplement_approved_by_id\` integer,
  	\`supplement_approved_at\` text,
  	\`supplement_released_by_id\` integer,
  	\`supplement_released_at\` text,
  	\`supplement_return_reason\` text,
  	\`department_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`policy_id\`) REFERENCES \`policies\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`replay_video_id\`) REFERENCES \`videos\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`supplement_submitted_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`supplement_approved_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`supplement_released_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`department_id\`) REFERENCES \`departments\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`interviews_policy_idx\` ON \`interviews\` (\`policy_id\`);`)
  await db.run(sql`CREATE INDEX \`interviews_status_idx\` ON \`interviews\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`interviews_replay_video_idx\` ON \`interviews\` (\`replay_video_id\`);`)
  await db.run(sql`CREATE INDEX \`interviews_supplementary_idx\` ON \`interviews\` (\`supplementary\`);`)
  await db.run(sql`CREATE INDEX \`interviews_supplement_supplement_stage_idx\` ON \`interviews\` (\`supplement_stage\`);`)
  await db.run(sql`CREATE INDEX \`interviews_supplement_supplement_submitted_by_idx\` ON \`interviews\` (\`supplement_submitted_by_id\`);`)
  await db.run(sql`CREATE INDEX \`interviews_supplement_supplement_approved_by_idx\` ON \`interviews\` (\`supplement_approved_by_id\`);`)
  await db.run(sql`CREATE INDEX \`interviews_supplement_supplement_released_by_idx\` ON \`interviews\` (\`supplement_released_by_id\`);`)
  await db.run(sql`CREATE INDEX \`interviews_department_idx\` ON \`interviews\` (\`department_id\`);`)
  await db.run(sql`CREATE INDEX \`interviews_updated_at_idx\` ON \`interviews\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`interviews_created_at_idx\` ON \`interviews\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`interviews_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`interviews\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`interviews_texts_order_parent\` ON \`interviews_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`interviews_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`policies_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`interviews\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`policies_id\`) REFERENCES \`policies\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`interviews_rels_order_idx\` ON \`interviews_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`interviews_rels_parent_idx\` ON \`interviews_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`interviews_rels_path_idx\` ON \`interviews_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`interviews_rels_policies_id_idx\` ON \`interviews_rels\` (\`policies_id\`);`)
  await db.run(sql`CREATE TABLE \`search_terms\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`term\` text NOT NULL,
  	\`enabled\` integer DEFAULT true,
  	\`note\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`search_terms_term_idx\` ON \`search_terms\` (\`term\`);`)
  await db.run(sql`CREATE INDEX \`search_terms_updated_at_idx\` ON \`search_terms\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`search_terms_created_at_idx\` ON \`search_terms\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`search_terms_texts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`text\` text,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`search_terms\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`search_terms_texts_order_parent\` ON \`search_terms_texts\` (\`order\`,\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`search_misses\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`query\` text NOT NULL,
  	\`count\` numeric DEFAULT 1 NOT NULL,
  	\`first_at\` text,
  	\`last_at\` text,
  	\`last_filters\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`search_misses_query_idx\` ON \`search_misses\` (\`query\`);`)
  await db.run(sql`CREATE INDEX \`search_misses_count_idx\` ON \`search_misses\` (\`count\`);`)
  await db.run(sql`CREATE INDEX \`search_misses_last_at_idx\` ON \`search_misses\` (\`last_at\`);`)
  await db.run(sql`CREATE INDEX \`search_misses_updated_at_idx\` ON \`search_misses\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`search_misses_created_at_idx\` ON \`search_misses\` (\`created_at\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`infographics_id\` integer REFERENCES infographics(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`videos_id\` integer REFERENCES videos(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`interviews_id\` integer REFERENCES interviews(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`search_terms_id\` integer REFERENCES search_terms(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`search_misses_id\` integer REFERENCES search_misses(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_infographics_id_idx\` ON \`payload_locked_documents_rels\` (\`infographics_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_videos_id_idx\` ON \`payload_locked_documents_rels\` (\`videos_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_interviews_id_idx\` ON \`payload_locked_documents_rels\` (\`interviews_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_search_terms_id_idx\` ON \`payload_locked_documents_rels\` (\`search_terms_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_search_misses_id_idx\` ON \`payload_locked_documents_rels\` (\`search_misses_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`infographics_derivatives\`;`)
  await db.run(sql`DROP TABLE \`infographics\`;`)
  await db.run(sql`DROP TABLE \`videos_captions\`;`)
  await db.run(sql`DROP TABLE \`videos_derivatives\`;`)
  await db.run(sql`DROP TABLE \`videos\`;`)
  await db.run(sql`DROP TABLE \`interviews_guests\`;`)
  await db.run(sql`DROP TABLE \`interviews_photos\`;`)
  await db.run(sql`DROP TABLE \`interviews_segments\`;`)
  await db.run(sql`DROP TABLE \`interviews_questions\`;`)
  await db.run(sql`DROP TABLE \`interviews_derivatives\`;`)
  await db.run(sql`DROP TABLE \`interviews\`;`)
  await db.run(sql`DROP TABLE \`interviews_texts\`;`)
  await db.run(sql`DROP TABLE \`interviews_rels\`;`)
  await db.run(sql`DROP TABLE \`search_terms\`;`)
  await db.run(sql`DROP TABLE \`search_terms_texts\`;`)
  await db.run(sql`DROP TABLE \`search_misses\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`policies_id\` integer,
  	\`interpretations_id\` integer,
  	\`consultations_id\` integer,
  	\`media_id\` integer,
  	\`departments_id\` integer,
  	\`users_id\` integer,
  	\`webhooks_id\` integer,
  	\`webhook_deliveries_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`policies_id\`) REFERENCES \`policies\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`interpretations_id\`) REFERENCES \`interpretations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`consultations_id\`) REFERENCES \`consultations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`departments_id\`) REFERENCES \`departments\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`webhooks_id\`) REFERENCES \`webhooks\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`webhook_deliveries_id\`) REFERENCES \`webhook_deliveries\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "policies_id", "interpretations_id", "consultations_id", "media_id", "departments_id", "users_id", "webhooks_id", "webhook_deliveries_id") SELECT "id", "order", "parent_id", "path", "policies_id", "interpretations_id", "consultations_id", "media_id", "departments_id", "users_id", "webhooks_id", "webhook_deliveries_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_policies_id_idx\` ON \`payload_locked_documents_rels\` (\`policies_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_interpretations_id_idx\` ON \`payload_locked_documents_rels\` (\`interpretations_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_consultations_id_idx\` ON \`payload_locked_documents_rels\` (\`consultations_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_departments_id_idx\` ON \`payload_locked_documents_rels\` (\`departments_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_webhooks_id_idx\` ON \`payload_locked_documents_rels\` (\`webhooks_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_webhook_deliveries_id_idx\` ON \`payload_locked_documents_rels\` (\`webhook_deliveries_id\`);`)
}
