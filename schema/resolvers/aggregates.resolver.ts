import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import { parseAggregateFilter } from '../../src/aggregates/aggregate-filter';
import { distributionFloor } from '../../src/aggregates/disclosure';
import { enterpriseCounts } from '../../src/aggregates/enterprise-counts.service';
import { bucketCount, DEFAULT_BUCKETS, fieldDistribution, numericField } from '../../src/aggregates/field-distribution.service';
import { sectionCoverage, sourceCoverage } from '../../src/aggregates/source-coverage.service';
import type { GraphqlContext } from '../context';
import { ProfileSection, toSectionKey } from '../types/access/profile-section.enum';
import { EnterpriseAggregateFilterInput } from '../types/aggregates/aggregate-filter.input';
import { SectionCoverageType, SourceCoverageType } from '../types/aggregates/coverage.type';
import { EnterpriseCountDimension, EnterpriseCountsType, toCountDimension } from '../types/aggregates/enterprise-counts.type';
import { FieldDistributionType } from '../types/aggregates/field-distribution.type';

/** Dashboard aggregates, each computed in SQL over the stored profiles and records; any API key may ask. */
@Resolver()
export class AggregatesResolver {
  @Authorized()
  @Query(() => EnterpriseCountsType, { description: 'Enterprises counted by district, industry section, registration status, entity type or certification tag.' })
  async enterpriseCounts(
    @Ctx() { runtime }: GraphqlContext,
    @Arg('by', () => EnterpriseCountDimension) by: EnterpriseCountDimension,
    @Arg('filter', () => EnterpriseAggregateFilterInput, { nullable: true }) filter?: EnterpriseAggregateFilterInput | null,
  ): Promise<EnterpriseCountsType> {
    return EnterpriseCountsType.from(await enterpriseCounts(runtime.db, toCountDimension(by), parseAggregateFilter(filter)));
  }

  @Authorized()
  @Query(() => FieldDistributionType, {
    description:
      'Count, nulls, min, max, mean, percentiles and an equal-width histogram of one numeric profile field (integer, decimal, money in fen, ratio). Institutions get consent-gated fields over all enterprises only.',
  })
  async fieldDistribution(
    @Ctx() { runtime, principal }: GraphqlContext,
    @Arg('key', () => String, { description: 'Catalog key, e.g. "registered_capital" (the camelCase name is accepted too).' }) key: string,
    @Arg('buckets', () => Int, { defaultValue: DEFAULT_BUCKETS, description: 'Histogram bins, 1 to 100.' }) buckets: number,
    @Arg('filter', () => EnterpriseAggregateFilterInput, { nullable: true }) filter?: EnterpriseAggregateFilterInput | null,
  ): Promise<FieldDistributionType> {
    const field = numericField(key);
    const bins = bucketCount(buckets);
    const parsed = parseAggregateFilter(filter);
    // @Authorized() has let only requests with a principal through.
    const minimumGroup = distributionFloor(principal!, field, parsed);
    return FieldDistributionType.from(await fieldDistribution(runtime.db, { field, buckets: bins, filter: parsed, minimumGroup }));
  }

  @Authorized()
  @Query(() => [SourceCoverageType], { description: 'Per connector stream: records stored and resolved, enterprises covered, newest record and last successful sync with their ages.' })
  async sourceCoverage(@Ctx() { runtime }: GraphqlContext): Promise<SourceCoverageType[]> {
    return (await sourceCoverage(runtime.db, runtime.catalog.targets())).map(SourceCoverageType.from);
  }

  @Authorized()
  @Query(() => SectionCoverageType, { description: 'Per field of one profile section: how many stored profiles have a value, and the share.' })
  async fieldCoverage(
    @Ctx() { runtime }: GraphqlContext,
    @Arg('section', () => ProfileSection) section: ProfileSection,
  ): Promise<SectionCoverageType> {
    return SectionCoverageType.from(await sectionCoverage(runtime.db, toSectionKey(section)));
  }
}
