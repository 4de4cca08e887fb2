import { loadConfig } from '../../src/config/config';
import { createLogger } from '../../src/infra/logger';
import { JOB_NAMES } from '../../src/jobs/job-names';
import { desiredSchedules, reconcileSchedules } from '../../src/jobs/schedule-reconciler';
import { SyncQueues } from '../../src/jobs/sync-queues';
import { createTestHub, type TestHub } from '../support/test-hub';

describe('job schedulers and sync requests', () => {
  let hub: TestHub;
  const log = createLogger('silent');

  beforeAll(async () => {
    hub = await createTestHub({ sandbox: { enterprises: 5 } });
  }, 60_000);

  afterAll(async () => {
    await hub?.close();
  });

  const schedulersByQueue = async () => {
    const all = [];
    for (const c of hub.runtime.catalog.all()) {
      for (const s of await hub.runtime.queues.queue(c.id).getJobSchedulers()) all.push({ key: s.key, pattern: s.pattern });
    }
    return all.sort((a, b) => a.key.localeCompare(b.key));
  };

  it('keeps exactly one scheduler per stream, however many processes reconcile at once', async () => {
    const { config, catalog } = hub.runtime;
    // Three "replicas", each with its own Redis connection, reconcile together, then once more.
    const replicas = [0, 1, 2].map(() => new SyncQueues(config, catalog.all().map((c) => c.id)));
    try {
      await Promise.all(replicas.map((q) => reconcileSchedules(config, catalog.all(), q, log)));
      await reconcileSchedules(config, catalog.all(), hub.runtime.queues, log);
    } finally {
      await Promise.all(replicas.map((q) => q.close()));
    }
    const expected = desiredSchedules(config, catalog.all()).map((d) => ({ key: `${d.connector}/${d.stream}`, pattern: d.pattern }));
    expect(await schedulersByQueue()).toEqual(expected.sort((a, b) => a.key.localeCompare(b.key)));
    expect(expected).toHaveLength(14);
  });

  it('applies a changed cron from configuration to that stream only', async () => {
    const config = loadConfig({ ...hub.env, CONNECTOR_SCHEDULES: '{"tax/declarations": "*/5 * * * *", "utility": "0 4 * * *"}' });
    const result = await reconcileSchedules(config, hub.runtime.catalog.all(), hub.runtime.queues, log);
    expect(result).toEqual({ upserted: 3, removed: 0 });
    const schedulers = await schedulersByQueue();
    expect(schedulers.find((s) => s.key === 'tax/declarations')?.pattern).toBe('*/5 * * * *');
    expect(schedulers.filter((s) => s.key.startsWith('utility/')).map((s) => s.pattern)).toEqual(['0 4 * * *', '0 4 * * *']);
    expect(schedulers).toHaveLength(14);
  });

  it('does not enqueue a second sync of a stream that already has one waiting', async () => {
    const target = { connector: 'tax', stream: 'arrears' };
    const [first] = await hub.runtime.queues.requestSync([target], 'manual');
    const [again] = await hub.runtime.queues.requestSync([target], 'api');
    expect(again!.jobId).toBe(first!.jobId);
    const waiting = await hub.runtime.queues.queue('tax').getJobs(['waiting', 'prioritized']);
    const syncs = waiting.filter((j) => j.name === JOB_NAMES.syncStream && j.data.stream === 'arrears');
    expect(syncs.map((j) => j.id)).toEqual([first!.jobId]);
  });
});
