import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderDictionary } from '../src/profile/catalog/render-dictionary';

/** `npm run profile:docs`: writes docs/profile-fields.md from the field catalog. */
const target = path.resolve(__dirname, '..', 'docs', 'profile-fields.md');
writeFileSync(target, renderDictionary());
console.log(`wrote ${path.relative(process.cwd(), target)}`);
