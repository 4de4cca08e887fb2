import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { SectionCoverage, SourceCoverage } from '../../../src/aggregates/source-coverage.service';
import { fromSectionKey, ProfileSection } from '../access/profile-section.enum';

@ObjectType('SourceCoverage', { description: 'One upstream stream: what is stored and resolved, whom it covers, and how fresh it is.' })
export class SourceCoverageType {
  @Field(() => String) connector!: string;
  @Field(() => String) stream!: string;
  @Field(() => Int, { description: 'Raw records stored.' }) records!: number;
  @Field(() => Int, { description: 'Records linked to an enterprise by entity resolution.' }) resolved!: number;
  @Field(() => Float, { description: 'resolved / records (0 when none are stored).' }) resolvedShare!: number;
  @Field(() => Int, { description: 'Distinct enterprises with at least one resolved record.' }) enterprises!: number;
  @Field(() => Float, { description: 'enterprises / stored profiles.' }) enterpriseShare!: number;
  @Field(() => Date, { nullable: true, description: 'Newest upstream update time among the stored records.' }) newestRecordAt!: Date | null;
  @Field(() => Date, { nullable: true, description: 'When the last successful sync of the stream ended.' }) lastSuccessfulSyncAt!: Date | null;
  @Field(() => Int, { nullable: true, description: 'Seconds since newestRecordAt.' }) newestRecordAgeSeconds!: number | null;
  @Field(() => Int, { nullable: true, description: 'Seconds since lastSuccessfulSyncAt: the stream’s freshness.' }) lastSyncAgeSeconds!: number | null;

  static from(s: SourceCoverage): SourceCoverageType {
    return Object.assign(new SourceCoverageType(), s);
  }
}

@ObjectType('FieldCoverage', { description: 'How many stored profiles have a value for one field.' })
export class FieldCoverageType {
  @Field(() => String, { description: 'Catalog key (snake_case).' }) key!: string;
  @Field(() => Int) filled!: number;
  @Field(() => Float, { description: 'filled / profiles (0 when there are none).' }) share!: number;
}

@ObjectType('SectionCoverage', { description: 'Field coverage of one profile section.' })
export class SectionCoverageType {
  @Field(() => ProfileSection) section!: ProfileSection;
  @Field(() => Int, { description: 'Stored profiles.' }) profiles!: number;
  @Field(() => [FieldCoverageType], { description: 'In catalog order.' }) fields!: FieldCoverageType[];

  static from(c: SectionCoverage): SectionCoverageType {
    return Object.assign(new SectionCoverageType(), {
      section: fromSectionKey(c.section),
      profiles: c.profiles,
      fields: c.fields.map((f) => Object.assign(new FieldCoverageType(), { key: f.key, filled: f.filled, share: f.coverage })),
    });
  }
}
