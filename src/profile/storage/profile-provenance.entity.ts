import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Where each value of an enterprise's current profile came from. `fields` maps a field key to
 * `[sources, record set index or -1, observed at]`; `recordSets` lists the distinct sets of
 * `raw_record` ids those values were computed from (many fields share one set, e.g. the last 12
 * months of declarations), so a profile's provenance stays a few kilobytes.
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
