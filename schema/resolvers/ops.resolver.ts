import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import { connectorStatuses } from '../../src/ops/connector-status.service';
import { quarantineCounts, recentRuns } from '../../src/ops/run-queries';
import type { GraphqlContext } from '../context';
import { ConnectorRunType, RunStatusGql } from '../types/connector-run.type';
import { ConnectorType } from '../types/connector.type';
import { HealthType, QuarantineCountType, QuarantineStatusGql, QueueCountsType } from '../types/ops-summary.type';
import { version } from '../../package.json';

/** Read-only views for data stewards watching the connectors. Resolvers only parse and delegate. */
@Resolver()
export class OpsResolver {
  @Query(() => HealthType, { description: 'Whether the database and Redis answer.' })
  async health(@Ctx() { runtime }: GraphqlContext): Promise<HealthType> {
    const database = await runtime.db.query('SELECT 1').then(() => true, () => false);
    const redis = await runtime.queues.redis.ping().then((p) => p === 'PONG', () => false);
    return Object.assign(new HealthType(), { database, redis, version });
  }

  @Authorized('STEWARD', 'ADMIN')
  @Query(() => [ConnectorType], { description: 'Every connector with its streams, schedules, cursors and latest runs.' })
  async connectors(@Ctx() { runtime }: GraphqlContext): Promise<ConnectorType[]> {
    return (await connectorStatuses(runtime.db, runtime.catalog, runtime.config)).map(ConnectorType.from);
  }

  @Authorized('STEWARD', 'ADMIN')
  @Query(() => [ConnectorRunType], { description: 'Recent sync runs, newest first.' })
  async connectorRuns(
    @Ctx() { runtime }: GraphqlContext,
    @Arg('connector', () => String, { nullable: true }) connector?: string,
    @Arg('stream', () => String, { nullable: true }) stream?: string,
    @Arg('status', () => RunStatusGql, { nullable: true }) status?: RunStatusGql,
    @Arg('first', () => Int, { defaultValue: 20 }) first = 20,
  ): Promise<ConnectorRunType[]> {
    if (first < 1 || first > 100) throw new RangeError('first must be from 1 to 100');
    return (await recentRuns(runtime.db, { connector, stream, status, limit: first })).map(ConnectorRunType.from);
  }

  @Authorized('STEWARD', 'ADMIN')
  @Query(() => [QuarantineCountType], { description: 'Quarantined records counted by stream and reason.' })
  async quarantineSummary(
    @Ctx() { runtime }: GraphqlContext,
    @Arg('status', () => QuarantineStatusGql, { defaultValue: QuarantineStatusGql.open }) status: QuarantineStatusGql,
  ): Promise<QuarantineCountType[]> {
    return (await quarantineCounts(runtime.db, status)).map((c) => Object.assign(new QuarantineCountType(), c));
  }

  @Authorized('STEWARD', 'ADMIN')
  @Query(() => [QueueCountsType], { description: 'Live job counts per connector queue.' })
  async queues(@Ctx() { runtime }: GraphqlContext): Promise<QueueCountsType[]> {
    return (await runtime.queues.counts()).map((c) => Object.assign(new QueueCountsType(), c));
  }
}
