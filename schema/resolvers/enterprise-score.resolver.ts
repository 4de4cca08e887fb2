import { GraphQLLocalDate } from 'graphql-scalars';
import { Arg, Authorized, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import { isPlatformRole } from '../../src/access/principal';
import { isUnfiltered, parseAggregateFilter } from '../../src/aggregates/aggregate-filter';
import { HubError } from '../../src/errors/hub-error';
import type { EnterpriseAccess } from '../../src/profile/read/profile-access';
import { purposesOf } from '../../src/profile/read/profile-access';
import { SCORE_SECTIONS } from '../../src/scoring/store/score-models';
import { gradeDistribution } from '../../src/scoring/store/score-read.service';
import { requirePrincipal } from '../auth/require-principal';
import type { GraphqlContext } from '../context';
import { profileAccessLoader } from '../loaders/profile.loaders';
import { scoreAsOfLoader, scoreHistoryLoader, scoreLoader } from '../loaders/score.loaders';
import { toConnection, type Connection } from '../pagination/connection.type';
import { decodeCursor, encodeCursor, pageSize } from '../pagination/page-args';
import { fromSectionKey } from '../types/access/profile-section.enum';
import { EnterpriseAggregateFilterInput } from '../types/aggregates/aggregate-filter.input';
import { EnterpriseType } from '../types/enterprise.type';
import { WithheldSectionType } from '../types/profile/profile-access.type';
import { ScoreGradeDistributionType } from '../types/scoring/score-distribution.type';
import { EnterpriseScoreConnection, EnterpriseScoreResultType, EnterpriseScoreType } from '../types/scoring/score.type';

const HISTORY_CURSOR = 'score-history';

/** The score sections withheld from the principal (none: the score may be served). */
const withheldOf = (access: EnterpriseAccess) => access.access.withheld.filter((w) => SCORE_SECTIONS.includes(w.section));

/**
 * `Enterprise.score`, `scoreHistory`, `scoreAsOf` and the grade distribution. A score is derived from
 * every section the scorecard reads, so it is served only when all of them are visible to the
 * principal, and each read is noted in the access log.
 */
@Resolver(() => EnterpriseType)
export class EnterpriseScoreResolver {
  @Authorized()
  @FieldResolver(() => EnterpriseScoreResultType, {
    nullable: true,
    description:
      'The current credit score (recomputed whenever the profile is): score, grade, probability of default, sub-scores, the top 4 reasons, model version and input hash, or INSUFFICIENT_DATA with what is missing. Served only when every profile section the scorecard reads is visible to you (an INSTITUTION needs a consent in force covering them; the read is written to the access log); otherwise `score` is null and `unavailableReason` and `withheld` say why. Null only while the hub has not scored the enterprise.',
  })
  async score(@Root() enterprise: EnterpriseType, @Ctx() ctx: GraphqlContext): Promise<EnterpriseScoreResultType | null> {
    const principal = requirePrincipal(ctx);
    const [access, stored] = await Promise.all([ctx.loaders.get(profileAccessLoader).load(enterprise.uscc), ctx.loaders.get(scoreLoader).load(enterprise.uscc)]);
    if (stored === null) return null;
    const withheld = withheldOf(access);
    if (withheld.length > 0) {
      ctx.access.note(enterprise.uscc, [], withheld.map((w) => w.section), purposesOf(principal, access, []));
      return EnterpriseScoreResultType.unavailable(
        'SECTIONS_WITHHELD',
        `the score reads the ${SCORE_SECTIONS.join(', ')} sections; withheld from you: ${withheld.map((w) => `${w.section} (${w.reason})`).join(', ')}`,
        withheld.map((w) => Object.assign(new WithheldSectionType(), { section: fromSectionKey(w.section), reason: w.reason, message: w.message })),
      );
    }
    ctx.access.note(enterprise.uscc, SCORE_SECTIONS, [], purposesOf(principal, access, SCORE_SECTIONS));
    return EnterpriseScoreResultType.served(EnterpriseScoreType.from(stored));
  }

  @Authorized()
  @FieldResolver(() => EnterpriseScoreConnection, {
    nullable: true,
    description:
      'Every score the enterprise has had, newest first: a row each time the model version or the inputs changed (a recomputation with the same input hash adds none). Gated like `score`: null when a section the scorecard reads is withheld from you (`score` says which).',
  })
  async scoreHistory(
    @Root() enterprise: EnterpriseType,
    @Ctx() ctx: GraphqlContext,
    @Arg('first', () => Int, { defaultValue: 20, description: 'Page size, 1 to 100.' }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'endCursor of the previous page.' }) after: string | null,
  ): Promise<Connection<EnterpriseScoreType> | null> {
    const principal = requirePrincipal(ctx);
    const limit = pageSize(first);
    const cursor = decodeCursor(HISTORY_CURSOR, after, 1);
    if (cursor !== null && (typeof cursor[0] !== 'string' || !/^\d+$/.test(cursor[0]))) {
      throw new HubError('BAD_USER_INPUT', `after is not a cursor of this list (${HISTORY_CURSOR})`, { details: { argument: 'after' } });
    }
    const [access, page] = await Promise.all([
      ctx.loaders.get(profileAccessLoader).load(enterprise.uscc),
      ctx.loaders.get(scoreHistoryLoader).load({ uscc: enterprise.uscc, afterId: cursor === null ? null : (cursor[0] as string), limit: limit + 1 }),
    ]);
    const withheld = withheldOf(access);
    if (withheld.length > 0) {
      ctx.access.note(enterprise.uscc, [], withheld.map((w) => w.section), purposesOf(principal, access, []));
      return null;
    }
    ctx.access.note(enterprise.uscc, SCORE_SECTIONS, [], purposesOf(principal, access, SCORE_SECTIONS));
    const nodes = page.scores.map((s) => ({ node: EnterpriseScoreType.from(s), id: s.id! }));
    const ids = new Map(nodes.map((n) => [n.node, n.id]));
    return toConnection(
      nodes.map((n) => n.node),
      limit,
      page.total,
      (n) => encodeCursor(HISTORY_CURSOR, [ids.get(n)!]),
    );
  }

  @Authorized('STEWARD', 'ADMIN')
  @FieldResolver(() => EnterpriseScoreType, {
    description:
      'STEWARD and ADMIN only. The score reproduced as of a past date: the profile recomputed from the stored records as of that date and scored with the model version in force then; nothing is stored. A score stored for that as-of date is reproduced exactly (same score and input hash) as long as the records it read are unchanged. BAD_USER_INPUT before the first model’s effective date. The read is written to the access log.',
  })
  async scoreAsOf(
    @Root() enterprise: EnterpriseType,
    @Ctx() ctx: GraphqlContext,
    @Arg('asOf', () => GraphQLLocalDate, { description: 'The as-of date to recompute the profile and choose the model for.' }) asOf: string,
  ): Promise<EnterpriseScoreType> {
    const principal = requirePrincipal(ctx);
    const [access, score] = await Promise.all([ctx.loaders.get(profileAccessLoader).load(enterprise.uscc), ctx.loaders.get(scoreAsOfLoader).load({ uscc: enterprise.uscc, asOf })]);
    ctx.access.note(enterprise.uscc, SCORE_SECTIONS, [], purposesOf(principal, access, SCORE_SECTIONS));
    return EnterpriseScoreType.from(score);
  }
}

