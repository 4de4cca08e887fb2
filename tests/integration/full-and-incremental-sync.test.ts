import { QUARANTINE_REASONS } from '../../connectors/sdk/quarantine-reason';
import { resetCursor } from '../../src/ingest/stream-state.store';
import type { StreamTarget } from '../../src/ingest/connector-catalog';
import { invalidVisible, latestPerId, runFor, storedHashes, syncThroughQueue, truthHashes, validVisible, type RunRow } from '../support/ingest-expectations';
import { createTestHub, type TestHub } from '../support/test-hub';

/**
 * The ingestion pipeline end to end on real MariaDB and Redis: a 2,000-enterprise sandbox synced
 * through BullMQ workers, checked record by record against the sandbox's own ground truth.
 */
describe('sync of a 2,000-enterprise sandbox', () => {
  let hub: TestHub;
  let targets: StreamTarget[];
  const sum = (runs: RunRow[], key: keyof RunRow) => runs.reduce((n, r) => n + Number(r[key]), 0);

  beforeAll(async () => {
    hub = await createTestHub({ sandbox: { seed: 7, enterprises: 2000, invalidRate: 0.01 } });
    hub.startWorkers();
    targets = hub.runtime.catalog.targets();
  }, 120_000);

  afterAll(async () => {
    await hub?.close();
  });

  it('lands every valid record and quarantines every invalid one with a reason code', async () => {
    const runs = await syncThroughQueue(hub.runtime.db, hub.runtime.queues, targets);
    expect(runs.every((r) => r.status === 'succeeded')).toBe(true);
    let validTotal = 0;
    for (const target of targets) {
      const expected = truthHashes(validVisible(hub.sandbox, target));
      validTotal += expected.size;
      expect({ target, stored: await storedHashes(hub.runtime.db, target) }).toEqual({ target, stored: expected });

      const invalid = invalidVisible(hub.sandbox, target);
      const quarantined = (await hub.runtime.db.query(
        'SELECT `external_id` AS id, `reason_code` AS reason FROM `quarantine_record` WHERE `connector` = ? AND `stream` = ?',
        [target.connector, target.stream],
      )) as Array<{ id: string; reason: string }>;
      expect(quarantined.map((q) => q.id).sort()).toEqual(invalid.map((r) => r.id).sort());
      for (const q of quarantined) expect(Object.keys(QUARANTINE_REASONS)).toContain(q.reason);
      expect(runFor(runs, target)).toMatchObject({ records_inserted: expected.size, records_updated: 0, records_quarantined: invalid.length });
    }
    expect(validTotal).toBeGreaterThan(100_000);
    expect(sum(runs, 'records_quarantined')).toBeGreaterThan(0);
  });

  it('a second full sync inserts 0 and updates 0', async () => {
    for (const t of targets) await resetCursor(hub.runtime.db, t.connector, t.stream);
    const quarantineRows = await countRows('quarantine_record');
    const runs = await syncThroughQueue(hub.runtime.db, hub.runtime.queues, targets);
    expect(sum(runs, 'records_inserted')).toBe(0);
    expect(sum(runs, 'records_updated')).toBe(0);
    const valid = targets.reduce((n, t) => n + validVisible(hub.sandbox, t).length, 0);
    expect(sum(runs, 'records_unchanged')).toBe(valid);
    expect(await countRows('raw_record')).toBe(valid);
    expect(await countRows('quarantine_record')).toBe(quarantineRows);
  });

  it('an incremental sync with nothing new upstream reads nothing', async () => {
    const runs = await syncThroughQueue(hub.runtime.db, hub.runtime.queues, targets);
    expect(sum(runs, 'records_read')).toBe(0);
  });

  it('after sandbox time advances, an incremental sync picks up exactly the new and changed records', async () => {
    const from = hub.sandbox.clock.now();
    const before = new Map<string, Map<string, string>>();
    for (const t of targets) before.set(`${t.connector}/${t.stream}`, await storedHashes(hub.runtime.db, t));
    hub.sandbox.clock.advanceDays(45);
    const to = hub.sandbox.clock.now();

    const runs = await syncThroughQueue(hub.runtime.db, hub.runtime.queues, targets);
    let changedTotal = 0;
    for (const target of targets) {
      const changed = latestPerId(hub.sandbox.truth.changedBetween(target.connector, target.stream, from, to));
      const prior = before.get(`${target.connector}/${target.stream}`)!;
      const valid = changed.filter((r) => r.valid);
      const expectedNew = valid.filter((r) => !prior.has(r.id)).length;
      const expectedChanged = valid.filter((r) => prior.has(r.id)).length;
      changedTotal += changed.length;
      expect({ target, run: runFor(runs, target) }).toMatchObject({
        target,
        run: {
          records_read: changed.length,
          records_inserted: expectedNew,
          records_updated: expectedChanged,
          records_unchanged: 0,
          records_quarantined: changed.length - valid.length,
        },
      });
      const stored = await storedHashes(hub.runtime.db, target);
      for (const [id, hash] of truthHashes(valid)) expect(stored.get(id)).toBe(hash);
    }
    expect(changedTotal).toBeGreaterThan(1000);
  });

  async function countRows(table: string): Promise<number> {
    const [row] = (await hub.runtime.db.query(`SELECT COUNT(*) AS n FROM \`${table}\``)) as Array<{ n: string }>;
    return Number(row!.n);
  }
});
