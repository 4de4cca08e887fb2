import type { FieldDef } from '../../profile/catalog/field.types';
import { SCORE_DIMENSIONS, type BinCondition, type ScorecardModel, type ScoreDimension } from './scorecard-model';

const DIMENSION_TITLES: Record<ScoreDimension, string> = {
  OPERATIONS: 'Operations (utilities, operating history) · 经营（水电、经营年限）',
  TAX: 'Tax · 纳税',
  COMPLIANCE: 'Compliance · 合规',
  INNOVATION: 'Innovation · 创新',
  TALENT: 'Talent · 人才',
  FINANCING: 'Financing behaviour · 融资履约',
};

/** docs/scorecard.md for a model: written by `scripts/scorecard-docs.ts`, checked by a unit test. */
export function renderScorecardDoc(models: readonly ScorecardModel[]): string {
  return [
    '# Credit scorecard',
    '',
    'Generated from the model files in `src/scoring/models/` by `node --import tsx scripts/scorecard-docs.ts`; do not edit by hand.',
    '',
    'A points scorecard: each characteristic reads one profile field (see `docs/profile-fields.md`), puts its',
    'value into a bin and adds the bin\'s points; the score is the base points plus the sum. Range bins are',
    'half-open, `min ≤ value < max`, so a boundary value belongs to the bin it opens. Money bounds are',
    'integer CNY fen in the model file (shown here in CNY); ratios are fractions (shown as percentages).',
    '',
    ...models.flatMap(renderModel),
  ].join('\n');
}

