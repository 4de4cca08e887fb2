import { chunk, placeholders } from '../../ingest/sql-chunks';
import type { CaseDetails } from '../case-store';
import { corePrefix, nameKey } from '../name-normalizer';
import { decisionsFor } from '../registry-lookup';
import { ACCOUNTS } from '../resolution-rules';
import type { LinkDraft, RecordFilter, ResolutionUnit } from '../resolution-session';
import type { LinkMethod, LinkStatus } from '../resolution.types';
import { dates, NameEvidence, parsePayload, text } from './name-evidence';

/** Who a record belongs to, as one of the name-based paths decided it. */
export interface Identification {
  uscc: string | null;
  method: LinkMethod | null;
  score: number | null;
  status: LinkStatus;
  /** The case the record resolves through or waits on. */
  identifierKind: LinkDraft['identifierKind'];
  identifier: string;
  /** Shown on that case when the record waits. */
  details: CaseDetails | null;
  /** Name keys the decision depends on. */
  keys: string[];
}

interface AccountRow {
  id: string;
  external_id: string;
  run: string;
  payload: unknown;
}

/** The fields of an account payload that identify its holder. */
export function accountClues(payload: unknown): { holder: string | null; key: string; address: string | null; dates: string[] } {
  const p = parsePayload(payload);
  const holder = text(p.holder_name);
  return { holder, key: holder === null ? '' : nameKey(holder), address: text(p.address), dates: dates(p.opened_on, p.updated_at) };
}

/**
 * An account's holder, by holder name (its key, against current and former registered names) and
 * address, per `matchName`. A steward's decision on the account number comes first.
 */
export function identifyAccount(accountNo: string, payload: unknown, evidence: NameEvidence, decisions: ReadonlyMap<string, string | null>): Identification {
  const clues = accountClues(payload);
  const on = { identifierKind: 'utility_account' as const, identifier: accountNo, keys: clues.key === '' ? [] : [clues.key] };
  if (decisions.has(accountNo)) {
    const uscc = decisions.get(accountNo)!;
    return { ...on, uscc, method: 'steward', score: uscc === null ? null : 1, status: uscc === null ? 'nobody' : 'resolved', details: null };
  }
  const match = clues.key === '' ? { outcome: 'unmatched' as const, candidates: [] } : evidence.match({ key: clues.key, dates: clues.dates, address: clues.address });
  if (match.outcome === 'match') return { ...on, uscc: match.uscc, method: match.method, score: match.score, status: 'resolved', details: null };
  return { ...on, uscc: null, method: null, score: null, status: match.outcome, details: { displayName: clues.holder, displayAddress: clues.address, candidates: match.candidates } };
}

/**
 * Links utility accounts (`identifyAccount`). Each account's holder key is recorded in
 * `record_name_key`, so registry names that arrive later find it.
 */
export async function linkAccounts(unit: ResolutionUnit, filter: RecordFilter): Promise<void> {
  const rows = (await unit.runner.query(
    'SELECT r.`id`, r.`external_id`, r.`last_changed_run_id` AS run, r.`payload` FROM `raw_record` r ' +
      `WHERE ${filter.sql} AND r.\`connector\` = ? AND r.\`stream\` = ?`,
    [...filter.params, ACCOUNTS.connector, ACCOUNTS.stream],
  )) as AccountRow[];
  if (rows.length === 0) return;
  const decisions = await decisionsFor(unit.runner, 'utility_account', rows.map((r) => r.external_id));
  const evidence = await NameEvidence.load(unit.runner, rows.map((r) => accountClues(r.payload).key).filter((k) => k !== ''));
  const drafts: LinkDraft[] = [];
  const keys: Array<{ id: string; keys: string[] }> = [];
  for (const row of rows) {
    const found = identifyAccount(row.external_id, row.payload, evidence, decisions);
    drafts.push(toDraft(String(row.id), ACCOUNTS, null, String(row.run), found));
    if (found.details) unit.describe(found.identifierKind, found.identifier, found.details);
    keys.push({ id: String(row.id), keys: found.keys });
  }
  await unit.stage(drafts);
  await replaceNameKeys(unit, keys);
}

export function toDraft(rawRecordId: string, at: { connector: string; stream: string }, parentKey: string | null, recordRunId: string, found: Identification): LinkDraft {
  return {
    rawRecordId,
    connector: at.connector,
    stream: at.stream,
    uscc: found.uscc,
    method: found.method,
    score: found.score,
    status: found.status,
    identifierKind: found.identifierKind,
    identifier: found.identifier,
    parentKey,
    recordRunId,
  };
}

/** Records the name keys each record depends on, writing only what differs from what is stored. */
export async function replaceNameKeys(unit: ResolutionUnit, records: ReadonlyArray<{ id: string; keys: readonly string[] }>): Promise<void> {
  for (const part of chunk(records, 1000)) {
    const stored = (await unit.runner.query(
      `SELECT \`raw_record_id\` AS id, \`name_key\` AS k FROM \`record_name_key\` WHERE \`raw_record_id\` IN (${part.map(() => '?').join(',')})`,
      part.map((r) => r.id),
    )) as Array<{ id: string; k: string }>;
    const pair = (id: string, k: string) => `${id}\u0000${k}`;
    const have = new Set(stored.map((s) => pair(String(s.id), s.k)));
    const want = new Set(part.flatMap((r) => r.keys.map((k) => pair(r.id, k))));
    const gone = stored.filter((s) => !want.has(pair(String(s.id), s.k)));
    const added = part.flatMap((r) => [...new Set(r.keys)].filter((k) => !have.has(pair(r.id, k))).map((k) => [r.id, k, corePrefix(k)]));
    for (const slice of chunk(gone, 500)) {
      await unit.runner.query(
        `DELETE FROM \`record_name_key\` WHERE (\`raw_record_id\`, \`name_key\`) IN (${slice.map(() => '(?,?)').join(',')})`,
        slice.flatMap((s) => [s.id, s.k]),
      );
    }
    for (const slice of chunk(added, 1000)) {
      await unit.runner.query(`INSERT INTO \`record_name_key\` (\`raw_record_id\`,\`name_key\`,\`core_prefix\`) VALUES ${placeholders(slice.length, 3)}`, slice.flat());
    }
  }
}
