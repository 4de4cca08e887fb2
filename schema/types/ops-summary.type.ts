import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { QuarantineCount } from '../../src/ops/run-queries';
import type { QueueCounts } from '../../src/jobs/sync-queues';

/** GraphQL names are UPPER_SNAKE; the values are the stored ones. */
export enum QuarantineStatusGql {
  OPEN = 'open',
  RESOLVED = 'resolved',
  IGNORED = 'ignored',
}
registerEnumType(QuarantineStatusGql, {
  name: 'QuarantineStatus',
  description: '`OPEN` waits for a steward; `RESOLVED` was fixed (by a steward, a retry, or a valid version arriving); `IGNORED` was set aside by a steward.',
});

@ObjectType('QuarantineCount', { description: 'Quarantined records of one stream with one reason and status.' })
export class QuarantineCountType {
  @Field(() => String) connector!: string;
  @Field(() => String) stream!: string;
  @Field(() => String) reasonCode!: string;
  @Field(() => QuarantineStatusGql) status!: QuarantineStatusGql;
  @Field(() => Int) count!: number;

  static from(c: QuarantineCount): QuarantineCountType {
    return Object.assign(new QuarantineCountType(), { ...c, status: c.status as QuarantineStatusGql });
  }
}

export enum QueueKindGql {
  SYNC = 'sync',
  PROFILE = 'profile',
}
registerEnumType(QueueKindGql, { name: 'QueueKind', description: '`SYNC`: one connector’s sync jobs; `PROFILE`: resolution and profile refreshes for the whole hub.' });

@ObjectType('QueueCounts', { description: 'Live job counts of one BullMQ queue.' })
export class QueueCountsType {
  @Field(() => String) queue!: string;
  @Field(() => QueueKindGql) kind!: QueueKindGql;
  @Field(() => String, { nullable: true, description: 'The connector of a sync queue; null for the profile queue.' }) connector!: string | null;
  @Field(() => Int, { description: 'Jobs waiting for a worker (prioritized ones included); a paused queue keeps them here.' }) waiting!: number;
  @Field(() => Int) active!: number;
  @Field(() => Int, { description: 'Jobs waiting for a time: backoff before a retry, or a scheduler’s next run.' }) delayed!: number;
  @Field(() => Int, { description: 'Failed jobs kept in the history (JOB_KEEP_FAILED).' }) failed!: number;
  @Field(() => Int, { description: 'Completed jobs kept in the history (JOB_KEEP_COMPLETED).' }) completed!: number;
  @Field(() => Boolean, { description: 'Whether a steward paused the queue: workers take none of its jobs.' }) paused!: boolean;

  static from(c: QueueCounts, connector: string | null): QueueCountsType {
    return Object.assign(new QueueCountsType(), { ...c, connector, kind: connector === null ? QueueKindGql.PROFILE : QueueKindGql.SYNC });
  }
}

@ObjectType('Health')
export class HealthType {
  @Field(() => Boolean) database!: boolean;
  @Field(() => Boolean) redis!: boolean;
  @Field(() => String) version!: string;
}
