import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { ResolutionCaseView } from '../../../src/resolution/case-store';
import type { DecisionOutcome } from '../../../src/ops/resolution-queue.service';
import { CASE_KINDS, CASE_STATUSES, type Candidate, type CaseKind, type CaseStatus } from '../../../src/resolution/resolution.types';
import { connectionType } from '../../pagination/connection.type';

const upper = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v.toUpperCase(), v])) as Record<Uppercase<T>, T>;

/** GraphQL names are UPPER_SNAKE; the values are the stored ones. */
export const ResolutionCaseStatusGql = upper(CASE_STATUSES);
registerEnumType(ResolutionCaseStatusGql, {
  name: 'ResolutionCaseStatus',
  description: '`AMBIGUOUS`: candidates to choose from (the work queue); `UNMATCHED`: nothing registered comes close; `DECIDED`: a steward answered; `SETTLED`: resolved by itself later.',
});

export const ResolutionCaseKindGql = upper(CASE_KINDS);
registerEnumType(ResolutionCaseKindGql, {
  name: 'ResolutionCaseKind',
  description: 'What the case is about: an invalid USCC, a taxpayer id, a utility account, a patent applicant’s name, or a patent’s application number.',
});

@ObjectType('ResolutionCandidate', { description: 'An enterprise a steward could choose for a case, with why it is there.' })
export class ResolutionCandidateType {
  @Field(() => String) uscc!: string;
  @Field(() => String, { description: 'The registered name that fits (current or former).' }) name!: string;
  @Field(() => String, { description: '`current_name`, `former_name` or `legacy_taxpayer_id`.' }) matchedOn!: string;
  @Field(() => Float, { description: '1 for an exact name key (or id), else the near-match similarity.' }) nameScore!: number;
  @Field(() => String, { nullable: true, description: 'Address agreement: `exact`, `district`, `none`; null when the record has no address.' }) address!: string | null;
  @Field(() => Float) score!: number;

  static from(c: Candidate): ResolutionCandidateType {
    return Object.assign(new ResolutionCandidateType(), { ...c });
  }
}

@ObjectType('ResolutionCase', { description: 'An identifier entity resolution could not settle alone, with its candidates and a steward’s decision.' })
export class ResolutionCaseType {
  @Field(() => ID) id!: string;
  @Field(() => ResolutionCaseKindGql) kind!: CaseKind;
  @Field(() => String, { description: 'The account number, application number, taxpayer id or name key the case is about.' }) identifier!: string;
  @Field(() => ResolutionCaseStatusGql) status!: CaseStatus;
  @Field(() => String, { nullable: true }) displayName!: string | null;
  @Field(() => String, { nullable: true }) displayAddress!: string | null;
  @Field(() => [ResolutionCandidateType]) candidates!: ResolutionCandidateType[];
  @Field(() => String, { nullable: true, description: 'When decided: the chosen enterprise, or null for “no registered enterprise”.' }) decisionUscc!: string | null;
  @Field(() => String, { nullable: true }) decidedBy!: string | null;
  @Field(() => Date, { nullable: true }) decidedAt!: Date | null;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => Int, { description: 'Records that wait on the case now.' }) waitingRecords!: number;
  @Field(() => Date) firstSeenAt!: Date;
  @Field(() => Date) lastSeenAt!: Date;

  static from(c: ResolutionCaseView): ResolutionCaseType {
    return Object.assign(new ResolutionCaseType(), { ...c, candidates: c.candidates.map(ResolutionCandidateType.from) });
  }
}

export const ResolutionCaseConnection = connectionType('ResolutionCase', ResolutionCaseType);

@InputType('ResolutionDecisionInput', { description: 'Exactly one of: `uscc` (the enterprise the records belong to) or `noEnterprise: true`.' })
export class ResolutionDecisionInput {
  @Field(() => String, { nullable: true }) uscc?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'The records belong to no registered enterprise.' }) noEnterprise?: boolean | null;
}

@ObjectType('ResolutionDecisionResult')
export class ResolutionDecisionResultType {
  @Field(() => ResolutionCaseType) case!: ResolutionCaseType;
  @Field(() => [String], { description: 'Enterprises whose linked records changed.' }) touchedUsccs!: string[];
  @Field(() => String, { nullable: true, description: 'The profile job recomputing their profiles (null when none was touched); it runs after the jobs queued before it.' }) profileJobId!: string | null;

  static from(o: DecisionOutcome): ResolutionDecisionResultType {
    return Object.assign(new ResolutionDecisionResultType(), { case: ResolutionCaseType.from(o.case), touchedUsccs: o.touched, profileJobId: o.profileJobId });
  }
}
