import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CATALOG_VERSION, PROFILE_FIELDS, SECTIONS } from '../../../src/profile/catalog/catalog';
import { FIELD_SOURCES, FIELD_TYPES } from '../../../src/profile/catalog/field.types';
import { renderDictionary } from '../../../src/profile/catalog/render-dictionary';
import { PROFILE_META_COLUMNS } from '../../../src/profile/storage/enterprise-profile.schema';
import { columnOf } from '../../../src/profile/storage/profile-columns';

const ROOT = path.resolve(__dirname, '..', '..', '..');

describe('the profile field catalog', () => {
  it('has about 200 fields (207) with unique snake_case keys that do not clash with the profile row’s own columns', () => {
    expect(PROFILE_FIELDS).toHaveLength(207);
    const keys = PROFILE_FIELDS.map((f) => f.key);
    expect(new Set(keys).size).toBe(PROFILE_FIELDS.length);
    for (const key of keys) expect(key).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
    for (const meta of PROFILE_META_COLUMNS) expect(keys).not.toContain(meta);
    expect(Math.max(...keys.map((k) => k.length))).toBeLessThanOrEqual(64);
  });

  it('describes every field: section, type, zh and en description, sources, derivation and what null means', () => {
    for (const f of PROFILE_FIELDS) {
      const problems = [
        (SECTIONS as readonly string[]).includes(f.section) ? null : 'section',
        (FIELD_TYPES as readonly string[]).includes(f.type) ? null : 'type',
        /[\u4e00-\u9fff]/.test(f.zh) ? null : 'zh',
        /[A-Za-z]{3}/.test(f.en) ? null : 'en',
        f.sources.length > 0 && f.sources.every((s) => (FIELD_SOURCES as readonly string[]).includes(s)) ? null : 'sources',
        f.derivation.length >= 20 ? null : 'derivation',
        f.nullMeans.length >= 4 ? null : 'nullMeans',
        f.type !== 'enum' || (f.values?.length ?? 0) >= 2 ? null : 'enum values',
        f.type !== 'money' || f.unit === 'CNY fen' ? null : 'money unit',
      ].filter(Boolean);
      expect({ key: f.key, problems }).toEqual({ key: f.key, problems: [] });
    }
  });

  it('fills every section, in the documented order', () => {
    const order = PROFILE_FIELDS.map((f) => SECTIONS.indexOf(f.section));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    for (const section of SECTIONS) expect(PROFILE_FIELDS.some((f) => f.section === section)).toBe(true);
  });

  it('has a version that is a short hash of the definitions', () => {
    expect(CATALOG_VERSION).toMatch(/^[0-9a-f]{12}$/);
  });

  it('matches the committed data dictionary docs/profile-fields.md (regenerate with npm run profile:docs)', () => {
    const committed = readFileSync(path.join(ROOT, 'docs', 'profile-fields.md'), 'utf8');
    expect(committed).toBe(renderDictionary());
  });

  it('matches the columns the migrations create (generate with npm run profile:migration)', () => {
    const dir = path.join(ROOT, 'migrations');
    const text = readdirSync(dir)
      .filter((f) => /^\d+-.*\.ts$/.test(f))
      .map((f) => readFileSync(path.join(dir, f), 'utf8'))
      .join('\n');
    // Columns of the CREATE TABLE, and those later migrations add as `['key', 'ddl']` pairs.
    const created = [...text.matchAll(/^\s+\\`([a-z0-9_]+)\\` (.+) NULL,$/gm), ...text.matchAll(/^\s+\['([a-z0-9_]+)', '([^']+)'\],$/gm)].map((m) => [m[1]!, m[2]!] as const);
    const isField = (key: string) => PROFILE_FIELDS.some((f) => f.key === key);
    const byKey = (pairs: ReadonlyArray<readonly [string, string]>) => Object.fromEntries([...pairs].sort(([a], [b]) => a.localeCompare(b)));
    expect(byKey(created.filter(([key]) => isField(key)))).toEqual(byKey(PROFILE_FIELDS.map((f) => [f.key, columnOf(f).ddl] as const)));
  });
});
