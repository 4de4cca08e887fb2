import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { ConnectorRunEntity, RunStatus, RunTrigger } from '../../src/db/entities/connector-run.entity';
import { connectionType } from '../pagination/connection.type';

/** GraphQL names are UPPER_SNAKE; the values are the stored ones. */
export enum RunStatusGql {
  RUNNING = 'running',
  RELEASED = 'released',
  RETRYING = 'retrying',
  SUCCEEDED = 'succeeded',
  FAILED = 'failed',
}
registerEnumType(RunStatusGql, {
  name: 'RunStatus',
  description: 'Where a sync run stands. `RELEASED`: handed back to the queue (shutdown or upstream rate limit), to be continued.',
});

export enum RunTriggerGql {
  SCHEDULE = 'schedule',
  MANUAL = 'manual',
  API = 'api',
}
registerEnumType(RunTriggerGql, {
  name: 'RunTrigger',
  description: 'What started a run: its job scheduler, the operator CLI, or the API (`triggerSync`, a quarantine retry).',
});

@ObjectType('ConnectorRun', { description: 'One sync of one stream, from its first attempt to its end.' })
export class ConnectorRunType {
  @Field(() => ID) id!: string;
  @Field(() => String) connector!: string;
  @Field(() => String) stream!: string;
  @Field(() => RunTriggerGql) trigger!: RunTrigger;
  @Field(() => RunStatusGql) status!: RunStatus;
  @Field(() => Int, { description: 'How many times a worker picked the job up.' }) attempts!: number;
  @Field(() => Date) startedAt!: Date;
  @Field(() => Date, { nullable: true }) endedAt!: Date | null;
  @Field(() => Int) pages!: number;
  @Field(() => Int) recordsRead!: number;
  @Field(() => Int) recordsInserted!: number;
  @Field(() => Int) recordsUpdated!: number;
  @Field(() => Int) recordsUnchanged!: number;
  @Field(() => Int) recordsQuarantined!: number;
  @Field(() => String, { nullable: true }) cursorBefore!: string | null;
  @Field(() => String, { nullable: true }) cursorAfter!: string | null;
  @Field(() => String, { nullable: true }) errorCode!: string | null;
  @Field(() => String, { nullable: true }) errorMessage!: string | null;
  @Field(() => Date, { nullable: true, description: 'When the run’s records went through resolution and the profiles; null until then.' })
  profiledAt!: Date | null;

  static from(run: ConnectorRunEntity): ConnectorRunType {
    return Object.assign(new ConnectorRunType(), {
      id: run.id,
      connector: run.connector,
      stream: run.stream,
      trigger: run.trigger,
      status: run.status,
      attempts: run.attempts,
      startedAt: run.startedAt,
      endedAt: run.endedAt,
      pages: run.pages,
      recordsRead: run.recordsRead,
      recordsInserted: run.recordsInserted,
      recordsUpdated: run.recordsUpdated,
      recordsUnchanged: run.recordsUnchanged,
      recordsQuarantined: run.recordsQuarantined,
      cursorBefore: run.cursorBefore,
      cursorAfter: run.cursorAfter,
      errorCode: run.errorCode,
      errorMessage: run.errorMessage,
      profiledAt: run.profiledAt,
    });
  }
}

export const ConnectorRunConnection = connectionType('ConnectorRun', ConnectorRunType);
