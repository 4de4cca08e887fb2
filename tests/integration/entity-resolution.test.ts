import type { DataSource } from 'typeorm';
import type { TruthRecord } from '../../connectors/sandbox/sandbox';
import { EntityResolution1796000000000 } from '../../migrations/1796000000000-entity-resolution';
import { composeUscc } from '../../src/domain/uscc';
import { canonicalJson, sha256 } from '../../src/ingest/content-hash';
import { HubError } from '../../src/errors/hub-error';
import { nameKey } from '../../src/resolution/name-normalizer';
import { decideCase, listCases, resolveAll, resolveRun } from '../../src/resolution/resolution.service';
import { syncThroughQueue, type RunRow } from '../support/ingest-expectations';
import { createTestHub, type TestHub } from '../support/test-hub';

/**
 * Entity resolution on real MariaDB over a synced 2,000-enterprise sandbox, checked against the
 * sandbox's ground truth (`TruthRecord.subject`): coverage per source, no wrong link ever, former
 * names, a constructed ambiguity, steward decisions, and resolution that is idempotent and does not
 * depend on the order in which runs are resolved.
 */
describe('entity resolution of a 2,000-enterprise sandbox', () => {
  let hub: TestHub;
  let db: DataSource;
  let runs: RunRow[];
  const SOURCES = ['market-regulation', 'tax', 'utility', 'patent'] as const;

  beforeAll(async () => {
    hub = await createTestHub({ sandbox: { seed: 7, enterprises: 2000, invalidRate: 0.01 } });
    db = hub.runtime.db;
    hub.startWorkers();
    runs = await syncThroughQueue(db, hub.runtime.queues, hub.runtime.catalog.targets());
  }, 120_000);

  afterAll(async () => {
    await hub?.close();
  });

  it('links ≥ 95% of each source’s enterprises completely and no record to a wrong enterprise', async () => {
    const started = Date.now();
    const { touched } = await resolveAll(db);
    const seconds = (Date.now() - started) / 1000;
    const links = await storedLinks();
    const report: string[] = [`resolveAll: ${seconds.toFixed(1)} s, ${links.size} records, ${touched.length} enterprises touched`];
    let wrong = 0;
    const shares: Array<{ source: string; enterpriseShare: number }> = [];
    for (const source of SOURCES) {
      const truth = validTruth(source);
      const perEnterprise = new Map<string, { all: number; right: number }>();
      let right = 0;
      for (const r of truth) {
        const link = links.get(`${r.connector}/${r.stream}/${r.id}`);
        const e = perEnterprise.get(r.subject) ?? { all: 0, right: 0 };
        e.all += 1;
        if (link?.uscc === r.subject) {
          e.right += 1;
          right += 1;
        } else if (link?.uscc) {
          wrong += 1;
        }
        perEnterprise.set(r.subject, e);
      }
      const complete = [...perEnterprise.values()].filter((e) => e.right === e.all).length;
      const enterpriseShare = complete / perEnterprise.size;
      report.push(
        `${source}: enterprises ${complete}/${perEnterprise.size} (${pct(enterpriseShare)}), records ${right}/${truth.length} (${pct(right / truth.length)})`,
      );
      shares.push({ source, enterpriseShare });
    }
    const cases = (await db.query('SELECT `kind`, `status`, COUNT(*) AS n, SUM(`waiting_records`) AS waiting FROM `resolution_case` GROUP BY `kind`, `status` ORDER BY 1, 2')) as Array<{
      kind: string;
      status: string;
      n: string;
      waiting: string;
    }>;
    report.push(`cases: ${cases.map((c) => `${c.kind}/${c.status} ${c.n} (${c.waiting} records waiting)`).join('; ')}`);
    console.log(report.join('\n'));
    for (const { source, enterpriseShare } of shares) expect({ source, enterpriseShare: enterpriseShare >= 0.95 }).toEqual({ source, enterpriseShare: true });
    expect(wrong).toBe(0);
    expect(touched.length).toBeGreaterThan(1500);
  });

  it('links patents filed under a former name to the renamed enterprise', async () => {
    const formerNames = new Set(
      validTruth('market-regulation')
        .filter((r) => r.stream === 'changes' && field(r, 'item') === 'name')
        .map((r) => nameKey(String(field(r, 'before')))),
    );
    const underFormer = validTruth('patent').filter((r) => r.stream === 'patents' && (field(r, 'applicants') as string[]).some((a) => formerNames.has(nameKey(a))));
    expect(underFormer.length).toBeGreaterThan(10);
    const links = await storedLinks(underFormer.map((r) => `patent/patents/${r.id}`));
    for (const r of underFormer) {
      expect({ id: r.id, link: links.get(`patent/patents/${r.id}`) }).toEqual({ id: r.id, link: { uscc: r.subject, status: 'resolved', method: 'former_name' } });
    }
  });

  it('resolving a run again changes nothing and touches nothing', async () => {
    for (const stream of ['registrations', 'accounts', 'patents']) {
      const run = runs.find((r) => r.stream === stream)!;
      expect({ stream, touched: (await resolveRun(db, String(run.id))).touched }).toEqual({ stream, touched: [] });
    }
  });

  it('gives the same links when runs are resolved one by one in the worst order (children first, registry last)', async () => {
    const expected = await storedLinks();
    for (const table of ['record_link', 'record_name_key', 'enterprise_name', 'registered_enterprise', 'resolution_case']) await db.query(`TRUNCATE TABLE \`${table}\``);
    const order = ['bills', 'legal_events', 'accounts', 'patents', 'declarations', 'credit_grades', 'annual_reports', 'changes', 'registrations'];
    const rank = (r: RunRow) => (order.includes(r.stream) ? order.indexOf(r.stream) : order.length - 2.5);
    const touched = new Set<string>();
    for (const run of runs.slice().sort((a, b) => rank(a) - rank(b))) for (const u of (await resolveRun(db, String(run.id))).touched) touched.add(u);
    expect(await storedLinks()).toEqual(expected);
    expect(touched.size).toBeGreaterThan(1500);
  });

  it('follows a corrected holder name to the other enterprise, bills included, and reports both', async () => {
    const registrations = validTruth('market-regulation').filter((r) => r.stream === 'registrations');
    const account = validTruth('utility').find((r) => r.stream === 'accounts' && registrations.some((g) => g.subject === r.subject))!;
    const other = registrations.find((g) => g.subject !== account.subject)!;
    const bills = validTruth('utility').filter((r) => r.stream === 'bills' && field(r, 'account_no') === account.id);
    expect(bills.length).toBeGreaterThan(0);

    const keys = [`utility/accounts/${account.id}`, ...bills.map((b) => `utility/bills/${b.id}`)];
    const corrected = await fakeRun('utility', 'accounts');
    await updateRaw(corrected, 'utility', 'accounts', account.id, { ...(account.record as Record<string, unknown>), holder_name: String(field(other, 'name')) });
    expect((await resolveRun(db, corrected)).touched).toEqual([account.subject, other.subject].sort());
    let links = await storedLinks(keys);
    expect(links.get(`utility/accounts/${account.id}`)).toEqual({ uscc: other.subject, status: 'resolved', method: 'name' });
    for (const b of bills) expect(links.get(`utility/bills/${b.id}`)).toMatchObject({ uscc: other.subject, method: 'via_account' });

    const restored = await fakeRun('utility', 'accounts');
    await updateRaw(restored, 'utility', 'accounts', account.id, account.record as Record<string, unknown>);
    expect((await resolveRun(db, restored)).touched).toEqual([account.subject, other.subject].sort());
    links = await storedLinks(keys);
    for (const b of bills) expect(links.get(`utility/bills/${b.id}`)?.uscc).toBe(account.subject);

    // A bill that is paid changes content, not owner: its enterprise alone is touched.
    const paid = await fakeRun('utility', 'bills');
    await updateRaw(paid, 'utility', 'bills', bills[0]!.id, { ...(bills[0]!.record as Record<string, unknown>), paid_on: '2026-09-30', late: true });
    expect((await resolveRun(db, paid)).touched).toEqual([account.subject]);
    expect((await resolveRun(db, paid)).touched).toEqual([]);
  });

  describe('a name that two registered enterprises share', () => {
    // Enterprise A, renamed, filed patents under its former name X; B is registered under X.
    let a: { uscc: string; former: string; filedOn: string };
    const b = { uscc: composeUscc('9', '1', '370102', 'MA0000019') };
    let patentIds: string[];

    beforeAll(() => {
      const registrations = new Map(validTruth('market-regulation').filter((r) => r.stream === 'registrations').map((r) => [r.subject, r]));
      const rename = validTruth('market-regulation').find(
        (r) =>
          r.stream === 'changes' &&
          field(r, 'item') === 'name' &&
          registrations.has(r.subject) &&
          validTruth('patent').some((p) => p.stream === 'patents' && p.subject === r.subject && (field(p, 'applicants') as string[]).includes(String(field(r, 'before')))),
      )!;
      const former = String(field(rename, 'before'));
      const filed = validTruth('patent').filter((p) => p.stream === 'patents' && (field(p, 'applicants') as string[]).includes(former));
      // Dated while A still bore the name, so that the dates cannot tell A and B apart.
      a = { uscc: rename.subject, former, filedOn: String(field(filed[0]!, 'filed_on')) };
      patentIds = filed.map((p) => p.id);
    });

    it('puts the records in the queue with both candidates and links none of them', async () => {
      const runId = await fakeRun('market-regulation', 'registrations');
      await insertRaw(runId, 'market-regulation', 'registrations', b.uscc, {
        uscc: b.uscc, name: a.former, entity_type: 'limited_company', legal_representative: '张伟', registered_capital_wan: '100.0000',
        paid_in_capital_wan: '0.0000', established_on: '1990-01-01', approved_on: '1990-01-01', status: 'active', district_code: '370102',
        address: '山东省济南市历下区经十路1号', industry_code: 'I6513', business_scope: '软件开发', tags: [], updated_at: '2026-09-30T01:00:00.000Z',
      });
      const { touched } = await resolveRun(db, runId);
      expect(touched).toEqual(expect.arrayContaining([a.uscc, b.uscc]));

      const patentCase = await caseOf('patent_applicant', nameKey(a.former));
      expect(patentCase.status).toBe('ambiguous');
      expect(patentCase.candidates.map((c) => c.uscc).sort()).toEqual([a.uscc, b.uscc].sort());
      expect(patentCase.waitingRecords).toBeGreaterThanOrEqual(patentIds.length);
      const links = await storedLinks(patentIds.map((id) => `patent/patents/${id}`));
      for (const id of patentIds) expect(links.get(`patent/patents/${id}`)).toMatchObject({ uscc: null, status: 'ambiguous' });

      // An account typed with that name at neither enterprise's address, and its bill.
      const accountRun = await fakeRun('utility', 'accounts');
      await insertRaw(accountRun, 'utility', 'accounts', '3799999901', {
        account_no: '3799999901', utility: 'power', holder_name: `${a.former} `, address: '济南市天桥区北园大街9号', category: 'commercial',
        opened_on: a.filedOn, status: 'active', updated_at: `${a.filedOn}T02:00:00.000Z`,
      });
      const billRun = await fakeRun('utility', 'bills');
      await insertRaw(billRun, 'utility', 'bills', '3799999901-202402', bill('3799999901', '2024-02'));
      expect((await resolveRun(db, billRun)).touched).toEqual([]);
      const accountCase = await caseOf('utility_account', '3799999901');
      expect(accountCase).toMatchObject({ status: 'ambiguous', waitingRecords: 2, displayName: `${a.former} ` });
      expect(accountCase.candidates.length).toBeGreaterThanOrEqual(2);
      expect((await listCases(db)).map((c) => c.id)).toEqual(expect.arrayContaining([patentCase.id, accountCase.id]));
    });

    it('a steward decision relinks the waiting records and applies to later records of the identifier', async () => {
      const accountCase = await caseOf('utility_account', '3799999901');
      await expect(decideCase(db, accountCase.id, { uscc: '91370102MA0000002X', by: 'steward-1' })).rejects.toThrow(HubError);
      await expect(decideCase(db, '999999999', { uscc: null, by: 'steward-1' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(decideCase(db, accountCase.id, { uscc: composeUscc('9', '1', '370102', 'MA9999999'), by: 'steward-1' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
      await expect(decideCase(db, accountCase.id, { uscc: b.uscc, by: ' ' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });

      expect((await decideCase(db, accountCase.id, { uscc: b.uscc, by: 'steward-1', note: 'same site as the lease' })).touched).toEqual([b.uscc]);
      const keys = ['utility/accounts/3799999901', 'utility/bills/3799999901-202402', 'utility/bills/3799999901-202403', 'patent/patents/CN202410999999.1', ...patentIds.map((id) => `patent/patents/${id}`)];
      let links = await storedLinks(keys);
      expect(links.get('utility/accounts/3799999901')).toEqual({ uscc: b.uscc, status: 'resolved', method: 'steward' });
      expect(links.get('utility/bills/3799999901-202402')).toEqual({ uscc: b.uscc, status: 'resolved', method: 'via_account' });
      expect(await caseOf('utility_account', '3799999901')).toMatchObject({ status: 'decided', decisionUscc: b.uscc, waitingRecords: 0, decidedBy: 'steward-1' });

      const laterBill = await fakeRun('utility', 'bills');
      await insertRaw(laterBill, 'utility', 'bills', '3799999901-202403', bill('3799999901', '2024-03'));
      expect((await resolveRun(db, laterBill)).touched).toEqual([b.uscc]);

      const patentCase = await caseOf('patent_applicant', nameKey(a.former));
      expect((await decideCase(db, patentCase.id, { uscc: a.uscc, by: 'steward-2' })).touched).toEqual([a.uscc]);
      const laterPatent = await fakeRun('patent', 'patents');
      await insertRaw(laterPatent, 'patent', 'patents', 'CN202410999999.1', {
        application_no: 'CN202410999999.1', patent_type: 'invention', title: '一种数据处理方法', applicants: [a.former, '山东大学'], filed_on: a.filedOn,
        published_on: '2025-11-06', granted_on: null, ipc_codes: ['G06F 16/00'], claims_count: 8, cited_by_count: 0, family_size: 1, pct: false,
        legal_status: 'pending', owner: a.former, updated_at: '2025-11-06T02:00:00.000Z',
      });
      expect((await resolveRun(db, laterPatent)).touched).toEqual([a.uscc]);
      links = await storedLinks(keys);
      expect(links.get('utility/bills/3799999901-202403')).toEqual({ uscc: b.uscc, status: 'resolved', method: 'via_account' });
      expect(links.get('patent/patents/CN202410999999.1')).toEqual({ uscc: a.uscc, status: 'resolved', method: 'steward' });
      for (const id of patentIds) expect(links.get(`patent/patents/${id}`)).toEqual({ uscc: a.uscc, status: 'resolved', method: 'steward' });
      expect((await resolveAll(db)).touched).toEqual([]);
    });
  });

  it('its migration reverts and applies again', async () => {
    const runner = db.createQueryRunner();
    try {
      await new EntityResolution1796000000000().down(runner);
      expect(await runner.query("SHOW TABLES LIKE 'record_link'")).toHaveLength(0);
      await new EntityResolution1796000000000().up(runner);
      expect(await runner.query("SHOW TABLES LIKE 'record_link'")).toHaveLength(1);
    } finally {
      await runner.release();
    }
  });

  type Truth = TruthRecord & { connector: string; stream: string };
  const truthCache = new Map<string, Truth[]>();
  function validTruth(connector: string): Truth[] {
    let cached = truthCache.get(connector);
    if (!cached) {
      cached = hub.runtime.catalog
        .targets(connector)
        .flatMap((t) => hub.sandbox.truth.visible(t.connector, t.stream).filter((r) => r.valid).map((r) => ({ ...r, connector: t.connector, stream: t.stream })));
      truthCache.set(connector, cached);
    }
    return cached;
  }

  /** Links keyed `connector/stream/external_id`: all of them, or those of `keys`. */
  async function storedLinks(keys?: readonly string[]): Promise<Map<string, { uscc: string | null; status: string; method: string | null }>> {
    let where = '';
    const params: unknown[] = [];
    if (keys) {
      where = ` WHERE (r.\`connector\`, r.\`stream\`, r.\`external_id\`) IN (${keys.map(() => '(?,?,?)').join(',')})`;
      for (const key of keys) {
        const [connector, stream, ...id] = key.split('/');
        params.push(connector, stream, id.join('/'));
      }
    }
    const rows = (await db.query(
      'SELECT r.`connector`, r.`stream`, r.`external_id` AS id, l.`uscc`, l.`status`, l.`method` FROM `raw_record` r JOIN `record_link` l ON l.`raw_record_id` = r.`id`' + where,
      params,
    )) as Array<{ connector: string; stream: string; id: string; uscc: string | null; status: string; method: string | null }>;
    return new Map(rows.map((r) => [`${r.connector}/${r.stream}/${r.id}`, { uscc: r.uscc, status: r.status, method: r.method }]));
  }

  async function caseOf(kind: string, identifier: string) {
    const open = await listCases(db, { status: 'open', kind: kind as never, limit: 1000 });
    const decided = await listCases(db, { status: 'decided', kind: kind as never, limit: 1000 });
    const found = [...open, ...decided].find((c) => c.identifier === identifier);
    if (!found) throw new Error(`no case ${kind} ${identifier}`);
    return found;
  }

  let fakeRuns = 0;
  async function fakeRun(connector: string, stream: string): Promise<string> {
    fakeRuns += 1;
    const result = (await db.query(
      "INSERT INTO `connector_run` (`job_key`,`connector`,`stream`,`run_trigger`,`status`,`started_at`,`ended_at`) VALUES (?,?,?,'manual','succeeded',NOW(3),NOW(3))",
      [`test:resolution-${fakeRuns}`, connector, stream],
    )) as { insertId: number | string };
    return String(result.insertId);
  }

  async function updateRaw(runId: string, connector: string, stream: string, externalId: string, payload: Record<string, unknown>): Promise<void> {
    const json = canonicalJson(payload);
    await db.query(
      'UPDATE `raw_record` SET `payload` = ?, `content_hash` = ?, `last_changed_run_id` = ?, `changed_at` = NOW(3) WHERE `connector` = ? AND `stream` = ? AND `external_id` = ?',
      [json, sha256(json), runId, connector, stream, externalId],
    );
  }

  async function insertRaw(runId: string, connector: string, stream: string, externalId: string, payload: Record<string, unknown>): Promise<void> {
    const json = canonicalJson(payload);
    await db.query(
      'INSERT INTO `raw_record` (`connector`,`stream`,`external_id`,`content_hash`,`payload`,`source_updated_at`,`first_run_id`,`last_changed_run_id`,`created_at`,`changed_at`) ' +
        'VALUES (?,?,?,?,?,?,?,?,NOW(3),NOW(3))',
      [connector, stream, externalId, sha256(json), json, new Date(String(payload.updated_at)), runId, runId],
    );
  }
});

function field(r: TruthRecord, name: string): unknown {
  return (r.record as Record<string, unknown>)[name];
}

function pct(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

function bill(accountNo: string, period: string): Record<string, unknown> {
  return {
    bill_id: `${accountNo}-${period.replace('-', '')}`, account_no: accountNo, utility: 'power', period, consumption: '1200.00', unit: 'kWh',
    amount_yuan: '864.00', due_on: `${period}-20`, paid_on: null, late: false, arrears_yuan: '0.00', updated_at: `${period}-05T02:00:00.000Z`,
  };
}
