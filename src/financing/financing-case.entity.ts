import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { FinancingProduct, FinancingState } from './financing.types';

/**
 * One financing case: an application (and, if approved, the loan) of one enterprise at one
 * institution, with its state and running balances in fen. The balances follow from the case's
 * events through the state machine; they are stored so that lists and filters need no replay.
 */
@Entity({ name: 'financing_case' })
@Index('ix_financing_case_uscc', ['uscc', 'openedOn', 'id'])
@Index('ix_financing_case_institution', ['institutionId', 'id'])
export class FinancingCaseEntity {
  @PrimaryGeneratedColumn({ type: 'int', unsigned: true })
  id!: number;

  @Column({ type: 'char', length: 18, charset: 'ascii', collation: 'ascii_bin' })
  uscc!: string;

  @Column({ name: 'institution_id', type: 'int', unsigned: true })
  institutionId!: number;

  @Column({ type: 'varchar', length: 32, charset: 'ascii', collation: 'ascii_bin' })
  product!: FinancingProduct;

  @Column({ type: 'varchar', length: 16, charset: 'ascii', collation: 'ascii_bin' })
  state!: FinancingState;

  @Column({ name: 'applied_fen', type: 'bigint' })
  appliedFen!: string;

  @Column({ name: 'approved_fen', type: 'bigint', nullable: true })
  approvedFen!: string | null;

  @Column({ name: 'disbursed_fen', type: 'bigint' })
  disbursedFen!: string;

  @Column({ name: 'repaid_fen', type: 'bigint' })
  repaidFen!: string;

  @Column({ name: 'outstanding_fen', type: 'bigint' })
  outstandingFen!: string;

  @Column({ name: 'recovered_fen', type: 'bigint' })
  recoveredFen!: string;

  @Column({ name: 'written_off_fen', type: 'bigint' })
  writtenOffFen!: string;

  /** While OVERDUE, the stated past-due amount not yet repaid. */
  @Column({ name: 'overdue_fen', type: 'bigint', nullable: true })
  overdueFen!: string | null;

  @Column({ name: 'term_months', type: 'smallint', unsigned: true })
  termMonths!: number;

  @Column({ name: 'annual_rate_bp', type: 'int', unsigned: true, nullable: true })
  annualRateBp!: number | null;

  /** CNIPA application numbers, comma-separated; empty unless an IP-pledge loan. */
  @Column({ name: 'pledged_patents', type: 'varchar', length: 1024, charset: 'ascii', collation: 'ascii_bin' })
  pledgedPatents!: string;

  @Column({ name: 'opened_on', type: 'date' })
  openedOn!: string;

  @Column({ name: 'last_event_on', type: 'date' })
  lastEventOn!: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt!: Date;
}
