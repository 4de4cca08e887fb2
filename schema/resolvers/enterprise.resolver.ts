import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Authorized, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { parseUscc } from '../../src/access/consent.service';
import { HubError } from '../../src/errors/hub-error';
import { PROFILE_FIELDS } from '../../src/profile/catalog/catalog';
import { SECTIONS, type SectionKey } from '../../src/profile/catalog/field.types';
import { listEnterprises, type EnterpriseListPosition, type EnterpriseListRow } from '../../src/profile/read/enterprise-list.service';
import { purposesOf } from '../../src/profile/read/profile-access';
import { scoreGradesFilter } from '../../src/scoring/store/score-access';
import { fieldsOfSections, parseFieldKeys, readFields } from '../../src/profile/read/profile-read.service';
import { requirePrincipal } from '../auth/require-principal';
import type { GraphqlContext } from '../context';
import { changePageLoader, primeProfileRow, profileAccessLoader, profileRowLoader, provenanceLoader } from '../loaders/profile.loaders';
import { selectedFieldNames } from '../loaders/selection';
import { type Connection, toConnection } from '../pagination/connection.type';
import { decodeCursor, encodeCursor, pageSize } from '../pagination/page-args';
import { fromSectionKey } from '../types/access/profile-section.enum';
import { EnterpriseType } from '../types/enterprise.type';
import { EnterpriseConnection, EnterpriseFilterInput, EnterpriseOrderInput } from '../types/profile/enterprise-list.type';
import { ProfileAccessType, WithheldSectionType } from '../types/profile/profile-access.type';
import { ProfileChangeConnection, ProfileChangeType } from '../types/profile/profile-change.type';
import { ProfileFieldValueType } from '../types/profile/profile-field-value.type';
import { toSectionObject } from '../types/profile/profile-sections.type';
import { ProfileType, sectionFieldName } from '../types/profile/profile.type';

const CHANGES_CURSOR = 'profile-changes';

/**
 * The first read of every enterprise field: its access and its stored profile's metadata, loaded
 * together, so that whatever each field reads next is asked for in the same tick and batched into the
 * same statements, whichever of the two answers last.
 */
async function readState(ctx: GraphqlContext, uscc: string) {
  const [access, row] = await Promise.all([ctx.loaders.get(profileAccessLoader).load(uscc), ctx.loaders.get(profileRowLoader).load({ uscc, sections: [] })]);
  return { access, row };
}

/**
 * Enterprises and their profiles. Every read of profile data asks the consent rules first, serves only
 * the sections they open, and notes what was served and withheld in the request's access log.
 */
@Resolver(() => EnterpriseType)
export class EnterpriseResolver {
  @Authorized()
  @Query(() => EnterpriseType, {
    description: 'One enterprise by its USCC (lower case and surrounding spaces accepted). An invalid USCC is BAD_USER_INPUT saying why; an enterprise without a profile in the hub is NOT_FOUND.',
  })
  async enterprise(@Ctx() ctx: GraphqlContext, @Arg('uscc', () => String) uscc: string, @Info() info: GraphQLResolveInfo): Promise<EnterpriseType> {
    const code = parseUscc(uscc);
    // The lookup reads the profile sections the query selects too: one statement for the whole profile.
    const sections = selectedSections(info, ['profile']);
    const loader = ctx.loaders.get(profileRowLoader);
    const found = await loader.load({ uscc: code, sections });
    if (!found) throw new HubError('NOT_FOUND', `no enterprise with USCC ${code} is known to the hub`, { details: { argument: 'uscc' } });
    primeProfileRow(loader, found);
    return EnterpriseType.of(found.uscc, found.name);
  }

