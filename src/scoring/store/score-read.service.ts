import type { DataSource } from 'typeorm';
import { filterSql, type AggregateFilter } from '../../aggregates/aggregate-filter';
import { HubError } from '../../errors/hub-error';
import type { SqlRunner } from '../../ingest/sql-chunks';
import { deriveProfile } from '../../profile/derive/derive-profile';
import { profileAsOf } from '../../profile/pipeline/profile.service';
import { loadEnterpriseRecords } from '../../profile/storage/records.loader';
import { SCORECARD_MODELS } from '../models/scorecard-models';
import type { DimensionScore, MissingCharacteristic, ScoreReason, ScoreResult } from '../scorecard/score-profile';
import { scoreProfile } from '../scorecard/score-profile';
import { SCORE_GRADES, scorecardInForce } from './score-models';
import { scoreInputs } from './score-store';

/** A score as stored (current or historical), or as recomputed for a past date. */
export interface StoredScore {
  uscc: string;
  /** History row id; null for the current row and for a recomputation. */
  id: string | null;
  modelVersion: string;
  asOf: string;
  status: 'SCORED' | 'INSUFFICIENT_DATA';
  score: number | null;
  grade: string | null;
  probabilityOfDefault: number | null;
  logOdds: number | null;
  present: number;
  subScores: DimensionScore[];
  reasons: ScoreReason[];
  missing: MissingCharacteristic[];
  inputHash: string;
  computedAt: Date;
}

const SELECT =
  "`uscc`, `model_version`, DATE_FORMAT(`as_of`, '%Y-%m-%d') AS `as_of`, `status`, `score`, `grade`, `probability_of_default`, `log_odds`, `present`, `sub_scores`, `reasons`, `missing`, `input_hash`, `computed_at`";

interface ScoreRow {
  id?: string | number;
  uscc: string;
  model_version: string;
  as_of: string;
  status: string;
  score: number | null;
  grade: string | null;
  probability_of_default: number | null;
  log_odds: number | null;
  present: number;
  sub_scores: string;
  reasons: string;
  missing: string;
  input_hash: string;
  computed_at: Date;
}

function fromRow(r: ScoreRow): StoredScore {
  return {
    uscc: r.uscc,
    id: r.id === undefined ? null : String(r.id),
    modelVersion: r.model_version,
    asOf: r.as_of,
    status: r.status === 'SCORED' ? 'SCORED' : 'INSUFFICIENT_DATA',
    score: r.score === null ? null : Number(r.score),
    grade: r.grade,
    probabilityOfDefault: r.probability_of_default === null ? null : Number(r.probability_of_default),
    logOdds: r.log_odds === null ? null : Number(r.log_odds),
    present: Number(r.present),
    subScores: JSON.parse(r.sub_scores) as DimensionScore[],
    reasons: JSON.parse(r.reasons) as ScoreReason[],
    missing: JSON.parse(r.missing) as MissingCharacteristic[],
    inputHash: r.input_hash,
    computedAt: r.computed_at,
  };
}

/** A freshly computed result in the stored shape. */
export function toStoredScore(uscc: string, asOf: string, r: ScoreResult, computedAt: Date): StoredScore {
  const scored = r.status === 'SCORED';
  return {
    uscc,
    id: null,
    modelVersion: r.modelVersion,
    asOf,
    status: r.status,
    score: scored ? r.score : null,
    grade: scored ? r.grade : null,
    probabilityOfDefault: scored ? r.probabilityOfDefault : null,
    logOdds: scored ? r.logOdds : null,
    present: scored ? r.characteristics.filter((c) => c.value !== null).length : r.present,
    subScores: scored ? r.subScores : [],
    reasons: scored ? r.reasons : [],
    missing: scored ? [] : r.missing,
    inputHash: r.inputHash,
    computedAt,
  };
}

/** The current scores of the given enterprises, by USCC: one statement. */
export async function loadScores(db: SqlRunner, usccs: readonly string[]): Promise<Map<string, StoredScore>> {
  if (usccs.length === 0) return new Map();
  const rows = (await db.query(`SELECT ${SELECT} FROM \`enterprise_score\` WHERE \`uscc\` IN (${usccs.map(() => '?').join(',')})`, [...usccs])) as ScoreRow[];
  return new Map(rows.map((r) => [r.uscc, fromRow(r)]));
}

export interface ScoreHistoryPage {
  scores: StoredScore[];
  total: number;
}

/**
 * A page of each enterprise's score history, newest first (by id), after the history row `afterId`,
 * with the totals: two statements for any number of enterprises.
 */
