/**
 * 统一社会信用代码 (unified social credit code), GB 32100-2015: 18 characters; positions 1–17 are
 * weighted by 3^(i−1) mod 31 and the 18th is a check character over the 31-character alphabet.
 * Positions 9–17 also carry a GB 11714 organisation-code check; some real codes fail it, so a failure
 * there is reported as a warning, never a rejection.
 */
export const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

export type UsccProblem =
  | { code: 'LENGTH'; message: string }
  | { code: 'ALPHABET'; message: string; position: number; character: string }
  | { code: 'CHECK_CHARACTER'; message: string; expected: string; found: string };

export type UsccResult =
  | { valid: true; uscc: string; warnings: string[] }
  | { valid: false; uscc: string; problem: UsccProblem };

/** Upper-cases and trims, as uploads commonly need. */
export function normalizeUscc(input: string): string {
  return input.trim().toUpperCase();
}

/** The check character for the first 17 characters of a code (which must be in the alphabet). */
export function usccCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_ALPHABET.indexOf(first17[i]!);
    if (value < 0) throw new RangeError(`character ${first17[i]} at position ${i + 1} is not in the USCC alphabet`);
    sum += value * WEIGHTS[i]!;
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31]!;
}

/** The GB 11714 check character for an 8-character organisation code body. */
export function organisationCheckCharacter(body8: string): string | null {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const value = ORG_ALPHABET.indexOf(body8[i]!);
    if (value < 0) return null;
    sum += value * ORG_WEIGHTS[i]!;
  }
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

export function validateUscc(input: string): UsccResult {
  const uscc = normalizeUscc(input);
  if (uscc.length !== 18) {
    return { valid: false, uscc, problem: { code: 'LENGTH', message: `must be 18 characters, got ${uscc.length}` } };
  }
  for (let i = 0; i < 18; i++) {
    const character = uscc[i]!;
    if (!USCC_ALPHABET.includes(character)) {
      return {
        valid: false,
        uscc,
        problem: {
          code: 'ALPHABET',
          position: i + 1,
          character,
          message: `character '${character}' at position ${i + 1} is not allowed (alphabet ${USCC_ALPHABET}: no I, O, S, V, Z)`,
        },
      };
    }
  }
  const expected = usccCheckCharacter(uscc.slice(0, 17));
  if (uscc[17] !== expected) {
    return {
      valid: false,
      uscc,
      problem: {
        code: 'CHECK_CHARACTER',
        expected,
        found: uscc[17]!,
        message: `check character (position 18) should be '${expected}', found '${uscc[17]}'`,
      },
    };
  }
  const warnings: string[] = [];
  if (organisationCheckCharacter(uscc.slice(8, 16)) !== uscc[16]) {
    warnings.push('organisation code (positions 9–17) fails its GB 11714 check');
  }
  return { valid: true, uscc, warnings };
}

/** Builds a valid code from its parts; `body` is the 9-character organisation code (positions 9–17). */
export function composeUscc(authority: string, entityType: string, areaCode: string, body: string): string {
  const first17 = `${authority}${entityType}${areaCode}${body}`;
  if (first17.length !== 17) throw new RangeError(`USCC parts must make 17 characters, got ${first17.length}`);
  return first17 + usccCheckCharacter(first17);
}
