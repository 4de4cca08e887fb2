import { nameKey } from '../../resolution/name-normalizer';
import type { DeriveContext } from './derive-context';
import type { PatentRecord } from './enterprise-records';
import { enterpriseNameKeys } from './ip-enterprise-names';
import { patentsAsOf, type PatentState, whileHeld } from './ip-patent-state';

/** Selections of the enterprise's patents on the as-of date that several fields share (memoised). */

/** Known patents of one type. */
export function patentsOfType(ctx: DeriveContext, type: PatentState['type']): readonly PatentState[] {
  return ctx.memo(`ip:type:${type}`, () => patentsAsOf(ctx).filter((s) => s.type === type));
}

/** Patents granted on or before the as-of date (whatever happened to them since). */
export function grantedPatents(ctx: DeriveContext): readonly PatentState[] {
  return ctx.memo('ip:granted', () => patentsAsOf(ctx).filter((s) => s.grantedOn !== null));
}

/** Patents in force on the as-of date and still held by the enterprise. */
export function validPatents(ctx: DeriveContext): readonly PatentState[] {
  return ctx.memo('ip:valid', () => patentsAsOf(ctx).filter((s) => s.inForce && s.held));
}

/** Patents whose right ended on or before the as-of date while the enterprise held them. */
export function endedWhileHeld(ctx: DeriveContext, kind: NonNullable<PatentState['end']>['kind']): readonly PatentState[] {
  return ctx.memo(`ip:ended:${kind}`, () => patentsAsOf(ctx).filter((s) => s.end !== null && s.end.kind === kind && whileHeld(s, s.end.on)));
}

/** Patents the enterprise filed with a university or research academy (大学, 学院: also 科学院) as co-applicant. */
const ACADEMIC = /大学|学院/;
const COMPANY = /(公司|企业|有限合伙[)）])$/;

export function universityCoApplications(ctx: DeriveContext): readonly PatentRecord[] {
  return ctx.memo('ip:university', () => {
    const own = enterpriseNameKeys(ctx);
    return patentsAsOf(ctx)
      .filter((s) => s.patent.data.applicants.some((a) => ACADEMIC.test(a) && !COMPANY.test(a.trim()) && !own.has(nameKey(a))))
      .map((s) => s.patent);
  });
}
