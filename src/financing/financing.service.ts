import type { DataSource, EntityManager } from 'typeorm';
import { parseUscc } from '../access/consent.service';
import { parseRowId } from '../access/ids';
import type { Principal } from '../access/principal';
import type { HubConfig } from '../config/config';
import { HubError } from '../errors/hub-error';
import type { Logger } from '../infra/logger';
import type { ProfileQueue } from '../jobs/profile-queue';
import { applyEvent, openCase, replay, type CaseBalance } from './financing-state-machine';
import {
  parseAmountFen,
  parseAnnualRateBp,
  parseEventDate,
  parseEventKind,
  parseIdempotencyKey,
  parseNote,
  parseOptionalAmountFen,
  parsePledgedPatents,
  parseProduct,
  parseTermMonths,
  requestHash,
} from './financing-input';
import { caseById, eventsOfCase, toEventRow, EVENT_COLUMNS, type FinancingCaseRow, type FinancingEventRow } from './financing-queries';
import type { FinancingEventKind } from './financing.types';

/** What the financing service stands on (a HubRuntime has all of it). */
export interface FinancingDeps {
  db: DataSource;
  config: HubConfig;
  log: Logger;
  profiles: Pick<ProfileQueue, 'refreshEnterprises'>;
}

export interface ApplyForFinancingInput {
  uscc: string;
  product: string;
  amountFen: number;
  termMonths: number;
  annualRateBp?: number | null;
  pledgedPatents?: readonly string[] | null;
  occurredOn: string;
  note?: string | null;
  idempotencyKey: string;
}

export interface RecordFinancingEventInput {
  caseId: string | number;
  kind: string;
  amountFen?: number | null;
  occurredOn: string;
  note?: string | null;
  idempotencyKey: string;
}

export interface RecordedEvent {
  event: FinancingEventRow;
  /** The case right after the event. */
  case: FinancingCaseRow;
  /** False when the request was a retry answered from its first recording. */
  recorded: boolean;
}

/** Only institutions record financing, each for itself: the idempotency keys and the cases are its own. */
function recordingInstitution(principal: Principal): number {
  if (principal.role !== 'INSTITUTION' || principal.institutionId === null) {
    throw new HubError('FORBIDDEN', 'financing events are recorded by the lending institution itself: use an INSTITUTION key');
  }
  return principal.institutionId;
}

/**
 * Opens a financing case with its APPLICATION event. Idempotent per institution and key: a retry with
 * the same input returns the case as the first request left it and records nothing; another input
 * under a used key is IDEMPOTENCY_CONFLICT.
 */
export async function applyForFinancing(deps: FinancingDeps, principal: Principal, input: ApplyForFinancingInput, now: Date = new Date()): Promise<RecordedEvent> {
  const institutionId = recordingInstitution(principal);
  const uscc = parseUscc(input.uscc);
  const product = parseProduct(input.product);
  const fields = {
    uscc,
    product,
    amountFen: parseAmountFen(input.amountFen),
    termMonths: parseTermMonths(input.termMonths),
    annualRateBp: parseAnnualRateBp(input.annualRateBp),
    pledgedPatents: parsePledgedPatents(product, input.pledgedPatents),
    occurredOn: parseEventDate(input.occurredOn, 'occurredOn', now),
    note: parseNote(input.note),
  };
  const key = parseIdempotencyKey(input.idempotencyKey);
  const hash = requestHash('applyForFinancing', fields);
  const before = await replayOfKey(deps.db, institutionId, key, hash);
  if (before) return before;

  await checkEnterprise(deps.db, uscc);
  if (fields.pledgedPatents.length > 0) await checkPledgedPatents(deps.db, uscc, fields.pledgedPatents);
  const opened = openCase(fields.amountFen, fields.occurredOn);
  const result = await oncePerKey(deps.db, institutionId, key, hash, async (manager) => {
    const at = new Date();
    const inserted = (await manager.query(
      `INSERT INTO financing_case (uscc, institution_id, product, state, applied_fen, approved_fen, disbursed_fen, repaid_fen, outstanding_fen, recovered_fen,
                                   written_off_fen, overdue_fen, term_months, annual_rate_bp, pledged_patents, opened_on, last_event_on, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, NULL, 0, 0, 0, 0, 0, NULL, ?, ?, ?, ?, ?, ?, ?)`,
      [uscc, institutionId, product, opened.state, opened.appliedFen, fields.termMonths, fields.annualRateBp, fields.pledgedPatents.join(','), opened.openedOn, opened.lastEventOn, at, at],
    )) as { insertId: number };
    const caseId = Number(inserted.insertId);
    const eventId = await insertEvent(manager, { caseId, uscc, institutionId, product, kind: 'APPLICATION', amountFen: opened.appliedFen, occurredOn: fields.occurredOn, note: fields.note, stateAfter: opened.state, at, principal, key, hash });
    return { caseId, eventId };
  });
  return finish(deps, result);
}

