import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { ScheduleSource, StreamSchedule } from '../../src/jobs/schedule-reconciler';
import type { ConnectorStatus, StreamFreshness, StreamScheduleStatus, StreamStatus } from '../../src/ops/connector-status.service';
import { ConnectorRunType } from './connector-run.type';
import { QueueCountsType } from './ops-summary.type';

export enum ScheduleSourceGql {
  DEFAULT = 'default',
  CONFIG = 'config',
  OVERRIDE = 'override',
}
registerEnumType(ScheduleSourceGql, {
  name: 'ScheduleSource',
  description: 'Where a stream’s cron comes from: `DEFAULT` (the stream’s own), `CONFIG` (CONNECTOR_SCHEDULES), `OVERRIDE` (a steward’s, via setStreamSchedule).',
});

@ObjectType('StreamSchedule', { description: 'A stream’s cron and its job scheduler.' })
export class StreamScheduleType {
  @Field(() => String) connector!: string;
  @Field(() => String) stream!: string;
  @Field(() => String, { description: 'Cron of 5 or 6 fields.' }) cron!: string;
  @Field(() => String, { description: 'IANA time zone the cron is read in.' }) timezone!: string;
  @Field(() => ScheduleSourceGql) source!: ScheduleSource;
  @Field(() => Boolean, { description: 'Whether the default or configured cron applies (no steward override).' }) isDefault!: boolean;
  @Field(() => Boolean, { description: 'Whether a job scheduler runs it (false when SCHEDULERS_ENABLED is off or before the first reconcile).' })
  active!: boolean;
  @Field(() => Date, { nullable: true, description: 'Next scheduled run, from the BullMQ job scheduler.' }) nextRunAt!: Date | null;

  static from(connector: string, stream: string, s: StreamScheduleStatus): StreamScheduleType {
    return Object.assign(new StreamScheduleType(), {
      connector,
      stream,
      cron: s.pattern,
      timezone: s.tz,
      source: s.source,
      isDefault: s.source !== 'override',
      active: s.active,
      nextRunAt: s.nextRunAt,
    });
  }

  static fromDesired(d: StreamSchedule, live: { active: boolean; nextRunAt: Date | null }): StreamScheduleType {
    return StreamScheduleType.from(d.connector, d.stream, { ...d, ...live });
  }
}

@ObjectType('StreamFreshness', { description: 'How current a stream’s stored data is.' })
export class StreamFreshnessType {
  @Field(() => Int, { description: 'Clean records stored.' }) records!: number;
  @Field(() => Date, { nullable: true, description: 'The newest upstream change time among the stored records.' }) newestRecordAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'When a record was last inserted or changed here.' }) lastChangedAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'When the last successful sync ended.' }) lastSucceededAt!: Date | null;
  @Field(() => Int, { nullable: true, description: 'Seconds since the last successful sync ended; null before the first.' })
  secondsSinceSuccess!: number | null;

  static from(f: StreamFreshness, now: Date): StreamFreshnessType {
    return Object.assign(new StreamFreshnessType(), {
      ...f,
      secondsSinceSuccess: f.lastSucceededAt ? Math.max(0, Math.floor((now.getTime() - f.lastSucceededAt.getTime()) / 1000)) : null,
    });
  }
}

@ObjectType('ConnectorStream', { description: 'A stream of one upstream source, with its schedule, position and freshness.' })
export class ConnectorStreamType {
  @Field(() => String) name!: string;
  @Field(() => String) description!: string;
  @Field(() => String, { description: 'Field that orders incremental reads upstream.' }) cursorField!: string;
  @Field(() => [String]) primaryKey!: string[];
  @Field(() => StreamScheduleType) schedule!: StreamScheduleType;
  @Field(() => String, { nullable: true, description: 'Saved upstream cursor; null before the first read.' }) cursor!: string | null;
  @Field(() => Date, { nullable: true }) cursorUpdatedAt!: Date | null;
  @Field(() => ConnectorRunType, { nullable: true }) lastRun!: ConnectorRunType | null;
  @Field(() => StreamFreshnessType) freshness!: StreamFreshnessType;

  static from(s: StreamStatus, now: Date): ConnectorStreamType {
    return Object.assign(new ConnectorStreamType(), {
      name: s.name,
      description: s.description,
      cursorField: s.cursorField,
      primaryKey: [...s.primaryKey],
      schedule: StreamScheduleType.from(s.connector, s.name, s.schedule),
      cursor: s.cursor,
      cursorUpdatedAt: s.stateUpdatedAt,
      lastRun: s.lastRun ? ConnectorRunType.from(s.lastRun) : null,
      freshness: StreamFreshnessType.from(s.freshness, now),
    });
  }
}

@ObjectType('Connector', { description: 'An upstream source the hub pulls from.' })
export class ConnectorType {
  @Field(() => String) id!: string;
  @Field(() => String) title!: string;
  @Field(() => Boolean, { description: 'Whether a steward paused it (pauseConnector): its jobs, scheduled ones included, wait.' }) paused!: boolean;
  @Field(() => QueueCountsType, { description: 'Live counts of its sync queue.' }) queue!: QueueCountsType;
  @Field(() => [ConnectorStreamType]) streams!: ConnectorStreamType[];

  static from(c: ConnectorStatus, now: Date): ConnectorType {
    return Object.assign(new ConnectorType(), {
      id: c.id,
      title: c.title,
      paused: c.paused,
      queue: QueueCountsType.from(c.queue, c.id),
      streams: c.streams.map((s) => ConnectorStreamType.from(s, now)),
    });
  }
}
