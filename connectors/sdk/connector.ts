import type { z } from 'zod';
import type { HttpClient } from './http-client';

/**
 * The contract every upstream source implements. A connector knows its agency's API and record
 * shapes; it knows nothing of storage, queues, GraphQL or scoring. The hub's sync engine drives it:
 * `read()` from the saved state, validate each record against the stream's schema, upsert the valid
 * ones, quarantine the rest, and commit `nextState` in the same transaction as the page it covers.
 */

/** Opaque per-stream position. `cursor` is whatever the upstream hands back to continue from. */
export interface StreamState {
  cursor: string | null;
}

export interface StreamDefinition<TRecord = unknown> {
  /** snake_case, unique within the connector, e.g. `declarations`. */
  readonly name: string;
  readonly description: string;
  /** Dotted path of the field that orders incremental reads upstream, e.g. `updated_at`. */
  readonly cursorField: string;
  /** Field name(s) that make up the record's identity upstream; documentation of `externalId`. */
  readonly primaryKey: readonly string[];
  /** Validates one upstream record. Issues become quarantine reason codes (see `validate.ts`). */
  readonly schema: z.ZodType<TRecord>;
  /** The record's id at the source (unique within the stream), from a validated record. */
  externalId(record: TRecord): string;
  /** The record's own change time at the source, from a validated record. */
  updatedAt(record: TRecord): Date;
  /** Best-effort id of an unvalidated payload, so a quarantined record can be traced. */
  rawExternalId(raw: unknown): string | null;
  /** Default cron for this stream's job scheduler; config may override it. */
  readonly defaultSchedule: string;
}

/** One page of upstream records, and the state to save once the page is stored. */
export interface Page {
  readonly records: readonly unknown[];
  readonly nextState: StreamState;
  /** Whether the upstream said more records follow right now. */
  readonly hasMore: boolean;
}

export interface CheckResult {
  ok: boolean;
  message: string;
}

export interface ReadOptions {
  /** Records per page requested from the upstream. */
  pageSize: number;
  /** Aborted when the worker is asked to stop; the connector stops before the next request. */
  signal?: AbortSignal;
}

export interface Connector {
  /** kebab-case id, equal to its folder name under `connectors/`, e.g. `market-regulation`. */
  readonly id: string;
  readonly title: string;
  readonly streams: readonly StreamDefinition<any>[];
  /** Verifies that the upstream answers and accepts our credentials. */
  check(): Promise<CheckResult>;
  /** Pages of records after `state`, ascending by the stream's cursor, until the upstream has no more. */
  read(stream: string, state: StreamState, options: ReadOptions): AsyncGenerator<Page>;
}

export interface ConnectorSettings {
  /** Base URL of this source's API, e.g. `http://127.0.0.1:4100/tax`. */
  baseUrl: string;
  http: HttpClient;
}

/** What a connector folder's `index.ts` exports as `default`. */
export interface ConnectorModule {
  readonly id: string;
  readonly title: string;
  create(settings: ConnectorSettings): Connector;
}
