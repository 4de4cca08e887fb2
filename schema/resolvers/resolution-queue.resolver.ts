import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { parseUscc } from '../../src/access/consent.service';
import { HubError } from '../../src/errors/hub-error';
import { decideResolutionCase, findCase, pageCases } from '../../src/ops/resolution-queue.service';
import { parseRowId } from '../../src/ops/run-queries';
import type { CaseKind, CaseStatus } from '../../src/resolution/resolution.types';
import type { GraphqlContext } from '../context';
import { toConnection, type Connection } from '../pagination/connection.type';
import { decodeCursor, encodeCursor, pageSize } from '../pagination/page-args';
import {
  ResolutionCaseConnection,
  ResolutionCaseKindGql,
  ResolutionCaseStatusGql,
  ResolutionCaseType,
  ResolutionDecisionInput,
  ResolutionDecisionResultType,
} from '../types/ops/resolution-case.type';

const CASE_CURSOR = 'resolutionCases';

/** The entity-resolution queue: cases resolution could not settle alone, and the steward's decisions. STEWARD or ADMIN. */
@Resolver()
export class ResolutionQueueResolver {
  @Authorized('STEWARD', 'ADMIN')
  @Query(() => ResolutionCaseConnection, {
    description: 'Resolution cases, most waiting records first (default: AMBIGUOUS, the work queue). `first` is 1–100. STEWARD or ADMIN.',
  })
  async resolutionCases(
    @Ctx() { runtime }: GraphqlContext,
    @Arg('status', () => [ResolutionCaseStatusGql], { nullable: true, defaultValue: [ResolutionCaseStatusGql.AMBIGUOUS], description: 'Any of these statuses.' })
    status?: CaseStatus[] | null,
    @Arg('kind', () => ResolutionCaseKindGql, { nullable: true }) kind?: CaseKind | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<Connection<ResolutionCaseType>> {
    const limit = pageSize(first);
    const cursor = decodeCursor(CASE_CURSOR, after, 2);
    const statuses = status && status.length > 0 ? status : [ResolutionCaseStatusGql.AMBIGUOUS];
    const { rows, total } = await pageCases(runtime, {
      statuses,
      kind: kind ?? undefined,
      fetch: limit + 1,
      after: cursor ? { waitingRecords: Number(cursor[0]), id: String(cursor[1]) } : null,
    });
    return toConnection(rows.map(ResolutionCaseType.from), limit, total, (c) => encodeCursor(CASE_CURSOR, [c.waitingRecords, c.id]));
  }

  @Authorized('STEWARD', 'ADMIN')
  @Query(() => ResolutionCaseType, { nullable: true, description: 'One resolution case; null when there is none with this id. STEWARD or ADMIN.' })
  async resolutionCase(@Ctx() { runtime }: GraphqlContext, @Arg('id', () => ID) id: string): Promise<ResolutionCaseType | null> {
    const found = await findCase(runtime, parseRowId(id, 'id'));
    return found ? ResolutionCaseType.from(found) : null;
  }

  @Authorized('STEWARD', 'ADMIN')
  @Mutation(() => ResolutionDecisionResultType, {
    description:
      'Decides a case: the enterprise its records belong to (`uscc`) or none (`noEnterprise: true`). Waiting and later records follow; the touched profiles are recomputed by the profile worker. Deciding again changes the decision. STEWARD or ADMIN.',
  })
  async decideResolutionCase(
    @Ctx() ctx: GraphqlContext,
    @Arg('id', () => ID) id: string,
    @Arg('decision', () => ResolutionDecisionInput) decision: ResolutionDecisionInput,
    @Arg('note', () => String, { nullable: true }) note?: string | null,
  ): Promise<ResolutionDecisionResultType> {
    if (ctx.principal === null) throw new HubError('UNAUTHENTICATED', 'this field needs an API key: send "Authorization: Bearer <key>"');
    const hasUscc = decision.uscc !== undefined && decision.uscc !== null;
    const nobody = decision.noEnterprise === true;
    if (hasUscc === nobody) {
      throw new HubError('BAD_USER_INPUT', 'decision takes exactly one of `uscc` or `noEnterprise: true`', { details: { argument: 'decision' } });
    }
    const uscc = hasUscc ? parseUscc(decision.uscc!) : null;
    const outcome = await decideResolutionCase(ctx.runtime, parseRowId(id, 'id'), { uscc, by: ctx.principal.name, note });
    return ResolutionDecisionResultType.from(outcome);
  }
}
