import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { ConnectorRunEntity, RunStatus, RunTrigger } from '../../src/db/entities/connector-run.entity';

export enum RunStatusGql {
  running = 'running',
  released = 'released',
  retrying = 'retrying',
  succeeded = 'succeeded',
  failed = 'failed',
}
registerEnumType(RunStatusGql, { name: 'RunStatus', description: 'Where a sync run stands. `released`: handed back to the queue (shutdown or upstream rate limit), to be continued.' });

export enum RunTriggerGql {
  schedule = 'schedule',
  manual = 'manual',
  api = 'api',
}
registerEnumType(RunTriggerGql, { name: 'RunTrigger' });

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
    });
  }
}
