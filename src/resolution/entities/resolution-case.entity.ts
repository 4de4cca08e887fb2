import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Candidate, CaseKind, CaseStatus } from '../resolution.types';

/** An identifier that resolution could not settle alone, with its candidates and a steward's decision. */
@Entity({ name: 'resolution_case' })
@Index('uq_resolution_case_identifier', ['kind', 'identifier'], { unique: true })
@Index('ix_resolution_case_status', ['status', 'kind', 'waitingRecords'])
export class ResolutionCaseEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id!: string;

  @Column({ type: 'varchar', length: 32, charset: 'ascii', collation: 'ascii_bin' })
  kind!: CaseKind;

  /** The account number, application number, taxpayer id or name key the case is about. */
  @Column({ type: 'varchar', length: 191, collation: 'utf8mb4_bin' })
  identifier!: string;

  @Column({ type: 'varchar', length: 16, charset: 'ascii', collation: 'ascii_bin' })
  status!: CaseStatus;

  /** The name as the source wrote it (holder, applicant, taxpayer), for stewards. */
  @Column({ name: 'display_name', type: 'varchar', length: 512, nullable: true })
  displayName!: string | null;

  @Column({ name: 'display_address', type: 'varchar', length: 512, nullable: true })
  displayAddress!: string | null;

  /** Candidates, best first, as the latest resolution saw them. */
  @Column({ type: 'json' })
  candidates!: Candidate[];

  /** The steward's answer when `decided`: a USCC, or null for "no registered enterprise". */
  @Column({ name: 'decision_uscc', type: 'char', length: 18, charset: 'ascii', collation: 'ascii_bin', nullable: true })
  decisionUscc!: string | null;

  @Column({ name: 'decided_by', type: 'varchar', length: 128, nullable: true })
  decidedBy!: string | null;

  @Column({ name: 'decided_at', type: 'datetime', precision: 3, nullable: true })
  decidedAt!: Date | null;

  @Column({ type: 'varchar', length: 1024, nullable: true })
  note!: string | null;

  /** Records that wait on this case now (including bills and legal events that follow them). */
  @Column({ name: 'waiting_records', type: 'int', unsigned: true, default: 0 })
  waitingRecords!: number;

  @Column({ name: 'first_seen_at', type: 'datetime', precision: 3 })
  firstSeenAt!: Date;

  @Column({ name: 'last_seen_at', type: 'datetime', precision: 3 })
  lastSeenAt!: Date;
}
