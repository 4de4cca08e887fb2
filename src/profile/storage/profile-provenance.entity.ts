import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Where each value of an enterprise's current profile came from (see `provenance.ts`): `fields` maps
 * a field key to an index into `recordSets`, the distinct sets of `raw_record` ids with their
 * connectors and newest update time, so a profile's provenance stays a few kilobytes.
 */
@Entity({ name: 'profile_provenance' })
export class ProfileProvenanceEntity {
  @PrimaryColumn({ type: 'char', length: 18, charset: 'ascii', collation: 'ascii_bin' })
  uscc!: string;

  @Column({ name: 'catalog_version', type: 'char', length: 12, charset: 'ascii', collation: 'ascii_bin' })
  catalogVersion!: string;

  @Column({ name: 'computed_at', type: 'datetime', precision: 3 })
  computedAt!: Date;

  @Column({ type: 'longtext' })
  fields!: string;

  @Column({ name: 'record_sets', type: 'longtext' })
  recordSets!: string;
}
