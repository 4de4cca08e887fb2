import { normalizeUscc, validateUscc } from '../domain/uscc';

/** Pre-2015 taxpayer ids: the six-digit area code and the nine-character organisation code. */
const LEGACY_ID = /^\d{6}[0-9A-Z]{9}$/;

export type TaxpayerId =
  | { kind: 'uscc'; id: string; uscc: string }
  | { kind: 'legacy'; id: string; legacyId: string }
  | { kind: 'invalid'; id: string; problem: string };

/**
 * What a 纳税人识别号 identifies: normally the USCC itself; a 15-character id from before the USCC
 * reform is USCC positions 3–17 (district code + organisation code), matched against registered
 * USCCs (`legacyIdOf`). `id` is the normalized id, which is also the resolution case identifier.
 */
export function classifyTaxpayerId(raw: string): TaxpayerId {
  const id = normalizeUscc(raw);
  if (id.length === 15 && LEGACY_ID.test(id)) return { kind: 'legacy', id, legacyId: id };
  const result = validateUscc(id);
  if (result.valid) return { kind: 'uscc', id, uscc: result.uscc };
  return { kind: 'invalid', id, problem: result.problem.message };
}

/** USCC positions 3–17: the id the same enterprise had at the tax bureau before the reform. */
export function legacyIdOf(uscc: string): string {
  return uscc.slice(2, 17);
}
