import { createSandbox, type Sandbox } from '../../../connectors/sandbox/sandbox';
import { get, type Page, readToEnd, send } from './sandbox-client.helper';

const OPTIONS = { seed: 7, enterprises: 120, invalidRate: 0.03 };

describe('sandbox over HTTP', () => {
  let sandbox: Sandbox;
  let base: string;

  beforeAll(async () => {
    sandbox = createSandbox(OPTIONS);
    base = await sandbox.listen(0);
  });

  afterAll(async () => {
    await sandbox.close();
  });

  it('answers health for every agency, without faults', async () => {
    sandbox.faults.set({ rate5xx: 1 });
    try {
      for (const agency of ['market-regulation', 'tax', 'utility', 'patent']) {
        const r = await get<{ ok: boolean; agency: string; as_of: string }>(`${base}/${agency}/health`);
        expect(r.status).toBe(200);
        expect(r.json).toEqual({ ok: true, agency, as_of: '2026-10-01T00:00:00.000Z' });
      }
    } finally {
      sandbox.faults.set({ rate5xx: 0 });
    }
  });

  it('pages every stream to the end (limit 37) and returns exactly the visible records in order', async () => {
    for (const { agency, stream } of sandbox.truth.streams()) {
      const truth = sandbox.truth.visible(agency, stream);
      const { records } = await readToEnd(base, `${agency}/${stream}`, 37);
      expect(records).toEqual(truth.map((t) => t.record));
      const ids = truth.map((t) => t.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (let k = 1; k < truth.length; k++) {
        const a = truth[k - 1]!;
        const b = truth[k]!;
        const ordered = a.updatedAt.getTime() < b.updatedAt.getTime() || (a.updatedAt.getTime() === b.updatedAt.getTime() && a.id < b.id);
        expect(ordered).toBe(true);
      }
      for (const t of truth) expect((t.record as Record<string, unknown>).updated_at).toBe(t.updatedAt.toISOString());
    }
  });

  it('after the clock advances, reading from the saved cursor returns exactly the changed records', async () => {
    const cursors = new Map<string, string | null>();
    for (const { agency, stream } of sandbox.truth.streams()) {
      cursors.set(`${agency}/${stream}`, (await readToEnd(base, `${agency}/${stream}`, 500)).cursor);
    }
    const from = sandbox.clock.now();
    sandbox.clock.advanceDays(30);
    const to = sandbox.clock.now();
    let changed = 0;
    for (const { agency, stream } of sandbox.truth.streams()) {
      const expected = sandbox.truth.changedBetween(agency, stream, from, to);
      const { records } = await readToEnd(base, `${agency}/${stream}`, 37, cursors.get(`${agency}/${stream}`) ?? null);
      expect(records).toEqual(expected.map((t) => t.record));
      changed += expected.length;
    }
    expect(changed).toBeGreaterThan(100);
    // A record that changed moved to its new updated_at: it is visible once, with its new content.
    const bills = sandbox.truth.visible('utility', 'bills');
    expect(new Set(bills.map((b) => b.id)).size).toBe(bills.length);
  });

  it('echoes the cursor on an empty page and reports has_more=false at the end', async () => {
    const { cursor } = await readToEnd(base, 'tax/credit_grades', 1000);
    const r = await get<Page>(`${base}/tax/credit_grades?since=${cursor}`);
    expect(r.json).toMatchObject({ data: [], next_cursor: cursor, has_more: false });
  });

  it('filters by updated_since when no cursor is given', async () => {
    const since = '2026-06-01T00:00:00Z';
    const { records } = await readSince(base, 'tax/declarations', since);
    const expected = sandbox.truth.visible('tax', 'declarations').filter((t) => t.updatedAt.getTime() >= Date.parse(since));
    expect(records).toEqual(expected.map((t) => t.record));
    expect(records.length).toBeGreaterThan(0);
  });

  it('is deterministic: two sandboxes with the same options serve identical bytes', async () => {
    const twin = createSandbox(OPTIONS);
    const twinBase = await twin.listen(0);
    try {
      twin.clock.set(sandbox.clock.now());
      for (const path of ['market-regulation/registrations', 'tax/declarations', 'utility/bills', 'patent/patents']) {
        const a = await get(`${base}/${path}?limit=1000`);
        const b = await get(`${twinBase}/${path}?limit=1000`);
        expect(b.text).toBe(a.text);
      }
    } finally {
      await twin.close();
    }
  });

  it('keeps enterprise i the same whatever the size (a small sandbox is a prefix of a larger one)', () => {
    const small = createSandbox({ ...OPTIONS, enterprises: 60 });
    const smallRegs = small.truth.visible('market-regulation', 'registrations');
    const large = new Map(sandbox.truth.visible('market-regulation', 'registrations').map((t) => [t.id, t]));
    sandbox.truth.visible('market-regulation', 'registrations'); // warm
    // The shared sandbox has moved on 30 days; compare the small one at the same time.
    small.clock.set(sandbox.clock.now());
    for (const t of small.truth.visible('market-regulation', 'registrations')) expect(large.get(t.id)?.record).toEqual(t.record);
    expect(smallRegs.length).toBeGreaterThan(40);
  });

  it('answers 404 for unknown agencies and streams, 400 for bad cursors and parameters', async () => {
    const unknownStream = await get<{ error: { code: string } }>(`${base}/tax/nonsense`);
    expect(unknownStream.status).toBe(404);
    expect(unknownStream.json.error.code).toBe('NOT_FOUND');
    expect((await get(`${base}/weather/forecasts`)).status).toBe(404);
    const badCursor = await get<{ error: { code: string } }>(`${base}/tax/declarations?since=not-a-cursor!`);
    expect(badCursor.status).toBe(400);
    expect(badCursor.json.error.code).toBe('BAD_CURSOR');
    expect((await get<{ error: { code: string } }>(`${base}/tax/declarations?since=eyJ4IjoxfQ`)).json.error.code).toBe('BAD_CURSOR');
    const otherStream = (await get<Page>(`${base}/tax/arrears?limit=1`)).json.next_cursor!;
    expect((await get<{ error: { code: string } }>(`${base}/tax/declarations?since=${otherStream}`)).json.error.code).toBe('BAD_CURSOR');
    for (const q of ['limit=0', 'limit=1001', 'limit=abc', 'limit=2.5', 'updated_since=yesterday']) {
      const r = await get<{ error: { code: string } }>(`${base}/tax/declarations?${q}`);
      expect([r.status, r.json.error.code]).toEqual([400, 'BAD_PARAMETER']);
    }
    expect((await get(`${base}/tax/declarations`, { method: 'POST' })).status).toBe(405);
  });

  it('moves the clock only forward through /_sandbox/clock', async () => {
    const now = (await get<{ now: string }>(`${base}/_sandbox/clock`)).json.now;
    expect(now).toBe(sandbox.clock.now().toISOString());
    const back = await send<{ error: { code: string } }>(`${base}/_sandbox/clock`, 'POST', { set: '2020-01-01T00:00:00Z' });
    expect([back.status, back.json.error.code]).toEqual([400, 'BAD_PARAMETER']);
    const moved = await send<{ now: string }>(`${base}/_sandbox/clock`, 'POST', { advance_days: 1 });
    expect(Date.parse(moved.json.now) - Date.parse(now)).toBe(86_400_000);
    expect((await send(`${base}/_sandbox/clock`, 'POST', { advance_days: -1 })).status).toBe(400);
  });

  it('serves stats equal to the truth API, and the hidden outcomes', async () => {
    const stats = await get<Record<string, unknown>>(`${base}/_sandbox/stats`);
    expect(stats.json).toEqual(sandbox.truth.stats());
    const page = await get<{ data: Array<{ uscc: string; defaulted: boolean; latent_risk: number }>; total: number }>(`${base}/_sandbox/outcomes?limit=50&offset=10`);
    expect(page.json.total).toBe(OPTIONS.enterprises);
    expect(page.json.data).toHaveLength(50);
    expect(page.json.data[0]!.uscc).toBe(sandbox.truth.outcomes()[10]!.uscc);
  });

  it('changes fault settings through /_sandbox/faults', async () => {
    const put = await send<Record<string, number>>(`${base}/_sandbox/faults`, 'PUT', { slow_ms: 10, retry_after_s: 3 });
    expect(put.json).toEqual({ rate_429: 0, rate_5xx: 0, rate_slow: 0, slow_ms: 10, retry_after_s: 3 });
    expect(sandbox.faults.get()).toMatchObject({ slowMs: 10, retryAfterS: 3 });
    expect((await send(`${base}/_sandbox/faults`, 'PUT', { rate_429: 2 })).status).toBe(400);
    expect((await send(`${base}/_sandbox/faults`, 'PUT', { bogus: 1 })).status).toBe(400);
  });
});

async function readSince(base: string, path: string, since: string): Promise<{ records: Array<Record<string, unknown>> }> {
  const first = await get<Page>(`${base}/${path}?limit=100&updated_since=${encodeURIComponent(since)}`);
  const records = [...first.json.data];
  if (first.json.has_more) records.push(...(await readToEnd(base, path, 100, first.json.next_cursor)).records);
  return { records };
}
