import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One dated version of a funding policy (src/policy/funding-policy.types.ts). Rows are only ever
 * added: a new version takes over from its effective date, and every earlier version stays as it was
 * so that past allocations can be recomputed and named.
 */
@Entity({ name: 'funding_policy_version' })
@Index('uq_funding_policy_version', ['policy', 'version'], { unique: true })
@Index('uq_funding_policy_effective', ['policy', 'effectiveFrom'], { unique: true })
export class FundingPolicyVersionEntity {
  @PrimaryGeneratedColumn({ type: 'int', unsigned: true })
  id!: number;

  @Column({ type: 'varchar', length: 32, charset: 'ascii', collation: 'ascii_bin' })
  policy!: string;

  @Column({ type: 'smallint', unsigned: true })
  version!: number;

  @Column({ name: 'effective_from', type: 'date' })
  effectiveFrom!: string;

  @Column({ name: 'government_bp', type: 'smallint', unsigned: true })
  governmentBp!: number;

  @Column({ name: 'bank_bp', type: 'smallint', unsigned: true })
  bankBp!: number;

  @Column({ name: 'guarantor_bp', type: 'smallint', unsigned: true })
  guarantorBp!: number;

  @Column({ name: 'insurer_bp', type: 'smallint', unsigned: true })
  insurerBp!: number;

  @Column({ name: 'enterprise_bp', type: 'smallint', unsigned: true })
  enterpriseBp!: number;

  /** Financing products covered, comma-separated (FIND_IN_SET-able). */
  @Column({ type: 'varchar', length: 255, charset: 'ascii', collation: 'ascii_bin' })
  products!: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note!: string | null;

  @Column({ name: 'created_by', type: 'varchar', length: 128 })
  createdBy!: string;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;
}