function renderModel(m: ScorecardModel): string[] {
  const lowest = m.basePoints + m.characteristics.reduce((s, c) => s + c.minPoints, 0);
  const highest = m.basePoints + m.characteristics.reduce((s, c) => s + c.maxPoints, 0);
  const required = m.characteristics.filter((c) => c.required).map((c) => `\`${c.field}\``);
  const out: string[] = [
    `## Model \`${m.modelVersion}\``,
    '',
    m.description,
    '',
    `Effective from ${m.effectiveFrom}; model digest \`${m.digest}\` (sha256 of the model file's canonical JSON).`,
    '',
    '### Scaling',
    '',
    '| parameter | value |',
    '|---|---|',
    `| points at odds0 (points0) | ${m.scaling.points0} |`,
    `| odds0 (good:bad) | ${m.scaling.odds0}:1 |`,
    `| points to double the odds (PDO) | ${m.scaling.pdo} |`,
    `| factor = PDO / ln 2 | ${m.factor.toFixed(4)} |`,
    `| offset = points0 − factor × ln(odds0) | ${m.offset.toFixed(4)} |`,
    `| base points | ${m.basePoints} |`,
    `| achievable scores | ${lowest}–${highest} (declared range ${m.scoreRange.min}–${m.scoreRange.max}) |`,
    '',
    'score = base points + Σ characteristic points; ln(good:bad odds) = (score − offset) / factor;',
    'probability of default = 1 / (1 + odds).',
    '',
    '| score | good:bad odds | probability of default |',
    '|---|---|---|',
    ...[300, 400, 500, 550, 600, 650, 700, 750, 800, 850]
      .filter((s) => s >= lowest && s <= highest)
      .map((s) => {
        const odds = Math.exp((s - m.offset) / m.factor);
        return `| ${s} | ${odds.toFixed(2)}:1 | ${pct(1 / (1 + odds), 2)} |`;
      }),
    '',
    '### Grades',
    '',
    '| grade | score | probability of default | 说明 | description |',
    '|---|---|---|---|---|',
    ...m.grades.map((g, i) => {
      const upper = i === 0 ? null : m.grades[i - 1]!.minScore;
      const band = g.minScore === null ? `< ${upper}` : upper === null ? `≥ ${g.minScore}` : `${g.minScore}–${upper! - 1}`;
      const pd = (s: number) => pct(1 / (1 + Math.exp((s - m.offset) / m.factor)), 2);
      const pdBand = g.minScore === null ? `> ${pd(upper! - 1)}` : upper === null ? `≤ ${pd(g.minScore)}` : `${pd(upper! - 1)}–${pd(g.minScore)}`;
      return `| ${g.grade} | ${band} | ${pdBand} | ${g.zh} | ${g.en} |`;
    }),
    '',
    '### Insufficient data',
    '',
    `A characteristic has data when its field is not null. With fewer than **${m.minimumPresent}** of the`,
    `${m.characteristics.length} characteristics with data${required.length > 0 ? `, or without ${required.join(', ')} (required)` : ''}, the result is`,
    '`INSUFFICIENT_DATA` with the list of missing fields, never a number. Otherwise a null value takes the',
    'characteristic\'s null bin, whose points the table shows.',
    '',
    '### Reasons',
    '',
    `A characteristic loses the points between its best bin and the bin the value falls in. The up to 4`,
    'characteristics that lost the most points (ties in the order of the tables below) give the reasons, each',
    'with the code and sentence of the bin; characteristics in their best bin give none.',
    '',
    '### Characteristics',
    '',
    '| # | field | dimension | 说明 | description | risk direction | points |',
    '|---|---|---|---|---|---|---|',
    ...m.characteristics.map(
      (c, i) =>
        `| ${i + 1} | \`${c.field}\`${c.required ? ' (required)' : ''} | ${c.dimension} | ${c.def.zh} | ${c.def.en} | ${c.direction === null ? '—' : c.direction === 'HIGHER_IS_BETTER' ? 'higher is better' : 'lower is better'} | ${c.minPoints}–${c.maxPoints} |`,
    ),
    '',
  ];
  for (const d of SCORE_DIMENSIONS) {
    const of = m.characteristics.filter((c) => c.dimension === d);
    out.push(`### ${DIMENSION_TITLES[d]}`, '', `Dimension \`${d}\`: ${of.length} characteristics, at most ${of.reduce((s, c) => s + c.maxPoints, 0)} points.`, '');
    for (const c of of) {
      out.push(
        `#### \`${c.field}\` · ${c.def.zh}`,
        '',
        `${c.def.en}${c.def.unit ? ` (${c.def.unit})` : ''}. Null means: ${c.def.nullMeans}.`,
        '',
        '| bin | points | points lost | reason code | 原因 | reason |',
        '|---|---|---|---|---|---|',
        ...c.bins.map((b) => `| ${binLabel(b.when, c.def)} | ${b.points} | ${c.maxPoints - b.points} | ${b.reason ? `\`${b.reason.code}\`` : '—'} | ${b.reason?.zh ?? '—'} | ${b.reason?.en ?? '—'} |`),
        '',
      );
    }
  }
  return out;
}

/** A bin's condition as a reader would write it, in the field's unit. */
export function binLabel(when: BinCondition, def: FieldDef): string {
  switch (when.kind) {
    case 'null':
      return 'no data (null)';
    case 'in':
      return when.values.join(', ');
    case 'is':
      return when.value ? 'yes' : 'no';
    case 'range': {
      const { min, max } = when;
      if (def.type === 'integer') {
        if (min !== null && max !== null && max - min === 1) return `${min}`;
        if (min === null) return max! <= 1 ? `${max! - 1}` : `≤ ${max! - 1}`;
        if (max === null) return `≥ ${min}`;
        return `${min}–${max - 1}`;
      }
      const f = (v: number) => (def.type === 'money' ? `CNY ${(v / 100).toLocaleString('en-US')}` : def.type === 'ratio' ? pct(v, 1) : `${v}`);
      if (min === null) return def.type === 'money' && max === 1 ? 'CNY 0' : `< ${f(max!)}`;
      if (max === null) return `≥ ${f(min)}`;
      return `${f(min)} ≤ x < ${f(max)}`;
    }
  }
}

function pct(v: number, digits: number): string {
  return `${Number((v * 100).toFixed(digits))}%`;
}
