import type { SqlRunner } from '../ingest/sql-chunks';
import { chunk, placeholders } from '../ingest/sql-chunks';
import type { Candidate, CaseKind, CaseStatus } from './resolution.types';

/** What resolution learnt about an identifier it could not settle: shown to stewards on its case. */
export interface CaseDetails {
  displayName: string | null;
  displayAddress: string | null;
  candidates: Candidate[];
}

export interface CaseRef {
  kind: CaseKind;
  identifier: string;
}

export const caseKey = (kind: string, identifier: string): string => `${kind}\u0000${identifier}`;

interface WaitingRow {
  identifier: string;
  waiting: string;
  ambiguous: string;
}

interface StoredCase {
  id: string;
  identifier: string;
  status: CaseStatus;
  display_name: string | null;
  display_address: string | null;
  candidates: string | Candidate[];
  waiting_records: number | string;
}

const PER_STATEMENT = 500;
const short = (text: string | null, max: number): string | null => (text === null ? null : [...text].slice(0, max).join(''));
const json = (value: string | Candidate[]): string => (typeof value === 'string' ? JSON.stringify(JSON.parse(value)) : JSON.stringify(value));

/**
 * Brings the cases of `refs` in line with the records that wait on them: a case exists while some
 * record waits (its status follows theirs: `ambiguous` if any has candidates, else `unmatched`), is
 * `settled` once none waits without a steward, and keeps a steward's decision whatever happens.
 * `details` (from the resolution that just ran) replace the shown name, address and candidates.
 * A case is written only when something about it changed, so resolving again writes nothing.
 */
export async function refreshCases(db: SqlRunner, refs: readonly CaseRef[], details: ReadonlyMap<string, CaseDetails>): Promise<void> {
  const byKind = new Map<CaseKind, Set<string>>();
  for (const r of refs) {
    const set = byKind.get(r.kind) ?? new Set<string>();
    set.add(r.identifier);
    byKind.set(r.kind, set);
  }
  for (const [kind, identifiers] of byKind) {
    for (const part of chunk([...identifiers], PER_STATEMENT)) {
      const marks = part.map(() => '?').join(',');
      const waiting = (await db.query(
        "SELECT `identifier`, COUNT(*) AS waiting, SUM(`status` = 'ambiguous') AS ambiguous FROM `record_link` " +
          `WHERE \`identifier_kind\` = ? AND \`identifier\` IN (${marks}) AND \`status\` IN ('ambiguous','unmatched') GROUP BY \`identifier\``,
        [kind, ...part],
      )) as WaitingRow[];
      const stored = (await db.query(
        'SELECT `id`, `identifier`, `status`, `display_name`, `display_address`, `candidates`, `waiting_records` FROM `resolution_case` ' +
          `WHERE \`kind\` = ? AND \`identifier\` IN (${marks})`,
        [kind, ...part],
      )) as StoredCase[];
      const waitingBy = new Map(waiting.map((w) => [w.identifier, w]));
      const storedBy = new Map(stored.map((s) => [s.identifier, s]));
      const writes: unknown[][] = [];
      for (const identifier of part) {
        const w = waitingBy.get(identifier);
        const n = w ? Number(w.waiting) : 0;
        const d = details.get(caseKey(kind, identifier));
        const c = storedBy.get(identifier);
        if (!c) {
          if (n > 0) writes.push([kind, identifier, waitingStatus(w), short(d?.displayName ?? null, 512), short(d?.displayAddress ?? null, 512), JSON.stringify(d?.candidates ?? []), n]);
          continue;
        }
        const status: CaseStatus = c.status === 'decided' ? 'decided' : n === 0 ? 'settled' : waitingStatus(w);
        const next = {
          display_name: d && n > 0 ? short(d.displayName, 512) : c.display_name,
          display_address: d && n > 0 ? short(d.displayAddress, 512) : c.display_address,
          candidates: d && n > 0 ? JSON.stringify(d.candidates) : json(c.candidates),
        };
        const same =
          status === c.status &&
          n === Number(c.waiting_records) &&
          next.display_name === c.display_name &&
          next.display_address === c.display_address &&
          next.candidates === json(c.candidates);
        if (!same) writes.push([kind, identifier, status, next.display_name, next.display_address, next.candidates, n]);
      }
      for (const slice of chunk(writes, PER_STATEMENT)) {
        await db.query(
          'INSERT INTO `resolution_case` (`kind`,`identifier`,`status`,`display_name`,`display_address`,`candidates`,`waiting_records`,`first_seen_at`,`last_seen_at`) ' +
            `VALUES ${placeholders(slice.length, 7, ',NOW(3),NOW(3)')} ON DUPLICATE KEY UPDATE ` +
            // Seen again only while records wait on it.
            '`last_seen_at` = IF(VALUES(`waiting_records`) > 0, VALUES(`last_seen_at`), `last_seen_at`), ' +
            ['status', 'display_name', 'display_address', 'candidates', 'waiting_records'].map((c) => `\`${c}\` = VALUES(\`${c}\`)`).join(', '),
          slice.flat(),
        );
      }
    }
  }
}

