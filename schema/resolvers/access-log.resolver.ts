import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import { countAccessLog, listAccessLog } from '../../src/access/access-log.service';
import { parseUscc } from '../../src/access/consent.service';
import { institutionScope } from '../../src/access/visibility';
import { HubError } from '../../src/errors/hub-error';
import type { GraphqlContext } from '../context';
import { toConnection, type Connection } from '../pagination/connection.type';
import { decodeCursor, encodeCursor, pageSize } from '../pagination/page-args';
import { AccessLogEntryConnection, AccessLogEntryType } from '../types/access/access-log-entry.type';

const ACCESS_LOG_CURSOR = 'accessLog';

/** The profile access log: stewards and admins see every read, an institution its own institution's. */
@Resolver()
export class AccessLogResolver {
  @Authorized()
  @Query(() => AccessLogEntryConnection, { description: 'Profile reads, newest first. STEWARD and ADMIN see all; an INSTITUTION key sees its own institution’s reads only.' })
  async accessLog(
    @Ctx() ctx: GraphqlContext,
    @Arg('uscc', () => String, { nullable: true, description: 'Only reads of this enterprise.' }) uscc?: string | null,
    @Arg('institutionCode', () => String, { nullable: true, description: 'Only reads by this institution’s keys (an INSTITUTION key may name only its own).' }) institutionCode?: string | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ): Promise<Connection<AccessLogEntryType>> {
    if (ctx.principal === null) throw new HubError('UNAUTHENTICATED', 'this field needs an API key: send "Authorization: Bearer <key>"');
    const { db } = ctx.runtime;
    const limit = pageSize(first);
    const cursor = decodeCursor(ACCESS_LOG_CURSOR, after, 1);
    const beforeId = cursor === null ? null : String(cursor[0]);
    if (beforeId !== null && !/^[1-9][0-9]{0,19}$/.test(beforeId)) throw new HubError('BAD_USER_INPUT', 'after is not a cursor of this list (accessLog)', { details: { argument: 'after' } });
    const filter = { uscc: uscc === null || uscc === undefined ? null : parseUscc(uscc), institutionId: await institutionScope(db, ctx.principal, institutionCode) };
    const [rows, total] = await Promise.all([listAccessLog(db, { ...filter, beforeId, limit: limit + 1 }), countAccessLog(db, filter)]);
    return toConnection(rows.map(AccessLogEntryType.from), limit, total, (e) => encodeCursor(ACCESS_LOG_CURSOR, [e.id]));
  }
}
