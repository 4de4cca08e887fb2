import { Arg, Authorized, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { HubError } from '../../src/errors/hub-error';
import type { GraphqlContext } from '../context';
import { financingCasePageLoader } from '../loaders/financing.loaders';
import { toConnection, type Connection } from '../pagination/connection.type';
import { decodeCursor, encodeCursor, pageSize } from '../pagination/page-args';
import { EnterpriseType } from '../types/enterprise.type';
import { FinancingCaseConnection, FinancingCaseType } from '../types/financing/financing-case.type';
import { FinancingProductGql } from '../types/financing/financing-enums';

const CASES_CURSOR = 'financing-cases';

/** `Enterprise.financing`: the financing history institutions recorded, as far as the reader may see it. */
@Resolver(() => EnterpriseType)
export class EnterpriseFinancingResolver {
  @Authorized()
  @FieldResolver(() => FinancingCaseConnection, {
    description:
      'Financing cases (applications and loans) recorded by institutions, newest first (by opening date). An INSTITUTION key sees its own institution’s cases always, and other institutions’ only where the enterprise’s consent in force covers the FINANCING section (that read is written to the access log); STEWARD and ADMIN keys see every case.',
  })
  async financing(
    @Root() enterprise: EnterpriseType,
    @Ctx() ctx: GraphqlContext,
    @Arg('first', () => Int, { defaultValue: 20, description: 'Page size, 1 to 100.' }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'endCursor of the previous page.' }) after: string | null,
    @Arg('product', () => FinancingProductGql, { nullable: true, description: 'Only cases of this product.' }) product: FinancingProductGql | null,
  ): Promise<Connection<FinancingCaseType>> {
    const limit = pageSize(first);
    const cursor = decodeCursor(CASES_CURSOR, after, 2);
    if (cursor !== null && (typeof cursor[0] !== 'string' || typeof cursor[1] !== 'number')) {
      throw new HubError('BAD_USER_INPUT', `after is not a cursor of this list (${CASES_CURSOR})`, { details: { argument: 'after' } });
    }
    const page = await ctx.loaders.get(financingCasePageLoader).load({
      uscc: enterprise.uscc,
      take: limit + 1,
      after: cursor === null ? null : { openedOn: cursor[0] as string, id: cursor[1] as number },
      product: product ?? null,
    });
    if (page.view.purposes.length > 0) ctx.access.note(enterprise.uscc, ['financing'], [], page.view.purposes);
    return toConnection(page.rows.map(FinancingCaseType.from), limit, page.total, (c) => encodeCursor(CASES_CURSOR, [c.openedOn, c.caseId]));
  }
}
