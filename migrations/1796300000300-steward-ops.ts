import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Stewards' schedule overrides per stream, and who settled a quarantined record. */
export class StewardOps1796300000300 implements MigrationInterface {
  name = 'StewardOps1796300000300';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `stream_schedule_override` (`connector` varchar(64) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, `stream` varchar(64) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, `pattern` varchar(128) CHARACTER SET "ascii" COLLATE "ascii_bin" NOT NULL, `set_by` varchar(128) NOT NULL, `set_at` datetime(3) NOT NULL, PRIMARY KEY (`connector`, `stream`)) ENGINE=InnoDB',
    );
    await queryRunner.query('ALTER TABLE `quarantine_record` ADD `settled_by` varchar(128) NULL');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `quarantine_record` DROP COLUMN `settled_by`');
    await queryRunner.query('DROP TABLE `stream_schedule_override`');
  }
}
