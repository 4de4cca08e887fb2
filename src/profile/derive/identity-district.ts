/**
 * Jinan's county-level divisions (GB/T 2260) by registered name, to tell which district an address
 * lies in when only the address text is known (a `before` address of a registered change).
 */
const JINAN_DISTRICTS: ReadonlyArray<readonly [name: string, code: string]> = [
  ['历下区', '370102'],
  ['市中区', '370103'],
  ['槐荫区', '370104'],
  ['天桥区', '370105'],
  ['历城区', '370112'],
  ['长清区', '370113'],
  ['章丘区', '370114'],
  ['济阳区', '370115'],
  ['莱芜区', '370116'],
  ['钢城区', '370117'],
  ['平阴县', '370124'],
  ['商河县', '370126'],
];

const CODE_BY_NAME = new Map(JINAN_DISTRICTS);
const DISTRICT_IN_ADDRESS = new RegExp(JINAN_DISTRICTS.map(([name]) => name).join('|'));
const USCC_AREA = /^[0-9A-Z]{2}(\d{6})[0-9A-Z]{10}$/;

/** The GB/T 2260 code of the Jinan district named in an address, or null when none is named. */
export function districtOfAddress(address: string): string | null {
  const m = DISTRICT_IN_ADDRESS.exec(address);
  return m === null ? null : (CODE_BY_NAME.get(m[0]) ?? null);
}

/** USCC positions 3–8: the GB/T 2260 area code of the registering authority (kept after a move). */
export function usccAreaCode(uscc: string): string | null {
  const m = USCC_AREA.exec(uscc.trim().toUpperCase());
  return m === null ? null : (m[1] ?? null);
}
