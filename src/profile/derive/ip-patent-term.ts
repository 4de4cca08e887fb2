import { addMonths } from './calendar';
import type { PatentRecord } from './enterprise-records';

/** Designs filed from this date get 15 years (Patent Law 2020 revision, in force 2021-06-01). */
const DESIGN_15_YEARS_FROM = '2021-06-01';

/** Statutory term in years, counted from the filing date: 20 inventions, 10 utility models, 10/15 designs. */
export function termYears(type: PatentRecord['data']['patent_type'], filedOn: string): number {
  if (type === 'invention') return 20;
  if (type === 'utility_model') return 10;
  return filedOn >= DESIGN_15_YEARS_FROM ? 15 : 10;
}

/** The date the term ends (the filing date's anniversary after the term): in force only before it. */
export function termEnd(type: PatentRecord['data']['patent_type'], filedOn: string): string {
  return addMonths(filedOn, termYears(type, filedOn) * 12);
}
