import { registerEnumType } from 'type-graphql';
import { FIELD_TYPES, type FieldType } from '../../../src/profile/catalog/field.types';

/** The catalog's field types as a GraphQL enum: `money` ↔ `MONEY`. */
export const ProfileFieldTypeGql = Object.fromEntries(FIELD_TYPES.map((t) => [t.toUpperCase(), t])) as { [K in FieldType as Uppercase<K>]: K };

registerEnumType(ProfileFieldTypeGql, {
  name: 'ProfileFieldType',
  description:
    'How a profile value is typed: INTEGER (Int), DECIMAL and RATIO (Float), MONEY (integer CNY fen, SafeInt), DATE (LocalDate), BOOLEAN, ENUM (a generated enum per field), STRING and CODE (String).',
});
