import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Institutions, hashed API keys, enterprises' consents and the profile access log. */
export class ApiAccess1796300000000 implements MigrationInterface {
  name = 'ApiAccess1796300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `access_log` (`id` bigint UNSIGNED NOT NULL AUTO_INCREMENT, `at` datetime(3) NOT NULL, `api_key_id` int UNSIGNED NULL, `principal_name` varchar(128) NOT NULL, `role` varchar(16) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, `institution_id` int UNSIGNED NULL, `uscc` char(18) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, `sections` varchar(512) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, `withheld` varchar(512) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, `purpose` varchar(255) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, `operation` varchar(128) NOT NULL, INDEX `ix_access_log_institution` (`institution_id`, `at`), INDEX `ix_access_log_uscc` (`uscc`, `at`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `api_key` (`id` int UNSIGNED NOT NULL AUTO_INCREMENT, `key_hash` char(64) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, `key_prefix` varchar(16) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, `name` varchar(128) NOT NULL, `role` varchar(16) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, `institution_id` int UNSIGNED NULL, `created_at` datetime(3) NOT NULL, `revoked_at` datetime(3) NULL, UNIQUE INDEX `uq_api_key_hash` (`key_hash`), INDEX `ix_api_key_institution` (`institution_id`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `consent` (`id` int UNSIGNED NOT NULL AUTO_INCREMENT, `uscc` char(18) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, `institution_id` int UNSIGNED NOT NULL, `sections` varchar(512) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, `purpose` varchar(32) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, `granted_at` datetime(3) NOT NULL, `expires_at` datetime(3) NOT NULL, `revoked_at` datetime(3) NULL, `recorded_by_key_id` int UNSIGNED NULL, INDEX `ix_consent_uscc` (`uscc`), INDEX `ix_consent_institution_uscc` (`institution_id`, `uscc`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `institution` (`id` int UNSIGNED NOT NULL AUTO_INCREMENT, `code` varchar(64) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, `name` varchar(255) NOT NULL, `created_at` datetime(3) NOT NULL, UNIQUE INDEX `uq_institution_code` (`code`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `institution`');
    await queryRunner.query('DROP TABLE `consent`');
    await queryRunner.query('DROP TABLE `api_key`');
    await queryRunner.query('DROP TABLE `access_log`');
  }
}
