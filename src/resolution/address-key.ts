/**
 * Addresses as a matching aid: a registered address and the one a utility clerk typed agree
 * `exact`ly when they are the same place written differently (province dropped, 栋 for 号楼, the
 * room's 室 left off, widths and spaces), `district` when they only share the county-level district,
 * and `none` otherwise. The plant of a manufacturer or a firm's actual office is often elsewhere, so
 * disagreement never rules a candidate out; agreement separates candidates and confirms a match.
 */
export type AddressAgreement = 'exact' | 'district' | 'none';

/** Weight of each agreement in a candidate's score. */
export const ADDRESS_SCORE: Readonly<Record<AddressAgreement, number>> = { exact: 1, district: 0.5, none: 0 };

const IGNORED = /[\s\u00B7\u30FB,，、]/g;
const PROVINCE = /^山东省?/;
const CITY = /^济南市?/;
const DISTRICT = /^[\u4e00-\u9fff]{1,3}?[区县]/;

export function addressKey(address: string): string {
  let key = address.normalize('NFKC').replace(IGNORED, '').toUpperCase();
  key = key.replace(PROVINCE, '').replace(CITY, '济南');
  key = key.replace(/号楼/g, '栋').replace(/幢/g, '栋').replace(/室$/, '');
  return key;
}

/** The county-level district of an address key (`历下区`, `商河县`), or null when it names none. */
export function addressDistrict(key: string): string | null {
  const rest = key.startsWith('济南') ? key.slice(2) : key;
  return DISTRICT.exec(rest)?.[0] ?? null;
}

/** The best agreement between an address as typed and any of an enterprise's registered addresses. */
export function addressAgreement(typed: string | null, registered: readonly string[]): AddressAgreement {
  if (typed === null || typed.trim() === '' || registered.length === 0) return 'none';
  const key = addressKey(typed);
  const district = addressDistrict(key);
  let best: AddressAgreement = 'none';
  for (const address of registered) {
    const other = addressKey(address);
    if (other === key) return 'exact';
    if (district !== null && addressDistrict(other) === district) best = 'district';
  }
  return best;
}
