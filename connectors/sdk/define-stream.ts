import type { z } from 'zod';
import type { StreamDefinition } from './connector';

/** Keys of `T` whose values are strings: the only fields that can serve as an id. */
type StringKeys<T> = { [K in keyof T]-?: T[K] extends string ? K : never }[keyof T] & string;

export interface StreamSpec<TRecord extends { updated_at: string }, K extends StringKeys<TRecord>> {
  /** snake_case, unique within the connector; also the upstream path segment. */
  name: string;
  description: string;
  schema: z.ZodType<TRecord>;
  /** The field holding the record's id at the source (a single-field primary key). */
  idField: K;
  /** Cron for the stream's job scheduler, five fields, e.g. `15 * * * *`. */
  defaultSchedule: string;
  /**
   * Applied to the id read from an unvalidated record, so a quarantined record carries the same id
   * its valid versions get (e.g. an upper-cased USCC). Default: trim.
   */
  normalizeRawId?: (id: string) => string;
}

const CRON_FIELD = /^[\d*/,-]+$/;

/**
 * Declares a stream of records identified by one string field and ordered upstream by `updated_at`,
 * the shape every sandbox agency uses. Streams that differ can implement `StreamDefinition` directly.
 */
export function defineStream<TRecord extends { updated_at: string }, K extends StringKeys<TRecord>>(
  spec: StreamSpec<TRecord, K>,
): StreamDefinition<TRecord> {
  const { name, idField } = spec;
  if (!/^[a-z][a-z0-9_]*$/.test(name)) throw new Error(`stream name '${name}' must be snake_case`);
  const cronFields = spec.defaultSchedule.trim().split(/\s+/);
  if (cronFields.length !== 5 || !cronFields.every((f) => CRON_FIELD.test(f))) {
    throw new Error(`stream '${name}': defaultSchedule '${spec.defaultSchedule}' is not a five-field cron pattern`);
  }
  const normalize = spec.normalizeRawId ?? ((id: string) => id.trim());
  return {
    name,
    description: spec.description,
    cursorField: 'updated_at',
    primaryKey: [idField],
    schema: spec.schema,
    defaultSchedule: spec.defaultSchedule,
    externalId: (record) => record[idField] as string,
    updatedAt: (record) => new Date(record.updated_at),
    rawExternalId: (raw) => {
      if (raw === null || typeof raw !== 'object') return null;
      const value = (raw as Record<string, unknown>)[idField];
      if (typeof value === 'number' && Number.isFinite(value)) return String(value);
      if (typeof value !== 'string') return null;
      const id = normalize(value);
      return id === '' ? null : id;
    },
  };
}

/** The stream called `name`, or an error listing the ones that exist. */
export function findStream<S extends { readonly name: string }>(streams: readonly S[], name: string, owner: string): S {
  const stream = streams.find((s) => s.name === name);
  if (stream === undefined) {
    throw new RangeError(`${owner} has no stream '${name}' (streams: ${streams.map((s) => s.name).join(', ')})`);
  }
  return stream;
}
