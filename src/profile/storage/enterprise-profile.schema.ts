import { EntitySchema, type EntitySchemaColumnOptions } from 'typeorm';
import { PROFILE_FIELDS } from '../catalog/catalog';
import { columnOf } from './profile-columns';

/** Columns every profile row has besides the catalog's fields. */
export const PROFILE_META_COLUMNS = ['uscc', 'as_of', 'catalog_version', 'computed_at', 'last_run_id', 'created_at'] as const;

/**
 * `enterprise_profile`: one row per enterprise, the current profile. Its field columns are generated
 * from the catalog, so this mapping (and, through the drift test, the migration) cannot disagree
 * with it. Rows are read and written with set-based SQL, not through a repository.
 */
export const EnterpriseProfileSchema = new EntitySchema<Record<string, unknown>>({
  name: 'EnterpriseProfile',
  tableName: 'enterprise_profile',
  columns: {
    uscc: { type: 'char', length: 18, charset: 'ascii', collation: 'ascii_bin', primary: true },
    as_of: { type: 'date' },
    catalog_version: { type: 'char', length: 12, charset: 'ascii', collation: 'ascii_bin' },
    computed_at: { type: 'datetime', precision: 3 },
    last_run_id: { type: 'bigint', unsigned: true, nullable: true },
    created_at: { type: 'datetime', precision: 3 },
    ...Object.fromEntries(
      PROFILE_FIELDS.map((f): [string, EntitySchemaColumnOptions] => {
        const c = columnOf(f);
        return [c.name, { type: c.type, length: c.length, precision: c.precision, scale: c.scale, charset: c.charset, collation: c.collation, nullable: true }];
      }),
    ),
  },
});
