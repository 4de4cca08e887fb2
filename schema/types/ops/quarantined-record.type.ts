import { GraphQLJSON } from 'graphql-scalars';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { QUARANTINE_REASONS, type QuarantineReasonCode } from '../../../connectors/sdk/quarantine-reason';
import type { QuarantineRecordEntity, QuarantineStatus } from '../../../src/db/entities/quarantine-record.entity';
import type { RetryOutcome } from '../../../src/ops/quarantine.service';
import { connectionType } from '../../pagination/connection.type';
import { ConnectorRunType } from '../connector-run.type';
import { QuarantineStatusGql } from '../ops-summary.type';

/** The stable quarantine reason codes; GraphQL values are the stored codes. */
export const QuarantineReasonGql = Object.fromEntries(Object.keys(QUARANTINE_REASONS).map((k) => [k, k])) as { [K in QuarantineReasonCode]: K };
export type QuarantineReasonGql = QuarantineReasonCode;
registerEnumType(QuarantineReasonGql, {
  name: 'QuarantineReason',
  description: 'Why a record was kept out of the clean tables.',
  valuesConfig: Object.fromEntries(Object.entries(QUARANTINE_REASONS).map(([k, description]) => [k, { description }])) as Record<QuarantineReasonCode, { description: string }>,
});

@ObjectType('QuarantinedRecord', { description: 'An upstream record that failed its stream’s validation, kept with why until it is settled.' })
export class QuarantinedRecordType {
  @Field(() => ID) id!: string;
  @Field(() => String) connector!: string;
  @Field(() => String) stream!: string;
  @Field(() => String, { nullable: true, description: 'The record’s id upstream, when it has a usable one.' }) externalId!: string | null;
  @Field(() => GraphQLJSON, { description: 'The payload exactly as received.' }) payload!: unknown;
  @Field(() => QuarantineReasonGql) reasonCode!: QuarantineReasonCode;
  @Field(() => String, { description: 'The field and what was wrong with it.' }) reasonMessage!: string;
  @Field(() => QuarantineStatusGql) status!: QuarantineStatus;
  @Field(() => Int, { description: 'How many times this exact payload arrived.' }) occurrences!: number;
  @Field(() => ID) firstRunId!: string;
  @Field(() => ID) lastRunId!: string;
  @Field(() => Date) firstSeenAt!: Date;
  @Field(() => Date) lastSeenAt!: Date;
  @Field(() => Date, { nullable: true }) settledAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Who settled it (the API key’s name); null when a valid version settled it during a sync.' })
  settledBy!: string | null;
  @Field(() => String, { nullable: true }) settledNote!: string | null;
  // `run` (the run that last saw it) is resolved by QuarantineResolver through a per-request loader.

  static from(row: QuarantineRecordEntity): QuarantinedRecordType {
    return Object.assign(new QuarantinedRecordType(), {
      id: row.id,
      connector: row.connector,
      stream: row.stream,
      externalId: row.externalId,
      payload: parsePayload(row.payload),
      reasonCode: row.reasonCode,
      reasonMessage: row.reasonMessage,
      status: row.status,
      occurrences: row.occurrences,
      firstRunId: row.firstRunId,
      lastRunId: row.lastRunId,
      firstSeenAt: row.firstSeenAt,
      lastSeenAt: row.lastSeenAt,
      settledAt: row.settledAt,
      settledBy: row.settledBy,
      settledNote: row.settledNote,
    });
  }
}

function parsePayload(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export const QuarantinedRecordConnection = connectionType('QuarantinedRecord', QuarantinedRecordType);

@ObjectType('QuarantineRetryResult', { description: 'What re-validating a quarantined record gave.' })
export class QuarantineRetryResultType {
  @Field(() => Boolean, { description: 'True when it passed and was stored as a clean record (and the entry resolved).' }) stored!: boolean;
  @Field(() => QuarantinedRecordType) record!: QuarantinedRecordType;
  @Field(() => QuarantineReasonGql, { nullable: true, description: 'When still invalid: the reason under the current validation.' }) reasonCode!: QuarantineReasonCode | null;
  @Field(() => String, { nullable: true }) reasonMessage!: string | null;
  @Field(() => ConnectorRunType, { nullable: true, description: 'When stored: the run (trigger API) that stored it.' }) run!: ConnectorRunType | null;
  @Field(() => String, { nullable: true, description: 'When stored: `inserted`, `updated`, or `unchanged` (the same content was already stored).' })
  change!: string | null;

  static from(outcome: RetryOutcome, run: ConnectorRunType | null): QuarantineRetryResultType {
    return Object.assign(new QuarantineRetryResultType(), {
      stored: outcome.stored,
      record: QuarantinedRecordType.from(outcome.record),
      reasonCode: outcome.reasonCode,
      reasonMessage: outcome.reasonMessage,
      run,
      change: outcome.change,
    });
  }
}
