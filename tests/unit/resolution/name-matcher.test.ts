import { combineApplicants, matchName, type NameProbe, type NameRow } from '../../../src/resolution/name-matcher';
import { coreKey, corePrefix, nameKey } from '../../../src/resolution/name-normalizer';
import { nameSimilarity } from '../../../src/resolution/name-similarity';

const A = '91370102MA3C4T2W9A';
const B = '91370112MA94XK7R3C';
const C = '91370105MAABCDEF12';

function row(uscc: string, name: string, kind: 'current' | 'former' = 'current', validFrom: string | null = null, validTo: string | null = null): NameRow {
  return { uscc, nameKey: nameKey(name), name, kind, validFrom, validTo };
}

function probe(name: string, extra: Partial<NameProbe> = {}): NameProbe {
  return { key: nameKey(name), dates: [], address: null, ...extra };
}

const ADDRESSES: Record<string, string[]> = {
  [A]: ['山东省济南市历下区经十路7000号汉峪金谷3号楼1201室'],
  [B]: ['山东省济南市历城区工业北路88号'],
  [C]: ['山东省济南市天桥区北园大街200号'],
};
const addresses = (uscc: string) => ADDRESSES[uscc] ?? [];

/** Name rows as the lookups would return them: exact ones by key, near ones by core prefix. */
function lookup(rows: NameRow[], p: NameProbe) {
  return {
    exact: rows.filter((r) => r.nameKey === p.key),
    near: rows.filter((r) => corePrefix(r.nameKey) === corePrefix(p.key)),
  };
}

function run(rows: NameRow[], p: NameProbe) {
  const { exact, near } = lookup(rows, p);
  return matchName(p, exact, near, addresses);
}

describe('matching a name to a registered enterprise', () => {
  const registry = [
    row(A, '济南泉科信息技术有限公司'),
    row(A, '济南泉科软件有限公司', 'former', '2015-03-02', '2023-10-19'),
    row(B, '丰谐琪（济南）云计算有限公司'),
    row(C, '济南丰谐琪数智科技有限公司'),
  ];

  it.each([
    ['济南泉科信息技术有限责任公司'],
    ['济南市泉科信息技术有限公司'],
    ['济南 泉科信息技术有限公司 '],
    ['济南泉科信息技术有限公司'],
  ])('links the clerk spelling %s to the current name', (typed) => {
    expect(run(registry, probe(typed))).toMatchObject({ outcome: 'match', uscc: A, method: 'name', score: 0.8 });
  });

  it('links half-width brackets', () => {
    expect(run(registry, probe('丰谐琪(济南)云计算有限公司'))).toMatchObject({ outcome: 'match', uscc: B, method: 'name' });
  });

  it('links a former name, and says so', () => {
    expect(run(registry, probe('济南泉科软件有限公司'))).toMatchObject({ outcome: 'match', uscc: A, method: 'former_name' });
  });

  it('confirms a match with the address in the score, without requiring it', () => {
    const atHome = run(registry, probe('济南泉科信息技术有限公司', { address: '济南市历下区经十路7000号汉峪金谷3栋1201' }));
    const elsewhere = run(registry, probe('济南泉科信息技术有限公司', { address: '山东省济南市章丘区明水经济技术开发区工业3路18号' }));
    expect(atHome).toMatchObject({ outcome: 'match', uscc: A, score: 1 });
    expect(elsewhere).toMatchObject({ outcome: 'match', uscc: A, score: 0.8 });
  });

  it('never links a near name: a twin with another industry word goes to a steward or nowhere', () => {
    const near = run(registry, probe('济南丰谐琪数智技术有限公司'));
    expect(near.outcome).toBe('ambiguous');
    expect(near.candidates[0]).toMatchObject({ uscc: C, matchedOn: 'current_name' });
    expect(near.candidates[0]!.nameScore).toBeGreaterThanOrEqual(0.7);
    expect(near.candidates[0]!.nameScore).toBeLessThan(1);
  });

  it('leaves names nothing registered comes close to unmatched, without candidates', () => {
    expect(run(registry, probe('山东大学'))).toEqual({ outcome: 'unmatched', candidates: [] });
    expect(run(registry, probe('齐鲁工业大学（山东省科学院）'))).toEqual({ outcome: 'unmatched', candidates: [] });
  });

  describe('when two enterprises have (had) the same name', () => {
    // D took the name A gave up; both rows share one key.
    const D = '91370103MA0000001X';
    ADDRESSES[D] = ['山东省济南市市中区经七路1号'];
    const shared = [row(A, '济南泉科软件有限公司', 'former', '2015-03-02', '2023-10-19'), row(D, '济南泉科软件有限公司', 'current', '2024-01-10', null)];

    it('is a tie without dates or addresses: both are candidates, nothing is linked', () => {
      const result = run(shared, probe('济南泉科软件有限公司'));
      expect(result.outcome).toBe('ambiguous');
      expect(result.candidates.map((c) => c.uscc).sort()).toEqual([A, D].sort());
    });

    it('is decided by the date the name was written down when only one bore it then', () => {
      expect(run(shared, probe('济南泉科软件有限公司', { dates: ['2019-05-01'] }))).toMatchObject({ outcome: 'match', uscc: A, method: 'former_name' });
      expect(run(shared, probe('济南泉科软件有限公司', { dates: ['2025-02-01'] }))).toMatchObject({ outcome: 'match', uscc: D, method: 'name' });
    });

    it('is decided by the one registered address that agrees exactly', () => {
      const result = run(shared, probe('济南泉科软件有限公司', { address: '济南市市中区经七路1号' }));
      expect(result).toMatchObject({ outcome: 'match', uscc: D, method: 'name_address' });
    });

    it('stays a tie when the date points to one and the address to the other', () => {
      const result = run(shared, probe('济南泉科软件有限公司', { dates: ['2019-05-01'], address: '山东省济南市市中区经七路1号' }));
      expect(result.outcome).toBe('ambiguous');
    });

    it('stays a tie when addresses agree only by district', () => {
      const result = run(shared, probe('济南泉科软件有限公司', { address: '济南市市中区英雄山路5号' }));
      expect(result.outcome).toBe('ambiguous');
      expect(result.candidates.find((c) => c.uscc === D)).toMatchObject({ address: 'district', score: 0.9 });
      expect(result.candidates.find((c) => c.uscc === A)).toMatchObject({ address: 'none', score: 0.8 });
    });
  });
});

