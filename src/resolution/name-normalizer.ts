/**
 * The matching key of an enterprise name, so that the spellings different agencies' clerks use for
 * one registered name compare equal: full- and half-width characters (NFKC), any whitespace, the
 * bracket kinds, upper/lower case Latin letters, `有限责任公司` for `有限公司` (the same legal form
 * for a limited company, unlike `股份有限公司`), and `济南市`/`山东省` for `济南`/`山东` at the start.
 * It is a key for matching only; names are stored and shown as the agency wrote them.
 */

/** Shandong's cities and the province, which names often carry with or without 市/省. */
const PLACE_PREFIXES = [
  '济南', '青岛', '淄博', '枣庄', '东营', '烟台', '潍坊', '济宁', '泰安', '威海', '日照', '临沂', '德州', '聊城', '滨州', '菏泽',
];
const LEADING_CITY = new RegExp(`^(${PLACE_PREFIXES.join('|')})市`);
const LEADING_PROVINCE = /^山东省/;
const BRACKETS = /[[【〔〖{]/g;
const CLOSING_BRACKETS = /[\]】〕〗}]/g;
const IGNORED = /[\s\u00B7\u30FB\u2022"'`“”‘’]/g;

export function nameKey(name: string): string {
  let key = name.normalize('NFKC').replace(IGNORED, '').toUpperCase();
  key = key.replace(BRACKETS, '(').replace(CLOSING_BRACKETS, ')');
  key = key.replace(LEADING_PROVINCE, '山东').replace(LEADING_CITY, '$1');
  if (key.endsWith('有限责任公司')) key = `${key.slice(0, -'有限责任公司'.length)}有限公司`;
  return key;
}

/** Place words a key may start with after `nameKey` (which already dropped 市/省). */
const LEADING_PLACE = new RegExp(`^(山东|${PLACE_PREFIXES.join('|')})`);
/** A county-level district right after the city, as individual businesses' names carry it. */
const LEADING_DISTRICT = /^[\u4e00-\u9fff]{1,3}[区县]/;
const BRACKETED_PLACE = new RegExp(`\\((山东|${PLACE_PREFIXES.join('|')})\\)`, 'g');
/** Legal forms and the suffixes of non-company entities, longest first. */
const LEGAL_FORM = /(股份有限公司|有限公司|合伙企业\(有限合伙\)|合伙企业\(普通合伙\)|合伙企业|分公司|公司|服务部|工作室|中心)$/;

/**
 * The distinctive part of a name key: the 字号 and the industry word, without place words (leading
 * or bracketed) and without the legal form. Two names with the same core differ only in those
 * generic parts; it is a retrieval aid for near matches, never a matching key on its own.
 */
export function coreKey(key: string): string {
  let core = key.replace(BRACKETED_PLACE, '');
  const place = LEADING_PLACE.exec(core);
  if (place) {
    core = core.slice(place[0].length);
    const district = LEADING_DISTRICT.exec(core);
    // Only individual businesses put a district there; keep at least a 字号 behind it.
    if (district && core.length - district[0].length >= 3) core = core.slice(district[0].length);
  }
  const withoutForm = core.replace(LEGAL_FORM, '');
  return withoutForm === '' ? core : withoutForm;
}

/** Characters of the core that near-match retrieval is indexed on. */
export const CORE_PREFIX_LENGTH = 2;

/** The indexed retrieval prefix of a name key (its core's first characters). */
export function corePrefix(key: string): string {
  return [...coreKey(key)].slice(0, CORE_PREFIX_LENGTH).join('');
}
