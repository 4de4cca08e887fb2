import { createHash } from 'node:crypto';
import { z } from 'zod';
import { fieldByKey } from '../../profile/catalog/catalog';
import type { FieldDef } from '../../profile/catalog/field.types';
import { canonicalJson } from '../../ingest/content-hash';

/** The six dimensions a score is broken into, in the order a credit officer reads them. */
export const SCORE_DIMENSIONS = ['OPERATIONS', 'TAX', 'COMPLIANCE', 'INNOVATION', 'TALENT', 'FINANCING'] as const;
export type ScoreDimension = (typeof SCORE_DIMENSIONS)[number];

const text = z.string().trim().min(1);
const reasonSchema = z
  .object({
    code: z.string().regex(/^[A-Z][A-Z0-9_]{2,47}$/, 'reason codes are UPPER_SNAKE, 3–48 characters'),
    zh: text.regex(/[\u4e00-\u9fff]/, 'zh must be a Chinese sentence'),
    en: text.regex(/[A-Za-z]{3}/, 'en must be an English sentence'),
  })
  .strict();

/**
 * Which values a bin takes. Ranges are half-open, `min ≤ value < max` (null = unbounded), so a
 * boundary value always falls into the bin it opens.
 */
const whenSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('null') }).strict(),
  z.object({ kind: z.literal('range'), min: z.number().finite().nullable(), max: z.number().finite().nullable() }).strict(),
  z.object({ kind: z.literal('in'), values: z.array(text).min(1) }).strict(),
  z.object({ kind: z.literal('is'), value: z.boolean() }).strict(),
]);

const binSchema = z
  .object({
    when: whenSchema,
    points: z.number().int().min(0),
    /** Why this bin costs points against the characteristic's best bin; null only on a best bin. */
    reason: reasonSchema.nullable(),
  })
  .strict();

const characteristicSchema = z
  .object({
    /** Catalog key of the profile field the characteristic reads (one characteristic per field). */
    field: text,
    dimension: z.enum(SCORE_DIMENSIONS),
    /** A required characteristic without data makes the score INSUFFICIENT_DATA. */
    required: z.boolean(),
    /** For range bins: which way risk falls, checked against the points; null for enum/boolean fields. */
    direction: z.enum(['HIGHER_IS_BETTER', 'LOWER_IS_BETTER']).nullable(),
    bins: z.array(binSchema).min(2),
  })
  .strict();

const gradeSchema = z
  .object({
    grade: z.string().regex(/^[A-Z]{1,3}$/),
    /** Lowest score of the band; null on the last (lowest) band only. */
    minScore: z.number().int().nullable(),
    zh: text,
    en: text,
  })
  .strict();

const modelSchema = z
  .object({
    modelVersion: z.string().regex(/^scorecard-\d{4}\.\d+$/, "model versions look like 'scorecard-2026.1'"),
    /** `YYYY-MM-DD`: first as-of date the model is meant for. */
    effectiveFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    description: text,
    /** Score = offset + factor × ln(good:bad odds), factor = pdo / ln 2, offset = points0 − factor × ln(odds0). */
    scaling: z.object({ points0: z.number().positive(), odds0: z.number().positive(), pdo: z.number().positive() }).strict(),
    /** Points every scored enterprise gets before its characteristics' points (the intercept's share). */
    basePoints: z.number().int(),
    /** Range every achievable score must lie in (checked against the bins' points). */
    scoreRange: z.object({ min: z.number().int(), max: z.number().int() }).strict(),
    /** Fewest characteristics with data (a non-null value) for a score; fewer is INSUFFICIENT_DATA. */
    minimumPresent: z.number().int().min(1),
    grades: z.array(gradeSchema).min(2),
    characteristics: z.array(characteristicSchema).min(1),
  })
  .strict();

export type ScorecardReason = z.infer<typeof reasonSchema>;
export type BinCondition = z.infer<typeof whenSchema>;
export type ScorecardBin = z.infer<typeof binSchema>;
export type ScorecardGrade = z.infer<typeof gradeSchema>;
export type ScorecardModelSpec = z.infer<typeof modelSchema>;

export interface ScorecardCharacteristic extends z.infer<typeof characteristicSchema> {
  /** The catalog field it reads. */
  readonly def: FieldDef;
  readonly maxPoints: number;
  readonly minPoints: number;
}