describe('a patent and its applicants', () => {
  it('belongs to the first applicant that resolves; universities do not hold it up', () => {
    expect(
      combineApplicants([
        { key: 'X', result: 'unmatched' },
        { key: 'Y', result: 'match', uscc: A, method: 'former_name', score: 0.8 },
      ]),
    ).toEqual({ status: 'resolved', uscc: A, method: 'former_name', score: 0.8, key: 'Y' });
  });

  it('waits on an ambiguous applicant before an unmatched one', () => {
    expect(
      combineApplicants([
        { key: '山东大学', result: 'unmatched' },
        { key: 'X', result: 'ambiguous' },
      ]),
    ).toEqual({ status: 'ambiguous', key: 'X' });
  });

  it('belongs to nobody only when stewards said so for every applicant', () => {
    expect(combineApplicants([{ key: '山东大学', result: 'nobody' }])).toEqual({ status: 'nobody', key: '山东大学' });
    expect(combineApplicants([{ key: '山东大学', result: 'nobody' }, { key: 'Z', result: 'unmatched' }])).toEqual({ status: 'unmatched', key: 'Z' });
  });
});

describe('name similarity and cores', () => {
  it('scores a one-character slip high and another industry word low', () => {
    expect(nameSimilarity(nameKey('济南丰谐琪云计算有限公司'), nameKey('济南丰谐琪云汁算有限公司'))).toBeGreaterThan(0.8);
    expect(nameSimilarity(nameKey('济南丰谐琪云计算有限公司'), nameKey('济南丰谐琪数智科技有限公司'))).toBeLessThan(0.7);
    expect(nameSimilarity('甲乙', '甲乙')).toBe(1);
    expect(nameSimilarity('', '')).toBe(0);
  });

  it.each([
    ['济南泉科信息技术有限公司', '泉科信息技术'],
    ['丰谐琪（济南）云计算有限公司', '丰谐琪云计算'],
    ['山东恒瑞智能装备股份有限公司', '恒瑞智能装备'],
    ['济南市历下区麟业辰商务工作室', '麟业辰商务'],
    ['济南科长和测控技术合伙企业（有限合伙）', '科长和测控技术'],
    ['山东大学', '大学'],
  ])('the core of %s is %s', (name, core) => {
    expect(coreKey(nameKey(name))).toBe(core);
  });
});
