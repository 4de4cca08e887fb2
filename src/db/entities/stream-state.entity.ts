import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Where a stream's incremental read stands; advanced in the same transaction as the page it covers. */
@Entity({ name: 'stream_state' })
export class StreamStateEntity {
  @PrimaryColumn({ type: 'varchar', length: 64, charset: 'ascii', collation: 'ascii_bin' })
  connector!: string;

  @PrimaryColumn({ type: 'varchar', length: 64, charset: 'ascii', collation: 'ascii_bin' })
  stream!: string;

  @Column({ name: 'cursor_value', type: 'varchar', length: 1024, nullable: true })
  cursorValue!: string | null;

  @Column({ name: 'last_run_id', type: 'bigint', unsigned: true, nullable: true })
  lastRunId!: string | null;

  @Column({ name: 'updated_at', type: 'datetime', precision: 3 })
  updatedAt!: Date;
}
