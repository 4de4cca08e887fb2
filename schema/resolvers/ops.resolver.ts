import { Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { allQueueCounts } from '../../src/ops/sync-control.service';
import type { GraphqlContext } from '../context';
import { HealthType, QueueCountsType } from '../types/ops-summary.type';
import { version } from '../../package.json';

/** Liveness for anyone, and live queue counts for stewards. Resolvers only parse and delegate. */
@Resolver()
export class OpsResolver {
  @Query(() => HealthType, { description: 'Whether the database and Redis answer. Open without a key.' })
  async health(@Ctx() { runtime }: GraphqlContext): Promise<HealthType> {
    const database = await runtime.db.query('SELECT 1').then(() => true, () => false);
    const redis = await runtime.queues.redis.ping().then((p) => p === 'PONG', () => false);
    return Object.assign(new HealthType(), { database, redis, version });
  }

  @Authorized('STEWARD', 'ADMIN')
  @Query(() => [QueueCountsType], { description: 'Live job counts of every connector’s sync queue, then the profile queue. STEWARD or ADMIN.' })
  async queues(@Ctx() { runtime }: GraphqlContext): Promise<QueueCountsType[]> {
    return (await allQueueCounts(runtime)).map((c) => QueueCountsType.from(c, c.connector));
  }
}
