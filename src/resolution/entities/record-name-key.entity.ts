import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The name keys a name-resolved record (utility account, patent) depends on, so that a registry
 * name that arrives or changes later re-resolves exactly the records it can affect.
 */
@Entity({ name: 'record_name_key' })
@Index('ix_record_name_key_key', ['nameKey'])
@Index('ix_record_name_key_core', ['corePrefix'])
export class RecordNameKeyEntity {
  @PrimaryColumn({ name: 'raw_record_id', type: 'bigint', unsigned: true })
  rawRecordId!: string;

  @PrimaryColumn({ name: 'name_key', type: 'varchar', length: 191, collation: 'utf8mb4_bin' })
  nameKey!: string;

  @Column({ name: 'core_prefix', type: 'varchar', length: 8, collation: 'utf8mb4_bin' })
  corePrefix!: string;
}
