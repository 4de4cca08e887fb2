import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One field of one enterprise's profile changing value: the change log behind "what changed since". */
@Entity({ name: 'profile_change' })
@Index('ix_profile_change_enterprise', ['uscc', 'changedAt'])
@Index('ix_profile_change_time', ['changedAt'])
export class ProfileChangeEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id!: string;

  @Column({ type: 'char', length: 18, charset: 'ascii', collation: 'ascii_bin' })
  uscc!: string;

  @Column({ name: 'field_key', type: 'varchar', length: 64, charset: 'ascii', collation: 'ascii_bin' })
  fieldKey!: string;

  /** JSON of the value before (null: the field was empty). */
  @Column({ name: 'old_value', type: 'text', nullable: true })
  oldValue!: string | null;

  @Column({ name: 'new_value', type: 'text', nullable: true })
  newValue!: string | null;

  @Column({ name: 'changed_at', type: 'datetime', precision: 3 })
  changedAt!: Date;

  /** The as-of date of the profile that recorded the change. */
  @Column({ name: 'as_of', type: 'date' })
  asOf!: string;

  /** The sync run whose records caused it; null for a rebuild. */
  @Column({ name: 'run_id', type: 'bigint', unsigned: true, nullable: true })
  runId!: string | null;

  @Column({ name: 'catalog_version', type: 'char', length: 12, charset: 'ascii', collation: 'ascii_bin' })
  catalogVersion!: string;
}