/** A validated scorecard model with its derived scaling constants. */
export interface ScorecardModel extends Omit<ScorecardModelSpec, 'characteristics'> {
  readonly characteristics: readonly ScorecardCharacteristic[];
  /** pdo / ln 2: points per unit of ln(odds). */
  readonly factor: number;
  /** points0 − factor × ln(odds0): the score at even odds (1:1). */
  readonly offset: number;
  /** sha256 (first 16 hex) of the model's canonical JSON: changes with any edit, version bumped or not. */
  readonly digest: string;
}

/** The model file is wrong: every problem found, each naming where it is. */
export class ScorecardModelError extends Error {
  constructor(
    readonly source: string,
    readonly issues: readonly string[],
  ) {
    super(`scorecard model ${source} is invalid:\n- ${issues.join('\n- ')}`);
    this.name = 'ScorecardModelError';
  }
}

const NUMERIC_TYPES = new Set(['integer', 'decimal', 'money', 'ratio']);

/**
 * Parses and checks a scorecard model (the JSON of a model file): its shape (zod), then what a
 * shape cannot say: every field exists in the profile catalog and fits its bins; range bins are
 * contiguous from −∞ to +∞ and their points monotonic in the declared direction; enum bins cover
 * every value once; a non-required characteristic scores null explicitly; every bin below the
 * characteristic's best has a reason, each code used by one characteristic only; grades descend;
 * and every achievable score lies in `scoreRange`. Throws a ScorecardModelError listing all problems.
 */
export function loadScorecardModel(raw: unknown, source = 'model'): ScorecardModel {
  const parsed = modelSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ScorecardModelError(
      source,
      parsed.error.issues.map((i) => `${i.path.length > 0 ? i.path.join('.') : '(root)'}: ${i.message}`),
    );
  }
  const spec = parsed.data;
  const issues: string[] = [];
  const codeOwner = new Map<string, string>();
  const seen = new Set<string>();
  const characteristics: ScorecardCharacteristic[] = [];

  spec.characteristics.forEach((c, ci) => {
    const at = `characteristics.${ci} (${c.field})`;
    if (seen.has(c.field)) issues.push(`${at}: field '${c.field}' has more than one characteristic`);
    seen.add(c.field);
    const def = fieldByKey(c.field);
    if (!def) {
      issues.push(`${at}: '${c.field}' is not a profile catalog field`);
      return;
    }
    const points = c.bins.map((b) => b.points);
    const maxPoints = Math.max(...points);
    const minPoints = Math.min(...points);
    issues.push(...checkBins(at, c, def));
    c.bins.forEach((b, bi) => {
      if (b.reason === null && b.points < maxPoints) issues.push(`${at}.bins.${bi}: scores ${b.points} < best ${maxPoints} points but has no reason`);
      if (b.reason) {
        const owner = codeOwner.get(b.reason.code);
        if (owner !== undefined && owner !== c.field) issues.push(`${at}.bins.${bi}: reason code ${b.reason.code} is already used by '${owner}'`);
        codeOwner.set(b.reason.code, c.field);
      }
    });
    const nullBins = c.bins.filter((b) => b.when.kind === 'null').length;
    if (c.required && nullBins > 0) issues.push(`${at}: a required characteristic has no null bin (no data means INSUFFICIENT_DATA)`);
    if (!c.required && nullBins !== 1) issues.push(`${at}: needs exactly one null bin (how an enterprise without this data scores), found ${nullBins}`);
    characteristics.push({ ...c, def, maxPoints, minPoints });
  });

  for (const d of SCORE_DIMENSIONS) {
    if (!spec.characteristics.some((c) => c.dimension === d)) issues.push(`dimension ${d} has no characteristic`);
  }
  const required = spec.characteristics.filter((c) => c.required).length;
  if (spec.minimumPresent > spec.characteristics.length) issues.push(`minimumPresent ${spec.minimumPresent} exceeds the ${spec.characteristics.length} characteristics`);
  if (spec.minimumPresent < required) issues.push(`minimumPresent ${spec.minimumPresent} is below the ${required} required characteristics`);

  spec.grades.forEach((g, gi) => {
    const last = gi === spec.grades.length - 1;
    if (last !== (g.minScore === null)) issues.push(`grades.${gi} (${g.grade}): ${last ? 'the lowest band must have minScore null' : 'minScore may be null on the lowest band only'}`);
    const prev = spec.grades[gi - 1];
    if (gi > 0 && g.minScore !== null && prev?.minScore != null && g.minScore >= prev.minScore) issues.push(`grades.${gi} (${g.grade}): minScore ${g.minScore} must be below ${prev.grade}'s ${prev.minScore}`);
  });
  if (new Set(spec.grades.map((g) => g.grade)).size !== spec.grades.length) issues.push('grades: grade names repeat');

  const lowest = spec.basePoints + characteristics.reduce((s, c) => s + c.minPoints, 0);
  const highest = spec.basePoints + characteristics.reduce((s, c) => s + c.maxPoints, 0);
  if (characteristics.length === spec.characteristics.length && (lowest < spec.scoreRange.min || highest > spec.scoreRange.max)) {
    issues.push(`scoreRange: achievable scores ${lowest}–${highest} fall outside ${spec.scoreRange.min}–${spec.scoreRange.max}`);
  }

  if (issues.length > 0) throw new ScorecardModelError(source, issues);
  const factor = spec.scaling.pdo / Math.LN2;
  return {
    ...spec,
    characteristics,
    factor,
    offset: spec.scaling.points0 - factor * Math.log(spec.scaling.odds0),
    digest: createHash('sha256').update(canonicalJson(spec)).digest('hex').slice(0, 16),
  };
}

