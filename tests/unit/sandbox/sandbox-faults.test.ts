import { createSandbox, type Sandbox } from '../../../connectors/sandbox/sandbox';
import { get } from './sandbox-client.helper';

describe('sandbox fault injection', () => {
  let sandbox: Sandbox;
  let base: string;

  beforeAll(async () => {
    sandbox = createSandbox({ seed: 3, enterprises: 40, faults: { rate429: 0.2, rate5xx: 0.2, rateSlow: 0.1, slowMs: 30, retryAfterS: 2 } });
    base = await sandbox.listen(0);
  });

  afterAll(async () => {
    await sandbox.close();
  });

  it('roughly honours the configured rates; 429s carry Retry-After', async () => {
    const counts = new Map<number, number>();
    let slow = 0;
    const n = 400;
    for (let i = 0; i < n; i++) {
      const started = Date.now();
      const r = await get(`${base}/tax/declarations?limit=5`);
      counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
      if (r.status === 429) expect(r.headers.get('retry-after')).toBe('2');
      if (r.status === 200 && Date.now() - started >= 28) slow++;
      if (r.status >= 500) expect([500, 502, 503]).toContain(r.status);
    }
    const share = (pred: (s: number) => boolean): number => [...counts].filter(([s]) => pred(s)).reduce((t, [, c]) => t + c, 0) / n;
    expect(share((s) => s === 429)).toBeGreaterThan(0.13);
    expect(share((s) => s === 429)).toBeLessThan(0.27);
    expect(share((s) => s >= 500)).toBeGreaterThan(0.13);
    expect(share((s) => s >= 500)).toBeLessThan(0.27);
    expect(slow / n).toBeGreaterThan(0.05);
    expect(slow / n).toBeLessThan(0.2);
  });

  it('never faults health or /_sandbox endpoints', async () => {
    for (let i = 0; i < 50; i++) {
      expect((await get(`${base}/utility/health`)).status).toBe(200);
      expect((await get(`${base}/_sandbox/clock`)).status).toBe(200);
    }
  });

  it('decides faults from the seed and the request count, reproducibly', async () => {
    const statuses = async (s: Sandbox): Promise<number[]> => {
      const url = await s.listen(0);
      const out: number[] = [];
      for (let i = 0; i < 40; i++) out.push((await get(`${url}/patent/patents?limit=1`)).status);
      await s.close();
      return out;
    };
    const faults = { rate429: 0.3, rate5xx: 0.3, rateSlow: 0, slowMs: 0, retryAfterS: 1 };
    expect(await statuses(createSandbox({ seed: 9, enterprises: 10, faults }))).toEqual(await statuses(createSandbox({ seed: 9, enterprises: 10, faults })));
  });

  it('survives clients that disconnect during a slow response', async () => {
    sandbox.faults.set({ rate429: 0, rate5xx: 0, rateSlow: 1, slowMs: 300 });
    try {
      const aborted = Array.from({ length: 5 }, () => {
        const ctl = new AbortController();
        setTimeout(() => ctl.abort(), 20);
        return fetch(`${base}/utility/bills?limit=10`, { signal: ctl.signal }).then(
          () => 'answered',
          () => 'aborted',
        );
      });
      expect(await Promise.all(aborted)).toEqual(Array(5).fill('aborted'));
      await new Promise((r) => setTimeout(r, 400));
      sandbox.faults.set({ rateSlow: 0 });
      expect((await get(`${base}/utility/bills?limit=10`)).status).toBe(200);
    } finally {
      sandbox.faults.set({ rateSlow: 0 });
    }
  });

  it('rejects fault settings that make no sense', () => {
    expect(() => sandbox.faults.set({ rate429: 1.5 })).toThrow(RangeError);
    expect(() => sandbox.faults.set({ rate429: 0.6, rate5xx: 0.6 })).toThrow(RangeError);
  });
});
