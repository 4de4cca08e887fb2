import type { SqlRunner } from '../ingest/sql-chunks';
import type { FinancingEventKind, FinancingProduct, FinancingState } from './financing.types';

/** A financing case as read: balances as numbers of fen, dates as `YYYY-MM-DD`, its institution named. */
export interface FinancingCaseRow {
  id: number;
  uscc: string;
  institutionId: number;
  institutionCode: string;
  institutionName: string;
  product: FinancingProduct;
  state: FinancingState;
  appliedFen: number;
  approvedFen: number | null;
  disbursedFen: number;
  repaidFen: number;
  outstandingFen: number;
  recoveredFen: number;
  writtenOffFen: number;
  overdueFen: number | null;
  termMonths: number;
  annualRateBp: number | null;
  pledgedPatents: string[];
  openedOn: string;
  lastEventOn: string;
  updatedAt: Date;
}

export interface FinancingEventRow {
  id: string;
  caseId: number;
  uscc: string;
  institutionId: number;
  product: FinancingProduct;
  kind: FinancingEventKind;
  amountFen: number | null;
  occurredOn: string;
  note: string | null;
  stateAfter: FinancingState;
  recordedAt: Date;
}

const fen = (v: unknown): number => Number(v);
const fenOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

export const CASE_COLUMNS = `c.id, c.uscc, c.institution_id, i.code AS institution_code, i.name AS institution_name, c.product, c.state,
  c.applied_fen, c.approved_fen, c.disbursed_fen, c.repaid_fen, c.outstanding_fen, c.recovered_fen, c.written_off_fen, c.overdue_fen,
  c.term_months, c.annual_rate_bp, c.pledged_patents, DATE_FORMAT(c.opened_on, '%Y-%m-%d') AS opened_on,
  DATE_FORMAT(c.last_event_on, '%Y-%m-%d') AS last_event_on, c.updated_at`;

export const EVENT_COLUMNS = `e.id, e.case_id, e.uscc, e.institution_id, e.product, e.kind, e.amount_fen, DATE_FORMAT(e.occurred_on, '%Y-%m-%d') AS occurred_on,
  e.note, e.state_after, e.recorded_at`;

export function toCaseRow(r: Record<string, unknown>): FinancingCaseRow {
  return {
    id: Number(r.id),
    uscc: String(r.uscc),
    institutionId: Number(r.institution_id),
    institutionCode: String(r.institution_code),
    institutionName: String(r.institution_name),
    product: r.product as FinancingProduct,
    state: r.state as FinancingState,
    appliedFen: fen(r.applied_fen),
    approvedFen: fenOrNull(r.approved_fen),
    disbursedFen: fen(r.disbursed_fen),
    repaidFen: fen(r.repaid_fen),
    outstandingFen: fen(r.outstanding_fen),
    recoveredFen: fen(r.recovered_fen),
    writtenOffFen: fen(r.written_off_fen),
    overdueFen: fenOrNull(r.overdue_fen),
    termMonths: Number(r.term_months),
    annualRateBp: r.annual_rate_bp === null ? null : Number(r.annual_rate_bp),
    pledgedPatents: String(r.pledged_patents ?? '') === '' ? [] : String(r.pledged_patents).split(','),
    openedOn: String(r.opened_on),
    lastEventOn: String(r.last_event_on),
    updatedAt: r.updated_at as Date,
  };
}

export function toEventRow(r: Record<string, unknown>): FinancingEventRow {
  return {
    id: String(r.id),
    caseId: Number(r.case_id),
    uscc: String(r.uscc),
    institutionId: Number(r.institution_id),
    product: r.product as FinancingProduct,
    kind: r.kind as FinancingEventKind,
    amountFen: fenOrNull(r.amount_fen),
    occurredOn: String(r.occurred_on),
    note: (r.note as string | null) ?? null,
    stateAfter: r.state_after as FinancingState,
    recordedAt: r.recorded_at as Date,
  };
}

export async function caseById(db: SqlRunner, id: number, lock = false): Promise<FinancingCaseRow | null> {
  const rows = (await db.query(`SELECT ${CASE_COLUMNS} FROM financing_case c JOIN institution i ON i.id = c.institution_id WHERE c.id = ?${lock ? ' FOR UPDATE' : ''}`, [id])) as Array<Record<string, unknown>>;
  return rows[0] ? toCaseRow(rows[0]) : null;
}

/** Which cases of an enterprise a reader may see: all of them, or only its own institution's. */
export interface CaseScope {
  uscc: string;
  all: boolean;
}

export interface CasePageQuery {
  /** Rows wanted per enterprise (fetch limit + 1 to learn whether there is a next page). */
  take: number;
  /** Keyset cursor: the (openedOn, id) of the last case seen; the page continues after it. */
  after: { openedOn: string; id: number } | null;
  product: FinancingProduct | null;
  /** The reader's institution, for enterprises whose cases it may only see where they are its own. */
  institutionId: number | null;
}

