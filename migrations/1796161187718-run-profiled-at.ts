import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Marks each sync run once its records have been resolved and their profiles recomputed. */
export class RunProfiledAt1796161187718 implements MigrationInterface {
  name = 'RunProfiledAt1796161187718';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `connector_run` ADD `profiled_at` datetime(3) NULL');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `connector_run` DROP COLUMN `profiled_at`');
  }
}
