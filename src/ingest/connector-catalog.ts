import type { Connector, ConnectorModule } from '../../connectors/sdk/connector';
import { HttpClient } from '../../connectors/sdk/http-client';
import { loadConnectorModules } from '../../connectors/registry';
import type { HubConfig } from '../config/config';
import { HubError } from '../errors/hub-error';

export interface StreamTarget {
  connector: string;
  stream: string;
}

/** The connectors this hub runs, built once per process from the folders under `connectors/`. */
export class ConnectorCatalog {
  private readonly byId: Map<string, Connector>;

  constructor(
    connectors: readonly Connector[],
    private readonly http: HttpClient,
  ) {
    this.byId = new Map(connectors.map((c) => [c.id, c]));
  }

  static fromConfig(config: HubConfig, modules: readonly ConnectorModule[] = loadConnectorModules()): ConnectorCatalog {
    const http = new HttpClient({ timeoutMs: config.connectors.http.timeoutMs, retries: config.connectors.http.retries });
    return new ConnectorCatalog(
      modules.map((m) => m.create({ baseUrl: config.connectors.baseUrl(m.id), http })),
      http,
    );
  }

  all(): Connector[] {
    return [...this.byId.values()];
  }

  get(id: string): Connector {
    const connector = this.byId.get(id);
    if (!connector) throw new HubError('UNKNOWN_CONNECTOR', `no connector '${id}' (connectors: ${[...this.byId.keys()].join(', ')})`);
    return connector;
  }

  /** All streams, one connector's streams, or one stream; unknown names are errors that list the known ones. */
  targets(connector?: string, stream?: string): StreamTarget[] {
    if (stream && !connector) throw new HubError('BAD_USER_INPUT', 'a stream is named only together with its connector');
    const connectors = connector ? [this.get(connector)] : this.all();
    return connectors.flatMap((c) => {
      if (stream && !c.streams.some((s) => s.name === stream)) {
        throw new HubError('UNKNOWN_STREAM', `connector ${c.id} has no stream '${stream}' (streams: ${c.streams.map((s) => s.name).join(', ')})`);
      }
      return c.streams.filter((s) => !stream || s.name === stream).map((s) => ({ connector: c.id, stream: s.name }));
    });
  }

  async close(): Promise<void> {
    await this.http.close();
  }
}