/**
 * Records one event on a case of the principal's institution, through the state machine. Idempotent
 * like applyForFinancing. A case of another institution is NOT_FOUND, exactly like a missing one, so
 * that an institution cannot learn which cases exist elsewhere.
 */
export async function recordFinancingEvent(deps: FinancingDeps, principal: Principal, input: RecordFinancingEventInput, now: Date = new Date()): Promise<RecordedEvent> {
  const institutionId = recordingInstitution(principal);
  const caseId = parseRowId(input.caseId, 'caseId');
  const kind = parseEventKind(input.kind);
  const fields = {
    caseId,
    kind,
    amountFen: parseOptionalAmountFen(input.amountFen),
    occurredOn: parseEventDate(input.occurredOn, 'occurredOn', now),
    note: parseNote(input.note),
  };
  const key = parseIdempotencyKey(input.idempotencyKey);
  const hash = requestHash('recordFinancingEvent', fields);
  const before = await replayOfKey(deps.db, institutionId, key, hash);
  if (before) return before;

  const result = await oncePerKey(deps.db, institutionId, key, hash, async (manager) => {
    // The row lock serialises events of one case: each sees the balance the previous one left.
    const current = await caseById(manager, caseId, true);
    // A request with the same key may have held the lock before us: answer from its recording.
    if (await keyUsed(manager, institutionId, key)) throw new KeyTaken();
    if (!current || current.institutionId !== institutionId) throw new HubError('NOT_FOUND', `no financing case ${caseId} of your institution`, { details: { argument: 'caseId' } });
    const { next, amountFen } = applyEvent(balanceOf(current), { kind, amountFen: fields.amountFen, occurredOn: fields.occurredOn }, caseId);
    const at = new Date();
    await manager.query(
      `UPDATE financing_case SET state = ?, approved_fen = ?, disbursed_fen = ?, repaid_fen = ?, outstanding_fen = ?, recovered_fen = ?, written_off_fen = ?,
              overdue_fen = ?, last_event_on = ?, updated_at = ? WHERE id = ?`,
      [next.state, next.approvedFen, next.disbursedFen, next.repaidFen, next.outstandingFen, next.recoveredFen, next.writtenOffFen, next.overdueFen, next.lastEventOn, at, caseId],
    );
    const eventId = await insertEvent(manager, { caseId, uscc: current.uscc, institutionId, product: current.product, kind, amountFen, occurredOn: fields.occurredOn, note: fields.note, stateAfter: next.state, at, principal, key, hash });
    return { caseId, eventId };
  });
  return finish(deps, result);
}

export const balanceOf = (c: FinancingCaseRow): CaseBalance => ({
  state: c.state,
  appliedFen: c.appliedFen,
  approvedFen: c.approvedFen,
  disbursedFen: c.disbursedFen,
  repaidFen: c.repaidFen,
  outstandingFen: c.outstandingFen,
  recoveredFen: c.recoveredFen,
  writtenOffFen: c.writtenOffFen,
  overdueFen: c.overdueFen,
  openedOn: c.openedOn,
  lastEventOn: c.lastEventOn,
});

