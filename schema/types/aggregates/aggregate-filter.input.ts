import { Field, InputType } from 'type-graphql';
import type { AggregateFilterInput } from '../../../src/aggregates/aggregate-filter';

@InputType('EnterpriseAggregateFilter', {
  description:
    'Narrows an aggregate to enterprises by public registry facts. Values are the `key`s that `enterpriseCounts` buckets return, so a bucket drills down. Values within a list are alternatives; lists combine with AND; an omitted or empty list does not restrict.',
})
export class EnterpriseAggregateFilterInput implements AggregateFilterInput {
  @Field(() => [String], { nullable: true, description: 'GB/T 2260 codes of the current district, e.g. "370102" (历下区).' })
  districts?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'GB/T 4754-2017 section letters A–T, e.g. "I".' })
  industrySections?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Registration statuses: active, revoked, cancelled, moved_out.' })
  registrationStatuses?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Entity types: limited_company, joint_stock, sole_proprietorship, partnership, individual_business.' })
  entityTypes?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Certification tags every enterprise must hold: high_tech_enterprise, tech_sme, specialized_sme.' })
  tags?: string[] | null;
}
