import type { StreamTarget } from '../../src/ingest/connector-catalog';
import { storedHashes, truthHashes, validVisible } from '../support/ingest-expectations';
import { createTestHub, type TestHub } from '../support/test-hub';
import { spawnWorker, waitUntil, type WorkerProcess } from '../support/worker-process';

/**
 * Workers are separate OS processes here, as in production. The sandbox answers slowly so that a
 * sync is surely in the middle of its pages when its worker is killed or stopped.
 */
describe('a sync whose worker dies or stops mid-way', () => {
  let hub: TestHub;
  const target: StreamTarget = { connector: 'tax', stream: 'declarations' };
  const workers: WorkerProcess[] = [];
  const workerEnv = () => ({ ...hub.env, SYNC_PAGE_SIZE: '100', WORKER_LOCK_MS: '2000', WORKER_STALLED_INTERVAL_MS: '1000' });

  beforeAll(async () => {
    hub = await createTestHub({ sandbox: { seed: 11, enterprises: 400, invalidRate: 0.01 } });
    hub.sandbox.faults.set({ rateSlow: 1, slowMs: 60 });
  }, 120_000);

  afterEach(async () => {
    for (const w of workers.splice(0)) {
      if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGKILL');
      await w.exited;
    }
  });

  afterAll(async () => {
    await hub?.close();
  });

  const runRow = async (jobId: string) => {
    const rows = (await hub.runtime.db.query('SELECT * FROM connector_run WHERE job_key = ?', [`sync-${target.connector}:${jobId}`])) as Array<
      Record<string, string | number | null>
    >;
    return rows[0];
  };

  const expectStoredExactly = async () => {
    const expected = truthHashes(validVisible(hub.sandbox, target));
    const stored = await storedHashes(hub.runtime.db, target);
    expect(stored.size).toBe(expected.size);
    expect(stored).toEqual(expected);
    return expected.size;
  };

  it('SIGKILL: a replacement worker completes the same run with no duplicates and no gaps', async () => {
    const first = spawnWorker(workerEnv());
    workers.push(first);
    const [requested] = await hub.runtime.queues.requestSync([target], 'manual');
    await waitUntil('some pages stored', async () => {
      const run = await runRow(requested!.jobId);
      return run && Number(run.pages) >= 10 ? run : undefined;
    }, 90_000);
    first.child.kill('SIGKILL');
    await first.exited;

    const second = spawnWorker(workerEnv());
    workers.push(second);
    const [done] = await hub.runtime.queues.waitFor([requested!], 180_000);
    expect(done).toMatchObject({ state: 'completed' });

    const run = (await runRow(requested!.jobId))!;
    const stored = await expectStoredExactly();
    expect(run).toMatchObject({ status: 'succeeded' });
    expect(Number(run.attempts)).toBeGreaterThanOrEqual(2);
    // Each stored record was counted as inserted exactly once across both workers.
    expect(Number(run.records_inserted)).toBe(stored);
    expect(Number(run.records_updated)).toBe(0);
  }, 300_000);

  it('SIGTERM: the worker stores the page in hand, releases the job and exits; the next worker finishes it', async () => {
    await hub.runtime.db.query("UPDATE stream_state SET cursor_value = NULL WHERE connector = 'tax' AND stream = 'declarations'");
    const first = spawnWorker(workerEnv());
    workers.push(first);
    const [requested] = await hub.runtime.queues.requestSync([target], 'manual');
    await waitUntil('some pages read', async () => {
      const run = await runRow(requested!.jobId);
      return run && Number(run.pages) >= 5 ? run : undefined;
    }, 90_000);
    first.child.kill('SIGTERM');
    const exit = await first.exited;
    expect(exit).toEqual({ code: 0, signal: null });
    expect(await runRow(requested!.jobId)).toMatchObject({ status: 'released', error_code: 'WORKER_SHUTDOWN' });

    workers.push(spawnWorker(workerEnv()));
    const [done] = await hub.runtime.queues.waitFor([requested!], 180_000);
    expect(done).toMatchObject({ state: 'completed' });
    const run = (await runRow(requested!.jobId))!;
    const stored = await expectStoredExactly();
    expect(run).toMatchObject({ status: 'succeeded' });
    // A full re-read after the cursor reset: nothing new, nothing changed, nothing counted twice.
    expect(Number(run.records_unchanged)).toBe(stored);
    expect(Number(run.records_inserted) + Number(run.records_updated)).toBe(0);
  }, 300_000);
});
