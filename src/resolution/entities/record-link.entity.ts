import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { CaseKind, LinkMethod, LinkStatus } from '../resolution.types';

/**
 * Which enterprise a raw record belongs to, or why it belongs to none yet. One row per raw record
 * that resolution has seen; the profile loads an enterprise's records through (uscc, connector, stream).
 */
@Entity({ name: 'record_link' })
@Index('ix_record_link_enterprise', ['uscc', 'connector', 'stream'])
@Index('ix_record_link_identifier', ['identifierKind', 'identifier', 'status'])
@Index('ix_record_link_parent', ['parentKey'])
export class RecordLinkEntity {
  @PrimaryColumn({ name: 'raw_record_id', type: 'bigint', unsigned: true })
  rawRecordId!: string;

  @Column({ type: 'varchar', length: 64, charset: 'ascii', collation: 'ascii_bin' })
  connector!: string;

  @Column({ type: 'varchar', length: 64, charset: 'ascii', collation: 'ascii_bin' })
  stream!: string;

  /** Null unless `status` is `resolved`. */
  @Column({ type: 'char', length: 18, charset: 'ascii', collation: 'ascii_bin', nullable: true })
  uscc!: string | null;

  /** How the link was made; null while the record waits. */
  @Column({ type: 'varchar', length: 24, charset: 'ascii', collation: 'ascii_bin', nullable: true })
  method!: LinkMethod | null;

  /** The match score of the linked enterprise (see `Candidate.score`); null while the record waits. */
  @Column({ type: 'decimal', precision: 4, scale: 3, nullable: true })
  score!: string | null;

  @Column({ type: 'varchar', length: 16, charset: 'ascii', collation: 'ascii_bin' })
  status!: LinkStatus;

  /** The resolution case this record is resolved through or waits on: (kind, identifier). */
  @Column({ name: 'identifier_kind', type: 'varchar', length: 32, charset: 'ascii', collation: 'ascii_bin' })
  identifierKind!: CaseKind;

  @Column({ type: 'varchar', length: 191, collation: 'utf8mb4_bin' })
  identifier!: string;

  /** For records that follow another (bills, legal events): the parent's external id. */
  @Column({ name: 'parent_key', type: 'varchar', length: 191, collation: 'utf8mb4_bin', nullable: true })
  parentKey!: string | null;

  /** `raw_record.last_changed_run_id` when this link was computed: a newer one means new contents. */
  @Column({ name: 'record_run_id', type: 'bigint', unsigned: true })
  recordRunId!: string;

  /** When `uscc` or `status` last changed. */
  @Column({ name: 'linked_at', type: 'datetime', precision: 3 })
  linkedAt!: Date;
}
