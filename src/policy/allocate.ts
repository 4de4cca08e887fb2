import { HubError } from '../errors/hub-error';

/**
 * Splits an integer amount of fen into parts proportional to integer weights by the largest-remainder
 * (Hamilton) method, so that the parts always sum exactly to the total.
 *
 * Each part first gets `floor(|total| × weight / Σ weights)`; the fen left over (fewer than the
 * number of parts) go one each to the parts with the largest remainders. Ties between equal
 * remainders go to the part listed first (for funding policies: GOVERNMENT, BANK, GUARANTOR,
 * INSURER, ENTERPRISE, in that order), so the result is deterministic. A negative total (money
 * returned, e.g. a recovery after a shared loss) is split as its absolute value and negated, so
 * `allocate(-x, w)` is exactly `-allocate(x, w)`. Arithmetic is in BigInt: exact for any safe
 * integer total and any weights.
 */
const bad = (argument: string, message: string) => new HubError('BAD_USER_INPUT', `allocate: ${message}`, { details: { argument } });

export function allocate(totalFen: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(totalFen)) throw bad('totalFen', `totalFen must be a safe integer number of fen, got ${totalFen}`);
  if (weights.length === 0) throw bad('weights', 'at least one weight is needed');
  if (weights.some((w) => !Number.isSafeInteger(w) || w < 0)) throw bad('weights', `weights must be non-negative integers, got ${weights.join(', ')}`);
  const sum = weights.reduce((a, w) => a + BigInt(w), 0n);
  if (sum === 0n) throw bad('weights', 'the weights sum to 0');
  const sign = totalFen < 0 ? -1n : 1n;
  const total = BigInt(totalFen) * sign;
  const parts = weights.map((w) => (total * BigInt(w)) / sum);
  const remainders = weights.map((w) => (total * BigInt(w)) % sum);
  let left = total - parts.reduce((a, p) => a + p, 0n);
  // Indices by remainder, largest first; Array.prototype.sort is stable, so equal remainders keep list order.
  const order = weights.map((_, i) => i).sort((a, b) => (remainders[b]! > remainders[a]! ? 1 : remainders[b]! < remainders[a]! ? -1 : 0));
  for (const i of order) {
    if (left === 0n) break;
    parts[i] = parts[i]! + 1n;
    left -= 1n;
  }
  return parts.map((p) => Number(p * sign));
}
