import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A steward's cron for one stream, set through the API. It outranks `CONNECTOR_SCHEDULES` and the
 * stream's default, and the schedule reconciler reads it at every start, so a restart keeps it.
 */
@Entity({ name: 'stream_schedule_override' })
export class StreamScheduleOverrideEntity {
  @PrimaryColumn({ type: 'varchar', length: 64, charset: 'ascii', collation: 'ascii_bin' })
  connector!: string;

  @PrimaryColumn({ type: 'varchar', length: 64, charset: 'ascii', collation: 'ascii_bin' })
  stream!: string;

  @Column({ type: 'varchar', length: 128, charset: 'ascii', collation: 'ascii_bin' })
  pattern!: string;

  /** The principal (API key name) that set it. */
  @Column({ name: 'set_by', type: 'varchar', length: 128 })
  setBy!: string;

  @Column({ name: 'set_at', type: 'datetime', precision: 3 })
  setAt!: Date;
}
