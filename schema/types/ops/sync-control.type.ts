import { Field, ID, ObjectType } from 'type-graphql';
import type { TriggeredSync } from '../../../src/ops/sync-control.service';

@ObjectType('TriggeredSync', { description: 'A sync job asked for through the API.' })
export class TriggeredSyncType {
  @Field(() => String) connector!: string;
  @Field(() => String) stream!: string;
  @Field(() => ID, { description: 'The BullMQ job id; its run appears in connectorRuns once a worker starts it.' }) jobId!: string;
  @Field(() => Boolean, { description: 'True when a sync of the stream was already waiting or running: its job came back, nothing was added.' })
  alreadyQueued!: boolean;

  static from(t: TriggeredSync): TriggeredSyncType {
    return Object.assign(new TriggeredSyncType(), t);
  }
}
