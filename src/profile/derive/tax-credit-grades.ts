import type { DeriveContext } from './derive-context';
import type { CreditGradeRecord } from './enterprise-records';

/** Tax credit grades from the best to the worst: M (new firms, ≥ 70 points) ranks between B and C. */
export const TAX_CREDIT_GRADES = ['A', 'B', 'M', 'C', 'D'] as const;
export type TaxCreditGrade = (typeof TAX_CREDIT_GRADES)[number];
const RANK = new Map<string, number>(TAX_CREDIT_GRADES.map((g, i) => [g, i]));

/** How bad a grade is: 0 for A … 4 for D. */
export const gradeRank = (grade: string): number => RANK.get(grade) ?? -1;

/** Years the "3y" grade fields cover: the latest graded year and the two before it. */
export const GRADE_YEARS = 3;

/**
 * Grades published on or before the as-of date, one per graded year (the latest published if the
 * bureau sent two for a year), oldest year first.
 */
export const gradesPublished = (ctx: DeriveContext): readonly CreditGradeRecord[] =>
  ctx.memo('tax:grades', () => {
    const byYear = new Map<number, CreditGradeRecord>();
    for (const g of ctx.records.creditGrades) {
      if (g.data.published_on > ctx.asOf) continue;
      const seen = byYear.get(g.data.year);
      if (seen === undefined || g.data.published_on > seen.data.published_on) byYear.set(g.data.year, g);
    }
    return [...byYear.values()].sort((a, b) => a.data.year - b.data.year);
  });

/** The grade of the latest year published on or before the as-of date. */
export const latestGrade = (ctx: DeriveContext): CreditGradeRecord | null => {
  const gs = gradesPublished(ctx);
  return gs.length === 0 ? null : gs[gs.length - 1];
};

/** Published grades of the latest graded year and the two years before it. */
export const gradesLast3y = (ctx: DeriveContext): readonly CreditGradeRecord[] =>
  ctx.memo('tax:grades3y', () => {
    const latest = latestGrade(ctx);
    if (latest === null) return [];
    const from = latest.data.year - (GRADE_YEARS - 1);
    return gradesPublished(ctx).filter((g) => g.data.year >= from);
  });

/** The worst grade among `grades` (the latest year among equally bad ones), or null. */
export function worstGrade(grades: readonly CreditGradeRecord[]): CreditGradeRecord | null {
  let worst: CreditGradeRecord | null = null;
  for (const g of grades) if (worst === null || gradeRank(g.data.grade) >= gradeRank(worst.data.grade)) worst = g;
  return worst;
}
