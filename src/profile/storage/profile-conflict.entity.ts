import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { ConflictKind } from '../quality/conflicts';

export const CONFLICT_STATUSES = ['open', 'resolved', 'dismissed'] as const;
export type ConflictStatus = (typeof CONFLICT_STATUSES)[number];

/**
 * A disagreement between the registry and another source, as last seen by a profile computation.
 * It is `resolved` when a later computation no longer finds it; a steward may `dismiss` it (e.g. a
 * plant in another district), and a dismissed conflict stays dismissed while it persists.
 */
@Entity({ name: 'profile_conflict' })
@Index('uq_profile_conflict', ['uscc', 'kind', 'sourceRecordId'], { unique: true })
@Index('ix_profile_conflict_status', ['status', 'kind'])
export class ProfileConflictEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id!: string;

  @Column({ type: 'char', length: 18, charset: 'ascii', collation: 'ascii_bin' })
  uscc!: string;

  @Column({ type: 'varchar', length: 32, charset: 'ascii', collation: 'ascii_bin' })
  kind!: ConflictKind;

  @Column({ name: 'source_record_id', type: 'bigint', unsigned: true })
  sourceRecordId!: string;

  @Column({ name: 'registry_value', type: 'varchar', length: 512 })
  registryValue!: string;

  @Column({ name: 'source_value', type: 'varchar', length: 512 })
  sourceValue!: string;

  @Column({ type: 'varchar', length: 16, default: 'open' })
  status!: ConflictStatus;

  @Column({ name: 'first_seen_at', type: 'datetime', precision: 3 })
  firstSeenAt!: Date;

  @Column({ name: 'last_seen_at', type: 'datetime', precision: 3 })
  lastSeenAt!: Date;

  @Column({ name: 'settled_at', type: 'datetime', precision: 3, nullable: true })
  settledAt!: Date | null;
}
