import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const RUN_STATUSES = ['running', 'released', 'retrying', 'succeeded', 'failed'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];
export const RUN_TRIGGERS = ['schedule', 'manual', 'api'] as const;
export type RunTrigger = (typeof RUN_TRIGGERS)[number];

/**
 * One sync of one stream: a BullMQ job from its first attempt to its end. A worker that dies or is
 * stopped leaves the run `running`/`released`; whoever picks the job up again continues the same run.
 */
@Entity({ name: 'connector_run' })
@Index('ix_connector_run_stream', ['connector', 'stream', 'startedAt'])
@Index('ix_connector_run_status', ['status', 'startedAt'])
export class ConnectorRunEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id!: string;

  /** `<queue>:<job id>`: the job this run belongs to. */
  @Index('uq_connector_run_job', { unique: true })
  @Column({ name: 'job_key', type: 'varchar', length: 191, charset: 'ascii', collation: 'ascii_bin' })
  jobKey!: string;

  @Column({ type: 'varchar', length: 64, charset: 'ascii', collation: 'ascii_bin' })
  connector!: string;

  @Column({ type: 'varchar', length: 64, charset: 'ascii', collation: 'ascii_bin' })
  stream!: string;

  @Column({ name: 'run_trigger', type: 'varchar', length: 16 })
  trigger!: RunTrigger;

  @Column({ type: 'varchar', length: 16 })
  status!: RunStatus;

  @Column({ type: 'int', unsigned: true, default: 1 })
  attempts!: number;

  @Column({ name: 'started_at', type: 'datetime', precision: 3 })
  startedAt!: Date;

  @Column({ name: 'ended_at', type: 'datetime', precision: 3, nullable: true })
  endedAt!: Date | null;

  @Column({ type: 'int', unsigned: true, default: 0 })
  pages!: number;

  @Column({ name: 'records_read', type: 'int', unsigned: true, default: 0 })
  recordsRead!: number;

  @Column({ name: 'records_inserted', type: 'int', unsigned: true, default: 0 })
  recordsInserted!: number;

  @Column({ name: 'records_updated', type: 'int', unsigned: true, default: 0 })
  recordsUpdated!: number;

  @Column({ name: 'records_unchanged', type: 'int', unsigned: true, default: 0 })
  recordsUnchanged!: number;

  @Column({ name: 'records_quarantined', type: 'int', unsigned: true, default: 0 })
  recordsQuarantined!: number;

  @Column({ name: 'cursor_before', type: 'varchar', length: 1024, nullable: true })
  cursorBefore!: string | null;

  @Column({ name: 'cursor_after', type: 'varchar', length: 1024, nullable: true })
  cursorAfter!: string | null;

  @Column({ name: 'error_code', type: 'varchar', length: 64, nullable: true })
  errorCode!: string | null;

  @Column({ name: 'error_message', type: 'text', nullable: true })
  errorMessage!: string | null;

  /** When the run's new and changed records were resolved and their profiles recomputed; null until then. */
  @Column({ name: 'profiled_at', type: 'datetime', precision: 3, nullable: true })
  profiledAt!: Date | null;
}
