import type { DataSource } from 'typeorm';
import { validateUscc } from '../domain/uscc';
import { HubError } from '../errors/hub-error';
import { findCase, selectCases, type ResolutionCaseView } from './case-store';
import { runWindows, tableWindows } from './record-windows';
import { isKnownEnterprise } from './registry-lookup';
import { ACCOUNTS, childRuleOf, PATENTS, ruleFor, STREAM_RULES, streamKey, type StreamRule } from './resolution-rules';
import { ResolutionSession } from './resolution-session';
import { resolveDependents, resolveIds, resolveUnit } from './resolution-work';
import { CASE_KINDS, CASE_STATUSES, OPEN_CASE_STATUSES, type CaseKind, type CaseStatus, type ResolutionOutcome } from './resolution.types';

export type { ResolutionCaseView } from './case-store';
export type { ResolutionOutcome } from './resolution.types';

const byPhase = (a: StreamRule, b: StreamRule): number => a.phase - b.phase;

/**
 * Resolves every record a sync run inserted or changed (`raw_record.last_changed_run_id = runId`),
 * then whatever those records make resolvable or stale elsewhere: registry names that arrive after
 * the accounts and patents that need them, accounts and patents that arrive after their bills and
 * legal events, relinks that bills and legal events must follow. Returns the USCCs whose set of
 * linked records, or whose linked records' contents, changed (old and new owner of a relinked
 * record). Resolving the same run again changes nothing and touches nothing.
 */
export async function resolveRun(db: DataSource, runId: string): Promise<ResolutionOutcome> {
  if (!/^\d{1,20}$/.test(runId)) throw new HubError('BAD_USER_INPUT', `run id must be a positive integer, got '${runId}'`);
  return withSession(db, async (session) => {
    // A run syncs one stream; its row says which, without reading the run's records.
    let streams = (await session.runner.query('SELECT `connector`, `stream` FROM `connector_run` WHERE `id` = ?', [runId])) as Array<{ connector: string; stream: string }>;
    if (streams.length === 0) {
      streams = (await session.runner.query(
        'SELECT `connector`, `stream` FROM `raw_record` WHERE `last_changed_run_id` = ? GROUP BY `connector`, `stream`',
        [runId],
      )) as Array<{ connector: string; stream: string }>;
    }
    const rules = streams.map((s) => ruleFor(s.connector, s.stream)).filter((r): r is StreamRule => r !== undefined).sort(byPhase);
    for (const rule of rules) {
      for await (const filter of runWindows(session.runner, runId, rule.connector, rule.stream)) await resolveUnit(session, rule, filter);
    }
    await resolveDependents(session);
  });
}

/**
 * Resolves every stored record (a rebuild): the registry first, then records matched on ids and
 * names, then bills and legal events, each phase in one pass over the table by id ranges of a few
 * thousand records. Returns the
 * USCCs whose links or linked contents changed since the last resolution, so on an up-to-date
 * database nothing.
 */
export async function resolveAll(db: DataSource): Promise<ResolutionOutcome> {
  return withSession(db, async (session) => {
    for (const phase of [0, 1, 2]) {
      const rules = STREAM_RULES.filter((r) => r.phase === phase);
      for await (const filter of tableWindows(session.runner)) await resolveUnit(session, rules, filter);
    }
    // The phases ran in dependency order over everything, so what they noted as dependents is done.
    session.takeDependents();
  });
}

export interface CaseDecision {
  /** The enterprise the identifier belongs to, or null for "no registered enterprise". */
  uscc: string | null;
  /** Who decided (a steward's user name). */
  by: string;
  note?: string;
}

/**
 * Records a steward's decision on a case and applies it: the records waiting on it are relinked
 * (bills and legal events follow), and records of the same identifier that arrive later are linked
 * the same way. A decision may be changed by deciding again. Returns the touched USCCs.
 *
 * @throws HubError `NOT_FOUND` for an unknown case; `BAD_USER_INPUT` for a malformed or
 *   unregistered USCC, or a missing `by`.
 */
