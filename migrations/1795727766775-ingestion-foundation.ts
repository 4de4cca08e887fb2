import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Raw records, stream state, run history and quarantine. Generated from the entities, then reviewed:
 * identifiers are ASCII/binary-collated for compact exact-match keys, external ids keep Chinese text
 * (penalty decision numbers) under utf8mb4_bin, and every table states its charset.
 */
const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';
const ID = 'CHARACTER SET ascii COLLATE ascii_bin';

export class IngestionFoundation1795727766775 implements MigrationInterface {
  name = 'IngestionFoundation1795727766775';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`raw_record\` (
      \`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT,
      \`connector\` varchar(64) ${ID} NOT NULL,
      \`stream\` varchar(64) ${ID} NOT NULL,
      \`external_id\` varchar(191) COLLATE utf8mb4_bin NOT NULL,
      \`content_hash\` binary(32) NOT NULL,
      \`payload\` json NOT NULL,
      \`source_updated_at\` datetime(3) NOT NULL,
      \`first_run_id\` bigint UNSIGNED NOT NULL,
      \`last_changed_run_id\` bigint UNSIGNED NOT NULL,
      \`created_at\` datetime(3) NOT NULL,
      \`changed_at\` datetime(3) NOT NULL,
      PRIMARY KEY (\`id\`),
      UNIQUE INDEX \`uq_raw_record_identity\` (\`connector\`, \`stream\`, \`external_id\`),
      INDEX \`ix_raw_record_changed_run\` (\`last_changed_run_id\`)
    ) ${TABLE_OPTIONS}`);
    await queryRunner.query(`CREATE TABLE \`stream_state\` (
      \`connector\` varchar(64) ${ID} NOT NULL,
      \`stream\` varchar(64) ${ID} NOT NULL,
      \`cursor_value\` varchar(1024) NULL,
      \`last_run_id\` bigint UNSIGNED NULL,
      \`updated_at\` datetime(3) NOT NULL,
      PRIMARY KEY (\`connector\`, \`stream\`)
    ) ${TABLE_OPTIONS}`);
    await queryRunner.query(`CREATE TABLE \`connector_run\` (
      \`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT,
      \`job_key\` varchar(191) ${ID} NOT NULL,
      \`connector\` varchar(64) ${ID} NOT NULL,
      \`stream\` varchar(64) ${ID} NOT NULL,
      \`run_trigger\` varchar(16) NOT NULL,
      \`status\` varchar(16) NOT NULL,
      \`attempts\` int UNSIGNED NOT NULL DEFAULT '1',
      \`started_at\` datetime(3) NOT NULL,
      \`ended_at\` datetime(3) NULL,
      \`pages\` int UNSIGNED NOT NULL DEFAULT '0',
      \`records_read\` int UNSIGNED NOT NULL DEFAULT '0',
      \`records_inserted\` int UNSIGNED NOT NULL DEFAULT '0',
      \`records_updated\` int UNSIGNED NOT NULL DEFAULT '0',
      \`records_unchanged\` int UNSIGNED NOT NULL DEFAULT '0',
      \`records_quarantined\` int UNSIGNED NOT NULL DEFAULT '0',
      \`cursor_before\` varchar(1024) NULL,
      \`cursor_after\` varchar(1024) NULL,
      \`error_code\` varchar(64) NULL,
      \`error_message\` text NULL,
      PRIMARY KEY (\`id\`),
      UNIQUE INDEX \`uq_connector_run_job\` (\`job_key\`),
      INDEX \`ix_connector_run_status\` (\`status\`, \`started_at\`),
      INDEX \`ix_connector_run_stream\` (\`connector\`, \`stream\`, \`started_at\`)
    ) ${TABLE_OPTIONS}`);
    await queryRunner.query(`CREATE TABLE \`quarantine_record\` (
      \`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT,
      \`connector\` varchar(64) ${ID} NOT NULL,
      \`stream\` varchar(64) ${ID} NOT NULL,
      \`external_id\` varchar(191) COLLATE utf8mb4_bin NULL,
      \`payload_hash\` binary(32) NOT NULL,
      \`payload\` longtext NOT NULL,
      \`reason_code\` varchar(32) ${ID} NOT NULL,
      \`reason_message\` varchar(1024) NOT NULL,
      \`status\` varchar(16) NOT NULL DEFAULT 'open',
      \`occurrences\` int UNSIGNED NOT NULL DEFAULT '1',
      \`first_run_id\` bigint UNSIGNED NOT NULL,
      \`last_run_id\` bigint UNSIGNED NOT NULL,
      \`first_seen_at\` datetime(3) NOT NULL,
      \`last_seen_at\` datetime(3) NOT NULL,
      \`settled_at\` datetime(3) NULL,
      \`settled_note\` varchar(1024) NULL,
      PRIMARY KEY (\`id\`),
      UNIQUE INDEX \`uq_quarantine_payload\` (\`connector\`, \`stream\`, \`payload_hash\`),
      INDEX \`ix_quarantine_status_reason\` (\`status\`, \`reason_code\`),
      INDEX \`ix_quarantine_external\` (\`connector\`, \`stream\`, \`external_id\`)
    ) ${TABLE_OPTIONS}`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['quarantine_record', 'connector_run', 'stream_state', 'raw_record']) {
      await queryRunner.query(`DROP TABLE \`${table}\``);
    }
  }
}
