import { createSandbox } from '../../../connectors/sandbox/sandbox';
import { nameKey } from '../../../src/resolution/name-normalizer';

describe('enterprise name keys', () => {
  it.each([
    ['济南泉科（山东）信息技术有限公司', '济南泉科(山东)信息技术有限公司'],
    ['济南泉科信息技术有限公司', '济南泉科信息技术有限责任公司'],
    ['济南泉科信息技术有限公司', '济南市泉科信息技术有限公司'],
    ['济南泉科信息技术有限公司', ' 济南 泉科信息技术　有限公司 '],
    ['山东ＡＢＣ智能装备有限公司', '山东省abc智能装备有限公司'],
    ['济南泉科【济南】软件有限公司', '济南泉科(济南)软件有限公司'],
  ])('%s ≡ %s', (a, b) => {
    expect(nameKey(a)).toBe(nameKey(b));
  });

  it.each([
    ['济南泉科信息技术股份有限公司', '济南泉科信息技术有限公司'],
    ['济南泉科信息技术有限公司', '济南泉科软件技术有限公司'],
    ['济南泉科（山东）信息技术有限公司', '济南泉科信息技术有限公司'],
  ])('keeps %s and %s apart', (a, b) => {
    expect(nameKey(a)).not.toBe(nameKey(b));
  });

  it('matches every utility account holder of a 2,000-enterprise sandbox to a registered or former name', () => {
    const sandbox = createSandbox({ enterprises: 2000, invalidRate: 0 });
    const known = new Set<string>();
    for (const r of sandbox.truth.visible('market-regulation', 'registrations')) known.add(nameKey((r.record as { name: string }).name));
    for (const r of sandbox.truth.visible('market-regulation', 'changes')) {
      const change = r.record as { item: string; before: string | null; after: string | null };
      if (change.item === 'name') for (const n of [change.before, change.after]) if (n) known.add(nameKey(n));
    }
    const holders = sandbox.truth.visible('utility', 'accounts').map((r) => (r.record as { holder_name: string }).holder_name);
    const unmatched = holders.filter((h) => !known.has(nameKey(h)));
    expect(holders.length).toBeGreaterThan(2000);
    expect(unmatched).toEqual([]);
    // The raw spellings do differ: the key is doing the work.
    const rawNames = new Set(sandbox.truth.visible('market-regulation', 'registrations').map((r) => (r.record as { name: string }).name));
    expect(holders.filter((h) => !rawNames.has(h)).length).toBeGreaterThan(holders.length / 4);
  });
});
