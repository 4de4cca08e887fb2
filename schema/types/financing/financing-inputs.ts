import { GraphQLLocalDate, GraphQLSafeInt } from 'graphql-scalars';
import { Field, ID, InputType, Int } from 'type-graphql';
import { FinancingEventKindGql, FinancingProductGql } from './financing-enums';

@InputType('ApplyForFinancingInput', { description: 'An application, which opens a financing case. Amounts in fen (分).' })
export class ApplyForFinancingInput {
  @Field(() => String, { description: 'The enterprise’s USCC (lower case and spaces accepted).' })
  uscc!: string;

  @Field(() => FinancingProductGql)
  product!: FinancingProductGql;

  @Field(() => GraphQLSafeInt, { description: 'Amount applied for, in fen: 1 to 10^13.' })
  amountFen!: number;

  @Field(() => Int, { description: 'Term in months, 1 to 360.' })
  termMonths!: number;

  @Field(() => Int, { nullable: true, description: 'Annual rate in basis points, 0 to 10,000.' })
  annualRateBp?: number | null;

  @Field(() => [String], { nullable: true, description: 'IP_PLEDGE_LOAN only, and required there: CNIPA application numbers (e.g. CN202310123456.7) of the pledged patents.' })
  pledgedPatents?: string[] | null;

  @Field(() => GraphQLLocalDate, { description: 'Date of the application; not in the future.' })
  occurredOn!: string;

  @Field(() => String, { nullable: true, description: 'Free text, up to 500 characters.' })
  note?: string | null;

  @Field(() => String, { description: 'Your request id, 1–128 visible ASCII characters, unique per institution: a retry with the same key and input returns the first result.' })
  idempotencyKey!: string;
}

@InputType('RecordFinancingEventInput', { description: 'One event on a financing case of your institution. Amounts in fen (分).' })
export class RecordFinancingEventInput {
  @Field(() => ID)
  caseId!: string;

  @Field(() => FinancingEventKindGql, { description: 'Not APPLICATION (use applyForFinancing).' })
  kind!: FinancingEventKindGql;

  @Field(() => GraphQLSafeInt, { nullable: true, description: 'Required for DISBURSEMENT, REPAYMENT and RECOVERY; optional for APPROVAL (default: the amount applied for) and OVERDUE (the past-due amount); for DEFAULT and SETTLEMENT omit it or give exactly the outstanding; none for REJECTION.' })
  amountFen?: number | null;

  @Field(() => GraphQLLocalDate, { description: 'Not before the case’s latest event, not in the future.' })
  occurredOn!: string;

  @Field(() => String, { nullable: true })
  note?: string | null;

  @Field(() => String, { description: 'Your request id, 1–128 visible ASCII characters, unique per institution.' })
  idempotencyKey!: string;
}
