import type { District } from './jinan.data';
import type { EntityType, NameParts } from './enterprise.types';
import type { IndustryFamily } from './industries.data';
import { Permutation, Rng } from './prng';
import { GIVEN_CHARACTERS, SURNAMES, TRADE_NAME_CHARACTERS } from './vocabulary.data';

// Module bindings, not `Math.x`: global lookups cost ~100× under Jest (jestjs/jest#15502).
const { floor } = Math;

const TN = TRADE_NAME_CHARACTERS.length;
/** Number of distinct three-character 字号. */
export const TRADE_NAME_SPACE = TN * TN * TN;

/**
 * Trade names are a keyed permutation of the enterprise index, so they are unique for up to half
 * the space (the other half supplies new names on renames) — about 1.5 million enterprises.
 */
export class TradeNames {
  private readonly perm: Permutation;

  constructor(key: number) {
    this.perm = new Permutation(TRADE_NAME_SPACE, key);
  }

  original(index: number): string {
    return this.at(index % TRADE_NAME_SPACE);
  }

  /** A fresh 字号 for a rename, disjoint from every original while size ≤ half the space. */
  renamed(index: number): string {
    return this.at((index + floor(TRADE_NAME_SPACE / 2)) % TRADE_NAME_SPACE);
  }

  private at(x: number): string {
    const k = this.perm.apply(x);
    return TRADE_NAME_CHARACTERS[k % TN]! + TRADE_NAME_CHARACTERS[floor(k / TN) % TN]! + TRADE_NAME_CHARACTERS[floor(k / (TN * TN))]!;
  }
}

/** Composes a registered name from its parts, following the entity type's legal form. */
export function composeName(parts: NameParts, entityType: EntityType, family: IndustryFamily, district: District): string {
  const word = family.words[parts.wordIndex]!;
  switch (entityType) {
    case 'individual_business':
      return `济南市${district.name}${parts.trade}${word}${parts.longForm ? '服务部' : '工作室'}`;
    case 'sole_proprietorship':
      return `济南${parts.trade}${word}中心`;
    case 'partnership':
      return `济南${parts.trade}${word}合伙企业（有限合伙）`;
    case 'joint_stock':
      return prefixed(parts, word, '股份有限公司');
    case 'limited_company':
      return prefixed(parts, word, parts.longForm ? '有限责任公司' : '有限公司');
  }
}

function prefixed(parts: NameParts, word: string, form: string): string {
  switch (parts.format) {
    case 1:
      return `山东${parts.trade}${word}${form}`;
    case 2:
      return `${parts.trade}（济南）${word}${form}`;
    case 3:
      return `${parts.trade}（山东）${word}${form}`;
    default:
      return `济南${parts.trade}${word}${form}`;
  }
}

export type HolderNameVariant = 'exact' | 'half_width_brackets' | 'legal_form' | 'stray_space' | 'city_prefix';

/**
 * How a utility (or other agency) clerk might have typed a registered name. Variants that do not
 * apply to the name fall back to a stray space, which always applies.
 */
export function nameVariant(name: string, variant: HolderNameVariant, u: number): string {
  switch (variant) {
    case 'exact':
      return name;
    case 'half_width_brackets':
      if (name.includes('（')) return name.replace(/（/g, '(').replace(/）/g, ')');
      return strayed(name, u);
    case 'legal_form':
      if (name.endsWith('有限责任公司')) return `${name.slice(0, -6)}有限公司`;
      if (name.endsWith('有限公司') && !name.endsWith('股份有限公司')) return `${name.slice(0, -4)}有限责任公司`;
      return strayed(name, u);
    case 'city_prefix':
      if (name.startsWith('济南') && !name.startsWith('济南市')) return `济南市${name.slice(2)}`;
      return strayed(name, u);
    case 'stray_space':
      return strayed(name, u);
  }
}

function strayed(name: string, u: number): string {
  if (u < 0.4) return `${name} `;
  if (u < 0.7 && (name.startsWith('济南') || name.startsWith('山东'))) return `${name.slice(0, 2)} ${name.slice(2)}`;
  const at = name.indexOf('有限');
  if (at > 0) return `${name.slice(0, at)} ${name.slice(at)}`;
  return ` ${name}`;
}

/** A Chinese personal name: surname plus one or two given characters. */
export function personName(rng: Rng): string {
  const surname = rng.pick(SURNAMES);
  const first = rng.pick(GIVEN_CHARACTERS);
  return rng.chance(0.7) ? surname + first + rng.pick(GIVEN_CHARACTERS) : surname + first;
}