interface NewEvent {
  caseId: number;
  uscc: string;
  institutionId: number;
  product: string;
  kind: FinancingEventKind;
  amountFen: number | null;
  occurredOn: string;
  note: string | null;
  stateAfter: string;
  at: Date;
  principal: Principal;
  key: string;
  hash: string;
}

async function insertEvent(manager: EntityManager, e: NewEvent): Promise<string> {
  const inserted = (await manager.query(
    `INSERT INTO financing_event (case_id, uscc, institution_id, product, kind, amount_fen, occurred_on, note, state_after, recorded_at, recorded_by_key_id, idempotency_key, request_hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [e.caseId, e.uscc, e.institutionId, e.product, e.kind, e.amountFen, e.occurredOn, e.note, e.stateAfter, e.at, e.principal.keyId, e.key, e.hash],
  )) as { insertId: number | string };
  return String(inserted.insertId);
}

/** Thrown inside a recording transaction when its key turned out to be taken meanwhile. */
class KeyTaken extends Error {}

async function keyUsed(manager: EntityManager, institutionId: number, key: string): Promise<boolean> {
  const rows = (await manager.query('SELECT 1 AS x FROM financing_event WHERE institution_id = ? AND idempotency_key = ?', [institutionId, key])) as unknown[];
  return rows.length > 0;
}

const errnoOf = (error: unknown): number | undefined => {
  const e = error as { errno?: number; driverError?: { errno?: number } };
  return e?.driverError?.errno ?? e?.errno;
};
const DUPLICATE_KEY = 1062;
const DEADLOCK = 1213;
const LOCK_WAIT_TIMEOUT = 1205;

/**
 * Runs one recording in one transaction. The unique index (institution_id, idempotency_key) decides
 * a race between two requests with the same key: the second waits on the first's uncommitted row,
 * then fails with a duplicate key, its transaction (case row included) rolls back, and it answers
 * from the first one's recording instead. A deadlock between different keys on one case is retried.
 */
async function oncePerKey(
  db: DataSource,
  institutionId: number,
  key: string,
  hash: string,
  record: (manager: EntityManager) => Promise<{ caseId: number; eventId: string }>,
): Promise<{ caseId: number; eventId: string } | RecordedEvent> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction('READ COMMITTED', record);
    } catch (error) {
      const errno = errnoOf(error);
      if (errno === DUPLICATE_KEY || error instanceof KeyTaken) {
        const first = await replayOfKey(db, institutionId, key, hash);
        if (first) return first;
      }
      if ((errno === DEADLOCK || errno === LOCK_WAIT_TIMEOUT) && attempt < 3) continue;
      throw error;
    }
  }
}

/** After a new recording: the stored event and case, and the enterprise's profile recompute asked for. */
async function finish(deps: FinancingDeps, result: { caseId: number; eventId: string } | RecordedEvent): Promise<RecordedEvent> {
  if ('recorded' in result) return result;
  const rows = (await deps.db.query(`SELECT ${EVENT_COLUMNS} FROM financing_event e WHERE e.id = ?`, [result.eventId])) as Array<Record<string, unknown>>;
  const event = toEventRow(rows[0]!);
  const after = (await caseById(deps.db, result.caseId))!;
  await refreshProfile(deps, event.uscc, event.id);
  return { event, case: after, recorded: true };
}

/**
 * Asks the profile queue to recompute the enterprise's profile once the event is committed. The
 * queue runs one job at a time, so this never races a sync's refresh on the same profile or its
 * change log. A failure to enqueue does not undo the recorded event (it is logged; the nightly
 * rebuild recomputes every profile).
 */
async function refreshProfile(deps: FinancingDeps, uscc: string, eventId: string): Promise<void> {
  try {
    await deps.profiles.refreshEnterprises([uscc], `financing-event-${eventId}`);
  } catch (error) {
    deps.log.error({ err: error, uscc }, 'could not ask for a profile recompute after a financing event');
  }
}

/**
 * The answer to a request whose key was used before: the first recording's event and the case as
 * that event left it (replayed through the state machine), or IDEMPOTENCY_CONFLICT when the earlier
 * request under the key was a different one. Null when the key is new.
 */
async function replayOfKey(db: DataSource, institutionId: number, key: string, hash: string): Promise<RecordedEvent | null> {
  const rows = (await db.query(`SELECT ${EVENT_COLUMNS}, e.request_hash FROM financing_event e WHERE e.institution_id = ? AND e.idempotency_key = ?`, [institutionId, key])) as Array<Record<string, unknown>>;
  const row = rows[0];
  if (!row) return null;
  if (row.request_hash !== hash) {
    throw new HubError('IDEMPOTENCY_CONFLICT', `idempotencyKey '${key}' was used for a different request (event ${String(row.id)}); use a new key for a new request`, {
      details: { argument: 'idempotencyKey' },
    });
  }
  const event = toEventRow(row);
  const stored = (await caseById(db, event.caseId))!;
  const events = await eventsOfCase(db, event.caseId);
  const upTo = events.slice(0, events.findIndex((e) => e.id === event.id) + 1);
  const balance = replay(upTo.map((e) => ({ kind: e.kind, amountFen: e.amountFen, occurredOn: e.occurredOn })), event.caseId).at(-1)!;
  return { event, case: { ...stored, ...balance, updatedAt: event.recordedAt }, recorded: false };
}

/** An enterprise is known to the hub when the registry sent its registration or it has a profile. */
async function checkEnterprise(db: DataSource, uscc: string): Promise<void> {
  const rows = (await db.query(
    'SELECT EXISTS(SELECT 1 FROM registered_enterprise WHERE uscc = ?) OR EXISTS(SELECT 1 FROM enterprise_profile WHERE uscc = ?) AS known',
    [uscc, uscc],
  )) as Array<{ known: number | string }>;
  if (Number(rows[0]?.known ?? 0) !== 1) throw new HubError('NOT_FOUND', `no enterprise with USCC ${uscc} is known to the hub`, { details: { argument: 'uscc' } });
}

/** Patent statuses under which a right can no longer be pledged. */
const ENDED = new Set(['rejected', 'lapsed_non_payment', 'expired', 'invalidated']);

/**
 * Where the patent office's records of the enterprise are stored, every pledged patent must be one of
 * them and still alive (granted or pending); without stored patents the numbers are taken as given.
 */
async function checkPledgedPatents(db: DataSource, uscc: string, patents: readonly string[]): Promise<void> {
  const rows = (await db.query(
    `SELECT JSON_VALUE(r.payload, '$.application_no') AS no, JSON_VALUE(r.payload, '$.legal_status') AS status
       FROM record_link l JOIN raw_record r ON r.id = l.raw_record_id
      WHERE l.uscc = ? AND l.status = 'resolved' AND l.connector = 'patent' AND l.stream = 'patents'`,
    [uscc],
  )) as Array<{ no: string | null; status: string | null }>;
  if (rows.length === 0) return;
  const status = new Map(rows.filter((r) => r.no !== null).map((r) => [r.no!.trim().toUpperCase(), r.status ?? '']));
  const unknown = patents.filter((p) => !status.has(p));
  if (unknown.length > 0) {
    throw new HubError('BAD_USER_INPUT', `pledgedPatents ${unknown.join(', ')} are not among the patents the patent office lists for ${uscc}`, { details: { argument: 'pledgedPatents', unknown } });
  }
  const ended = patents.filter((p) => ENDED.has(status.get(p)!));
  if (ended.length > 0) {
    throw new HubError('BAD_USER_INPUT', `pledgedPatents ${ended.join(', ')} are no longer in force (${ended.map((p) => status.get(p)).join(', ')}) and cannot be pledged`, { details: { argument: 'pledgedPatents', ended } });
  }
}
