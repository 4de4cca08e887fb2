import { createLogger } from '../../src/infra/logger';
import { schedulerId } from '../../src/jobs/job-names';
import { desiredSchedules, reconcileSchedules } from '../../src/jobs/schedule-reconciler';
import { SyncQueues } from '../../src/jobs/sync-queues';
import { HubError } from '../../src/errors/hub-error';
import { retryQuarantined, settleQuarantined } from '../../src/ops/quarantine.service';
import { loadScheduleOverrides } from '../../src/ops/schedule-overrides.service';
import { resetStreamSchedule, setStreamSchedule } from '../../src/ops/sync-control.service';
import { syncThroughQueue } from '../support/ingest-expectations';
import { createTestHub, type TestHub } from '../support/test-hub';

/** The stewards' services against real MariaDB and Redis: schedule overrides across restarts, quarantine retries. */
describe('steward operations', () => {
  let hub: TestHub;
  const log = createLogger('silent');

  beforeAll(async () => {
    hub = await createTestHub({ sandbox: { enterprises: 20, invalidRate: 0.1 }, env: { SCHEDULERS_ENABLED: 'true' } });
    const workers = hub.startWorkers();
    try {
      await syncThroughQueue(hub.runtime.db, hub.runtime.queues, hub.runtime.catalog.targets());
    } finally {
      await workers.close();
    }
  }, 180_000);

  afterAll(async () => {
    await hub?.close();
  });

  const codeOf = async (work: Promise<unknown>) => work.then(() => 'resolved', (error: unknown) => (error instanceof HubError ? error.code : String(error)));

  describe('schedule overrides', () => {
    const target = { connector: 'utility', stream: 'bills' };
    const patternIn = async (queues: SyncQueues) => (await queues.queue(target.connector).getJobScheduler(schedulerId(target.connector, target.stream)))?.pattern;

    it('keeps a steward’s cron through a restart’s reconcile, and goes back to the default on reset', async () => {
      const { runtime } = hub;
      await reconcileSchedules(runtime.config, runtime.catalog.all(), runtime.queues, log, await loadScheduleOverrides(runtime.db));
      const defaultCron = desiredSchedules(runtime.config, runtime.catalog.all()).find((d) => d.connector === target.connector && d.stream === target.stream)!.pattern;
      expect(await patternIn(runtime.queues)).toBe(defaultCron);

      const set = await setStreamSchedule(runtime, target, '15 4 * * 1', 'steward-a');
      expect(set).toMatchObject({ pattern: '15 4 * * 1', tz: 'Asia/Shanghai', source: 'override', active: true });
      expect(set.nextRunAt!.getTime()).toBeGreaterThan(Date.now());
      expect(await patternIn(runtime.queues)).toBe('15 4 * * 1');

      // A restarted process: its own queues, the configuration and what the database holds.
      const restarted = new SyncQueues(runtime.config, runtime.catalog.all().map((c) => c.id));
      try {
        const result = await reconcileSchedules(runtime.config, runtime.catalog.all(), restarted, log, await loadScheduleOverrides(runtime.db));
        expect(result).toEqual({ upserted: 0, removed: 0 });
        expect(await patternIn(restarted)).toBe('15 4 * * 1');
        expect((await restarted.queue('utility').getJobSchedulers()).length).toBe(runtime.catalog.get('utility').streams.length);
      } finally {
        await restarted.close();
      }

      const reset = await resetStreamSchedule(runtime, target);
      expect(reset).toMatchObject({ pattern: defaultCron, source: 'default', active: true });
      expect(await patternIn(runtime.queues)).toBe(defaultCron);
      expect(await loadScheduleOverrides(runtime.db)).toEqual({});
      expect(await reconcileSchedules(runtime.config, runtime.catalog.all(), runtime.queues, log, await loadScheduleOverrides(runtime.db))).toEqual({ upserted: 0, removed: 0 });
    });

    it('refuses a cron BullMQ cannot read, and leaves the stored schedule alone', async () => {
      expect(await codeOf(setStreamSchedule(hub.runtime, target, '0 25 * * *', 'steward-a'))).toBe('BAD_USER_INPUT');
      expect(await codeOf(setStreamSchedule(hub.runtime, target, '0 3 * *', 'steward-a'))).toBe('BAD_USER_INPUT');
      expect(await codeOf(setStreamSchedule(hub.runtime, { connector: 'utility', stream: 'nope' }, '0 3 * * *', 'steward-a'))).toBe('UNKNOWN_STREAM');
      expect(await loadScheduleOverrides(hub.runtime.db)).toEqual({});
      const { runtime } = hub;
      expect(await patternIn(runtime.queues)).toBe(desiredSchedules(runtime.config, runtime.catalog.all()).find((d) => d.stream === target.stream && d.connector === target.connector)!.pattern);
    });
  });

  describe('quarantine retry', () => {
    interface OpenEntry {
      id: string;
      connector: string;
      stream: string;
    }
    const openEntries = async (): Promise<OpenEntry[]> =>
      (await hub.runtime.db.query("SELECT `id`, `connector`, `stream` FROM `quarantine_record` WHERE `status` = 'open' ORDER BY `id`")) as OpenEntry[];

    /** Makes an entry's stored payload valid by giving it a stored record's payload (as if validation had been fixed), and removes that record. */
    const makeValid = async (entry: OpenEntry, removeStored: boolean): Promise<{ externalId: string; payload: string }> => {
      const [record] = (await hub.runtime.db.query('SELECT `id`, `external_id` AS externalId, `payload` FROM `raw_record` WHERE `connector` = ? AND `stream` = ? ORDER BY `id` LIMIT 1', [
        entry.connector,
        entry.stream,
      ])) as Array<{ id: string; externalId: string; payload: unknown }>;
      const payload = typeof record!.payload === 'string' ? record!.payload : JSON.stringify(record!.payload);
      await hub.runtime.db.query('UPDATE `quarantine_record` SET `payload` = ? WHERE `id` = ?', [payload, entry.id]);
      if (removeStored) await hub.runtime.db.query('DELETE FROM `raw_record` WHERE `id` = ?', [record!.id]);
      return { externalId: record!.externalId, payload };
    };

    it('stores a payload that now validates under a run of its own, settles the entry and asks for a profile refresh', async () => {
      const [entry] = await openEntries();
      const { externalId } = await makeValid(entry!, true);
      const outcome = await retryQuarantined(hub.runtime, entry!.id, 'steward-b');
      expect(outcome).toMatchObject({ stored: true, change: 'inserted', reasonCode: null });
      expect(outcome.record).toMatchObject({ status: 'resolved', settledBy: 'steward-b' });
      expect(outcome.record.settledNote).toContain(`run ${outcome.runId}`);

      const [run] = (await hub.runtime.db.query('SELECT `run_trigger`, `status`, `records_read`, `records_inserted`, `ended_at` FROM `connector_run` WHERE `id` = ?', [outcome.runId])) as any[];
      expect(run).toMatchObject({ run_trigger: 'api', status: 'succeeded', records_read: 1, records_inserted: 1 });
      expect(run.ended_at).not.toBeNull();
      const stored = (await hub.runtime.db.query('SELECT `last_changed_run_id` AS runId FROM `raw_record` WHERE `connector` = ? AND `stream` = ? AND `external_id` = ?', [
        entry!.connector,
        entry!.stream,
        externalId,
      ])) as Array<{ runId: string }>;
      expect(stored.map((s) => String(s.runId))).toEqual([outcome.runId]);
      expect(await hub.runtime.profiles.queue.getJob(`run-${outcome.runId}`)).toBeDefined();

      expect(await codeOf(retryQuarantined(hub.runtime, entry!.id, 'steward-b'))).toBe('CONFLICT');
      expect(await codeOf(settleQuarantined(hub.runtime, entry!.id, 'ignored', { by: 'steward-b' }))).toBe('CONFLICT');
    });

    it('stores nothing new when the same content is already stored (content hash), and settles once under concurrent retries', async () => {
      const [entry] = await openEntries();
      await makeValid(entry!, false);
      const before = (await hub.runtime.db.query('SELECT COUNT(*) AS n FROM `raw_record`')) as Array<{ n: string }>;
      const results = await Promise.allSettled([retryQuarantined(hub.runtime, entry!.id, 'steward-c'), retryQuarantined(hub.runtime, entry!.id, 'steward-d')]);
      const done = results.filter((r) => r.status === 'fulfilled');
      const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(done).toHaveLength(1);
      expect(refused.map((r) => (r.reason as HubError).code)).toEqual(['CONFLICT']);
      expect((done[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof retryQuarantined>>>).value).toMatchObject({ stored: true, change: 'unchanged' });
      const after = (await hub.runtime.db.query('SELECT COUNT(*) AS n FROM `raw_record`')) as Array<{ n: string }>;
      expect(after[0]!.n).toBe(before[0]!.n);
      const runs = (await hub.runtime.db.query('SELECT COUNT(*) AS n FROM `connector_run` WHERE `job_key` = ?', [`quarantine-retry:${entry!.id}`])) as Array<{ n: string }>;
      expect(Number(runs[0]!.n)).toBe(1);
    });

    it('keeps a still-invalid entry open with the reason today’s validation gives', async () => {
      const [entry] = await openEntries();
      await hub.runtime.db.query('UPDATE `quarantine_record` SET `payload` = ? WHERE `id` = ?', ['[1, 2]', entry!.id]);
      const outcome = await retryQuarantined(hub.runtime, entry!.id, 'steward-b');
      expect(outcome).toMatchObject({ stored: false, reasonCode: 'NOT_AN_OBJECT', runId: null });
      expect(outcome.record).toMatchObject({ status: 'open', reasonCode: 'NOT_AN_OBJECT', reasonMessage: 'expected a JSON object, got an array', settledBy: null });
      expect(await codeOf(retryQuarantined(hub.runtime, '99999999', 'steward-b'))).toBe('NOT_FOUND');
    });
  });
});
