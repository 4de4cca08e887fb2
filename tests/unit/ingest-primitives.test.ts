import { canonicalJson, sha256 } from '../../src/ingest/content-hash';
import { chunk, placeholders } from '../../src/ingest/sql-chunks';

describe('content hashing', () => {
  it('ignores key order at every level', () => {
    const a = { b: 1, a: { y: [1, { q: 1, p: 2 }], x: null } };
    const b = { a: { x: null, y: [1, { p: 2, q: 1 }] }, b: 1 };
    expect(canonicalJson(a)).toBe(canonicalJson(b));
    expect(sha256(canonicalJson(a)).equals(sha256(canonicalJson(b)))).toBe(true);
  });

  it('keeps array order and distinguishes values', () => {
    expect(canonicalJson([1, 2])).not.toBe(canonicalJson([2, 1]));
    expect(canonicalJson({ a: '1' })).not.toBe(canonicalJson({ a: 1 }));
    expect(canonicalJson({ a: '济南' })).toBe('{"a":"济南"}');
  });
});

describe('multi-row statement helpers', () => {
  it('chunks without losing rows', () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunk([], 3)).toEqual([]);
  });

  it('builds placeholders with a literal tail', () => {
    expect(placeholders(2, 3, ',NOW()')).toBe('(?,?,?,NOW()),(?,?,?,NOW())');
  });
});
