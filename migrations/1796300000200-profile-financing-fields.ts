import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The financing section's fields fed by recorded financing events (source `financing`), as the
 * catalog declared them when this migration was written; placed after the section's pledge fields.
 * Existing profiles get NULL until their next recomputation (the nightly rebuild or a new event).
 */
const COLUMNS: ReadonlyArray<[key: string, ddl: string]> = [
  ['recorded_loans_outstanding_fen', 'bigint'],
  ['lenders_with_outstanding_loan', 'int'],
  ['loans_disbursed_36m', 'int'],
  ['loan_amount_disbursed_36m', 'bigint'],
  ['last_disbursement_date', 'date'],
  ['loan_overdue_events_12m', 'int'],
  ['loan_defaults_36m', 'int'],
];
const AFTER = 'avg_pledge_duration_days';

export class ProfileFinancingFields1796300000200 implements MigrationInterface {
  name = 'ProfileFinancingFields1796300000200';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const adds = COLUMNS.map(([key, ddl], i) => `ADD COLUMN \`${key}\` ${ddl} NULL AFTER \`${i === 0 ? AFTER : COLUMNS[i - 1]![0]}\``);
    await queryRunner.query(`ALTER TABLE \`enterprise_profile\` ${adds.join(', ')}`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`enterprise_profile\` ${COLUMNS.map(([key]) => `DROP COLUMN \`${key}\``).join(', ')}`);
  }
}
