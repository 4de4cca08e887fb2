import { composeUscc, organisationCheckCharacter } from '../../src/domain/uscc';
import { createApiTestHub, type ApiTestHub } from '../support/api-hub';

/** The stewards' API over HTTP: connectors, runs, queues, quarantine and resolution queues, and the controls. */
describe('steward API', () => {
  let t: ApiTestHub;
  const steward = () => t.keys.steward;

  beforeAll(async () => {
    t = await createApiTestHub({ sandbox: { enterprises: 30, invalidRate: 0.05 }, env: { SCHEDULERS_ENABLED: 'true' } });
  }, 300_000);

  afterAll(async () => {
    await t?.close();
  });

  const codeOf = (r: { errors?: Array<{ extensions?: { code?: string } }> }) => r.errors?.[0]?.extensions?.code;

  it('forbids every steward field to an institution key, and refuses them without a key', async () => {
    const operations = [
      '{ connectors { id } }',
      '{ connectorRuns { totalCount } }',
      '{ connectorRun(id: "1") { id } }',
      '{ queues { queue } }',
      '{ quarantineSummary { count } }',
      '{ quarantinedRecords { totalCount } }',
      '{ quarantinedRecord(id: "1") { id } }',
      '{ resolutionCases { totalCount } }',
      '{ resolutionCase(id: "1") { id } }',
      'mutation { triggerSync(connector: "tax") { jobId } }',
      'mutation { pauseConnector(connector: "tax") { paused } }',
      'mutation { resumeConnector(connector: "tax") { paused } }',
      'mutation { setStreamSchedule(connector: "tax", stream: "arrears", cron: "0 3 * * *") { cron } }',
      'mutation { resetStreamSchedule(connector: "tax", stream: "arrears") { cron } }',
      'mutation { resolveQuarantinedRecord(id: "1") { id } }',
      'mutation { ignoreQuarantinedRecord(id: "1") { id } }',
      'mutation { retryQuarantinedRecord(id: "1") { stored } }',
      'mutation { decideResolutionCase(id: "1", decision: { noEnterprise: true }) { touchedUsccs } }',
    ];
    for (const operation of operations) {
      const bank = await t.gql(operation, undefined, t.keys.bankA);
      // Nullable fields come back null beside the error; the rest null the whole data.
      expect({ operation, code: codeOf(bank), served: Object.values(bank.data ?? {}).filter((v) => v !== null) }).toEqual({ operation, code: 'FORBIDDEN', served: [] });
      expect({ operation, code: codeOf(await t.gql(operation, undefined, null)) }).toEqual({ operation, code: 'UNAUTHENTICATED' });
    }
    // Nothing was done on the institution's behalf.
    expect(((await t.hub.runtime.queues.queue('tax').isPaused()))).toBe(false);
  });

  it('lists connectors with schedules, freshness, queue counts and last runs', async () => {
    const r = await t.gql(
      `{ connectors { id paused queue { queue kind waiting active } streams { name
          schedule { cron timezone source isDefault active nextRunAt }
          freshness { records newestRecordAt lastSucceededAt secondsSinceSuccess }
          lastRun { status trigger recordsInserted } } } }`,
      undefined,
      steward(),
    );
    expect(r.errors).toBeUndefined();
    const streams = r.data.connectors.flatMap((c: any) => c.streams.map((s: any) => ({ connector: c.id, ...s })));
    expect(streams).toHaveLength(14);
    for (const s of streams) {
      expect(s.schedule).toMatchObject({ timezone: 'Asia/Shanghai', source: 'DEFAULT', isDefault: true, active: false, nextRunAt: null });
      expect(s.schedule.cron.split(' ').length).toBeGreaterThanOrEqual(5);
      expect(s.lastRun).toMatchObject({ status: 'SUCCEEDED', trigger: 'MANUAL' });
      expect(s.freshness.lastSucceededAt).not.toBeNull();
      expect(s.freshness.secondsSinceSuccess).toBeGreaterThanOrEqual(0);
    }
    expect(streams.reduce((n: number, s: any) => n + s.freshness.records, 0)).toBeGreaterThan(100);
    const stored = (await t.hub.runtime.db.query("SELECT COUNT(*) AS n FROM raw_record WHERE connector = 'tax' AND stream = 'arrears'")) as Array<{ n: string }>;
    expect(streams.find((s: any) => s.connector === 'tax' && s.name === 'arrears').freshness.records).toBe(Number(stored[0]!.n));
    expect(r.data.connectors.every((c: any) => c.paused === false && c.queue.kind === 'SYNC' && c.queue.queue === `sync-${c.id}`)).toBe(true);
  });

  it('pages through runs newest first without duplicates, and refuses first above 100', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let page = 0; page < 10; page++) {
      const r: any = await t.gql(
        'query($after: String) { connectorRuns(first: 4, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id connector stream status } } } }',
        { after },
        steward(),
      );
      expect(r.errors).toBeUndefined();
      total = r.data.connectorRuns.totalCount;
      seen.push(...r.data.connectorRuns.edges.map((e: any) => e.node.id));
      if (!r.data.connectorRuns.pageInfo.hasNextPage) break;
      after = r.data.connectorRuns.pageInfo.endCursor;
    }
    expect(total).toBeGreaterThanOrEqual(14);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.map(Number)).toEqual([...seen.map(Number)].sort((a, b) => b - a));

    const filtered = await t.gql('{ connectorRuns(connector: "tax", stream: "arrears", status: SUCCEEDED) { totalCount edges { node { connector stream status } } } }', undefined, steward());
    expect(filtered.data.connectorRuns.edges.every((e: any) => e.node.connector === 'tax' && e.node.stream === 'arrears' && e.node.status === 'SUCCEEDED')).toBe(true);
    const one = await t.gql('query($id: ID!) { connectorRun(id: $id) { id stream } }', { id: seen[0] }, steward());
    expect(one.data.connectorRun.id).toBe(seen[0]);
    expect((await t.gql('{ connectorRun(id: "999999") { id } }', undefined, steward())).data.connectorRun).toBeNull();

    const tooMany = await t.gql('{ connectorRuns(first: 101) { totalCount } }', undefined, steward());
    expect(codeOf(tooMany)).toBe('BAD_USER_INPUT');
    expect(tooMany.errors?.[0]?.message).toMatch(/first must be from 1 to 100/);
    expect(codeOf(await t.gql('{ connectorRuns(after: "not-a-cursor") { totalCount } }', undefined, steward()))).toBe('BAD_USER_INPUT');
    const unknown = await t.gql('{ connectorRuns(connector: "nope") { totalCount } }', undefined, steward());
    expect(codeOf(unknown)).toBe('BAD_USER_INPUT');
    expect(unknown.errors?.[0]?.message).toMatch(/market-regulation/);
  });

  it('triggers a sync, does not queue it twice, and shows its run', async () => {
    const { queues } = t.hub.runtime;
    // Paused, the first request waits in the queue, so the second one meets it there.
    await t.gql('mutation { pauseConnector(connector: "tax") { paused } }', undefined, steward());
    try {
      const first = await t.gql('mutation { triggerSync(connector: "tax", stream: "arrears") { connector stream jobId alreadyQueued } }', undefined, steward());
      expect(first.errors).toBeUndefined();
      expect(first.data.triggerSync).toEqual([{ connector: 'tax', stream: 'arrears', jobId: expect.any(String), alreadyQueued: false }]);
      const again = await t.gql('mutation { triggerSync(connector: "tax", stream: "arrears") { jobId alreadyQueued } }', undefined, steward());
      expect(again.data.triggerSync).toEqual([{ jobId: first.data.triggerSync[0].jobId, alreadyQueued: true }]);
      const counts = await t.gql('{ queues { queue kind connector waiting paused } }', undefined, steward());
      const tax = counts.data.queues.find((q: any) => q.connector === 'tax');
      expect(tax).toMatchObject({ kind: 'SYNC', paused: true, waiting: 1 });
      expect(counts.data.queues.at(-1)).toMatchObject({ kind: 'PROFILE', connector: null, queue: 'profile' });
    } finally {
      const resumed = await t.gql('mutation { resumeConnector(connector: "tax") { paused } }', undefined, steward());
      expect(resumed.data.resumeConnector.paused).toBe(false);
    }
    await queues.waitUntilQuiet(60_000);
    const runs = await t.gql('{ connectorRuns(connector: "tax", stream: "arrears", first: 1) { edges { node { trigger status } } } }', undefined, steward());
    expect(runs.data.connectorRuns.edges[0].node).toEqual({ trigger: 'API', status: 'SUCCEEDED' });

    const all = await t.gql('mutation { triggerSync(connector: "utility") { stream } }', undefined, steward());
    expect(all.data.triggerSync.map((s: any) => s.stream).sort()).toEqual(t.hub.runtime.catalog.get('utility').streams.map((s) => s.name).sort());
    const badStream = await t.gql('mutation { triggerSync(connector: "tax", stream: "nope") { jobId } }', undefined, steward());
    expect(codeOf(badStream)).toBe('BAD_USER_INPUT');
    expect(badStream.errors?.[0]?.message).toMatch(/arrears/);
    const badConnector = await t.gql('mutation { triggerSync(connector: "nope") { jobId } }', undefined, steward());
    expect(codeOf(badConnector)).toBe('BAD_USER_INPUT');
    expect(badConnector.errors?.[0]?.message).toMatch(/tax/);
    await queues.waitUntilQuiet(60_000);
  });

  it('shows a paused connector in its queue counts and in connectors', async () => {
    const paused = await t.gql('mutation { pauseConnector(connector: "patent") { queue paused } }', undefined, steward());
    expect(paused.data.pauseConnector).toEqual({ queue: 'sync-patent', paused: true });
    const seen = await t.gql('{ connectors { id paused queue { paused } } }', undefined, steward());
    expect(seen.data.connectors.filter((c: any) => c.paused).map((c: any) => c.id)).toEqual(['patent']);
    await t.gql('mutation { resumeConnector(connector: "patent") { paused } }', undefined, steward());
    const queues = await t.gql('{ queues { connector paused } }', undefined, steward());
    expect(queues.data.queues.every((q: any) => q.paused === false)).toBe(true);
    expect(codeOf(await t.gql('mutation { pauseConnector(connector: "nope") { paused } }', undefined, steward()))).toBe('BAD_USER_INPUT');
  });

  it('changes a stream’s schedule, shows it in connectors, and resets it', async () => {
    const set = await t.gql('mutation { setStreamSchedule(connector: "tax", stream: "arrears", cron: " 0  3 * * * ") { cron timezone source isDefault active nextRunAt } }', undefined, steward());
    expect(set.errors).toBeUndefined();
    expect(set.data.setStreamSchedule).toMatchObject({ cron: '0 3 * * *', timezone: 'Asia/Shanghai', source: 'OVERRIDE', isDefault: false, active: true });
    const next = new Date(set.data.setStreamSchedule.nextRunAt);
    // 03:00 in Shanghai is 19:00 UTC.
    expect(next.getUTCHours()).toBe(19);
    expect(next.getTime()).toBeGreaterThan(Date.now());

    const listed = await t.gql('{ connectors { id streams { name schedule { cron source nextRunAt } } } }', undefined, steward());
    const arrears = listed.data.connectors.find((c: any) => c.id === 'tax').streams.find((s: any) => s.name === 'arrears');
    expect(arrears.schedule).toEqual({ cron: '0 3 * * *', source: 'OVERRIDE', nextRunAt: set.data.setStreamSchedule.nextRunAt });
    const rows = (await t.hub.runtime.db.query('SELECT connector, stream, pattern, set_by FROM stream_schedule_override')) as unknown[];
    expect(rows).toEqual([{ connector: 'tax', stream: 'arrears', pattern: '0 3 * * *', set_by: 'test-steward' }]);

    for (const cron of ['every hour', '0 3 * *', '61 3 * * *']) {
      const bad = await t.gql('mutation($cron: String!) { setStreamSchedule(connector: "tax", stream: "arrears", cron: $cron) { cron } }', { cron }, steward());
      expect({ cron, code: codeOf(bad) }).toEqual({ cron, code: 'BAD_USER_INPUT' });
      expect(bad.errors?.[0]?.message).toContain(cron);
    }
    const reset = await t.gql('mutation { resetStreamSchedule(connector: "tax", stream: "arrears") { cron source isDefault } }', undefined, steward());
    const defaultCron = t.hub.runtime.catalog.get('tax').streams.find((s) => s.name === 'arrears')!.defaultSchedule;
    expect(reset.data.resetStreamSchedule).toEqual({ cron: defaultCron, source: 'DEFAULT', isDefault: true });
    expect(await t.hub.runtime.db.query('SELECT * FROM stream_schedule_override')).toEqual([]);
    // The scheduler stays, on the default cron; remove it so that no scheduled run starts during the tests.
    await t.hub.runtime.queues.queue('tax').removeJobScheduler('tax/arrears');
  });

  it('works the quarantine queue: list with payload and run, resolve, ignore, retry', async () => {
    const list = await t.gql(
      '{ quarantinedRecords(first: 100) { totalCount edges { node { id connector stream externalId payload reasonCode reasonMessage status run { id status } } } } }',
      undefined,
      steward(),
    );
    expect(list.errors).toBeUndefined();
    const open = list.data.quarantinedRecords.edges.map((e: any) => e.node);
    expect(open.length).toBeGreaterThanOrEqual(3);
    const stored = (await t.hub.runtime.db.query("SELECT COUNT(*) AS n FROM quarantine_record WHERE status = 'open'")) as Array<{ n: string }>;
    expect(list.data.quarantinedRecords.totalCount).toBe(Number(stored[0]!.n));
    expect(open.length).toBe(Math.min(100, Number(stored[0]!.n)));
    for (const q of open) {
      expect(q.status).toBe('OPEN');
      expect(q.run).toMatchObject({ id: expect.any(String) });
      expect(q.reasonMessage.length).toBeGreaterThan(0);
    }
    expect(open.some((q: any) => typeof q.payload === 'object' && q.payload !== null)).toBe(true);
    const summary = await t.gql('{ quarantineSummary { count } }', undefined, steward());
    expect(summary.data.quarantineSummary.reduce((n: number, c: any) => n + c.count, 0)).toBe(list.data.quarantinedRecords.totalCount);
    const byReason = await t.gql('query($r: QuarantineReason) { quarantinedRecords(reasonCode: $r, first: 100) { edges { node { reasonCode } } } }', { r: open[0].reasonCode }, steward());
    expect(byReason.data.quarantinedRecords.edges.every((e: any) => e.node.reasonCode === open[0].reasonCode)).toBe(true);

    // Each record's run comes from one batched statement: a page of 1 and a page of 100 run as many statements.
    const statements = async (first: number) =>
      Number((await t.gql('query($first: Int) { quarantinedRecords(first: $first, status: null) { edges { node { id run { id trigger } } } } }', { first }, steward())).headers.get('x-sql-statements'));
    const forOne = await statements(1);
    expect(forOne).toBeGreaterThan(1);
    expect(await statements(100)).toBe(forOne);

    const [a, b, c] = open;
    const resolved = await t.gql('mutation($id: ID!) { resolveQuarantinedRecord(id: $id, note: "fixed upstream") { status settledBy settledNote settledAt } }', { id: a.id }, steward());
    expect(resolved.data.resolveQuarantinedRecord).toMatchObject({ status: 'RESOLVED', settledBy: 'test-steward', settledNote: 'fixed upstream' });
    expect(resolved.data.resolveQuarantinedRecord.settledAt).not.toBeNull();
    const twice = await t.gql('mutation($id: ID!) { ignoreQuarantinedRecord(id: $id) { status } }', { id: a.id }, steward());
    expect(codeOf(twice)).toBe('CONFLICT');
    expect(twice.errors?.[0]?.message).toMatch(/already resolved by test-steward/);

    const ignored = await t.gql('mutation($id: ID!) { ignoreQuarantinedRecord(id: $id) { status settledBy } }', { id: b.id }, t.keys.admin);
    expect(ignored.data.ignoreQuarantinedRecord).toEqual({ status: 'IGNORED', settledBy: 'test-admin' });

    const retried = await t.gql('mutation($id: ID!) { retryQuarantinedRecord(id: $id) { stored reasonCode reasonMessage run { id } record { status } } }', { id: c.id }, steward());
    expect(retried.errors).toBeUndefined();
    // The sandbox's invalid records are invalid under today's validation too: the entry stays open with its reason.
    expect(retried.data.retryQuarantinedRecord).toEqual({ stored: false, reasonCode: c.reasonCode, reasonMessage: c.reasonMessage, run: null, record: { status: 'OPEN' } });
    expect(codeOf(await t.gql('mutation($id: ID!) { retryQuarantinedRecord(id: $id) { stored } }', { id: a.id }, steward()))).toBe('CONFLICT');
    expect(codeOf(await t.gql('mutation { resolveQuarantinedRecord(id: "99999999") { id } }', undefined, steward()))).toBe('NOT_FOUND');
    expect(codeOf(await t.gql('mutation { resolveQuarantinedRecord(id: "abc") { id } }', undefined, steward()))).toBe('BAD_USER_INPUT');

    const settled = await t.gql('{ quarantinedRecords(status: null, first: 100) { totalCount } open: quarantinedRecords { totalCount } }', undefined, steward());
    expect(settled.data.open.totalCount).toBe(list.data.quarantinedRecords.totalCount - 2);
    expect(settled.data.quarantinedRecords.totalCount).toBe(list.data.quarantinedRecords.totalCount);
  });

  it('works the resolution queue: lists cases by waiting records and takes decisions', async () => {
    const list = await t.gql(
      '{ resolutionCases(status: [AMBIGUOUS, UNMATCHED], first: 100) { totalCount edges { node { id kind identifier status waitingRecords candidates { uscc score } } } } }',
      undefined,
      steward(),
    );
    expect(list.errors).toBeUndefined();
    const cases = list.data.resolutionCases.edges.map((e: any) => e.node);
    expect(cases.length).toBeGreaterThan(0);
    const waiting = cases.map((c: any) => c.waitingRecords);
    expect(waiting).toEqual([...waiting].sort((x: number, y: number) => y - x));

    // Page through one case at a time: the same cases, no duplicates.
    const ids: string[] = [];
    let after: string | null = null;
    for (;;) {
      const r: any = await t.gql('query($after: String) { resolutionCases(status: [AMBIGUOUS, UNMATCHED], first: 1, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id } } } }', { after }, steward());
      ids.push(...r.data.resolutionCases.edges.map((e: any) => e.node.id));
      if (!r.data.resolutionCases.pageInfo.hasNextPage || ids.length > 200) break;
      after = r.data.resolutionCases.pageInfo.endCursor;
    }
    expect(ids).toEqual(cases.map((c: any) => c.id));

    // The sandbox's cases are unmatched (nothing registered comes close); a steward may still name the enterprise.
    const [target, other] = cases;
    const [registered] = (await t.hub.runtime.db.query('SELECT `uscc` FROM `registered_enterprise` ORDER BY `uscc` LIMIT 1')) as Array<{ uscc: string }>;
    const uscc = registered!.uscc;
    // Lower case and spaces are accepted, like everywhere a USCC is taken.
    const decision = { uscc: ` ${uscc.toLowerCase()} ` };
    const both = await t.gql('mutation($id: ID!) { decideResolutionCase(id: $id, decision: { uscc: "x", noEnterprise: true }) { touchedUsccs } }', { id: target.id }, steward());
    expect(codeOf(both)).toBe('BAD_USER_INPUT');
    const badUscc = await t.gql('mutation($id: ID!) { decideResolutionCase(id: $id, decision: { uscc: "123" }) { touchedUsccs } }', { id: target.id }, steward());
    expect(codeOf(badUscc)).toBe('BAD_USER_INPUT');

    const decided = await t.gql(
      'mutation($id: ID!, $d: ResolutionDecisionInput!) { decideResolutionCase(id: $id, decision: $d, note: "checked the register") { case { id status decisionUscc decidedBy note } touchedUsccs profileJobId } }',
      { id: target.id, d: decision },
      steward(),
    );
    expect(decided.errors).toBeUndefined();
    const result = decided.data.decideResolutionCase;
    expect(result.case).toEqual({
      id: target.id,
      status: 'DECIDED',
      decisionUscc: uscc,
      decidedBy: 'test-steward',
      note: 'checked the register',
    });
    expect(result.touchedUsccs).toContain(uscc);
    expect(result.profileJobId).toMatch(/^resolution-case-/);
    const linked = (await t.hub.runtime.db.query("SELECT COUNT(*) AS n FROM record_link WHERE uscc = ? AND method = 'steward'", [uscc])) as Array<{ n: string }>;
    expect(Number(linked[0]!.n)).toBeGreaterThan(0);
    const decidedCase = await t.gql('query($id: ID!) { resolutionCase(id: $id) { status waitingRecords } }', { id: target.id }, steward());
    expect(decidedCase.data.resolutionCase).toEqual({ status: 'DECIDED', waitingRecords: 0 });
    // A well-formed USCC the registry never sent is refused too.
    const body = `MA000001${organisationCheckCharacter('MA000001')}`;
    const unregistered = await t.gql('mutation($id: ID!, $u: String!) { decideResolutionCase(id: $id, decision: { uscc: $u }) { touchedUsccs } }', { id: target.id, u: composeUscc('9', '1', '370100', body) }, steward());
    expect(codeOf(unregistered)).toBe('BAD_USER_INPUT');
    expect(unregistered.errors?.[0]?.message).toMatch(/not an enterprise the market-regulation registry has sent/);

    if (other) {
      const nobody = await t.gql('mutation($id: ID!) { decideResolutionCase(id: $id, decision: { noEnterprise: true }) { case { status decisionUscc } } }', { id: other.id }, steward());
      expect(nobody.data.decideResolutionCase.case).toEqual({ status: 'DECIDED', decisionUscc: null });
    }
    const decidedList = await t.gql('{ resolutionCases(status: [DECIDED]) { edges { node { id } } } }', undefined, steward());
    expect(decidedList.data.resolutionCases.edges.map((e: any) => e.node.id).sort()).toEqual([target.id, other?.id].filter(Boolean).sort());
    expect(codeOf(await t.gql('mutation { decideResolutionCase(id: "99999999", decision: { noEnterprise: true }) { touchedUsccs } }', undefined, steward()))).toBe('NOT_FOUND');
  });
});
