/**
 * How alike two name keys are, from 0 (nothing shared) to 1 (equal): the Dice coefficient of their
 * character bigrams. Chinese names have no word boundaries and clerks' errors are single characters
 * added, dropped or swapped, which bigrams absorb; a one-character change in a twelve-character name
 * scores about 0.8, a different industry word behind the same 字号 about 0.6.
 */
export function nameSimilarity(a: string, b: string): number {
  if (a === b) return a === '' ? 0 : 1;
  const left = bigrams(a);
  const right = bigrams(b);
  if (left.length === 0 || right.length === 0) return 0;
  const pool = new Map<string, number>();
  for (const g of left) pool.set(g, (pool.get(g) ?? 0) + 1);
  let shared = 0;
  for (const g of right) {
    const n = pool.get(g) ?? 0;
    if (n > 0) {
      shared += 1;
      pool.set(g, n - 1);
    }
  }
  return (2 * shared) / (left.length + right.length);
}

function bigrams(text: string): string[] {
  const chars = [...text];
  if (chars.length === 1) return chars;
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}
