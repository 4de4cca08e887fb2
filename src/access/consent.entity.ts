import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An enterprise's authorisation for one institution to read parts of its profile, for a stated
 * purpose, until it expires or is revoked (征信业管理条例: query needs the subject's authorisation
 * and a purpose).
 */
@Entity({ name: 'consent' })
@Index('ix_consent_institution_uscc', ['institutionId', 'uscc'])
@Index('ix_consent_uscc', ['uscc'])
export class ConsentEntity {
  @PrimaryGeneratedColumn({ type: 'int', unsigned: true })
  id!: number;

  @Column({ type: 'char', length: 18, charset: 'ascii', collation: 'ascii_bin' })
  uscc!: string;

  @Column({ name: 'institution_id', type: 'int', unsigned: true })
  institutionId!: number;

  /** Comma-separated profile sections the consent opens (consent-gated sections only). */
  @Column({ type: 'varchar', length: 512, charset: 'ascii', collation: 'ascii_bin' })
  sections!: string;

  @Column({ type: 'varchar', length: 32, charset: 'ascii', collation: 'ascii_bin' })
  purpose!: string;

  @Column({ name: 'granted_at', type: 'datetime', precision: 3 })
  grantedAt!: Date;

  @Column({ name: 'expires_at', type: 'datetime', precision: 3 })
  expiresAt!: Date;

  @Column({ name: 'revoked_at', type: 'datetime', precision: 3, nullable: true })
  revokedAt!: Date | null;

  /** The key that recorded the consent (null: the bootstrap admin key or the operator CLI). */
  @Column({ name: 'recorded_by_key_id', type: 'int', unsigned: true, nullable: true })
  recordedByKeyId!: number | null;
}
