import { Field, ObjectType } from 'type-graphql';
import type { ConnectorStatus, StreamStatus } from '../../src/ops/connector-status.service';
import { ConnectorRunType } from './connector-run.type';

@ObjectType('ConnectorStream', { description: 'A stream of one upstream source, with its schedule and position.' })
export class ConnectorStreamType {
  @Field(() => String) name!: string;
  @Field(() => String) description!: string;
  @Field(() => String, { description: 'Field that orders incremental reads upstream.' }) cursorField!: string;
  @Field(() => [String]) primaryKey!: string[];
  @Field(() => String, { description: 'Cron of the stream’s job scheduler.' }) schedule!: string;
  @Field(() => String, { nullable: true, description: 'Saved upstream cursor; null before the first read.' }) cursor!: string | null;
  @Field(() => Date, { nullable: true }) cursorUpdatedAt!: Date | null;
  @Field(() => ConnectorRunType, { nullable: true }) lastRun!: ConnectorRunType | null;

  static from(s: StreamStatus): ConnectorStreamType {
    return Object.assign(new ConnectorStreamType(), {
      name: s.name,
      description: s.description,
      cursorField: s.cursorField,
      primaryKey: [...s.primaryKey],
      schedule: s.schedule,
      cursor: s.cursor,
      cursorUpdatedAt: s.stateUpdatedAt,
      lastRun: s.lastRun ? ConnectorRunType.from(s.lastRun) : null,
    });
  }
}

@ObjectType('Connector', { description: 'An upstream source the hub pulls from.' })
export class ConnectorType {
  @Field(() => String) id!: string;
  @Field(() => String) title!: string;
  @Field(() => [ConnectorStreamType]) streams!: ConnectorStreamType[];

  static from(c: ConnectorStatus): ConnectorType {
    return Object.assign(new ConnectorType(), { id: c.id, title: c.title, streams: c.streams.map(ConnectorStreamType.from) });
  }
}
