import { GraphQLLocalDate } from 'graphql-scalars';
import { Arg, Authorized, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { HubError } from '../../src/errors/hub-error';
import { purposesOf } from '../../src/profile/read/profile-access';
import { assessSciTech } from '../../src/scoring/sci-tech/sci-tech-assessment';
import { SCI_TECH_POLICIES, SCI_TECH_SECTIONS, sciTechPolicyInForce, sciTechSections } from '../../src/scoring/sci-tech/sci-tech-policies';
import { requirePrincipal } from '../auth/require-principal';
import type { GraphqlContext } from '../context';
import { profileAccessLoader, profileRowLoader } from '../loaders/profile.loaders';
import { fromSectionKey } from '../types/access/profile-section.enum';
import { EnterpriseType } from '../types/enterprise.type';
import { WithheldSectionType } from '../types/profile/profile-access.type';
import { SciTechAssessmentResultType, SciTechAssessmentType } from '../types/scoring/sci-tech-assessment.type';

/** `Enterprise.sciTechAssessment`: the 科创属性 assessment of the stored profile, consent-gated like the sections it reads. */
@Resolver(() => EnterpriseType)
export class EnterpriseSciTechResolver {
  @Authorized()
  @FieldResolver(() => SciTechAssessmentResultType, {
    nullable: true,
    description:
      '科创属性 (STAR Market sci-tech attribute) assessment of the stored profile: each criterion of the 科创属性评价指引 version in force with its values, thresholds, PASS / FAIL / UNKNOWN and the fields used. Served only when every profile section the assessment reads is visible to you (an INSTITUTION needs a consent in force covering them; the read is written to the access log); otherwise `assessment` is null and `unavailableReason` and `withheld` say why. Null only while the hub has not computed a profile.',
  })
  async sciTechAssessment(
    @Root() enterprise: EnterpriseType,
    @Ctx() ctx: GraphqlContext,
    @Arg('asOf', () => GraphQLLocalDate, {
      nullable: true,
      description:
        'Chooses the policy version: the one in force on this date (effective-from inclusive). Default: the stored profile’s as-of date. It only chooses the thresholds: the values are always the stored profile’s, as of its own as-of date (see `profileAsOf`); no past profile is recomputed.',
    })
    asOf: string | null,
  ): Promise<SciTechAssessmentResultType | null> {
    const principal = requirePrincipal(ctx);
    // Every version's sections in one read, batched with the other enterprises of a list.
    const [access, row] = await Promise.all([
      ctx.loaders.get(profileAccessLoader).load(enterprise.uscc),
      ctx.loaders.get(profileRowLoader).load({ uscc: enterprise.uscc, sections: SCI_TECH_SECTIONS }),
    ]);
    const policyDate = asOf ?? row?.asOf ?? null;
    const policy = policyDate === null ? undefined : sciTechPolicyInForce(policyDate);
    if (asOf !== null && asOf !== undefined && policy === undefined) {
      throw new HubError('BAD_USER_INPUT', `asOf ${asOf} is before the first 科创属性评价指引 version (in force from ${SCI_TECH_POLICIES[0]!.effectiveFrom})`, { details: { argument: 'asOf' } });
    }
    if (row === null) return null;
    if (policy === undefined) return SciTechAssessmentResultType.unavailable('NO_POLICY_IN_FORCE', `no 科创属性评价指引 version was in force on the profile's as-of date ${row.asOf}; pass asOf to choose one`);
    const needed = sciTechSections(policy);
    const missing = access.access.withheld.filter((w) => needed.includes(w.section));
    if (missing.length > 0) {
      ctx.access.note(enterprise.uscc, [], missing.map((w) => w.section), purposesOf(principal, access, []));
      return SciTechAssessmentResultType.unavailable(
        'SECTIONS_WITHHELD',
        `the assessment reads the ${needed.join(', ')} sections; withheld from you: ${missing.map((w) => `${w.section} (${w.reason})`).join(', ')}`,
        missing.map((w) => Object.assign(new WithheldSectionType(), { section: fromSectionKey(w.section), reason: w.reason, message: w.message })),
      );
    }
    ctx.access.note(enterprise.uscc, needed, [], purposesOf(principal, access, needed));
    return SciTechAssessmentResultType.served(SciTechAssessmentType.from(assessSciTech(policy, row.values), row.asOf, policyDate!));
  }
}
