import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { SCORECARD_MODELS } from '../src/scoring/models/scorecard-models';
import { renderScorecardDoc } from '../src/scoring/scorecard/render-scorecard-doc';

/** `node --import tsx scripts/scorecard-docs.ts`: writes docs/scorecard.md from the scorecard model files. */
const target = path.resolve(__dirname, '..', 'docs', 'scorecard.md');
writeFileSync(target, renderScorecardDoc([...SCORECARD_MODELS.values()]));
console.log(`wrote ${path.relative(process.cwd(), target)}`);
