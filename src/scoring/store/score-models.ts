import { fieldByKey } from '../../profile/catalog/catalog';
import { SECTIONS, type SectionKey } from '../../profile/catalog/field.types';
import { SCORECARD_MODELS } from '../models/scorecard-models';
import type { ScorecardModel } from '../scorecard/scorecard-model';

/**
 * The scorecard model in force on a date: the version with the latest `effectiveFrom` on or before
 * it; undefined before the first version.
 */
export function scorecardInForce(date: string, models: Iterable<ScorecardModel> = SCORECARD_MODELS.values()): ScorecardModel | undefined {
  let found: ScorecardModel | undefined;
  for (const m of models) if (m.effectiveFrom <= date && (!found || m.effectiveFrom > found.effectiveFrom)) found = m;
  return found;
}

/** The profile sections a model reads, in catalog order. */
export function scorecardSections(model: ScorecardModel): SectionKey[] {
  const used = new Set(model.characteristics.map((c) => fieldByKey(c.field)!.section));
  return SECTIONS.filter((s) => used.has(s));
}

/** The sections any known model reads: what a stored score, current or past, may have been computed from. */
export const SCORE_SECTIONS: readonly SectionKey[] = SECTIONS.filter((s) => [...SCORECARD_MODELS.values()].some((m) => scorecardSections(m).includes(s)));

/** Every grade of every known model, best first as the newest model orders them, then older ones' extras. */
export const SCORE_GRADES: readonly string[] = [
  ...new Set(
    [...SCORECARD_MODELS.values()]
      .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? 1 : -1))
      .flatMap((m) => m.grades.map((g) => g.grade)),
  ),
];
