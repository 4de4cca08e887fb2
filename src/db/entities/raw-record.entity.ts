import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One upstream record as last received: keyed by (connector, stream, external id), with a content hash. */
@Entity({ name: 'raw_record' })
@Index('uq_raw_record_identity', ['connector', 'stream', 'externalId'], { unique: true })
@Index('ix_raw_record_changed_run', ['lastChangedRunId'])
export class RawRecordEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id!: string;

  @Column({ type: 'varchar', length: 64, charset: 'ascii', collation: 'ascii_bin' })
  connector!: string;

  @Column({ type: 'varchar', length: 64, charset: 'ascii', collation: 'ascii_bin' })
  stream!: string;

  @Column({ name: 'external_id', type: 'varchar', length: 191, collation: 'utf8mb4_bin' })
  externalId!: string;

  /** SHA-256 of the record's canonical JSON: equal hashes mean an unchanged record. */
  @Column({ name: 'content_hash', type: 'binary', length: 32 })
  contentHash!: Buffer;

  @Column({ type: 'json' })
  payload!: Record<string, unknown>;

  @Column({ name: 'source_updated_at', type: 'datetime', precision: 3 })
  sourceUpdatedAt!: Date;

  @Column({ name: 'first_run_id', type: 'bigint', unsigned: true })
  firstRunId!: string;

  @Column({ name: 'last_changed_run_id', type: 'bigint', unsigned: true })
  lastChangedRunId!: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  @Column({ name: 'changed_at', type: 'datetime', precision: 3 })
  changedAt!: Date;
}
