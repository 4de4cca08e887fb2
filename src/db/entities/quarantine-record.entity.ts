import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { QuarantineReasonCode } from '../../../connectors/sdk/quarantine-reason';

export const QUARANTINE_STATUSES = ['open', 'resolved', 'ignored'] as const;
export type QuarantineStatus = (typeof QUARANTINE_STATUSES)[number];

/** An upstream record kept out of the clean tables, with why, until a steward or a valid version settles it. */
@Entity({ name: 'quarantine_record' })
@Index('uq_quarantine_payload', ['connector', 'stream', 'payloadHash'], { unique: true })
@Index('ix_quarantine_status_reason', ['status', 'reasonCode'])
@Index('ix_quarantine_external', ['connector', 'stream', 'externalId'])
export class QuarantineRecordEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id!: string;

  @Column({ type: 'varchar', length: 64, charset: 'ascii', collation: 'ascii_bin' })
  connector!: string;

  @Column({ type: 'varchar', length: 64, charset: 'ascii', collation: 'ascii_bin' })
  stream!: string;

  @Column({ name: 'external_id', type: 'varchar', length: 191, collation: 'utf8mb4_bin', nullable: true })
  externalId!: string | null;

  @Column({ name: 'payload_hash', type: 'binary', length: 32 })
  payloadHash!: Buffer;

  /** The payload exactly as received (JSON text), so nothing is lost even when it is not an object. */
  @Column({ type: 'longtext' })
  payload!: string;

  @Column({ name: 'reason_code', type: 'varchar', length: 32, charset: 'ascii', collation: 'ascii_bin' })
  reasonCode!: QuarantineReasonCode;

  @Column({ name: 'reason_message', type: 'varchar', length: 1024 })
  reasonMessage!: string;

  @Column({ type: 'varchar', length: 16, default: 'open' })
  status!: QuarantineStatus;

  @Column({ type: 'int', unsigned: true, default: 1 })
  occurrences!: number;

  @Column({ name: 'first_run_id', type: 'bigint', unsigned: true })
  firstRunId!: string;

  @Column({ name: 'last_run_id', type: 'bigint', unsigned: true })
  lastRunId!: string;

  @Column({ name: 'first_seen_at', type: 'datetime', precision: 3 })
  firstSeenAt!: Date;

  @Column({ name: 'last_seen_at', type: 'datetime', precision: 3 })
  lastSeenAt!: Date;

  @Column({ name: 'settled_at', type: 'datetime', precision: 3, nullable: true })
  settledAt!: Date | null;

  @Column({ name: 'settled_note', type: 'varchar', length: 1024, nullable: true })
  settledNote!: string | null;

  /** Who settled it: a steward's principal name; null when a valid version settled it during a sync. */
  @Column({ name: 'settled_by', type: 'varchar', length: 128, nullable: true })
  settledBy!: string | null;
}
