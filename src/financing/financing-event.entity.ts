import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { FinancingEventKind, FinancingProduct, FinancingState } from './financing.types';

/**
 * One event of a financing case as an institution recorded it. The enterprise, institution and
 * product are copied from the case so that totals group events without a join. The idempotency key
 * is unique per institution: a retried request finds its first recording instead of adding another.
 */
@Entity({ name: 'financing_event' })
@Index('uq_financing_event_idempotency', ['institutionId', 'idempotencyKey'], { unique: true })
@Index('ix_financing_event_case', ['caseId', 'id'])
@Index('ix_financing_event_uscc', ['uscc', 'occurredOn'])
@Index('ix_financing_event_occurred', ['occurredOn'])
export class FinancingEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id!: string;

  @Column({ name: 'case_id', type: 'int', unsigned: true })
  caseId!: number;

  @Column({ type: 'char', length: 18, charset: 'ascii', collation: 'ascii_bin' })
  uscc!: string;

  @Column({ name: 'institution_id', type: 'int', unsigned: true })
  institutionId!: number;

  @Column({ type: 'varchar', length: 32, charset: 'ascii', collation: 'ascii_bin' })
  product!: FinancingProduct;

  @Column({ type: 'varchar', length: 16, charset: 'ascii', collation: 'ascii_bin' })
  kind!: FinancingEventKind;

  @Column({ name: 'amount_fen', type: 'bigint', nullable: true })
  amountFen!: string | null;

  @Column({ name: 'occurred_on', type: 'date' })
  occurredOn!: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note!: string | null;

  /** The case's state right after this event. */
  @Column({ name: 'state_after', type: 'varchar', length: 16, charset: 'ascii', collation: 'ascii_bin' })
  stateAfter!: FinancingState;

  @Column({ name: 'recorded_at', type: 'datetime', precision: 3 })
  recordedAt!: Date;

  @Column({ name: 'recorded_by_key_id', type: 'int', unsigned: true, nullable: true })
  recordedByKeyId!: number | null;

  @Column({ name: 'idempotency_key', type: 'varchar', length: 128, charset: 'ascii', collation: 'ascii_bin' })
  idempotencyKey!: string;

  /** SHA-256 of the normalised request, to tell a retry from a different request under the same key. */
  @Column({ name: 'request_hash', type: 'char', length: 64, charset: 'ascii', collation: 'ascii_bin' })
  requestHash!: string;
}