  @Authorized()
  @Query(() => EnterpriseConnection, {
    description: 'Enterprises with a profile, filtered on public registry fields and sorted (default: by USCC), a page at a time. Profiles of the nodes are consent-gated as for `enterprise`.',
  })
  async enterprises(
    @Ctx() ctx: GraphqlContext,
    @Arg('filter', () => EnterpriseFilterInput, { nullable: true }) filter: EnterpriseFilterInput | null,
    @Arg('orderBy', () => EnterpriseOrderInput, { nullable: true }) orderBy: EnterpriseOrderInput | null,
    @Arg('first', () => Int, { defaultValue: 20, description: 'Page size, 1 to 100.' }) first: number,
    @Arg('after', () => String, { nullable: true, description: 'endCursor of the previous page (of the same ordering).' }) after: string | null,
  ): Promise<Connection<EnterpriseType>> {
    const limit = pageSize(first);
    const sort = orderBy?.field ?? 'USCC';
    const direction = orderBy?.direction ?? 'ASC';
    const kind = `enterprises:${sort}:${direction}`;
    const arity = sort === 'USCC' ? 1 : 2;
    const key = decodeCursor(kind, after, arity);
    let position: EnterpriseListPosition | null = null;
    if (key) {
      const uscc = key[arity - 1];
      if (typeof uscc !== 'string') throw new HubError('BAD_USER_INPUT', `after is not a cursor of this list (${kind})`, { details: { argument: 'after' } });
      position = { value: arity === 2 ? key[0]! : null, uscc };
    }
    const { rows, totalCount } = await listEnterprises(ctx.runtime.db, {
      filter: {
        districtCodes: filter?.districts,
        industrySections: filter?.industrySections,
        industryCodePrefix: filter?.industryCodePrefix,
        registrationStatuses: filter?.registrationStatuses,
        tags: filter?.tags,
        nameContains: filter?.nameContains,
        scoreGrades: scoreGradesFilter(requirePrincipal(ctx), filter?.scoreGrades),
      },
      sort,
      direction,
      after: position,
      limit: limit + 1,
    });
    const cursorOf = (r: EnterpriseListRow) => encodeCursor(kind, sort === 'USCC' ? [r.uscc] : [r.sortValue, r.uscc]);
    const nodes = rows.map((r) => EnterpriseType.of(r.uscc, r.name));
    const cursors = new Map(nodes.map((n, i) => [n, cursorOf(rows[i]!)]));
    return toConnection(nodes, limit, totalCount, (n) => cursors.get(n)!);
  }

  @Authorized()
  @FieldResolver(() => ProfileType, { nullable: true, description: 'The current profile; null only while the hub has not computed one.' })
  async profile(@Root() enterprise: EnterpriseType, @Ctx() ctx: GraphqlContext, @Info() info: GraphQLResolveInfo): Promise<ProfileType | null> {
    const principal = requirePrincipal(ctx);
    // The sections the query selects, read together with the row's metadata in one batched statement
    // (the same key `enterprise` primed); only those the consent rules open are served.
    const selected = selectedSections(info, []);
    const [access, row] = await Promise.all([ctx.loaders.get(profileAccessLoader).load(enterprise.uscc), ctx.loaders.get(profileRowLoader).load({ uscc: enterprise.uscc, sections: selected })]);
    if (row === null) return null;
    const served = selected.filter((s) => access.access.visible.includes(s));
    const withheld = selected.filter((s) => !served.includes(s));
    if (selected.length > 0) ctx.access.note(enterprise.uscc, served, withheld, purposesOf(principal, access, served));
    return ProfileType.from(row, new Map(served.map((s) => [s, toSectionObject(s, row.values)])));
  }

  @Authorized()
  @FieldResolver(() => ProfileAccessType, { description: 'Which sections your key may see, and why the others are withheld.' })
  async access(@Root() enterprise: EnterpriseType, @Ctx() ctx: GraphqlContext): Promise<ProfileAccessType> {
    requirePrincipal(ctx);
    return ProfileAccessType.from(await ctx.loaders.get(profileAccessLoader).load(enterprise.uscc));
  }

