import { CASE_COLUMNS, toCaseView, type ResolutionCaseView } from '../resolution/case-store';
import { decideCase, getCase } from '../resolution/resolution.service';
import type { CaseKind, CaseStatus } from '../resolution/resolution.types';
import { HubError } from '../errors/hub-error';
import type { OpsRuntime } from './ops-runtime';

export interface CasePageQuery {
  statuses: readonly CaseStatus[];
  kind?: CaseKind;
  /** Rows to fetch: a page size plus one. */
  fetch: number;
  /** The last case of the previous page: its waiting records and id. */
  after?: { waitingRecords: number; id: string } | null;
}

/**
 * A page of resolution cases, most waiting records first (then newest case first), by keyset on
 * (waiting records, id), with the count over all pages: two statements.
 */
export async function pageCases(rt: Pick<OpsRuntime, 'db'>, query: CasePageQuery): Promise<{ rows: ResolutionCaseView[]; total: number }> {
  if (query.statuses.length === 0) return { rows: [], total: 0 };
  const params: unknown[] = [...query.statuses];
  let where = `\`status\` IN (${query.statuses.map(() => '?').join(',')})`;
  if (query.kind !== undefined) {
    where += ' AND `kind` = ?';
    params.push(query.kind);
  }
  const keyset = query.after ? ' AND (`waiting_records` < ? OR (`waiting_records` = ? AND `id` < ?))' : '';
  const keyParams = query.after ? [query.after.waitingRecords, query.after.waitingRecords, query.after.id] : [];
  const [rows, counted] = await Promise.all([
    rt.db.query(`SELECT ${CASE_COLUMNS} FROM \`resolution_case\` WHERE ${where}${keyset} ORDER BY \`waiting_records\` DESC, \`id\` DESC LIMIT ?`, [
      ...params,
      ...keyParams,
      query.fetch,
    ]) as Promise<Array<Parameters<typeof toCaseView>[0]>>,
    rt.db.query(`SELECT COUNT(*) AS n FROM \`resolution_case\` WHERE ${where}`, params) as Promise<Array<{ n: string | number }>>,
  ]);
  return { rows: rows.map(toCaseView), total: Number(counted[0]?.n ?? 0) };
}

export async function findCase(rt: Pick<OpsRuntime, 'db'>, id: string): Promise<ResolutionCaseView | null> {
  return getCase(rt.db, id);
}

export interface StewardDecision {
  /** The enterprise the case's records belong to; null: no registered enterprise. */
  uscc: string | null;
  by: string;
  note?: string | null;
}

export interface DecisionOutcome {
  case: ResolutionCaseView;
  /** Enterprises whose linked records changed. */
  touched: string[];
  /** The profile job that recomputes their profiles; null when nothing was touched. */
  profileJobId: string | null;
}

/**
 * Records a steward's decision on a case and applies it (resolution relinks the waiting records and
 * later ones follow), then asks the profile queue to recompute the profiles the decision touched: the
 * queue runs one job at a time, so this never races a sync's refresh of the same profile.
 */
export async function decideResolutionCase(rt: OpsRuntime, id: string, decision: StewardDecision): Promise<DecisionOutcome> {
  const { touched } = await decideCase(rt.db, id, { uscc: decision.uscc, by: decision.by, note: decision.note ?? undefined });
  const profileJobId = touched.length > 0 ? await rt.profiles.refreshEnterprises(touched, `resolution-case-${id}-${Date.now()}`) : null;
  const decided = await getCase(rt.db, id);
  if (!decided) throw new HubError('NOT_FOUND', `no resolution case ${id}`);
  rt.log.info({ caseId: id, uscc: decision.uscc, by: decision.by, touched: touched.length }, 'resolution case decided');
  return { case: decided, touched, profileJobId };
}
