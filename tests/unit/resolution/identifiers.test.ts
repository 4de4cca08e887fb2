import { composeUscc } from '../../../src/domain/uscc';
import { addressAgreement, addressKey } from '../../../src/resolution/address-key';
import { nameKey } from '../../../src/resolution/name-normalizer';
import { enterpriseAddresses, enterpriseNames } from '../../../src/resolution/registry-names';
import { classifyTaxpayerId, legacyIdOf } from '../../../src/resolution/taxpayer-id';

describe('taxpayer ids', () => {
  const uscc = composeUscc('9', '1', '370102', '16309745X');

  it('takes a USCC, normalized like an upload', () => {
    expect(classifyTaxpayerId(` ${uscc.toLowerCase()} `)).toEqual({ kind: 'uscc', id: uscc, uscc });
  });

  it('reads a 15-character id as the legacy id, positions 3–17 of the USCC', () => {
    expect(legacyIdOf(uscc)).toBe('37010216309745X');
    expect(classifyTaxpayerId('37010216309745x')).toEqual({ kind: 'legacy', id: '37010216309745X', legacyId: legacyIdOf(uscc) });
  });

  it('rejects a USCC with a wrong check character', () => {
    const broken = uscc.slice(0, 17) + (uscc[17] === '0' ? '1' : '0');
    expect(classifyTaxpayerId(broken)).toMatchObject({ kind: 'invalid', id: broken });
    expect(classifyTaxpayerId('N/A')).toMatchObject({ kind: 'invalid' });
  });
});

describe('addresses', () => {
  const registered = '山东省济南市历城区世纪大道57号齐鲁创新谷17号楼2207室';

  it.each([
    [registered],
    ['济南市历城区世纪大道57号齐鲁创新谷17号楼2207室'],
    ['山东省济南市历城区世纪大道57号齐鲁创新谷17栋2207'],
    [' 山东省济南市历城区 世纪大道57号齐鲁创新谷17号楼2207室'],
  ])('%s is the registered place', (typed) => {
    expect(addressAgreement(typed, [registered])).toBe('exact');
  });

  it('another site in the same district agrees by district only, elsewhere not at all', () => {
    expect(addressAgreement('济南市历城区工业北路1481号', [registered])).toBe('district');
    expect(addressAgreement('山东省济南市章丘区明水经济技术开发区工业3路18号', [registered])).toBe('none');
    expect(addressAgreement(null, [registered])).toBe('none');
  });

  it('counts former registered addresses too', () => {
    expect(addressAgreement('济南市历下区和平路1号', ['山东省济南市天桥区北园大街2号', '山东省济南市历下区和平路1号'])).toBe('exact');
    expect(addressKey('山东省济南市历下区和平路1号5号楼301室')).toBe(addressKey('济南市历下区和平路1号5栋301'));
  });
});

describe('the names the registry knows an enterprise by', () => {
  const uscc = composeUscc('9', '1', '370112', 'MA3C4T2W9');

  it('are the registered name and the names before each change, with when they were in force', () => {
    const names = enterpriseNames({
      uscc,
      registration: { name: '济南腾创禄云计算有限公司', address: '山东省济南市历城区舜华路1号', establishedOn: '2019-04-02' },
      changes: [
        { changeId: `${uscc}-BG02`, item: 'name', before: '济南瑜亨德云计算有限公司', after: '济南腾创禄云计算有限公司', changedOn: '2024-06-01' },
        { changeId: `${uscc}-BG01`, item: 'name', before: '山东瑜亨德云计算有限公司', after: '济南瑜亨德云计算有限公司', changedOn: '2022-01-15' },
        { changeId: `${uscc}-BG03`, item: 'address', before: 'x', after: 'y', changedOn: '2024-07-01' },
      ],
    });
    expect(names.map(({ nameKey: k, kind, validFrom, validTo }) => ({ k, kind, validFrom, validTo }))).toEqual(
      expect.arrayContaining([
        { k: nameKey('山东瑜亨德云计算有限公司'), kind: 'former', validFrom: '2019-04-02', validTo: '2022-01-15' },
        { k: nameKey('济南瑜亨德云计算有限公司'), kind: 'former', validFrom: '2022-01-15', validTo: '2024-06-01' },
        { k: nameKey('济南腾创禄云计算有限公司'), kind: 'current', validFrom: '2024-06-01', validTo: null },
      ]),
    );
    expect(names).toHaveLength(3);
  });

  it('come from the changes alone while the registration is missing', () => {
    const names = enterpriseNames({
      uscc,
      registration: null,
      changes: [{ changeId: 'c1', item: 'name', before: '济南甲乙丙软件有限公司', after: '济南丁戊己软件有限公司', changedOn: '2024-06-01' }],
    });
    expect(names.map((n) => [n.name, n.kind])).toEqual([
      ['济南甲乙丙软件有限公司', 'former'],
      ['济南丁戊己软件有限公司', 'current'],
    ]);
  });

  it('include every registered address, current first', () => {
    expect(
      enterpriseAddresses({
        uscc,
        registration: { name: 'n', address: '新址', establishedOn: null },
        changes: [{ changeId: 'c', item: 'address', before: '旧址', after: '新址', changedOn: '2024-01-01' }],
      }),
    ).toEqual(['新址', '旧址']);
  });
});
