import { composeUscc, organisationCheckCharacter, USCC_ALPHABET } from '../../src/domain/uscc';
import { Permutation } from './prng';

// Module bindings, not `Math.x`: global lookups cost ~100× under Jest (jestjs/jest#15502).
const { floor } = Math;

/** Organisation codes issued after the USCC reform (Oct 2015) start with `MA`, as in real Jinan codes. */
export const USCC_ERA_START = Date.UTC(2015, 9, 1) / 1000;

const NEW_SPACE = 31 ** 6;
const OLD_SPACE = 10 ** 8;

/**
 * Unique organisation codes per enterprise index: two keyed permutations, one per code era, whose
 * formats cannot collide (`MA…` versus eight digits). Both are valid GB 11714 codes.
 */
export class OrganisationCodes {
  private readonly newCodes: Permutation;
  private readonly oldCodes: Permutation;

  constructor(key: number) {
    this.newCodes = new Permutation(NEW_SPACE, key);
    this.oldCodes = new Permutation(OLD_SPACE, key ^ 0x5a5a5a5a);
  }

  /** The nine-character organisation code (eight plus its check character). */
  code(index: number, establishedAt: number): string {
    let body: string;
    if (establishedAt >= USCC_ERA_START) {
      let k = this.newCodes.apply(index % NEW_SPACE);
      body = 'MA';
      for (let i = 0; i < 6; i++) {
        body += USCC_ALPHABET[k % 31]!;
        k = floor(k / 31);
      }
    } else {
      body = String(this.oldCodes.apply(index % OLD_SPACE)).padStart(8, '0');
    }
    return body + organisationCheckCharacter(body)!;
  }
}

/** `9` (market regulation) + `1` (enterprise) or `2` (individual business) + district + code. */
export function usccFor(individualBusiness: boolean, districtCode: string, orgCode: string): string {
  return composeUscc('9', individualBusiness ? '2' : '1', districtCode, orgCode);
}

/** The pre-2015 taxpayer id: the six-digit area code followed by the organisation code. */
export function legacyTaxpayerId(districtCode: string, orgCode: string): string {
  return districtCode + orgCode;
}
