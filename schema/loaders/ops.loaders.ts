import DataLoader from 'dataloader';
import type { ConnectorRunEntity } from '../../src/db/entities/connector-run.entity';
import { runsByIds } from '../../src/ops/run-queries';
import type { LoaderScope } from './request-loaders';

/** Sync runs by id, for the `run` of each quarantined record on a page: one statement per page. */
export const connectorRunLoader = ({ runtime }: LoaderScope) =>
  new DataLoader<string, ConnectorRunEntity | null>(async (ids) => {
    const rows = await runsByIds(runtime.db, ids);
    const byId = new Map(rows.map((r) => [String(r.id), r]));
    return ids.map((id) => byId.get(id) ?? null);
  });
