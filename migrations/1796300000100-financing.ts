import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Financing cases and the events institutions record on them (src/financing). */
export class Financing1796300000100 implements MigrationInterface {
  name = 'Financing1796300000100';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `financing_case` (`id` int UNSIGNED NOT NULL AUTO_INCREMENT, `uscc` char(18) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, `institution_id` int UNSIGNED NOT NULL, `product` varchar(32) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, `state` varchar(16) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, `applied_fen` bigint NOT NULL, `approved_fen` bigint NULL, `disbursed_fen` bigint NOT NULL, `repaid_fen` bigint NOT NULL, `outstanding_fen` bigint NOT NULL, `recovered_fen` bigint NOT NULL, `written_off_fen` bigint NOT NULL, `overdue_fen` bigint NULL, `term_months` smallint UNSIGNED NOT NULL, `annual_rate_bp` int UNSIGNED NULL, `pledged_patents` varchar(1024) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, `opened_on` date NOT NULL, `last_event_on` date NOT NULL, `created_at` datetime(3) NOT NULL, `updated_at` datetime(3) NOT NULL, INDEX `ix_financing_case_institution` (`institution_id`, `id`), INDEX `ix_financing_case_uscc` (`uscc`, `opened_on`, `id`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `financing_event` (`id` bigint UNSIGNED NOT NULL AUTO_INCREMENT, `case_id` int UNSIGNED NOT NULL, `uscc` char(18) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, `institution_id` int UNSIGNED NOT NULL, `product` varchar(32) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, `kind` varchar(16) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, `amount_fen` bigint NULL, `occurred_on` date NOT NULL, `note` varchar(500) NULL, `state_after` varchar(16) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, `recorded_at` datetime(3) NOT NULL, `recorded_by_key_id` int UNSIGNED NULL, `idempotency_key` varchar(128) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, `request_hash` char(64) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, INDEX `ix_financing_event_occurred` (`occurred_on`), INDEX `ix_financing_event_uscc` (`uscc`, `occurred_on`), INDEX `ix_financing_event_case` (`case_id`, `id`), UNIQUE INDEX `uq_financing_event_idempotency` (`institution_id`, `idempotency_key`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `financing_event`');
    await queryRunner.query('DROP TABLE `financing_case`');
  }
}
