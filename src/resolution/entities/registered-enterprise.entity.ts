import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** An enterprise the registry has sent a registration for: the known USCCs that records resolve to. */
@Entity({ name: 'registered_enterprise' })
@Index('ix_registered_enterprise_legacy', ['legacyId'])
export class RegisteredEnterpriseEntity {
  @PrimaryColumn({ type: 'char', length: 18, charset: 'ascii', collation: 'ascii_bin' })
  uscc!: string;

  /** USCC positions 3–17, the pre-2015 taxpayer id. */
  @Column({ name: 'legacy_id', type: 'char', length: 15, charset: 'ascii', collation: 'ascii_bin' })
  legacyId!: string;

  @Column({ type: 'varchar', length: 255 })
  name!: string;

  /** Registered addresses, current first, then former ones. */
  @Column({ type: 'json' })
  addresses!: string[];

  @Column({ name: 'registration_record_id', type: 'bigint', unsigned: true })
  registrationRecordId!: string;
}
