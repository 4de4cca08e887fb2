import { validateUscc } from '../../src/domain/uscc';
import { hash, tag } from './prng';
import type { BreakableFields, Payload } from './stream.types';

const T_BREAK = tag('invalid/how');
const NON_NUMERIC: readonly string[] = ['N/A', '—', '未知', '12O4.50'];
const IMPOSSIBLE_DAYS: readonly string[] = ['02-30', '02-31', '04-31', '06-31', '09-31', '11-31'];
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

export type BreakKind = 'missing_field' | 'non_numeric' | 'bad_uscc' | 'impossible_date' | 'negative_amount' | 'bad_enum';

/**
 * Breaks a record version in one of the contract's ways, chosen from the fields it actually has
 * (a null date cannot be made impossible). Deterministic: the same version always breaks the same
 * way. The id field is never touched, nor `updated_at`.
 */
export function breakRecord(record: Payload, fields: BreakableFields, key: number): { record: Payload; kind: BreakKind; field: string } {
  const options: Array<{ kind: BreakKind; field: string }> = [];
  const has = (f: string): boolean => record[f] !== null && record[f] !== undefined;
  for (const f of fields.required) if (has(f)) options.push({ kind: 'missing_field', field: f });
  for (const f of fields.numeric) if (has(f)) options.push({ kind: 'non_numeric', field: f });
  for (const f of fields.uscc) if (typeof record[f] === 'string' && validateUscc(record[f] as string).valid) options.push({ kind: 'bad_uscc', field: f });
  for (const f of fields.dates) if (typeof record[f] === 'string') options.push({ kind: 'impossible_date', field: f });
  for (const f of fields.amounts) if (typeof record[f] === 'string') options.push({ kind: 'negative_amount', field: f });
  for (const f of Object.keys(fields.enums)) if (has(f)) options.push({ kind: 'bad_enum', field: f });
  // Spread the six kinds evenly first, then the field within the kind.
  const kinds = [...new Set(options.map((o) => o.kind))];
  const kind = kinds[hash(key, T_BREAK, 1) % kinds.length]!;
  const ofKind = options.filter((o) => o.kind === kind);
  const { field } = ofKind[hash(key, T_BREAK, 2) % ofKind.length]!;
  const pick = hash(key, T_BREAK, 3);
  const out: Payload = { ...record };
  const value = out[field];
  switch (kind) {
    case 'missing_field':
      delete out[field];
      break;
    case 'non_numeric':
      out[field] = NON_NUMERIC[pick % NON_NUMERIC.length];
      break;
    case 'bad_uscc': {
      const code = value as string;
      const right = USCC_ALPHABET.indexOf(code[17]!);
      out[field] = code.slice(0, 17) + USCC_ALPHABET[(right + 1 + (pick % 30)) % 31];
      break;
    }
    case 'impossible_date':
      out[field] = `${(value as string).slice(0, 4)}-${IMPOSSIBLE_DAYS[pick % IMPOSSIBLE_DAYS.length]}`;
      break;
    case 'negative_amount': {
      const v = value as string;
      out[field] = /^0(\.0+)?$/.test(v) || Number(v) === 0 ? '-100.00' : `-${v}`;
      break;
    }
    case 'bad_enum': {
      const wrong = fields.enums[field]!;
      out[field] = wrong[pick % wrong.length];
      break;
    }
  }
  return { record: out, kind, field };
}
