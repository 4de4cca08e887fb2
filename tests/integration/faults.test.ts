import { storedHashes, syncThroughQueue, truthHashes, validVisible } from '../support/ingest-expectations';
import { createTestHub, type TestHub } from '../support/test-hub';

describe('a sync against an upstream that fails 10% of requests', () => {
  let hub: TestHub;

  beforeAll(async () => {
    hub = await createTestHub({
      sandbox: { seed: 23, enterprises: 2000, invalidRate: 0.01 },
      env: { HTTP_RETRIES: '6' },
    });
    // 10% of requests fail: 429 with Retry-After, 500/502/503, or answer slowly.
    hub.sandbox.faults.set({ rate429: 0.03, rate5xx: 0.05, rateSlow: 0.02, slowMs: 300, retryAfterS: 1 });
    hub.startWorkers();
  }, 120_000);

  afterAll(async () => {
    await hub?.close();
  });

  it('still completes with every valid record', async () => {
    const targets = hub.runtime.catalog.targets();
    const runs = await syncThroughQueue(hub.runtime.db, hub.runtime.queues, targets);
    expect(runs.every((r) => r.status === 'succeeded')).toBe(true);
    for (const target of targets) {
      expect({ target, stored: await storedHashes(hub.runtime.db, target) }).toEqual({ target, stored: truthHashes(validVisible(hub.sandbox, target)) });
    }
    const rateLimited = (await hub.runtime.db.query("SELECT COUNT(*) AS n FROM connector_run WHERE attempts > 1")) as Array<{ n: string }>;
    // Some runs were interrupted by faults and continued: the faults were real.
    expect(Number(rateLimited[0]!.n)).toBeGreaterThan(0);
  });
});