export interface CasePage {
  rows: FinancingCaseRow[];
  /** Cases matching the filter over all pages. */
  total: number;
}

/**
 * One page of cases, newest first (opened_on, then id, descending), for each of many enterprises in
 * ONE statement: a window numbers each enterprise's cases past the cursor, another counts all of
 * them; the newest case always comes along to carry the count when no case is left past the cursor.
 */
export async function casePages(db: SqlRunner, scopes: readonly CaseScope[], query: CasePageQuery): Promise<Map<string, CasePage>> {
  const out = new Map<string, CasePage>(scopes.map((s) => [s.uscc, { rows: [], total: 0 }]));
  const all = scopes.filter((s) => s.all).map((s) => s.uscc);
  const own = query.institutionId === null ? [] : scopes.filter((s) => !s.all).map((s) => s.uscc);
  if (all.length === 0 && own.length === 0) return out;
  const visible: string[] = [];
  const params: unknown[] = [];
  if (all.length > 0) (visible.push(`c.uscc IN (${all.map(() => '?').join(',')})`), params.push(...all));
  if (own.length > 0) (visible.push(`(c.uscc IN (${own.map(() => '?').join(',')}) AND c.institution_id = ?)`), params.push(...own, query.institutionId));
  let where = `(${visible.join(' OR ')})`;
  if (query.product !== null) (where += ' AND c.product = ?'), params.push(query.product);
  const cursorParams: unknown[] = [];
  let past = '1';
  if (query.after !== null) {
    past = '(c.opened_on < ? OR (c.opened_on = ? AND c.id < ?))';
    cursorParams.push(query.after.openedOn, query.after.openedOn, query.after.id);
  }
  const rows = (await db.query(
    `SELECT * FROM (
       SELECT ${CASE_COLUMNS}, ${past} AS past,
              SUM(${past}) OVER (PARTITION BY c.uscc ORDER BY c.opened_on DESC, c.id DESC ROWS UNBOUNDED PRECEDING) AS rn,
              ROW_NUMBER() OVER (PARTITION BY c.uscc ORDER BY c.opened_on DESC, c.id DESC) AS pos,
              COUNT(*) OVER (PARTITION BY c.uscc) AS total
         FROM financing_case c JOIN institution i ON i.id = c.institution_id
        WHERE ${where}
     ) ranked
     WHERE (past = 1 AND rn <= ?) OR pos = 1
     ORDER BY uscc, opened_on DESC, id DESC`,
    [...cursorParams, ...cursorParams, ...params, query.take],
  )) as Array<Record<string, unknown>>;
  for (const r of rows) {
    const page = out.get(String(r.uscc));
    if (!page) continue;
    page.total = Number(r.total);
    if (Number(r.past) === 1) page.rows.push(toCaseRow(r));
  }
  return out;
}

export interface EventPageQuery {
  take: number;
  /** Keyset cursor: the id of the last event seen (events are listed newest first, by id). */
  afterId: string | null;
}

/** One page of events, newest first, for each of many cases in ONE statement. */
export async function eventPages(db: SqlRunner, caseIds: readonly number[], query: EventPageQuery): Promise<Map<number, { rows: FinancingEventRow[]; total: number }>> {
  const out = new Map(caseIds.map((id) => [id, { rows: [] as FinancingEventRow[], total: 0 }]));
  if (caseIds.length === 0) return out;
  const past = query.afterId === null ? '1' : 'e.id < ?';
  const cursor = query.afterId === null ? [] : [query.afterId];
  const rows = (await db.query(
    `SELECT * FROM (
       SELECT ${EVENT_COLUMNS}, ${past} AS past,
              SUM(${past}) OVER (PARTITION BY e.case_id ORDER BY e.id DESC ROWS UNBOUNDED PRECEDING) AS rn,
              ROW_NUMBER() OVER (PARTITION BY e.case_id ORDER BY e.id DESC) AS pos,
              COUNT(*) OVER (PARTITION BY e.case_id) AS total
         FROM financing_event e
        WHERE e.case_id IN (${caseIds.map(() => '?').join(',')})
     ) ranked
     WHERE (past = 1 AND rn <= ?) OR pos = 1
     ORDER BY case_id, id DESC`,
    [...cursor, ...cursor, ...caseIds, query.take],
  )) as Array<Record<string, unknown>>;
  for (const r of rows) {
    const page = out.get(Number(r.case_id));
    if (!page) continue;
    page.total = Number(r.total);
    if (Number(r.past) === 1) page.rows.push(toEventRow(r));
  }
  return out;
}

/** Every event of one case, oldest first (for replays). */
export async function eventsOfCase(db: SqlRunner, caseId: number): Promise<FinancingEventRow[]> {
  const rows = (await db.query(`SELECT ${EVENT_COLUMNS} FROM financing_event e WHERE e.case_id = ? ORDER BY e.id`, [caseId])) as Array<Record<string, unknown>>;
  return rows.map(toEventRow);
}