export async function scoreHistoryPages(db: SqlRunner, usccs: readonly string[], window: { afterId: string | null; limit: number }): Promise<Map<string, ScoreHistoryPage>> {
  const out = new Map<string, ScoreHistoryPage>(usccs.map((u) => [u, { scores: [], total: 0 }]));
  if (usccs.length === 0) return out;
  const inList = `\`uscc\` IN (${usccs.map(() => '?').join(',')})`;
  const totals = (await db.query(`SELECT \`uscc\`, COUNT(*) AS n FROM \`enterprise_score_history\` WHERE ${inList} GROUP BY \`uscc\``, [...usccs])) as Array<{ uscc: string; n: string | number }>;
  for (const t of totals) out.get(t.uscc)!.total = Number(t.n);
  const cursor = window.afterId === null ? '' : ' AND `id` < ?';
  const rows = (await db.query(
    `SELECT * FROM (SELECT \`id\`, ${SELECT}, ROW_NUMBER() OVER (PARTITION BY \`uscc\` ORDER BY \`id\` DESC) AS \`rn\` FROM \`enterprise_score_history\` WHERE ${inList}${cursor}) AS page WHERE \`rn\` <= ? ORDER BY \`uscc\`, \`rn\``,
    [...usccs, ...(window.afterId === null ? [] : [window.afterId]), window.limit],
  )) as ScoreRow[];
  for (const r of rows) out.get(r.uscc)!.scores.push(fromRow(r));
  return out;
}

function modelFor(asOf: string) {
  const model = scorecardInForce(asOf);
  if (!model) {
    const first = [...SCORECARD_MODELS.values()].map((m) => m.effectiveFrom).sort()[0];
    throw new HubError('BAD_USER_INPUT', `asOf ${asOf} is before the first scorecard model (in force from ${first})`, { details: { argument: 'asOf' } });
  }
  return model;
}

/**
 * Reproduces an enterprise's score as of a past date: its profile recomputed from the stored records
 * as of that date (`profileAsOf`) and scored with the model version in force then. Nothing is stored.
 */
export async function scoreAsOf(db: DataSource, uscc: string, asOf: string): Promise<StoredScore> {
  const model = modelFor(asOf);
  const profile = await profileAsOf(db, uscc, asOf);
  return toStoredScore(uscc, asOf, scoreProfile(model, scoreInputs(model, profile.values)), profile.computedAt);
}

/**
 * `scoreAsOf` for many enterprises at once: the same derivation as `profileAsOf`, with the records of
 * every enterprise loaded in one statement (for GraphQL lists).
 */
export async function scoresAsOf(db: DataSource, usccs: readonly string[], asOf: string): Promise<Map<string, StoredScore>> {
  const model = modelFor(asOf);
  const computedAt = new Date();
  const records = await loadEnterpriseRecords(db, [...usccs]);
  return new Map(records.map((r) => [r.uscc, toStoredScore(r.uscc, asOf, scoreProfile(model, scoreInputs(model, deriveProfile(r, asOf))), computedAt)]));
}

export interface GradeBucket {
  /** A grade, or null for INSUFFICIENT_DATA. */
  grade: string | null;
  count: number;
}

export interface GradeDistribution {
  /** Enterprises with a stored score (matching the filter). */
  total: number;
  scored: number;
  insufficientData: number;
  /** Every grade of the known models, best first (zero counts included), then the insufficient-data bucket. */
  buckets: GradeBucket[];
}

/** Current scores counted per grade in one GROUP BY over `enterprise_score` joined to the profile for the filter. */
export async function gradeDistribution(db: SqlRunner, filter: AggregateFilter): Promise<GradeDistribution> {
  const { where, params } = filterSql(filter);
  const rows = (await db.query(
    `SELECT s.\`grade\` AS \`grade\`, COUNT(*) AS n FROM \`enterprise_score\` s JOIN \`enterprise_profile\` p ON p.\`uscc\` = s.\`uscc\` WHERE ${where} GROUP BY s.\`grade\``,
    params,
  )) as Array<{ grade: string | null; n: string | number }>;
  const counts = new Map(rows.map((r) => [r.grade, Number(r.n)]));
  const buckets = [...SCORE_GRADES.map((grade) => ({ grade, count: counts.get(grade) ?? 0 })), { grade: null, count: counts.get(null) ?? 0 }];
  const total = buckets.reduce((s, b) => s + b.count, 0);
  const insufficientData = counts.get(null) ?? 0;
  return { total, scored: total - insufficientData, insufficientData, buckets };
}
