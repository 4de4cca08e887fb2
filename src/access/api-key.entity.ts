import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { Role } from './principal';

/**
 * An API key as stored: only its SHA-256 hash (keys are 256-bit random, so a fast hash is enough) and
 * a short prefix to recognise it by. The key itself is shown once, when created.
 */
@Entity({ name: 'api_key' })
@Index('ix_api_key_institution', ['institutionId'])
export class ApiKeyEntity {
  @PrimaryGeneratedColumn({ type: 'int', unsigned: true })
  id!: number;

  @Index('uq_api_key_hash', { unique: true })
  @Column({ name: 'key_hash', type: 'char', length: 64, charset: 'ascii', collation: 'ascii_bin' })
  keyHash!: string;

  /** The key's first characters, e.g. `thk_3fA9`, for lists and logs. */
  @Column({ name: 'key_prefix', type: 'varchar', length: 16, charset: 'ascii', collation: 'ascii_bin' })
  keyPrefix!: string;

  /** Who or what holds the key, e.g. `credit-desk` or `dashboard`. */
  @Column({ type: 'varchar', length: 128 })
  name!: string;

  @Column({ type: 'varchar', length: 16, charset: 'ascii', collation: 'ascii_bin' })
  role!: Role;

  @Column({ name: 'institution_id', type: 'int', unsigned: true, nullable: true })
  institutionId!: number | null;

  @Column({ name: 'created_at', type: 'datetime', precision: 3 })
  createdAt!: Date;

  @Column({ name: 'revoked_at', type: 'datetime', precision: 3, nullable: true })
  revokedAt!: Date | null;
}
