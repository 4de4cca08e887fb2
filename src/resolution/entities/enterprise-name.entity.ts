import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Every name an enterprise is or was registered under, by matching key, with when it was in force. */
@Entity({ name: 'enterprise_name' })
@Index('ix_enterprise_name_key', ['nameKey'])
@Index('ix_enterprise_name_core', ['corePrefix'])
export class EnterpriseNameEntity {
  @PrimaryColumn({ type: 'char', length: 18, charset: 'ascii', collation: 'ascii_bin' })
  uscc!: string;

  /** `nameKey(name)`. */
  @PrimaryColumn({ name: 'name_key', type: 'varchar', length: 191, collation: 'utf8mb4_bin' })
  nameKey!: string;

  /** The name as registered. */
  @Column({ type: 'varchar', length: 255 })
  name!: string;

  /** `current` or `former`. */
  @Column({ type: 'varchar', length: 8, charset: 'ascii', collation: 'ascii_bin' })
  kind!: 'current' | 'former';

  @Column({ name: 'valid_from', type: 'date', nullable: true })
  validFrom!: string | null;

  /** The day the name was changed; null for the current name. */
  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo!: string | null;

  /** `corePrefix(name_key)`: retrieval of near names. */
  @Column({ name: 'core_prefix', type: 'varchar', length: 8, collation: 'utf8mb4_bin' })
  corePrefix!: string;
}
