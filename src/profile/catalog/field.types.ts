import type { DeriveContext } from '../derive/derive-context';
import type { Derived } from '../derive/derived';

/**
 * How a profile field's value is typed. Each type fixes the JS value, the storage column and the
 * GraphQL scalar, so a field declares only its type:
 * - `integer`: whole number (counts, months, days);
 * - `decimal`: number with `scale` decimal places (default 2), e.g. kWh, m³, 万元 shares;
 * - `money`: integer CNY fen (分), never a float;
 * - `ratio`: unitless number with `scale` places (default 4): shares, growth rates, coefficients;
 * - `date`: `YYYY-MM-DD` (China Standard Time calendar date);
 * - `boolean`;
 * - `enum`: one of `values`;
 * - `string`: free text up to `maxLength` characters (default 255);
 * - `code`: an identifier or classification code (ASCII), up to `maxLength` (default 32).
 */
export const FIELD_TYPES = ['integer', 'decimal', 'money', 'ratio', 'date', 'boolean', 'enum', 'string', 'code'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** Sections of the profile, in the order a credit officer reads them. */
export const SECTIONS = [
  'identity',
  'governance',
  'compliance',
  'tax',
  'electricity',
  'water',
  'intellectual_property',
  'talent',
  'financing',
  'derived',
] as const;
export type SectionKey = (typeof SECTIONS)[number];

/**
 * Where a value comes from: an upstream connector, other profile fields, or `financing`: the events
 * institutions record through the API (financing_event).
 */
export const FIELD_SOURCES = ['market-regulation', 'tax', 'utility', 'patent', 'profile', 'financing'] as const;
export type FieldSource = (typeof FIELD_SOURCES)[number];

/** A field's value as computed: numbers for integer/decimal/money/ratio, strings for dates, enums, codes and text. */
export type FieldValue = number | string | boolean | null;

/** What a section file declares per field. */
export interface FieldSpec {
  /** Stable snake_case key; also the storage column and the GraphQL field name (camelCased there). */
  readonly key: string;
  readonly type: FieldType;
  /** Unit of the value, e.g. `CNY fen`, `kWh`, `m³`, `months`, `days`, `count`; null when unitless. */
  readonly unit: string | null;
  /** For `enum`: every value the field can take. */
  readonly values?: readonly string[];
  /** For `decimal` / `ratio`: decimal places kept (defaults 2 / 4). */
  readonly scale?: number;
  /** For `string` / `code`: longest value in characters. */
  readonly maxLength?: number;
  /** 中文说明, as a credit officer would read it. */
  readonly zh: string;
  /** English description. */
  readonly en: string;
  readonly sources: readonly FieldSource[];
  /** Which records, which window (relative to the as-of date), which formula. */
  readonly derivation: string;
  /** What a null value means for this field: unknown (no data) vs. none/not applicable. */
  readonly nullMeans: string;
  /** Computes the value, with the source records it came from, for one enterprise as of a date. */
  readonly derive: (ctx: DeriveContext) => Derived;
}

/** A catalog field: its spec plus the section it belongs to. */
export interface FieldDef extends FieldSpec {
  readonly section: SectionKey;
}
