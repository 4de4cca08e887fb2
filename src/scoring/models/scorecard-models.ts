import { loadScorecardModel, type ScorecardModel } from '../scorecard/scorecard-model';
import scorecard2026v1 from './scorecard-2026.1.json';

/**
 * Every scorecard model version the hub knows, validated at import. Old versions stay here after a
 * new one lands, so a stored score can be recomputed with the model it names.
 */
export const SCORECARD_MODELS: ReadonlyMap<string, ScorecardModel> = new Map(
  [loadScorecardModel(scorecard2026v1, 'src/scoring/models/scorecard-2026.1.json')].map((m) => [m.modelVersion, m]),
);

/** The model for new scores: the version with the latest effectiveFrom. */
export const CURRENT_SCORECARD: ScorecardModel = [...SCORECARD_MODELS.values()].reduce((a, b) => (b.effectiveFrom > a.effectiveFrom ? b : a));

/** The model of a version, or undefined when the hub has no such version. */
export function scorecardModel(version: string): ScorecardModel | undefined {
  return SCORECARD_MODELS.get(version);
}