function checkBins(at: string, c: z.infer<typeof characteristicSchema>, def: FieldDef): string[] {
  const issues: string[] = [];
  const kinds = new Set(c.bins.filter((b) => b.when.kind !== 'null').map((b) => b.when.kind));
  const expected = NUMERIC_TYPES.has(def.type) ? 'range' : def.type === 'enum' ? 'in' : def.type === 'boolean' ? 'is' : null;
  if (expected === null) return [`${at}: field type ${def.type} cannot be binned`];
  if (kinds.size !== 1 || !kinds.has(expected)) return [`${at}: a ${def.type} field takes '${expected}' bins (plus one null bin), found ${[...kinds].join(', ') || 'none'}`];

  if (expected === 'range') {
    if (c.direction === null) issues.push(`${at}: range bins need a direction (HIGHER_IS_BETTER or LOWER_IS_BETTER)`);
    const ranges = c.bins.flatMap((b) => (b.when.kind === 'range' ? [{ ...b.when, points: b.points }] : []));
    ranges.forEach((r, i) => {
      if (i === 0 && r.min !== null) issues.push(`${at}: the first range bin must start at −∞ (min null), found ${r.min}`);
      if (i === ranges.length - 1 && r.max !== null) issues.push(`${at}: the last range bin must end at +∞ (max null), found ${r.max}`);
      if (r.min !== null && r.max !== null && r.min >= r.max) issues.push(`${at}: range bin [${r.min}, ${r.max}) is empty`);
      const prev = ranges[i - 1];
      if (prev && prev.max !== r.min) issues.push(`${at}: range bins must be contiguous and ascending: [${prev.min}, ${prev.max}) is followed by [${r.min}, ${r.max})`);
      if (prev && c.direction === 'HIGHER_IS_BETTER' && r.points < prev.points) issues.push(`${at}: points must not fall as the value rises (HIGHER_IS_BETTER): ${prev.points} then ${r.points} from ${r.min}`);
      if (prev && c.direction === 'LOWER_IS_BETTER' && r.points > prev.points) issues.push(`${at}: points must not rise as the value rises (LOWER_IS_BETTER): ${prev.points} then ${r.points} from ${r.min}`);
    });
  } else {
    if (c.direction !== null) issues.push(`${at}: direction applies to range bins only; use null`);
    const taken = c.bins.flatMap((b) => (b.when.kind === 'in' ? b.when.values : b.when.kind === 'is' ? [String(b.when.value)] : []));
    const all = expected === 'in' ? [...(def.values ?? [])] : ['true', 'false'];
    const dup = taken.filter((v, i) => taken.indexOf(v) !== i);
    const unknown = taken.filter((v) => !all.includes(v));
    const uncovered = all.filter((v) => !taken.includes(v));
    if (dup.length > 0) issues.push(`${at}: values in more than one bin: ${[...new Set(dup)].join(', ')}`);
    if (unknown.length > 0) issues.push(`${at}: values the field cannot take: ${unknown.join(', ')}`);
    if (uncovered.length > 0) issues.push(`${at}: values in no bin: ${uncovered.join(', ')}`);
  }
  return issues;
}
