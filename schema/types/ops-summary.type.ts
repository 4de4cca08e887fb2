import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum QuarantineStatusGql {
  open = 'open',
  resolved = 'resolved',
  ignored = 'ignored',
}
registerEnumType(QuarantineStatusGql, { name: 'QuarantineStatus' });

@ObjectType('QuarantineCount', { description: 'Quarantined records of one stream with one reason and status.' })
export class QuarantineCountType {
  @Field(() => String) connector!: string;
  @Field(() => String) stream!: string;
  @Field(() => String) reasonCode!: string;
  @Field(() => QuarantineStatusGql) status!: QuarantineStatusGql;
  @Field(() => Int) count!: number;
}

@ObjectType('QueueCounts', { description: 'Live job counts of one connector queue.' })
export class QueueCountsType {
  @Field(() => String) queue!: string;
  @Field(() => Int) waiting!: number;
  @Field(() => Int) active!: number;
  @Field(() => Int) delayed!: number;
  @Field(() => Int) failed!: number;
  @Field(() => Int) completed!: number;
  @Field(() => Boolean) paused!: boolean;
}

@ObjectType('Health')
export class HealthType {
  @Field(() => Boolean) database!: boolean;
  @Field(() => Boolean) redis!: boolean;
  @Field(() => String) version!: string;
}
