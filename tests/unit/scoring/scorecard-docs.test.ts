import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SCORECARD_MODELS } from '../../../src/scoring/models/scorecard-models';
import { renderScorecardDoc } from '../../../src/scoring/scorecard/render-scorecard-doc';

const ROOT = path.resolve(__dirname, '..', '..', '..');

describe('docs/scorecard.md', () => {
  const rendered = renderScorecardDoc([...SCORECARD_MODELS.values()]);

  it('matches the committed doc (regenerate with node --import tsx scripts/scorecard-docs.ts)', () => {
    expect(readFileSync(path.join(ROOT, 'docs', 'scorecard.md'), 'utf8')).toBe(rendered);
  });

  it('tables the scaling, grades and every bin with its points and reason', () => {
    expect(rendered).toContain('| factor = PDO / ln 2 | 72.1348 |');
    expect(rendered).toContain('| 600 | 19.00:1 | 5% |');
    expect(rendered).toContain('| AAA | ≥ 780 |');
    expect(rendered).toContain('| CNY 100,000 ≤ x < CNY 500,000 | 22 | 13 | `TAX_PAID_LOW` | 近12个月实缴税额不足50万元 | Tax paid in the last 12 months below CNY 500,000 |');
    expect(rendered).toContain('| -10% ≤ x < 10% | 14 | 6 | `REVENUE_FLAT` |');
    expect(rendered).toContain('| 2–3 | 10 | 20 | `UTIL_LATE_PAYMENTS` |');
    for (const m of SCORECARD_MODELS.values()) for (const c of m.characteristics) expect(rendered).toContain(`#### \`${c.field}\``);
  });
});
