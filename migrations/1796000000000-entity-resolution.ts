import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Entity resolution: record links, steward cases, and the registry's names and USCCs that records
 * are matched against. Generated from the entities, then reviewed: USCCs and other ids are
 * ASCII/binary, name keys and identifiers keep Chinese text under utf8mb4_bin (exact-match keys), and
 * every table states its charset. The record-link table grows with raw_record (one row per record),
 * so its columns are kept narrow.
 */
const TABLE_OPTIONS = 'ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci';
const ID = 'CHARACTER SET ascii COLLATE ascii_bin';
const KEY = 'COLLATE utf8mb4_bin';

export class EntityResolution1796000000000 implements MigrationInterface {
  name = 'EntityResolution1796000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`record_link\` (
      \`raw_record_id\` bigint UNSIGNED NOT NULL,
      \`connector\` varchar(64) ${ID} NOT NULL,
      \`stream\` varchar(64) ${ID} NOT NULL,
      \`uscc\` char(18) ${ID} NULL,
      \`method\` varchar(24) ${ID} NULL,
      \`score\` decimal(4,3) NULL,
      \`status\` varchar(16) ${ID} NOT NULL,
      \`identifier_kind\` varchar(32) ${ID} NOT NULL,
      \`identifier\` varchar(191) ${KEY} NOT NULL,
      \`parent_key\` varchar(191) ${KEY} NULL,
      \`record_run_id\` bigint UNSIGNED NOT NULL,
      \`linked_at\` datetime(3) NOT NULL,
      PRIMARY KEY (\`raw_record_id\`),
      INDEX \`ix_record_link_enterprise\` (\`uscc\`, \`connector\`, \`stream\`),
      INDEX \`ix_record_link_identifier\` (\`identifier_kind\`, \`identifier\`, \`status\`),
      INDEX \`ix_record_link_parent\` (\`parent_key\`)
    ) ${TABLE_OPTIONS}`);
    await queryRunner.query(`CREATE TABLE \`resolution_case\` (
      \`id\` bigint UNSIGNED NOT NULL AUTO_INCREMENT,
      \`kind\` varchar(32) ${ID} NOT NULL,
      \`identifier\` varchar(191) ${KEY} NOT NULL,
      \`status\` varchar(16) ${ID} NOT NULL,
      \`display_name\` varchar(512) NULL,
      \`display_address\` varchar(512) NULL,
      \`candidates\` json NOT NULL,
      \`decision_uscc\` char(18) ${ID} NULL,
      \`decided_by\` varchar(128) NULL,
      \`decided_at\` datetime(3) NULL,
      \`note\` varchar(1024) NULL,
      \`waiting_records\` int UNSIGNED NOT NULL DEFAULT '0',
      \`first_seen_at\` datetime(3) NOT NULL,
      \`last_seen_at\` datetime(3) NOT NULL,
      PRIMARY KEY (\`id\`),
      UNIQUE INDEX \`uq_resolution_case_identifier\` (\`kind\`, \`identifier\`),
      INDEX \`ix_resolution_case_status\` (\`status\`, \`kind\`, \`waiting_records\`)
    ) ${TABLE_OPTIONS}`);
    await queryRunner.query(`CREATE TABLE \`enterprise_name\` (
      \`uscc\` char(18) ${ID} NOT NULL,
      \`name_key\` varchar(191) ${KEY} NOT NULL,
      \`name\` varchar(255) NOT NULL,
      \`kind\` varchar(8) ${ID} NOT NULL,
      \`valid_from\` date NULL,
      \`valid_to\` date NULL,
      \`core_prefix\` varchar(8) ${KEY} NOT NULL,
      PRIMARY KEY (\`uscc\`, \`name_key\`),
      INDEX \`ix_enterprise_name_key\` (\`name_key\`),
      INDEX \`ix_enterprise_name_core\` (\`core_prefix\`)
    ) ${TABLE_OPTIONS}`);
    await queryRunner.query(`CREATE TABLE \`registered_enterprise\` (
      \`uscc\` char(18) ${ID} NOT NULL,
      \`legacy_id\` char(15) ${ID} NOT NULL,
      \`name\` varchar(255) NOT NULL,
      \`addresses\` json NOT NULL,
      \`registration_record_id\` bigint UNSIGNED NOT NULL,
      PRIMARY KEY (\`uscc\`),
      INDEX \`ix_registered_enterprise_legacy\` (\`legacy_id\`)
    ) ${TABLE_OPTIONS}`);
    await queryRunner.query(`CREATE TABLE \`record_name_key\` (
      \`raw_record_id\` bigint UNSIGNED NOT NULL,
      \`name_key\` varchar(191) ${KEY} NOT NULL,
      \`core_prefix\` varchar(8) ${KEY} NOT NULL,
      PRIMARY KEY (\`raw_record_id\`, \`name_key\`),
      INDEX \`ix_record_name_key_key\` (\`name_key\`),
      INDEX \`ix_record_name_key_core\` (\`core_prefix\`)
    ) ${TABLE_OPTIONS}`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['record_name_key', 'registered_enterprise', 'enterprise_name', 'resolution_case', 'record_link']) {
      await queryRunner.query(`DROP TABLE \`${table}\``);
    }
  }
}
