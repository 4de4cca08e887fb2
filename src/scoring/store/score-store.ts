import { fieldByKey } from '../../profile/catalog/catalog';
import type { FieldValue } from '../../profile/catalog/field.types';
import type { Derived } from '../../profile/derive/derived';
import { fromColumn, toColumn } from '../../profile/storage/profile-values';
import { chunk, placeholders, type SqlRunner } from '../../ingest/sql-chunks';
import type { ScorecardModel } from '../scorecard/scorecard-model';
import { scoreProfile, type ScoreResult } from '../scorecard/score-profile';
import { scorecardInForce } from './score-models';

export interface ScoreWriteCounts {
  /** Scores computed and stored as current. */
  scored: number;
  /** History rows added: new enterprises and changed scores. */
  changed: number;
}

/**
 * The values a model reads, as the profile stores them: decimals and ratios rounded to their column's
 * scale. A score computed from freshly derived values thus equals one computed from the stored row
 * (same bins, same input hash).
 */
export function scoreInputs(model: ScorecardModel, values: ReadonlyMap<string, Derived | FieldValue>): Map<string, FieldValue> {
  const out = new Map<string, FieldValue>();
  for (const c of model.characteristics) {
    const raw = values.get(c.field) ?? null;
    const value = raw !== null && typeof raw === 'object' ? (raw as Derived).value : (raw as FieldValue);
    const field = fieldByKey(c.field)!;
    out.set(c.field, fromColumn(field, toColumn(field, value)));
  }
  return out;
}

/** A profile's score with the model in force on its as-of date; undefined before the first model. */
export function scoreOf(values: ReadonlyMap<string, Derived | FieldValue>, asOf: string): ScoreResult | undefined {
  const model = scorecardInForce(asOf);
  return model === undefined ? undefined : scoreProfile(model, scoreInputs(model, values));
}

const COLUMNS = [
  'uscc',
  'model_version',
  'as_of',
  'status',
  'score',
  'grade',
  'probability_of_default',
  'log_odds',
  'present',
  'sub_scores',
  'reasons',
  'missing',
  'input_hash',
  'computed_at',
] as const;
const q = (c: string) => `\`${c}\``;
const ROWS_PER_STATEMENT = 500;
const UPSERT_TAIL = ` ON DUPLICATE KEY UPDATE ${COLUMNS.filter((c) => c !== 'uscc')
  .map((c) => `${q(c)} = VALUES(${q(c)})`)
  .join(', ')}`;

function rowOf(uscc: string, asOf: string, r: ScoreResult, computedAt: Date): unknown[] {
  const scored = r.status === 'SCORED';
  return [
    uscc,
    r.modelVersion,
    asOf,
    r.status,
    scored ? r.score : null,
    scored ? r.grade : null,
    scored ? r.probabilityOfDefault : null,
    scored ? r.logOdds : null,
    scored ? r.characteristics.filter((c) => c.value !== null).length : r.present,
    JSON.stringify(scored ? r.subScores : []),
    JSON.stringify(scored ? r.reasons : []),
    JSON.stringify(scored ? [] : r.missing),
    r.inputHash,
    computedAt,
  ];
}

/**
 * Scores a batch of just computed profiles with the model in force on `asOf` and stores them: every
 * score becomes the enterprise's current one (`enterprise_score`, one multi-row upsert per 500), and
 * a score whose model version or input hash differs from the stored one (or the first) is added to
 * `enterprise_score_history`. One read of the stored hashes, then multi-row writes; runs inside the
 * caller's transaction. Before the first model's effective date nothing is scored.
 */
export async function storeScores(
  db: SqlRunner,
  profiles: ReadonlyArray<{ uscc: string; values: ReadonlyMap<string, Derived | FieldValue> }>,
  options: { asOf: string; computedAt: Date },
): Promise<ScoreWriteCounts> {
  const model = scorecardInForce(options.asOf);
  if (model === undefined || profiles.length === 0) return { scored: 0, changed: 0 };
  const rows = profiles.map((p) => rowOf(p.uscc, options.asOf, scoreProfile(model, scoreInputs(model, p.values)), options.computedAt));

  const stored = new Map<string, string>();
  for (const part of chunk(profiles, 1000)) {
    const found = (await db.query(`SELECT \`uscc\`, \`model_version\`, \`input_hash\` FROM \`enterprise_score\` WHERE \`uscc\` IN (${part.map(() => '?').join(',')})`, part.map((p) => p.uscc))) as Array<{
      uscc: string;
      model_version: string;
      input_hash: string;
    }>;
    for (const f of found) stored.set(f.uscc, `${f.model_version}|${f.input_hash}`);
  }
  // Column 1 is the model version and 12 the input hash (see COLUMNS).
  const changed = rows.filter((r) => stored.get(r[0] as string) !== `${r[1] as string}|${r[12] as string}`);

  const columns = COLUMNS.map(q).join(',');
  for (const part of chunk(rows, ROWS_PER_STATEMENT)) {
    await db.query(`INSERT INTO \`enterprise_score\` (${columns}) VALUES ${placeholders(part.length, COLUMNS.length)}${UPSERT_TAIL}`, part.flat());
  }
  for (const part of chunk(changed, ROWS_PER_STATEMENT)) {
    await db.query(`INSERT INTO \`enterprise_score_history\` (${columns}) VALUES ${placeholders(part.length, COLUMNS.length)}`, part.flat());
  }
  return { scored: rows.length, changed: changed.length };
}