  @Authorized()
  @FieldResolver(() => [ProfileFieldValueType], {
    description:
      'Profile fields with provenance. `keys` (catalog keys, see profileFields) picks fields in that order; unknown keys are BAD_USER_INPUT. A field of a section withheld from you comes back with `withheld` set and no value. Without `keys`: every field of the sections you may see.',
  })
  async fields(
    @Root() enterprise: EnterpriseType,
    @Ctx() ctx: GraphqlContext,
    @Arg('keys', () => [String], { nullable: true }) keys: string[] | null,
  ): Promise<ProfileFieldValueType[]> {
    const principal = requirePrincipal(ctx);
    const asked = keys === null || keys === undefined ? null : parseFieldKeys(keys);
    // The row (with the sections asked about) and the access rules are read in the same batches as
    // the other fields' first reads; a withheld section's values are read with the row but never served.
    const askedSections = asked ? SECTIONS.filter((s) => asked.some((f) => f.section === s)) : [...SECTIONS];
    const [access, row] = await Promise.all([ctx.loaders.get(profileAccessLoader).load(enterprise.uscc), ctx.loaders.get(profileRowLoader).load({ uscc: enterprise.uscc, sections: askedSections })]);
    const visible = new Set(access.access.visible);
    const requested = asked ?? fieldsOfSections(access.access.visible);
    const served = SECTIONS.filter((s) => visible.has(s) && requested.some((f) => f.section === s));
    const withheld = asked ? SECTIONS.filter((s) => !visible.has(s) && asked.some((f) => f.section === s)) : access.access.withheld.map((w) => w.section);
    const provenance = served.length > 0 ? await ctx.loaders.get(provenanceLoader).load(enterprise.uscc) : null;
    if (row === null) return [];
    if (served.length > 0 || withheld.length > 0) ctx.access.note(enterprise.uscc, served, withheld, purposesOf(principal, access, served));
    const readings = new Map(readFields(row, provenance ?? undefined, requested.filter((f) => visible.has(f.section))).map((r) => [r.field.key, r]));
    const why = new Map(access.access.withheld.map((w) => [w.section, w]));
    return requested.map((f) => {
      const reading = readings.get(f.key);
      if (reading) return ProfileFieldValueType.from(reading);
      const w = why.get(f.section)!;
      return ProfileFieldValueType.withheldFrom(f, Object.assign(new WithheldSectionType(), { section: fromSectionKey(w.section), reason: w.reason, message: w.message }));
    });
  }

  @Authorized()
  @FieldResolver(() => ProfileChangeConnection, {
    description: "Changes of the profile's values since an instant, oldest first, from the change log; only fields of the sections you may see (withheld sections' changes are left out, and `access` lists them).",
  })
  async changes(
    @Root() enterprise: EnterpriseType,
    @Ctx() ctx: GraphqlContext,
    @Arg('since', () => Date) since: Date,
    @Arg('first', () => Int, { defaultValue: 20, description: 'Page size, 1 to 100.' }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
  ): Promise<Connection<ProfileChangeType>> {
    const principal = requirePrincipal(ctx);
    const limit = pageSize(first);
    const key = decodeCursor(CHANGES_CURSOR, after, 2);
    let position: { changedAt: Date; id: string } | null = null;
    if (key) {
      const changedAt = new Date(String(key[0]));
      if (Number.isNaN(changedAt.getTime()) || typeof key[1] !== 'string') throw new HubError('BAD_USER_INPUT', `after is not a cursor of this list (${CHANGES_CURSOR})`, { details: { argument: 'after' } });
      position = { changedAt, id: key[1] };
    }
    const { access } = await readState(ctx, enterprise.uscc);
    const visible = access.access.visible;
    const fieldKeys = PROFILE_FIELDS.filter((f) => visible.includes(f.section)).map((f) => f.key);
    const page = await ctx.loaders.get(changePageLoader).load({ uscc: enterprise.uscc, fieldKeys, window: { since, after: position, limit: limit + 1 } });
    ctx.access.note(enterprise.uscc, visible, access.access.withheld.map((w) => w.section), purposesOf(principal, access, visible));
    return toConnection(page.changes.map(ProfileChangeType.from), limit, page.total, (c) => encodeCursor(CHANGES_CURSOR, [c.changedAt.toISOString(), c.id]));
  }
}

/** The profile sections selected under `path` below the field being resolved, in catalog order. */
function selectedSections(info: GraphQLResolveInfo, path: readonly string[]): SectionKey[] {
  const names = selectedFieldNames(info, path);
  return SECTIONS.filter((s) => names.has(sectionFieldName(s)));
}