function waitingStatus(w: WaitingRow | undefined): CaseStatus {
  return w && Number(w.ambiguous) > 0 ? 'ambiguous' : 'unmatched';
}

/** A case as stewards see it. */
export interface ResolutionCaseView {
  id: string;
  kind: CaseKind;
  identifier: string;
  status: CaseStatus;
  displayName: string | null;
  displayAddress: string | null;
  candidates: Candidate[];
  decisionUscc: string | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  note: string | null;
  waitingRecords: number;
  firstSeenAt: Date;
  lastSeenAt: Date;
}

interface CaseRow {
  id: string;
  kind: CaseKind;
  identifier: string;
  status: CaseStatus;
  display_name: string | null;
  display_address: string | null;
  candidates: string | Candidate[];
  decision_uscc: string | null;
  decided_by: string | null;
  decided_at: Date | null;
  note: string | null;
  waiting_records: number | string;
  first_seen_at: Date;
  last_seen_at: Date;
}

export const CASE_COLUMNS =
  '`id`,`kind`,`identifier`,`status`,`display_name`,`display_address`,`candidates`,`decision_uscc`,`decided_by`,`decided_at`,`note`,`waiting_records`,`first_seen_at`,`last_seen_at`';

export function toCaseView(row: CaseRow): ResolutionCaseView {
  return {
    id: String(row.id),
    kind: row.kind,
    identifier: row.identifier,
    status: row.status,
    displayName: row.display_name,
    displayAddress: row.display_address,
    candidates: typeof row.candidates === 'string' ? (JSON.parse(row.candidates) as Candidate[]) : row.candidates,
    decisionUscc: row.decision_uscc,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
    note: row.note,
    waitingRecords: Number(row.waiting_records),
    firstSeenAt: row.first_seen_at,
    lastSeenAt: row.last_seen_at,
  };
}

export async function findCase(db: SqlRunner, id: string): Promise<ResolutionCaseView | null> {
  const rows = (await db.query(`SELECT ${CASE_COLUMNS} FROM \`resolution_case\` WHERE \`id\` = ?`, [id])) as CaseRow[];
  return rows[0] ? toCaseView(rows[0]) : null;
}

export async function selectCases(db: SqlRunner, statuses: readonly CaseStatus[], kind: CaseKind | undefined, limit: number): Promise<ResolutionCaseView[]> {
  const params: unknown[] = [...statuses];
  let where = `\`status\` IN (${statuses.map(() => '?').join(',')})`;
  if (kind !== undefined) {
    where += ' AND `kind` = ?';
    params.push(kind);
  }
  params.push(limit);
  const rows = (await db.query(
    `SELECT ${CASE_COLUMNS} FROM \`resolution_case\` WHERE ${where} ORDER BY \`waiting_records\` DESC, \`last_seen_at\` DESC, \`id\` LIMIT ?`,
    params,
  )) as CaseRow[];
  return rows.map(toCaseView);
}