export async function decideCase(db: DataSource, caseId: string, decision: CaseDecision): Promise<ResolutionOutcome> {
  if (!/^\d{1,20}$/.test(caseId)) throw new HubError('NOT_FOUND', `no resolution case ${caseId}`);
  const by = decision.by?.trim() ?? '';
  if (by === '' || by.length > 128) throw new HubError('BAD_USER_INPUT', 'a decision needs `by`: who decided, 1–128 characters');
  const note = decision.note?.trim() || null;
  if (note !== null && note.length > 1024) throw new HubError('BAD_USER_INPUT', 'a decision note is at most 1,024 characters');
  let uscc: string | null = null;
  if (decision.uscc !== null) {
    const checked = validateUscc(String(decision.uscc));
    if (!checked.valid) throw new HubError('BAD_USER_INPUT', `'${decision.uscc}' is not a valid USCC: ${checked.problem.message}`);
    uscc = checked.uscc;
  }
  const found = await findCase(db, caseId);
  if (!found) throw new HubError('NOT_FOUND', `no resolution case ${caseId}`);
  if (uscc !== null && !(await isKnownEnterprise(db, uscc))) {
    throw new HubError('BAD_USER_INPUT', `USCC ${uscc} is not an enterprise the market-regulation registry has sent; decide for a registered enterprise or for nobody`);
  }

  return withSession(db, async (session) => {
    await session.unit(async (unit) => {
      await unit.runner.query(
        "UPDATE `resolution_case` SET `status` = 'decided', `decision_uscc` = ?, `decided_by` = ?, `decided_at` = NOW(3), `note` = ? WHERE `id` = ?",
        [uscc, by, note, caseId],
      );
    });
    await resolveIds(session, await recordsOf(session, found.kind, found.identifier));
    const child = found.kind === 'utility_account' ? childRuleOf(ACCOUNTS) : found.kind === 'patent' ? childRuleOf(PATENTS) : undefined;
    // Children follow their parent; those whose parent never arrived wait on this very case.
    if (child) session.dependents.children.set(streamKey(child), (session.dependents.children.get(streamKey(child)) ?? new Set<string>()).add(found.identifier));
    await resolveDependents(session);
    session.lookAtCase(found.kind, found.identifier);
  });
}

/** The records a decision on (kind, identifier) applies to directly (children follow by themselves). */
async function recordsOf(session: ResolutionSession, kind: CaseKind, identifier: string): Promise<string[]> {
  const q = async (sql: string, params: unknown[]) => ((await session.runner.query(sql, params)) as Array<{ id: string }>).map((r) => String(r.id));
  switch (kind) {
    case 'utility_account':
      return q('SELECT `id` FROM `raw_record` WHERE `connector` = ? AND `stream` = ? AND `external_id` = ?', [ACCOUNTS.connector, ACCOUNTS.stream, identifier]);
    case 'patent':
      return q('SELECT `id` FROM `raw_record` WHERE `connector` = ? AND `stream` = ? AND `external_id` = ?', [PATENTS.connector, PATENTS.stream, identifier]);
    case 'patent_applicant':
      return q('SELECT `raw_record_id` AS id FROM `record_name_key` WHERE `name_key` = ?', [identifier]);
    case 'taxpayer_id':
    case 'uscc':
      return q('SELECT `raw_record_id` AS id FROM `record_link` WHERE `identifier_kind` = ? AND `identifier` = ?', [kind, identifier]);
  }
}

export interface CaseQuery {
  /**
   * Which cases (default `ambiguous`: the stewards' work queue). `open` is `ambiguous` and
   * `unmatched` together; `unmatched` alone lists identifiers nothing registered comes close to
   * (universities, outside firms, records whose parent never arrived).
   */
  status?: CaseStatus | 'open';
  kind?: CaseKind;
  /** At most this many, 1–1,000 (default 100), most waiting records first. */
  limit?: number;
}

export async function listCases(db: DataSource, query: CaseQuery = {}): Promise<ResolutionCaseView[]> {
  const status = query.status ?? 'ambiguous';
  if (status !== 'open' && !CASE_STATUSES.includes(status)) throw new HubError('BAD_USER_INPUT', `unknown case status '${status}' (${CASE_STATUSES.join(', ')}, open)`);
  if (query.kind !== undefined && !CASE_KINDS.includes(query.kind)) throw new HubError('BAD_USER_INPUT', `unknown case kind '${query.kind}' (${CASE_KINDS.join(', ')})`);
  const limit = query.limit ?? 100;
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new HubError('BAD_USER_INPUT', `limit must be an integer from 1 to 1000, got ${limit}`);
  return selectCases(db, status === 'open' ? OPEN_CASE_STATUSES : [status], query.kind, limit);
}

/** One case by id, or null. */
export async function getCase(db: DataSource, caseId: string): Promise<ResolutionCaseView | null> {
  return /^\d{1,20}$/.test(caseId) ? findCase(db, caseId) : null;
}

async function withSession(db: DataSource, work: (session: ResolutionSession) => Promise<void>): Promise<ResolutionOutcome> {
  const session = await ResolutionSession.open(db);
  try {
    await work(session);
    await session.refreshCases();
    return { touched: [...session.touched].sort() };
  } finally {
    await session.close();
  }
}
