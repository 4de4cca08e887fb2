import type { ColumnType } from 'typeorm';
import type { FieldDef } from '../catalog/field.types';

/**
 * How each catalog field is stored: one nullable column named after its key in `enterprise_profile`.
 * The column follows from the field's type alone, so the entity, the migration and the documentation
 * agree with the catalog by construction (a test checks the migration).
 */
export interface ColumnSpec {
  readonly name: string;
  /** TypeORM column type. */
  readonly type: ColumnType;
  readonly length?: number;
  readonly precision?: number;
  readonly scale?: number;
  readonly charset?: string;
  readonly collation?: string;
  /** The column as MariaDB/MySQL DDL spells it (without NULL/NOT NULL). */
  readonly ddl: string;
}

export const DEFAULT_SCALE = { decimal: 2, ratio: 4 } as const;
export const DEFAULT_LENGTH = { string: 255, code: 32, enum: 32 } as const;
/** Above this many characters a string field is stored as TEXT (row size limits). */
const LONGEST_VARCHAR = 512;

export function columnOf(field: FieldDef): ColumnSpec {
  const name = field.key;
  switch (field.type) {
    case 'integer':
      return { name, type: 'int', ddl: 'int' };
    case 'money':
      return { name, type: 'bigint', ddl: 'bigint' };
    case 'decimal':
    case 'ratio': {
      const scale = field.scale ?? DEFAULT_SCALE[field.type];
      const precision = 18 + scale;
      return { name, type: 'decimal', precision, scale, ddl: `decimal(${precision},${scale})` };
    }
    case 'date':
      return { name, type: 'date', ddl: 'date' };
    case 'boolean':
      return { name, type: 'tinyint', ddl: 'tinyint' };
    case 'enum':
    case 'code': {
      const length = field.maxLength ?? (field.type === 'enum' ? Math.max(...(field.values ?? ['']).map((v) => v.length), 1) : DEFAULT_LENGTH.code);
      return { name, type: 'varchar', length, charset: 'ascii', collation: 'ascii_bin', ddl: `varchar(${length}) CHARACTER SET ascii COLLATE ascii_bin` };
    }
    case 'string': {
      const length = field.maxLength ?? DEFAULT_LENGTH.string;
      return length > LONGEST_VARCHAR ? { name, type: 'text', ddl: 'text' } : { name, type: 'varchar', length, ddl: `varchar(${length})` };
    }
  }
}
