import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { CountDimension, EnterpriseCounts } from '../../../src/aggregates/enterprise-counts.service';

export enum EnterpriseCountDimension {
  DISTRICT = 'DISTRICT',
  INDUSTRY_SECTION = 'INDUSTRY_SECTION',
  REGISTRATION_STATUS = 'REGISTRATION_STATUS',
  ENTITY_TYPE = 'ENTITY_TYPE',
  TAG = 'TAG',
}
registerEnumType(EnterpriseCountDimension, {
  name: 'EnterpriseCountDimension',
  description: 'What `enterpriseCounts` groups enterprises by.',
  valuesConfig: {
    DISTRICT: { description: 'Current district (current_district_code, GB/T 2260).' },
    INDUSTRY_SECTION: { description: 'Industry section (industry_section, GB/T 4754-2017 A–T).' },
    REGISTRATION_STATUS: { description: 'Registration status (registration_status).' },
    ENTITY_TYPE: { description: 'Entity type (entity_type).' },
    TAG: { description: 'Certification tags (high_tech_enterprise, tech_sme, specialized_sme); buckets overlap.' },
  },
});

export const toCountDimension = (d: EnterpriseCountDimension): CountDimension => d.toLowerCase() as CountDimension;

@ObjectType('EnterpriseCountBucket', { description: 'Enterprises sharing one value of the dimension.' })
export class EnterpriseCountBucketType {
  @Field(() => String, { nullable: true, description: 'The value grouped on (district code, section letter, status, entity type or tag key); null where it is unknown. Usable in EnterpriseAggregateFilter.' })
  key!: string | null;

  @Field(() => String, { description: 'Its name, e.g. 历下区 for 370102; 未知 for the unknown bucket.' })
  label!: string;

  @Field(() => Int) count!: number;

  @Field(() => Float, { description: 'count / total (0 when total is 0).' })
  share!: number;
}

@ObjectType('EnterpriseCounts', { description: 'Enterprises (stored profiles) matching a filter, counted by one dimension.' })
export class EnterpriseCountsType {
  @Field(() => EnterpriseCountDimension) by!: EnterpriseCountDimension;

  @Field(() => Int, { description: 'Enterprises matching the filter. Buckets add up to it, except for TAG, where they count holders of each tag.' })
  total!: number;

  @Field(() => [EnterpriseCountBucketType], { description: 'Largest first; the unknown bucket last. Only values that occur are listed, except for TAG (every tag).' })
  buckets!: EnterpriseCountBucketType[];

  static from(c: EnterpriseCounts): EnterpriseCountsType {
    return Object.assign(new EnterpriseCountsType(), {
      by: c.dimension.toUpperCase() as EnterpriseCountDimension,
      total: c.total,
      buckets: c.buckets.map((b) => Object.assign(new EnterpriseCountBucketType(), { ...b, share: c.total === 0 ? 0 : b.count / c.total })),
    });
  }
}
