import { detectConflicts } from '../../../src/profile/quality/conflicts';
import { bundle, rec } from '../../support/profile-records';

const registration = (name: string) =>
  rec('market-regulation', 'registrations', { name, district_code: '370102', address: '济南市历下区经十路7000号' } as never);
const declaration = (name: string, period: string, filed: string) =>
  rec('tax', 'declarations', { taxpayer_name: name, period, filed_on: filed } as never);
const account = (address: string, status: string, opened = '2020-01-01') => rec('utility', 'accounts', { address, status, opened_on: opened } as never);

describe('conflicts between the registry and other sources', () => {
  it('flags a tax name that is a former registered name, or none of them, from the latest declaration filed by the as-of date', () => {
    const former = bundle((b) => {
      b.registration = registration('济南新名科技有限公司');
      b.changes.push(rec('market-regulation', 'changes', { item: 'name', before: '济南旧名科技有限公司', after: '济南新名科技有限公司' } as never));
      b.declarations.push(declaration('济南新名科技有限公司', '2026-07', '2026-08-10'), declaration('济南旧名科技有限公司', '2026-08', '2026-09-12'));
    });
    expect(detectConflicts(former, '2026-10-01').map((c) => [c.kind, c.sourceValue])).toEqual([['tax_name_outdated', '济南旧名科技有限公司']]);
    // As of 2026-09-01 the latest filed declaration carries the current name: nothing to flag.
    expect(detectConflicts(former, '2026-09-01')).toEqual([]);

    const other = bundle((b) => {
      b.registration = registration('济南新名科技有限公司');
      b.declarations.push(declaration('济南别家贸易有限公司', '2026-08', '2026-09-12'));
    });
    expect(detectConflicts(other, '2026-10-01').map((c) => c.kind)).toEqual(['tax_name_differs']);
  });

  it('does not count width, spaces or 有限责任公司 spellings as a conflict', () => {
    const same = bundle((b) => {
      b.registration = registration('济南新名科技有限公司');
      b.declarations.push(declaration('济南新名科技 有限责任公司', '2026-08', '2026-09-12'));
    });
    expect(detectConflicts(same, '2026-10-01')).toEqual([]);
  });

  it('flags active utility accounts in another district, not closed ones or ones without a district', () => {
    const b = bundle((x) => {
      x.registration = registration('济南新名科技有限公司');
      x.accounts.push(account('济南市章丘区明水经济技术开发区汇泉路8号', 'active'), account('济南市章丘区汇泉路9号', 'closed'), account('济南市历下区经十路7000号', 'active'), account('汇泉路8号', 'active'));
    });
    const found = detectConflicts(b, '2026-10-01');
    expect(found.map((c) => [c.kind, c.sourceValue])).toEqual([['utility_district_differs', '济南市章丘区明水经济技术开发区汇泉路8号']]);
    expect(found[0]!.record).toBe(b.accounts[0]);
  });

  it('finds nothing without a registration to compare with', () => {
    expect(detectConflicts(bundle((b) => b.declarations.push(declaration('某公司', '2026-08', '2026-09-12'))), '2026-10-01')).toEqual([]);
  });
});
