import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { GraphQLLocalDate } from 'graphql-scalars';
import { HubError } from '../../src/errors/hub-error';
import { applyForFinancing, recordFinancingEvent } from '../../src/financing/financing.service';
import { financingTotals } from '../../src/financing/financing-totals';
import { requirePrincipal } from '../auth/require-principal';
import type { GraphqlContext } from '../context';
import { financingEventPageLoader } from '../loaders/financing.loaders';
import { toConnection, type Connection } from '../pagination/connection.type';
import { decodeCursor, encodeCursor, pageSize } from '../pagination/page-args';
import { FinancingCaseType, FinancingEventConnection, FinancingEventType, RecordFinancingEventPayload } from '../types/financing/financing-case.type';
import { FinancingProductGql, FinancingTotalsGroupGql } from '../types/financing/financing-enums';
import { ApplyForFinancingInput, RecordFinancingEventInput } from '../types/financing/financing-inputs';
import { FinancingTotalsType } from '../types/financing/financing-totals.type';

/**
 * Financing history: institutions record applications and loan events (each request idempotent under
 * its key); anyone with a key reads totals. The rules live in src/financing.
 */
@Resolver()
export class FinancingResolver {
  @Authorized('INSTITUTION')
  @Mutation(() => FinancingCaseType, {
    description:
      'Opens a financing case with its APPLICATION (INSTITUTION keys, for their own institution). A retry with the same idempotencyKey and input returns the case as first recorded; the same key with another input is IDEMPOTENCY_CONFLICT. An unknown enterprise is NOT_FOUND.',
  })
  async applyForFinancing(@Ctx() ctx: GraphqlContext, @Arg('input', () => ApplyForFinancingInput) input: ApplyForFinancingInput): Promise<FinancingCaseType> {
    const result = await applyForFinancing(ctx.runtime, requirePrincipal(ctx), input);
    return FinancingCaseType.from(result.case);
  }

  @Authorized('INSTITUTION')
  @Mutation(() => RecordFinancingEventPayload, {
    description:
      'Records an event on a case of your institution through the lifecycle state machine (an impossible move is INVALID_TRANSITION naming the allowed events). A case of another institution is NOT_FOUND. Idempotent like applyForFinancing.',
  })
  async recordFinancingEvent(@Ctx() ctx: GraphqlContext, @Arg('input', () => RecordFinancingEventInput) input: RecordFinancingEventInput): Promise<RecordFinancingEventPayload> {
    const result = await recordFinancingEvent(ctx.runtime, requirePrincipal(ctx), input);
    return Object.assign(new RecordFinancingEventPayload(), { event: FinancingEventType.from(result.event), case: FinancingCaseType.from(result.case), recorded: result.recorded });
  }

  @Authorized()
  @Query(() => [FinancingTotalsType], {
    description: 'Sums and counts of recorded financing events dated from `from` to `to` (inclusive), grouped by any of product, institution and month; groups without events are left out. Any key.',
  })
  async financingTotals(
    @Ctx() { runtime }: GraphqlContext,
    @Arg('groupBy', () => [FinancingTotalsGroupGql], { defaultValue: [] }) groupBy: FinancingTotalsGroupGql[],
    @Arg('from', () => GraphQLLocalDate) from: string,
    @Arg('to', () => GraphQLLocalDate) to: string,
    @Arg('product', () => FinancingProductGql, { nullable: true }) product: FinancingProductGql | null,
  ): Promise<FinancingTotalsType[]> {
    if (from > to) throw new HubError('BAD_USER_INPUT', `from (${from}) must not be after to (${to})`, { details: { argument: 'from' } });
    return (await financingTotals(runtime.db, { groupBy, from, to, product: product ?? null })).map(FinancingTotalsType.from);
  }
}

const EVENTS_CURSOR = 'financing-events';

/** `FinancingCase.events`: served only under a case the reader was allowed to see. */
@Resolver(() => FinancingCaseType)
export class FinancingCaseResolver {
  @FieldResolver(() => FinancingEventConnection, { description: 'The case’s events, newest first.' })
  async events(
    @Root() root: FinancingCaseType,
    @Ctx() ctx: GraphqlContext,
    @Arg('first', () => Int, { defaultValue: 20, description: 'Page size, 1 to 100.' }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'endCursor of the previous page.' }) after: string | null,
  ): Promise<Connection<FinancingEventType>> {
    const limit = pageSize(first);
    const cursor = decodeCursor(EVENTS_CURSOR, after, 1);
    if (cursor !== null && (typeof cursor[0] !== 'string' || !/^[0-9]{1,20}$/.test(cursor[0]))) {
      throw new HubError('BAD_USER_INPUT', `after is not a cursor of this list (${EVENTS_CURSOR})`, { details: { argument: 'after' } });
    }
    const page = await ctx.loaders.get(financingEventPageLoader).load({ caseId: root.caseId, take: limit + 1, afterId: cursor === null ? null : (cursor[0] as string) });
    return toConnection(page.rows.map(FinancingEventType.from), limit, page.total, (e) => encodeCursor(EVENTS_CURSOR, [e.id]));
  }
}
