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
