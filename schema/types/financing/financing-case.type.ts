import { GraphQLDateTimeISO, GraphQLLocalDate, GraphQLSafeInt } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { FinancingCaseRow, FinancingEventRow } from '../../../src/financing/financing-queries';
import { connectionType } from '../../pagination/connection.type';
import { FinancingEventKindGql, FinancingProductGql, FinancingStateGql } from './financing-enums';

@ObjectType('FinancingEvent', { description: 'One event of a financing case, as the lending institution recorded it. Amounts in fen (分).' })
export class FinancingEventType {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  caseId!: string;

  @Field(() => FinancingEventKindGql)
  kind!: FinancingEventKindGql;

  @Field(() => GraphQLSafeInt, {
    nullable: true,
    description: 'Amount in fen: applied, approved, disbursed, repaid, past due (OVERDUE, when stated), outstanding at default (DEFAULT), recovered, or written off (SETTLEMENT). Null for a REJECTION or an OVERDUE without a stated amount.',
  })
  amountFen!: number | null;

  @Field(() => GraphQLLocalDate, { description: 'When it happened (the institution’s date).' })
  occurredOn!: string;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => FinancingStateGql, { description: 'The case’s state right after this event.' })
  stateAfter!: FinancingStateGql;

  @Field(() => GraphQLDateTimeISO, { description: 'When the hub recorded it.' })
  recordedAt!: Date;

  static from(row: FinancingEventRow): FinancingEventType {
    return Object.assign(new FinancingEventType(), {
      id: row.id,
      caseId: String(row.caseId),
      kind: row.kind,
      amountFen: row.amountFen,
      occurredOn: row.occurredOn,
      note: row.note,
      stateAfter: row.stateAfter,
      recordedAt: row.recordedAt,
    });
  }
}

export const FinancingEventConnection = connectionType('FinancingEvent', FinancingEventType);

@ObjectType('FinancingCase', { description: 'One application or loan of an enterprise at one institution, with its balances in fen (分). Its events come newest first.' })
export class FinancingCaseType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: 'The enterprise’s USCC.' })
  uscc!: string;

  @Field(() => String, { description: 'Code of the lending institution, e.g. `qilu-bank`.' })
  institutionCode!: string;

  @Field(() => String)
  institutionName!: string;

  @Field(() => FinancingProductGql)
  product!: FinancingProductGql;

  @Field(() => FinancingStateGql)
  state!: FinancingStateGql;

  @Field(() => GraphQLSafeInt)
  appliedFen!: number;

  @Field(() => GraphQLSafeInt, { nullable: true, description: 'Null until approved.' })
  approvedFen!: number | null;

  @Field(() => GraphQLSafeInt)
  disbursedFen!: number;

  @Field(() => GraphQLSafeInt)
  repaidFen!: number;

  @Field(() => GraphQLSafeInt, { description: 'Disbursed − repaid − recovered − written off.' })
  outstandingFen!: number;

  @Field(() => GraphQLSafeInt)
  recoveredFen!: number;

  @Field(() => GraphQLSafeInt, { description: 'Written off by a SETTLEMENT after default.' })
  writtenOffFen!: number;

  @Field(() => GraphQLSafeInt, { nullable: true, description: 'While OVERDUE: the stated past-due amount not yet repaid; null when none was stated.' })
  overdueFen!: number | null;

  @Field(() => Int)
  termMonths!: number;

  @Field(() => Int, { nullable: true, description: 'Annual interest rate in basis points (1 bp = 0.01 %).' })
  annualRateBp!: number | null;

  @Field(() => [String], { description: 'CNIPA application numbers of the pledged patents (IP_PLEDGE_LOAN only).' })
  pledgedPatents!: string[];

  @Field(() => GraphQLLocalDate, { description: 'Date of the APPLICATION.' })
  openedOn!: string;

  @Field(() => GraphQLLocalDate, { description: 'Date of the latest event.' })
  lastEventOn!: string;

  @Field(() => GraphQLDateTimeISO)
  updatedAt!: Date;

  /** Kept for the events field resolver; not exposed. */
  caseId!: number;

  static from(row: FinancingCaseRow): FinancingCaseType {
    return Object.assign(new FinancingCaseType(), {
      id: String(row.id),
      caseId: row.id,
      uscc: row.uscc,
      institutionCode: row.institutionCode,
      institutionName: row.institutionName,
      product: row.product,
      state: row.state,
      appliedFen: row.appliedFen,
      approvedFen: row.approvedFen,
      disbursedFen: row.disbursedFen,
      repaidFen: row.repaidFen,
      outstandingFen: row.outstandingFen,
      recoveredFen: row.recoveredFen,
      writtenOffFen: row.writtenOffFen,
      overdueFen: row.overdueFen,
      termMonths: row.termMonths,
      annualRateBp: row.annualRateBp,
      pledgedPatents: row.pledgedPatents,
      openedOn: row.openedOn,
      lastEventOn: row.lastEventOn,
      updatedAt: row.updatedAt,
    });
  }
}

export const FinancingCaseConnection = connectionType('FinancingCase', FinancingCaseType);

@ObjectType('RecordFinancingEventPayload', { description: 'The event recorded (or, for a retry, recorded before) and the case right after it.' })
export class RecordFinancingEventPayload {
  @Field(() => FinancingEventType)
  event!: FinancingEventType;

  @Field(() => FinancingCaseType)
  case!: FinancingCaseType;

  @Field(() => Boolean, { description: 'False when this request was a retry of one already recorded under the same idempotencyKey: nothing new was recorded.' })
  recorded!: boolean;
}
