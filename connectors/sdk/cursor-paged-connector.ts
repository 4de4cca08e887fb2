import { z } from 'zod';
import type { CheckResult, Connector, ConnectorModule, ConnectorSettings, Page, ReadOptions, StreamDefinition, StreamState } from './connector';
import { readCursorPages } from './cursor-paged-reader';
import { findStream } from './define-stream';

export interface CursorPagedSource {
  /** Equal to the connector's folder name. */
  id: string;
  title: string;
  streams: readonly StreamDefinition<any>[];
}

const healthSchema = z.object({ ok: z.literal(true), agency: z.string() });

/**
 * A connector for an upstream that serves each stream at `<baseUrl>/<stream>` with the
 * `limit` / `since` / `next_cursor` / `has_more` envelope and answers `GET <baseUrl>/health`.
 * A source with another API implements `Connector` itself.
 */
export class CursorPagedConnector implements Connector {
  readonly id: string;
  readonly title: string;
  readonly streams: readonly StreamDefinition<any>[];
  private readonly baseUrl: string;

  constructor(
    source: CursorPagedSource,
    private readonly settings: ConnectorSettings,
  ) {
    this.id = source.id;
    this.title = source.title;
    this.streams = source.streams;
    this.baseUrl = settings.baseUrl.replace(/\/+$/, '');
  }

  async check(): Promise<CheckResult> {
    try {
      const health = healthSchema.safeParse(await this.settings.http.getJson(`${this.baseUrl}/health`));
      if (!health.success) return { ok: false, message: `${this.baseUrl}/health did not answer {"ok": true}` };
      return { ok: true, message: `${health.data.agency} answers at ${this.baseUrl}` };
    } catch (error) {
      return { ok: false, message: error instanceof Error ? error.message : String(error) };
    }
  }

  async *read(stream: string, state: StreamState, options: ReadOptions): AsyncGenerator<Page> {
    const { name } = findStream(this.streams, stream, this.id);
    yield* readCursorPages({ http: this.settings.http, url: `${this.baseUrl}/${name}`, state, pageSize: options.pageSize, signal: options.signal });
  }
}

/** The module a connector folder exports for a cursor-paged upstream. */
export function cursorPagedConnectorModule(source: CursorPagedSource): ConnectorModule {
  return { id: source.id, title: source.title, create: (settings) => new CursorPagedConnector(source, settings) };
}
