import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One read of one enterprise's profile: who, which sections were served or withheld, why, when. */
@Entity({ name: 'access_log' })
@Index('ix_access_log_uscc', ['uscc', 'at'])
@Index('ix_access_log_institution', ['institutionId', 'at'])
export class AccessLogEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', unsigned: true })
  id!: string;

  @Column({ type: 'datetime', precision: 3 })
  at!: Date;

  @Column({ name: 'api_key_id', type: 'int', unsigned: true, nullable: true })
  apiKeyId!: number | null;

  @Column({ name: 'principal_name', type: 'varchar', length: 128 })
  principalName!: string;

  @Column({ type: 'varchar', length: 16, charset: 'ascii', collation: 'ascii_bin' })
  role!: string;

  @Column({ name: 'institution_id', type: 'int', unsigned: true, nullable: true })
  institutionId!: number | null;

  @Column({ type: 'char', length: 18, charset: 'ascii', collation: 'ascii_bin' })
  uscc!: string;

  /** Comma-separated sections served. */
  @Column({ type: 'varchar', length: 512, charset: 'ascii', collation: 'ascii_bin' })
  sections!: string;

  /** Comma-separated sections withheld for want of consent. */
  @Column({ type: 'varchar', length: 512, charset: 'ascii', collation: 'ascii_bin' })
  withheld!: string;

  /** Purposes of the consents that opened the sections served; `public` when none did. */
  @Column({ type: 'varchar', length: 255, charset: 'ascii', collation: 'ascii_bin' })
  purpose!: string;

  /** What read it: the GraphQL operation name, or `anonymous`. */
  @Column({ type: 'varchar', length: 128 })
  operation!: string;
}
