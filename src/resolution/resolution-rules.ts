import type { CaseKind } from './resolution.types';

/**
 * How each stream's records find their enterprise. Streams the table does not name (other
 * connectors) are not resolved. `phase` orders the work: the registry first (it defines the known
 * enterprises and their names), then records matched on ids or names, then records that follow a
 * parent record.
 */
export type StreamRule =
  | { path: 'uscc'; connector: string; stream: string; phase: 0 | 1; field: string; registry: boolean }
  | { path: 'taxpayer'; connector: string; stream: string; phase: 1; field: string }
  | { path: 'account'; connector: string; stream: string; phase: 1 }
  | { path: 'patent'; connector: string; stream: string; phase: 1 }
  | { path: 'child'; connector: string; stream: string; phase: 2; field: string; parent: { connector: string; stream: string }; kind: CaseKind; method: 'via_account' | 'via_patent' };

const MR = 'market-regulation';

export const REGISTRATIONS = { connector: MR, stream: 'registrations' } as const;
export const CHANGES = { connector: MR, stream: 'changes' } as const;
export const ACCOUNTS = { connector: 'utility', stream: 'accounts' } as const;
export const PATENTS = { connector: 'patent', stream: 'patents' } as const;

export const STREAM_RULES: readonly StreamRule[] = [
  { path: 'uscc', ...REGISTRATIONS, phase: 0, field: 'uscc', registry: true },
  { path: 'uscc', ...CHANGES, phase: 0, field: 'uscc', registry: true },
  ...['shareholders', 'penalties', 'abnormal_operations', 'annual_reports'].map(
    (stream): StreamRule => ({ path: 'uscc', connector: MR, stream, phase: 1, field: 'uscc', registry: false }),
  ),
  ...['declarations', 'arrears', 'credit_grades', 'rd_deductions'].map(
    (stream): StreamRule => ({ path: 'taxpayer', connector: 'tax', stream, phase: 1, field: 'taxpayer_id' }),
  ),
  { path: 'account', ...ACCOUNTS, phase: 1 },
  { path: 'patent', ...PATENTS, phase: 1 },
  { path: 'child', connector: 'utility', stream: 'bills', phase: 2, field: 'account_no', parent: ACCOUNTS, kind: 'utility_account', method: 'via_account' },
  { path: 'child', connector: 'patent', stream: 'legal_events', phase: 2, field: 'application_no', parent: PATENTS, kind: 'patent', method: 'via_patent' },
];

export const streamKey = (s: { connector: string; stream: string }): string => `${s.connector}/${s.stream}`;

const BY_KEY = new Map(STREAM_RULES.map((r) => [streamKey(r), r]));

export function ruleFor(connector: string, stream: string): StreamRule | undefined {
  return BY_KEY.get(`${connector}/${stream}`);
}

/** The rule of the records that follow `parent` (bills for accounts, legal events for patents). */
export function childRuleOf(parent: { connector: string; stream: string }): Extract<StreamRule, { path: 'child' }> | undefined {
  return STREAM_RULES.find((r): r is Extract<StreamRule, { path: 'child' }> => r.path === 'child' && streamKey(r.parent) === streamKey(parent));
}
