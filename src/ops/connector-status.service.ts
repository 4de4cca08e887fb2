import type { DataSource } from 'typeorm';
import { ConnectorRunEntity } from '../db/entities/connector-run.entity';
import { StreamStateEntity } from '../db/entities/stream-state.entity';
import type { ConnectorCatalog } from '../ingest/connector-catalog';
import { desiredSchedules } from '../jobs/schedule-reconciler';
import type { HubConfig } from '../config/config';

export interface StreamStatus {
  connector: string;
  name: string;
  description: string;
  cursorField: string;
  primaryKey: readonly string[];
  schedule: string;
  cursor: string | null;
  stateUpdatedAt: Date | null;
  lastRun: ConnectorRunEntity | null;
}

export interface ConnectorStatus {
  id: string;
  title: string;
  streams: StreamStatus[];
}

/**
 * Every connector with its streams, schedule, saved position and latest run: two statements in all,
 * however many streams there are.
 */
export async function connectorStatuses(db: DataSource, catalog: ConnectorCatalog, config: HubConfig): Promise<ConnectorStatus[]> {
  const states = await db.getRepository(StreamStateEntity).find();
  const latest = await db
    .getRepository(ConnectorRunEntity)
    .createQueryBuilder('r')
    .where('r.id IN (SELECT MAX(x.id) FROM connector_run x GROUP BY x.connector, x.stream)')
    .getMany();
  const key = (c: string, s: string) => `${c}/${s}`;
  const stateBy = new Map(states.map((s) => [key(s.connector, s.stream), s]));
  const runBy = new Map(latest.map((r) => [key(r.connector, r.stream), r]));
  const scheduleBy = new Map(desiredSchedules(config, catalog.all()).map((d) => [key(d.connector, d.stream), d.pattern]));
  return catalog.all().map((c) => ({
    id: c.id,
    title: c.title,
    streams: c.streams.map((s) => {
      const k = key(c.id, s.name);
      const state = stateBy.get(k);
      return {
        connector: c.id,
        name: s.name,
        description: s.description,
        cursorField: s.cursorField,
        primaryKey: s.primaryKey,
        schedule: scheduleBy.get(k) ?? s.defaultSchedule,
        cursor: state?.cursorValue ?? null,
        stateUpdatedAt: state?.updatedAt ?? null,
        lastRun: runBy.get(k) ?? null,
      };
    }),
  }));
}
