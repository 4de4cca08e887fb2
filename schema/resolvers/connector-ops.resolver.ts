import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { HubError } from '../../src/errors/hub-error';
import { connectorStatuses } from '../../src/ops/connector-status.service';
import { findRun, pageRuns, parseRowId } from '../../src/ops/run-queries';
import { pauseConnector, resetStreamSchedule, resumeConnector, setStreamSchedule, triggerSync } from '../../src/ops/sync-control.service';
import type { GraphqlContext } from '../context';
import { toConnection, type Connection } from '../pagination/connection.type';
import { decodeCursor, encodeCursor, pageSize } from '../pagination/page-args';
import { ConnectorRunConnection, ConnectorRunType, RunStatusGql } from '../types/connector-run.type';
import { ConnectorType, StreamScheduleType } from '../types/connector.type';
import { QueueCountsType } from '../types/ops-summary.type';
import { TriggeredSyncType } from '../types/ops/sync-control.type';

const RUN_CURSOR = 'connectorRuns';

const principalName = (ctx: GraphqlContext): string => {
  if (ctx.principal === null) throw new HubError('UNAUTHENTICATED', 'this field needs an API key: send "Authorization: Bearer <key>"');
  return ctx.principal.name;
};

/** Connectors, their runs and schedules, and the steward's controls over them. STEWARD or ADMIN throughout. */
@Resolver()
export class ConnectorOpsResolver {
  @Authorized('STEWARD', 'ADMIN')
  @Query(() => [ConnectorType], { description: 'Every connector with its streams, schedules, next runs, latest runs, freshness and queue. STEWARD or ADMIN.' })
  async connectors(@Ctx() { runtime }: GraphqlContext): Promise<ConnectorType[]> {
    const now = new Date();
    return (await connectorStatuses(runtime)).map((c) => ConnectorType.from(c, now));
  }

  @Authorized('STEWARD', 'ADMIN')
  @Query(() => ConnectorRunConnection, { description: 'Sync runs, newest first. `first` is 1–100 (default 20). STEWARD or ADMIN.' })
  async connectorRuns(
    @Ctx() { runtime }: GraphqlContext,
    @Arg('connector', () => String, { nullable: true }) connector?: string | null,
    @Arg('stream', () => String, { nullable: true, description: 'Only together with `connector`.' }) stream?: string | null,
    @Arg('status', () => RunStatusGql, { nullable: true }) status?: RunStatusGql | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<Connection<ConnectorRunType>> {
    const limit = pageSize(first);
    const cursor = decodeCursor(RUN_CURSOR, after, 1);
    // Unknown names are BAD_USER_INPUT listing the known ones, rather than an empty page.
    if (connector) runtime.catalog.targets(connector, stream ?? undefined);
    else if (stream) throw new HubError('BAD_USER_INPUT', 'stream is named only together with its connector', { details: { argument: 'stream' } });
    const { rows, total } = await pageRuns(runtime.db, {
      connector: connector ?? undefined,
      stream: stream ?? undefined,
      status: status ?? undefined,
      fetch: limit + 1,
      beforeId: cursor ? String(cursor[0]) : null,
    });
    return toConnection(rows.map(ConnectorRunType.from), limit, total, (r) => encodeCursor(RUN_CURSOR, [r.id]));
  }

  @Authorized('STEWARD', 'ADMIN')
  @Query(() => ConnectorRunType, { nullable: true, description: 'One sync run; null when there is none with this id. STEWARD or ADMIN.' })
  async connectorRun(@Ctx() { runtime }: GraphqlContext, @Arg('id', () => ID) id: string): Promise<ConnectorRunType | null> {
    const run = await findRun(runtime.db, parseRowId(id, 'id'));
    return run ? ConnectorRunType.from(run) : null;
  }

  @Authorized('STEWARD', 'ADMIN')
  @Mutation(() => [TriggeredSyncType], {
    description:
      'Enqueues a sync (trigger API) of one stream, or of every stream of the connector. A stream whose sync is already waiting or running is not enqueued twice. STEWARD or ADMIN.',
  })
  async triggerSync(
    @Ctx() { runtime }: GraphqlContext,
    @Arg('connector', () => String) connector: string,
    @Arg('stream', () => String, { nullable: true }) stream?: string | null,
  ): Promise<TriggeredSyncType[]> {
    return (await triggerSync(runtime, connector, stream)).map(TriggeredSyncType.from);
  }

  @Authorized('STEWARD', 'ADMIN')
  @Mutation(() => QueueCountsType, { description: 'Pauses the connector’s queue: no job of it starts (scheduled ones wait) until resumeConnector. STEWARD or ADMIN.' })
  async pauseConnector(@Ctx() { runtime }: GraphqlContext, @Arg('connector', () => String) connector: string): Promise<QueueCountsType> {
    return QueueCountsType.from(await pauseConnector(runtime, connector), connector);
  }

  @Authorized('STEWARD', 'ADMIN')
  @Mutation(() => QueueCountsType, { description: 'Resumes a paused connector’s queue. STEWARD or ADMIN.' })
  async resumeConnector(@Ctx() { runtime }: GraphqlContext, @Arg('connector', () => String) connector: string): Promise<QueueCountsType> {
    return QueueCountsType.from(await resumeConnector(runtime, connector), connector);
  }

  @Authorized('STEWARD', 'ADMIN')
  @Mutation(() => StreamScheduleType, {
    description: 'Gives a stream its own cron (5 or 6 fields, read in the schedule’s time zone), kept across restarts until resetStreamSchedule. STEWARD or ADMIN.',
  })
  async setStreamSchedule(
    @Ctx() ctx: GraphqlContext,
    @Arg('connector', () => String) connector: string,
    @Arg('stream', () => String) stream: string,
    @Arg('cron', () => String) cron: string,
  ): Promise<StreamScheduleType> {
    const schedule = await setStreamSchedule(ctx.runtime, { connector, stream }, cron, principalName(ctx));
    return StreamScheduleType.fromDesired(schedule, schedule);
  }

  @Authorized('STEWARD', 'ADMIN')
  @Mutation(() => StreamScheduleType, { description: 'Drops a stream’s own cron: back to CONNECTOR_SCHEDULES or the stream’s default. STEWARD or ADMIN.' })
  async resetStreamSchedule(
    @Ctx() { runtime }: GraphqlContext,
    @Arg('connector', () => String) connector: string,
    @Arg('stream', () => String) stream: string,
  ): Promise<StreamScheduleType> {
    const schedule = await resetStreamSchedule(runtime, { connector, stream });
    return StreamScheduleType.fromDesired(schedule, schedule);
  }
}
