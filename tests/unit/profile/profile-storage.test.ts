import { defineSection } from '../../../src/profile/catalog/define-section';
import type { FieldDef } from '../../../src/profile/catalog/field.types';
import { derived } from '../../../src/profile/derive/derived';
import { columnOf } from '../../../src/profile/storage/profile-columns';
import { fromColumn, sameValue, toColumn } from '../../../src/profile/storage/profile-values';
import { buildProvenance, provenanceOf } from '../../../src/profile/storage/provenance';
import { rec } from '../../support/profile-records';

const spec = (key: string, type: FieldDef['type'], extra: Partial<FieldDef> = {}): FieldDef =>
  defineSection('tax', [
    { key, type, unit: null, zh: '测试', en: 'test', sources: ['tax'], derivation: 'test field for storage', nullMeans: 'unknown', derive: () => derived(null), ...extra },
  ])[0]!;

describe('profile columns and values', () => {
  it('derives each column from the field type', () => {
    expect(columnOf(spec('a', 'money')).ddl).toBe('bigint');
    expect(columnOf(spec('a', 'ratio')).ddl).toBe('decimal(22,4)');
    expect(columnOf(spec('a', 'decimal', { scale: 1 })).ddl).toBe('decimal(19,1)');
    expect(columnOf(spec('a', 'enum', { values: ['A', 'B', 'M'] })).ddl).toBe('varchar(1) CHARACTER SET ascii COLLATE ascii_bin');
    expect(columnOf(spec('a', 'string', { maxLength: 2000 })).ddl).toBe('text');
    expect(columnOf(spec('a', 'string')).ddl).toBe('varchar(255)');
  });

  it('round-trips values as the driver returns them and compares at the column’s precision', () => {
    const money = spec('m', 'money');
    expect(fromColumn(money, '123456789012')).toBe(123456789012);
    const share = spec('r', 'ratio');
    expect(toColumn(share, 0.123456)).toBe('0.1235');
    expect(fromColumn(share, '0.1235')).toBe(0.1235);
    expect(sameValue(share, 0.1235, 0.123456)).toBe(true);
    expect(sameValue(share, 0.1235, 0.1236)).toBe(false);
    const flag = spec('b', 'boolean');
    expect(toColumn(flag, true)).toBe(1);
    expect(fromColumn(flag, 0)).toBe(false);
    const date = spec('d', 'date');
    expect(fromColumn(date, new Date('2026-09-30T00:00:00Z'))).toBe('2026-09-30');
    expect(sameValue(date, null, '2026-09-30')).toBe(false);
    expect(sameValue(date, null, null)).toBe(true);
  });
});

describe('profile provenance', () => {
  it('stores each distinct record set once, with its connectors and newest update, and names it from every field that used it', () => {
    const a = rec('tax', 'declarations', {}, '2026-09-01T00:00:00.000Z');
    const b = rec('tax', 'declarations', {}, '2026-09-20T00:00:00.000Z');
    const c = rec('utility', 'bills', {}, '2026-08-01T00:00:00.000Z');
    const x = spec('x', 'money');
    const y = spec('y', 'integer');
    const z = spec('z', 'integer', { sources: ['utility', 'tax'] });
    const w = spec('w', 'integer', { sources: ['patent'] });
    const p = buildProvenance([x, y, z, w], new Map([['x', derived(1, [b, a])], ['y', derived(2, [a, b, a])], ['z', derived(3, [c, a])], ['w', derived(0)]]));
    const ids = (...r: Array<{ id: string }>) => r.map((q) => Number(q.id)).sort((m, n) => m - n);
    expect(p.recordSets).toEqual([
      [ids(a, b), ['tax'], '2026-09-20T00:00:00.000Z'],
      [ids(a, c), ['tax', 'utility'], '2026-09-01T00:00:00.000Z'],
    ]);
    expect(p.fields).toEqual({ x: 0, y: 0, z: 1 });

    const at = new Date('2026-10-01T00:00:00.000Z');
    expect(provenanceOf(p, y, at)).toEqual({ sources: ['tax'], recordIds: ids(a, b).map(String), observedAt: new Date('2026-09-20T00:00:00.000Z') });
    // A value computed without records: the field's declared sources, observed at computation.
    expect(provenanceOf(p, w, at)).toEqual({ sources: ['patent'], recordIds: [], observedAt: at });
  });
});
