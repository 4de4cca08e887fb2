import { CATALOG_VERSION, PROFILE_FIELDS, SECTIONS } from './catalog';
import type { FieldDef, SectionKey } from './field.types';
import { columnOf } from '../storage/profile-columns';

/** The sections' headings in the data dictionary. */
export const SECTION_TITLES: Record<SectionKey, { zh: string; en: string }> = {
  identity: { zh: '主体登记', en: 'Identity and registration' },
  governance: { zh: '治理与股东', en: 'Governance and shareholders' },
  compliance: { zh: '合规与风险', en: 'Compliance and risk' },
  tax: { zh: '税务与收入', en: 'Tax and revenue' },
  electricity: { zh: '用电', en: 'Electricity' },
  water: { zh: '用水', en: 'Water' },
  intellectual_property: { zh: '知识产权', en: 'Intellectual property' },
  talent: { zh: '人才与员工', en: 'Talent and staff' },
  financing: { zh: '融资', en: 'Financing' },
  derived: { zh: '衍生指标', en: 'Derived indicators' },
};

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function typeOf(f: FieldDef): string {
  if (f.type === 'enum') return `enum: ${(f.values ?? []).join(', ')}`;
  return `${f.type} (\`${columnOf(f).ddl.split(' ')[0]}\`)`;
}

/**
 * `docs/profile-fields.md`, generated from the catalog by `npm run profile:docs`; a test fails when
 * the committed file differs from what the catalog renders.
 */
export function renderDictionary(): string {
  const lines = [
    '# Enterprise profile: data dictionary',
    '',
    `Generated from the field catalog (\`src/profile/catalog/\`) by \`npm run profile:docs\`; do not edit by hand.`,
    `${PROFILE_FIELDS.length} fields in ${SECTIONS.length} sections; catalog version \`${CATALOG_VERSION}\`.`,
    '',
    'Money is in integer CNY fen (分); dates are China Standard Time calendar dates; windows are counted',
    'back from the profile\'s as-of date. Each stored value carries its sources, the raw records it came',
    'from, when it was observed and the catalog version.',
    '',
  ];
  for (const section of SECTIONS) {
    const fields = PROFILE_FIELDS.filter((f) => f.section === section);
    const title = SECTION_TITLES[section];
    lines.push(`## ${title.en} · ${title.zh} (${fields.length})`, '');
    lines.push('| key | type | unit | 说明 | description | sources | derivation | null means |', '|---|---|---|---|---|---|---|---|');
    for (const f of fields) {
      lines.push(
        `| \`${f.key}\` | ${cell(typeOf(f))} | ${cell(f.unit ?? '—')} | ${cell(f.zh)} | ${cell(f.en)} | ${f.sources.join(', ')} | ${cell(f.derivation)} | ${cell(f.nullMeans)} |`,
      );
    }
    lines.push('');
  }
  return lines.join('\n');
}
