import { GraphQLLocalDate } from 'graphql-scalars';
import { Arg, Authorized, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { HubError } from '../../src/errors/hub-error';
import type { SectionKey } from '../../src/profile/catalog/field.types';
import { cstDate } from '../../src/profile/derive/calendar';
import { purposesOf } from '../../src/profile/read/profile-access';
import { patentFactsAsOf } from '../../src/scoring/patent-value/patent-facts';
import { summarisePatentValues, valuePatent, type PatentValuation } from '../../src/scoring/patent-value/patent-value';
import { PATENT_VALUE_MODELS, patentValueModelInForce, type PatentValueModel } from '../../src/scoring/patent-value/patent-value-models';
import { requirePrincipal } from '../auth/require-principal';
import type { GraphqlContext } from '../context';
import { patentRecordsLoader } from '../loaders/patent.loaders';
import { profileAccessLoader, profileRowLoader } from '../loaders/profile.loaders';
import { decodeCursor, encodeCursor, pageSize } from '../pagination/page-args';
import { toConnection } from '../pagination/connection.type';
import { fromSectionKey } from '../types/access/profile-section.enum';
import { EnterpriseType } from '../types/enterprise.type';
import { WithheldSectionType } from '../types/profile/profile-access.type';
import { PatentValueModelType, PatentValuesResultType, PatentValueSummaryResultType, PatentValueSummaryType, PatentValueType, type PatentValueUnavailableReason } from '../types/scoring/patent-value.type';

/** Patent values read only the patent records, which the profile shows in this section. */
const SECTIONS: readonly SectionKey[] = ['intellectual_property'];
const CURSOR = 'patent-value';

const AS_OF_DESCRIPTION =
  'Values the patents as they stood at the end of this day (status, term, legal events rebuilt from the stored records; citation counts are the latest the office reported) under the model in force then. Default: the stored profile’s as-of date, or today (CST) when the hub has no profile of the enterprise.';

interface Gate {
  asOf: string;
  model: PatentValueModel | undefined;
  unavailable: { reason: PatentValueUnavailableReason; message: string; withheld: WithheldSectionType[] } | null;
}

/** `Enterprise.patents` and `Enterprise.patentValueSummary`: patent value degrees, consent-gated on INTELLECTUAL_PROPERTY. */
@Resolver(() => EnterpriseType)
export class EnterprisePatentsResolver {
  /** The as-of date and model, and whether the principal may see the values; notes the read (or the withholding) in the access log. */
  private async gate(enterprise: EnterpriseType, ctx: GraphqlContext, asOf: string | null | undefined): Promise<Gate> {
    const principal = requirePrincipal(ctx);
    if (asOf !== null && asOf !== undefined && patentValueModelInForce(asOf) === undefined) {
      throw new HubError('BAD_USER_INPUT', `asOf ${asOf} is before the first patent value model (in force from ${PATENT_VALUE_MODELS[0]!.effectiveFrom})`, { details: { argument: 'asOf' } });
    }
    const [access, row] = await Promise.all([ctx.loaders.get(profileAccessLoader).load(enterprise.uscc), ctx.loaders.get(profileRowLoader).load({ uscc: enterprise.uscc, sections: [] })]);
    const date = asOf ?? row?.asOf ?? cstDate(new Date());
    const model = patentValueModelInForce(date);
    const missing = access.access.withheld.filter((w) => SECTIONS.includes(w.section));
    if (missing.length > 0) {
      ctx.access.note(enterprise.uscc, [], missing.map((w) => w.section), purposesOf(principal, access, []));
      return {
        asOf: date,
        model,
        unavailable: {
          reason: 'SECTIONS_WITHHELD',
          message: `patent values read the ${SECTIONS.join(', ')} section; withheld from you: ${missing.map((w) => `${w.section} (${w.reason})`).join(', ')}`,
          withheld: missing.map((w) => Object.assign(new WithheldSectionType(), { section: fromSectionKey(w.section), reason: w.reason, message: w.message })),
        },
      };
    }
    if (model === undefined) return { asOf: date, model, unavailable: { reason: 'NO_MODEL_IN_FORCE', message: `no patent value model was in force on ${date}; pass asOf on or after ${PATENT_VALUE_MODELS[0]!.effectiveFrom}`, withheld: [] } };
    ctx.access.note(enterprise.uscc, SECTIONS, [], purposesOf(principal, access, SECTIONS));
    return { asOf: date, model, unavailable: null };
  }

  private async valuations(enterprise: EnterpriseType, ctx: GraphqlContext, asOf: string, model: PatentValueModel): Promise<PatentValuation[]> {
    const records = await ctx.loaders.get(patentRecordsLoader).load(enterprise.uscc);
    return patentFactsAsOf(records, asOf).map((f) => valuePatent(model, f));
  }

  @Authorized()
  @FieldResolver(() => PatentValuesResultType, {
    description:
      'The enterprise’s patents known on `asOf` (published or granted by then, whatever their status), by application number, each with its legal, technical and economic value degree (GB/T 42748-2023 dimensions, financing scenario), the indicators used, the overall degree and a grade. Served only when INTELLECTUAL_PROPERTY is visible to you (an INSTITUTION needs a consent in force covering it; the read is written to the access log); otherwise `patents` is null and `unavailableReason` says why.',
  })
  async patents(
    @Root() enterprise: EnterpriseType,
    @Ctx() ctx: GraphqlContext,
    @Arg('first', () => Int, { nullable: true, description: 'Page size, 1–100 (default 20).' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'An endCursor of this list.' }) after: string | null,
    @Arg('asOf', () => GraphQLLocalDate, { nullable: true, description: AS_OF_DESCRIPTION }) asOf: string | null,
  ): Promise<PatentValuesResultType> {
    const limit = pageSize(first);
    const cursor = decodeCursor(CURSOR, after, 1);
    const gate = await this.gate(enterprise, ctx, asOf);
    const base = { asOf: gate.asOf, model: gate.model ? PatentValueModelType.from(gate.model) : null };
    if (gate.unavailable !== null) return Object.assign(new PatentValuesResultType(), base, { patents: null, unavailableReason: gate.unavailable.reason, message: gate.unavailable.message, withheld: gate.unavailable.withheld });
    const all = await this.valuations(enterprise, ctx, gate.asOf, gate.model!);
    // Keyset on the application number (unique per patent; the list is sorted by it).
    const from = cursor === null ? all : all.filter((v) => v.facts.applicationNo > String(cursor[0]));
    const page = toConnection(from.slice(0, limit + 1).map(PatentValueType.from), limit, all.length, (p) => encodeCursor(CURSOR, [p.applicationNo]));
    return Object.assign(new PatentValuesResultType(), base, { patents: page, unavailableReason: null, message: null, withheld: [] });
  }

  @Authorized()
  @FieldResolver(() => PatentValueSummaryResultType, {
    description:
      'The enterprise’s patent portfolio under the patent value model: counts, high-value invention patents (valid inventions with overall ≥ the model’s threshold), pledgeable patents and pledgeable value. Gated like `patents`.',
  })
  async patentValueSummary(
    @Root() enterprise: EnterpriseType,
    @Ctx() ctx: GraphqlContext,
    @Arg('asOf', () => GraphQLLocalDate, { nullable: true, description: AS_OF_DESCRIPTION }) asOf: string | null,
  ): Promise<PatentValueSummaryResultType> {
    const gate = await this.gate(enterprise, ctx, asOf);
    const base = { asOf: gate.asOf, model: gate.model ? PatentValueModelType.from(gate.model) : null };
    if (gate.unavailable !== null) return Object.assign(new PatentValueSummaryResultType(), base, { summary: null, unavailableReason: gate.unavailable.reason, message: gate.unavailable.message, withheld: gate.unavailable.withheld });
    const summary = summarisePatentValues(gate.model!, await this.valuations(enterprise, ctx, gate.asOf, gate.model!));
    return Object.assign(new PatentValueSummaryResultType(), base, { summary: PatentValueSummaryType.from(summary), unavailableReason: null, message: null, withheld: [] });
  }
}
