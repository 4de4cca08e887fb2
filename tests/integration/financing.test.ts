import { authenticate } from '../../src/access/api-keys.service';
import type { Principal } from '../../src/access/principal';
import { applyForFinancing, recordFinancingEvent, type RecordedEvent } from '../../src/financing/financing.service';
import { casePages } from '../../src/financing/financing-queries';
import { financingTotals, type TotalsGroup } from '../../src/financing/financing-totals';
import { withStatementTally } from '../../src/db/statement-counter';
import { hubErrorOf } from '../support/hub-error';
import { createApiTestHub, type ApiTestHub } from '../support/api-hub';

/**
 * The financing service on real MariaDB: idempotent recording (retries, races, conflicts), cases of
 * other institutions, batched case pages, and totals checked against independent SQL.
 */
describe('financing history on MariaDB', () => {
  let t: ApiTestHub;
  let bankA: Principal;
  let bankB: Principal;
  let usccs: string[];

  const q = async <T>(sql: string, params: unknown[] = []): Promise<T[]> => (await t.hub.runtime.db.query(sql, params)) as T[];
  const failure = hubErrorOf;
  let serial = 0;
  const key = () => `it-${process.pid}-${++serial}`;
  const apply = (who: Principal, over: Partial<Parameters<typeof applyForFinancing>[2]> = {}) =>
    applyForFinancing(t.hub.runtime, who, { uscc: usccs[0]!, product: 'CREDIT_LOAN', amountFen: 1_000_000, termMonths: 12, occurredOn: '2026-01-05', idempotencyKey: key(), ...over });
  const record = (who: Principal, caseId: number, kind: string, amountFen: number | null, occurredOn: string, idempotencyKey = key()) =>
    recordFinancingEvent(t.hub.runtime, who, { caseId, kind, amountFen, occurredOn, idempotencyKey });

  beforeAll(async () => {
    t = await createApiTestHub({ sandbox: { enterprises: 8 } });
    bankA = (await authenticate(t.hub.runtime.db, t.keys.bankA, null))!;
    bankB = (await authenticate(t.hub.runtime.db, t.keys.bankB, null))!;
    usccs = (await q<{ uscc: string }>('SELECT uscc FROM enterprise_profile ORDER BY uscc')).map((r) => r.uscc);
    expect(usccs.length).toBeGreaterThanOrEqual(5);
  }, 180_000);

  afterAll(async () => {
    await t?.close();
  });

  it('records a retried application once and answers the retry with the first result', async () => {
    const k = key();
    const first = await apply(bankA, { idempotencyKey: k });
    await record(bankA, first.case.id, 'APPROVAL', null, '2026-01-06');
    const again = await apply(bankA, { idempotencyKey: k, uscc: ` ${usccs[0]!.toLowerCase()} ` });
    expect(first.recorded).toBe(true);
    expect(again.recorded).toBe(false);
    expect(again.event.id).toBe(first.event.id);
    // The case as the first request left it, though it has moved on since.
    expect(again.case).toMatchObject({ id: first.case.id, state: 'APPLIED', appliedFen: 1_000_000, approvedFen: null });
    const [{ n }] = await q<{ n: string }>('SELECT COUNT(*) AS n FROM financing_case WHERE id >= ?', [first.case.id]);
    expect(Number(n)).toBe(1);
    const events = await q<{ n: string }>('SELECT COUNT(*) AS n FROM financing_event WHERE idempotency_key = ?', [k]);
    expect(Number(events[0]!.n)).toBe(1);
  });

  it('records one event when the same request races itself, and every racer gets the same answer', async () => {
    const opened = await apply(bankA);
    await record(bankA, opened.case.id, 'APPROVAL', null, '2026-01-06');
    await record(bankA, opened.case.id, 'DISBURSEMENT', 1_000_000, '2026-01-07');
    const k = key();
    // A full repayment: a second recording would be refused (SETTLED), so a wrong answer would show.
    const racers = await Promise.all(Array.from({ length: 6 }, () => record(bankA, opened.case.id, 'REPAYMENT', 1_000_000, '2026-02-07', k)));
    expect(new Set(racers.map((r) => r.event.id)).size).toBe(1);
    expect(racers.filter((r) => r.recorded)).toHaveLength(1);
    for (const r of racers) expect(r.case).toMatchObject({ state: 'SETTLED', outstandingFen: 0, repaidFen: 1_000_000 });
    const [{ n }] = await q<{ n: string }>("SELECT COUNT(*) AS n FROM financing_event WHERE case_id = ? AND kind = 'REPAYMENT'", [opened.case.id]);
    expect(Number(n)).toBe(1);

    const k2 = key();
    const applications = await Promise.all(Array.from({ length: 6 }, () => apply(bankA, { idempotencyKey: k2, uscc: usccs[1]! })));
    expect(new Set(applications.map((a) => a.case.id)).size).toBe(1);
    const [{ cases }] = await q<{ cases: string }>('SELECT COUNT(DISTINCT case_id) AS cases FROM financing_event WHERE idempotency_key = ?', [k2]);
    expect(Number(cases)).toBe(1);
    const [{ orphans }] = await q<{ orphans: string }>('SELECT COUNT(*) AS orphans FROM financing_case c WHERE NOT EXISTS (SELECT 1 FROM financing_event e WHERE e.case_id = c.id)');
    expect(Number(orphans)).toBe(0);
  });

  it('refuses a used key with another input as IDEMPOTENCY_CONFLICT, and scopes keys to the institution', async () => {
    const k = key();
    const opened = await apply(bankA, { idempotencyKey: k });
    expect((await failure(apply(bankA, { idempotencyKey: k, amountFen: 1_000_001 }))).code).toBe('IDEMPOTENCY_CONFLICT');
    expect((await failure(record(bankA, opened.case.id, 'APPROVAL', null, '2026-01-06', k))).code).toBe('IDEMPOTENCY_CONFLICT');
    // The same key at another institution is another request.
    const other = await apply(bankB, { idempotencyKey: k });
    expect(other.recorded).toBe(true);
    expect(other.case.id).not.toBe(opened.case.id);
  });

  it('hides other institutions’ cases from recording (NOT_FOUND) and refuses platform keys (FORBIDDEN)', async () => {
    const opened = await apply(bankA);
    const hidden = await failure(record(bankB, opened.case.id, 'APPROVAL', null, '2026-01-06'));
    expect(hidden.code).toBe('NOT_FOUND');
    expect((await failure(record(bankB, 999_999, 'APPROVAL', null, '2026-01-06'))).message).toBe(hidden.message.replace(String(opened.case.id), '999999'));
    const steward = (await authenticate(t.hub.runtime.db, t.keys.steward, null))!;
    expect((await failure(apply(steward))).code).toBe('FORBIDDEN');
    expect((await failure(apply(bankA, { uscc: '91370000000000000X' }))).code).toBe('BAD_USER_INPUT');
  });

  it('pages many enterprises’ cases in one statement, newest first, own cases only without consent', async () => {
    for (const u of usccs.slice(2, 5)) {
      await apply(bankA, { uscc: u, occurredOn: '2025-05-01' });
      await apply(bankA, { uscc: u, occurredOn: '2025-06-01' });
      await apply(bankB, { uscc: u, occurredOn: '2025-07-01' });
    }
    const scopes = usccs.slice(2, 5).map((uscc, i) => ({ uscc, all: i === 0 }));
    const tally = { statements: 0 };
    const pages = await withStatementTally(tally, () => casePages(t.hub.runtime.db, scopes, { take: 2, after: null, product: null, institutionId: bankA.institutionId }));
    expect(tally.statements).toBe(1);
    const first = pages.get(usccs[2]!)!;
    expect(first.total).toBe(3);
    expect(first.rows.map((r) => [r.openedOn, r.institutionCode])).toEqual([['2025-07-01', 'jinan-rural-bank'], ['2025-06-01', 'qilu-bank']]);
    const own = pages.get(usccs[3]!)!;
    expect(own.total).toBe(2);
    expect(own.rows.every((r) => r.institutionCode === 'qilu-bank')).toBe(true);
    // After the last row of a page; and past the end, the count still comes back.
    const last = first.rows[1]!;
    const next = await casePages(t.hub.runtime.db, scopes.slice(0, 1), { take: 5, after: { openedOn: last.openedOn, id: last.id }, product: null, institutionId: bankA.institutionId });
    expect(next.get(usccs[2]!)!.rows.map((r) => r.openedOn)).toEqual(['2025-05-01']);
    const end = await casePages(t.hub.runtime.db, scopes.slice(0, 1), { take: 5, after: { openedOn: '2025-05-01', id: 1 }, product: null, institutionId: bankA.institutionId });
    expect(end.get(usccs[2]!)).toEqual({ rows: [], total: 3 });
  });

  it('totals events by product, institution and month exactly as independent SQL does', async () => {
    const lifecycle = async (who: Principal, product: string, uscc: string, base: number, months: [string, string, string]) => {
      const opened = await apply(who, { uscc, product, amountFen: base * 2, occurredOn: `${months[0]}-03` });
      await record(who, opened.case.id, 'APPROVAL', base, `${months[0]}-10`);
      await record(who, opened.case.id, 'DISBURSEMENT', base, `${months[1]}-15`);
      await record(who, opened.case.id, 'REPAYMENT', Math.floor(base / 3), `${months[1]}-20`);
      await record(who, opened.case.id, 'OVERDUE', null, `${months[2]}-02`);
      await record(who, opened.case.id, 'DEFAULT', null, `${months[2]}-25`);
      await record(who, opened.case.id, 'RECOVERY', 1_234, `${months[2]}-28`);
    };
    await lifecycle(bankA, 'TALENT_LOAN', usccs[0]!, 3_000_000, ['2024-01', '2024-02', '2024-04']);
    await lifecycle(bankB, 'TALENT_LOAN', usccs[1]!, 5_000_000, ['2024-01', '2024-03', '2024-04']);
    await lifecycle(bankB, 'SUPPLY_CHAIN', usccs[2]!, 7_777_777, ['2024-02', '2024-02', '2024-05']);

    const from = '2024-01-01';
    const to = '2024-12-31';
    const expected = await q<Record<string, string | number | null>>(
      `SELECT e.product, i.code AS institutionCode, DATE_FORMAT(e.occurred_on, '%Y-%m') AS month,
              SUM(IF(e.kind = 'DISBURSEMENT', e.amount_fen, 0)) AS disbursedFen, SUM(IF(e.kind = 'REPAYMENT', e.amount_fen, 0)) AS repaidFen,
              SUM(IF(e.kind = 'RECOVERY', e.amount_fen, 0)) AS recoveredFen, SUM(IF(e.kind = 'DEFAULT', e.amount_fen, 0)) AS defaultedFen,
              SUM(e.kind = 'DISBURSEMENT') AS disbursements, SUM(e.kind = 'DEFAULT') AS defaults, COUNT(*) AS events
         FROM financing_event e JOIN institution i ON i.id = e.institution_id
        WHERE e.occurred_on BETWEEN ? AND ?
        GROUP BY e.product, i.code, month ORDER BY e.product, i.code, month`,
      [from, to],
    );
    const pick = (r: object) => pickOf(r as Record<string, unknown>);
    const pickOf = (r: Record<string, unknown>) => ({
      product: r.product,
      institutionCode: r.institutionCode,
      month: r.month,
      disbursedFen: Number(r.disbursedFen),
      repaidFen: Number(r.repaidFen),
      recoveredFen: Number(r.recoveredFen),
      defaultedFen: Number(r.defaultedFen),
      disbursements: Number(r.disbursements),
      defaults: Number(r.defaults),
      events: Number(r.events),
    });
    const groups: TotalsGroup[] = ['PRODUCT', 'INSTITUTION', 'MONTH'];
    const tally = { statements: 0 };
    const got = await withStatementTally(tally, () => financingTotals(t.hub.runtime.db, { groupBy: groups, from, to, product: null }));
    expect(tally.statements).toBe(1);
    const order = (rows: Array<ReturnType<typeof pickOf>>) => rows.sort((a, b) => JSON.stringify([a.product, a.institutionCode, a.month]).localeCompare(JSON.stringify([b.product, b.institutionCode, b.month])));
    expect(order(got.map(pick))).toEqual(order(expected.map(pick)));
    expect(expected.length).toBeGreaterThanOrEqual(8);

    const byProduct = await financingTotals(t.hub.runtime.db, { groupBy: ['PRODUCT'], from, to, product: null });
    const talent = byProduct.find((r) => r.product === 'TALENT_LOAN')!;
    expect(talent).toMatchObject({ disbursedFen: 8_000_000, repaidFen: 1_000_000 + 1_666_666, defaultedFen: 2_000_000 + 3_333_334, recoveredFen: 2_468, defaults: 2, cases: 2, institutionCode: null, month: null });
    const supply = await financingTotals(t.hub.runtime.db, { groupBy: [], from, to, product: 'SUPPLY_CHAIN' });
    expect(supply).toHaveLength(1);
    expect(supply[0]).toMatchObject({ product: null, disbursedFen: 7_777_777, applications: 1, approvals: 1, events: 7 });
    expect(await financingTotals(t.hub.runtime.db, { groupBy: ['MONTH'], from: '1999-01-01', to: '1999-12-31', product: null })).toEqual([]);
  });

  it('recomputes the enterprise’s profile through the profile queue after an event', async () => {
    const u = usccs[4]!;
    const opened: RecordedEvent = await apply(bankB, { uscc: u, amountFen: 900_000, occurredOn: '2026-03-01' });
    await record(bankB, opened.case.id, 'APPROVAL', null, '2026-03-02');
    await record(bankB, opened.case.id, 'DISBURSEMENT', 400_000, '2026-03-03');
    await t.hub.runtime.profiles.waitUntilQuiet(60_000);
    const [row] = await q<{ out: string; n: number; last: string }>(
      "SELECT recorded_loans_outstanding_fen AS `out`, loans_disbursed_36m AS n, DATE_FORMAT(last_disbursement_date, '%Y-%m-%d') AS `last` FROM enterprise_profile WHERE uscc = ?",
      [u],
    );
    expect(row).toEqual({ out: '400000', n: 1, last: '2026-03-03' });
  });
});