/** `scoreGradeDistribution`: the dashboard aggregate over current scores. */
@Resolver()
export class ScoreAggregatesResolver {
  @Authorized()
  @Query(() => ScoreGradeDistributionType, {
    description:
      'Current scores counted per grade (one GROUP BY over the stored scores), with the INSUFFICIENT_DATA count. Stewards and admins may filter by public registry facts; institutions get the distribution over all enterprises only (a filter could narrow the group to one enterprise and reveal a score its consent withholds): a filter from an INSTITUTION key is FORBIDDEN.',
  })
  async scoreGradeDistribution(
    @Ctx() ctx: GraphqlContext,
    @Arg('filter', () => EnterpriseAggregateFilterInput, { nullable: true }) filter?: EnterpriseAggregateFilterInput | null,
  ): Promise<ScoreGradeDistributionType> {
    const principal = requirePrincipal(ctx);
    const parsed = parseAggregateFilter(filter);
    if (!isPlatformRole(principal.role) && !isUnfiltered(parsed)) {
      throw new HubError('FORBIDDEN', 'filter: scores read consent-gated sections; institutions get the grade distribution over all enterprises only, without a filter', {
        details: { argument: 'filter' },
      });
    }
    return ScoreGradeDistributionType.from(await gradeDistribution(ctx.runtime.db, parsed));
  }
}
