import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { HubError } from '../../src/errors/hub-error';
import { findQuarantined, pageQuarantine, retryQuarantined, settleQuarantined } from '../../src/ops/quarantine.service';
import { findRun, parseRowId, quarantineCounts } from '../../src/ops/run-queries';
import type { GraphqlContext } from '../context';
import { connectorRunLoader } from '../loaders/ops.loaders';
import { toConnection, type Connection } from '../pagination/connection.type';
import { decodeCursor, encodeCursor, pageSize } from '../pagination/page-args';
import { ConnectorRunType } from '../types/connector-run.type';
import { QuarantineCountType, QuarantineStatusGql } from '../types/ops-summary.type';
import { QuarantinedRecordConnection, QuarantinedRecordType, QuarantineReasonGql, QuarantineRetryResultType } from '../types/ops/quarantined-record.type';

const QUARANTINE_CURSOR = 'quarantinedRecords';

const principalName = (ctx: GraphqlContext): string => {
  if (ctx.principal === null) throw new HubError('UNAUTHENTICATED', 'this field needs an API key: send "Authorization: Bearer <key>"');
  return ctx.principal.name;
};

/** The quarantine queue: records that failed validation, and the steward's resolve / ignore / retry. STEWARD or ADMIN. */
@Resolver(() => QuarantinedRecordType)
export class QuarantineResolver {
  @Authorized('STEWARD', 'ADMIN')
  @Query(() => QuarantinedRecordConnection, { description: 'Quarantined records, newest first (default: open ones). `first` is 1–100. STEWARD or ADMIN.' })
  async quarantinedRecords(
    @Ctx() { runtime }: GraphqlContext,
    @Arg('connector', () => String, { nullable: true }) connector?: string | null,
    @Arg('stream', () => String, { nullable: true, description: 'Only together with `connector`.' }) stream?: string | null,
    @Arg('reasonCode', () => QuarantineReasonGql, { nullable: true }) reasonCode?: QuarantineReasonGql | null,
    @Arg('status', () => QuarantineStatusGql, { nullable: true, defaultValue: QuarantineStatusGql.OPEN, description: 'null: every status.' }) status?: QuarantineStatusGql | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<Connection<QuarantinedRecordType>> {
    const limit = pageSize(first);
    const cursor = decodeCursor(QUARANTINE_CURSOR, after, 1);
    if (connector) runtime.catalog.targets(connector, stream ?? undefined);
    else if (stream) throw new HubError('BAD_USER_INPUT', 'stream is named only together with its connector', { details: { argument: 'stream' } });
    const { rows, total } = await pageQuarantine(runtime, {
      connector: connector ?? undefined,
      stream: stream ?? undefined,
      reasonCode: reasonCode ?? undefined,
      status: status ?? undefined,
      fetch: limit + 1,
      beforeId: cursor ? String(cursor[0]) : null,
    });
    return toConnection(rows.map(QuarantinedRecordType.from), limit, total, (r) => encodeCursor(QUARANTINE_CURSOR, [r.id]));
  }

  @Authorized('STEWARD', 'ADMIN')
  @Query(() => QuarantinedRecordType, { nullable: true, description: 'One quarantined record; null when there is none with this id. STEWARD or ADMIN.' })
  async quarantinedRecord(@Ctx() { runtime }: GraphqlContext, @Arg('id', () => ID) id: string): Promise<QuarantinedRecordType | null> {
    const row = await findQuarantined(runtime, parseRowId(id, 'id'));
    return row ? QuarantinedRecordType.from(row) : null;
  }

  @Authorized('STEWARD', 'ADMIN')
  @Query(() => [QuarantineCountType], { description: 'Quarantined records counted by stream and reason (default: open ones; null: every status). STEWARD or ADMIN.' })
  async quarantineSummary(
    @Ctx() { runtime }: GraphqlContext,
    @Arg('status', () => QuarantineStatusGql, { nullable: true, defaultValue: QuarantineStatusGql.OPEN }) status?: QuarantineStatusGql | null,
  ): Promise<QuarantineCountType[]> {
    return (await quarantineCounts(runtime.db, status ?? undefined)).map(QuarantineCountType.from);
  }

  @FieldResolver(() => ConnectorRunType, { nullable: true, description: 'The run that last received this payload.' })
  async run(@Root() record: QuarantinedRecordType, @Ctx() ctx: GraphqlContext): Promise<ConnectorRunType | null> {
    const run = await ctx.loaders.get(connectorRunLoader).load(record.lastRunId);
    return run ? ConnectorRunType.from(run) : null;
  }

  @Authorized('STEWARD', 'ADMIN')
  @Mutation(() => QuarantinedRecordType, {
    description: 'Marks an open quarantined record resolved (e.g. fixed upstream), recording who and when. CONFLICT if already settled. STEWARD or ADMIN.',
  })
  async resolveQuarantinedRecord(
    @Ctx() ctx: GraphqlContext,
    @Arg('id', () => ID) id: string,
    @Arg('note', () => String, { nullable: true }) note?: string | null,
  ): Promise<QuarantinedRecordType> {
    return QuarantinedRecordType.from(await settleQuarantined(ctx.runtime, parseRowId(id, 'id'), 'resolved', { by: principalName(ctx), note }));
  }

  @Authorized('STEWARD', 'ADMIN')
  @Mutation(() => QuarantinedRecordType, { description: 'Sets an open quarantined record aside, recording who and when. CONFLICT if already settled. STEWARD or ADMIN.' })
  async ignoreQuarantinedRecord(
    @Ctx() ctx: GraphqlContext,
    @Arg('id', () => ID) id: string,
    @Arg('note', () => String, { nullable: true }) note?: string | null,
  ): Promise<QuarantinedRecordType> {
    return QuarantinedRecordType.from(await settleQuarantined(ctx.runtime, parseRowId(id, 'id'), 'ignored', { by: principalName(ctx), note }));
  }

  @Authorized('STEWARD', 'ADMIN')
  @Mutation(() => QuarantineRetryResultType, {
    description:
      'Re-validates an open quarantined record’s payload against its stream’s current validation: if it passes it is stored as a clean record and the entry resolved; if not, the new reason is returned and the entry stays open. CONFLICT if already settled. STEWARD or ADMIN.',
  })
  async retryQuarantinedRecord(@Ctx() ctx: GraphqlContext, @Arg('id', () => ID) id: string): Promise<QuarantineRetryResultType> {
    const outcome = await retryQuarantined(ctx.runtime, parseRowId(id, 'id'), principalName(ctx));
    const run = outcome.runId ? await findRun(ctx.runtime.db, outcome.runId) : null;
    return QuarantineRetryResultType.from(outcome, run ? ConnectorRunType.from(run) : null);
  }
}
