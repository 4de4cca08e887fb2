import { Command, InvalidArgumentError, Option } from 'commander';
import { RUN_STATUSES, type RunStatus } from '../db/entities/connector-run.entity';
import { QUARANTINE_STATUSES, type QuarantineStatus } from '../db/entities/quarantine-record.entity';
import { reconcileSchedules, desiredSchedules } from '../jobs/schedule-reconciler';
import { quarantineCounts, recentRuns } from '../ops/run-queries';
import { loadScheduleOverrides } from '../ops/schedule-overrides.service';
import type { HubRuntime } from '../runtime/hub-runtime';
import { addAccessCommands } from './access.commands';
import { printTable } from './print-table';
import { addProfileCommands } from './profile.commands';
import { addResolutionCommands } from './resolution.commands';

const positiveInt = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a whole number ≥ 1');
  return n;
};

/**
 * The operator CLI: `npm run hub -- <command>`. Opening the runtime is deferred to the command's
 * action, so `--help` and argument errors answer without touching any service.
 */
export function buildHubProgram(open: () => Promise<HubRuntime>, out: (line: string) => void = console.log): Command {
  const program = new Command('hub').description('techfin-hub operator commands').showHelpAfterError();
  const withRuntime = async <T>(work: (rt: HubRuntime) => Promise<T>): Promise<T> => {
    const rt = await open();
    try {
      return await work(rt);
    } finally {
      await rt.close();
    }
  };

  program
    .command('sync')
    .description('run a sync now: all streams, one connector, or one stream; waits for it unless --no-wait')
    .option('-c, --connector <id>', 'connector id, e.g. tax')
    .option('-s, --stream <name>', 'stream name within the connector, e.g. declarations')
    .option('--no-wait', 'enqueue and return at once')
    .option('--timeout <seconds>', 'how long to wait', positiveInt, 1800)
    .action((opts: { connector?: string; stream?: string; wait: boolean; timeout: number }) =>
      withRuntime(async (rt) => {
        const targets = rt.catalog.targets(opts.connector, opts.stream);
        const idle = await idleQueues(rt, [...new Set(targets.map((t) => t.connector))]);
        if (idle.length > 0) {
          out(`warning: no worker is connected to ${idle.join(', ')}; start one with \`npm run worker\` (or \`npm start\`), or the sync waits in the queue`);
        }
        const requested = await rt.queues.requestSync(targets, 'manual');
        out(`enqueued ${requested.length} stream sync(s)`);
        if (!opts.wait) {
          printTable(out, requested.map((r) => ({ connector: r.connector, stream: r.stream, job: r.jobId })));
          return;
        }
        const finished = await rt.queues.waitFor(requested, opts.timeout * 1000);
        printTable(
          out,
          finished.map((f) => ({ connector: f.connector, stream: f.stream, job: f.jobId, state: f.state, detail: f.error ?? summarize(f.result) })),
        );
        if (finished.some((f) => f.state === 'failed')) process.exitCode = 1;
      }),
    );

  program
    .command('runs')
    .description('list recent sync runs, newest first')
    .option('-c, --connector <id>')
    .option('-s, --stream <name>')
    .addOption(new Option('--status <status>').choices(RUN_STATUSES))
    .option('-n, --limit <n>', 'how many', positiveInt, 20)
    .action((opts: { connector?: string; stream?: string; status?: RunStatus; limit: number }) =>
      withRuntime(async (rt) => {
        const runs = await recentRuns(rt.db, opts);
        printTable(
          out,
          runs.map((r) => ({
            run: r.id,
            connector: r.connector,
            stream: r.stream,
            trigger: r.trigger,
            status: r.status,
            started: r.startedAt.toISOString(),
            seconds: r.endedAt ? ((r.endedAt.getTime() - r.startedAt.getTime()) / 1000).toFixed(1) : '',
            pages: r.pages,
            read: r.recordsRead,
            inserted: r.recordsInserted,
            updated: r.recordsUpdated,
            unchanged: r.recordsUnchanged,
            quarantined: r.recordsQuarantined,
            error: r.errorCode ?? '',
          })),
        );
      }),
    );

  program
    .command('quarantine')
    .description('count quarantined records by connector, stream and reason')
    .addOption(new Option('--status <status>', 'only this status').choices(QUARANTINE_STATUSES).default('open'))
    .action((opts: { status: QuarantineStatus }) =>
      withRuntime(async (rt) => {
        const counts = await quarantineCounts(rt.db, opts.status);
        if (counts.length === 0) out(`no ${opts.status} quarantined records`);
        else printTable(out, counts);
      }),
    );

  program
    .command('schedules')
    .description('show each stream’s schedule; with --apply, reconcile the job schedulers in Redis to it')
    .option('--apply', 'create, update and remove job schedulers to match the configuration')
    .action((opts: { apply?: boolean }) =>
      withRuntime(async (rt) => {
        const stored = await loadScheduleOverrides(rt.db);
        if (opts.apply) out(JSON.stringify(await reconcileSchedules(rt.config, rt.catalog.all(), rt.queues, rt.log, stored)));
        const rows = [];
        for (const d of desiredSchedules(rt.config, rt.catalog.all(), stored)) {
          const s = await rt.queues.queue(d.connector).getJobScheduler(`${d.connector}/${d.stream}`);
          rows.push({ connector: d.connector, stream: d.stream, cron: d.pattern, scheduled: s ? 'yes' : 'no', next: s?.next ? new Date(s.next).toISOString() : '' });
        }
        printTable(out, rows);
      }),
    );

  program
    .command('migrate')
    .description('create the database if needed and apply pending migrations')
    .action(() => withRuntime(async () => out('database is up to date')));

  addProfileCommands(program, withRuntime, out);
  addResolutionCommands(program, withRuntime, out);
  addAccessCommands(program, withRuntime, out);
  return program;
}

async function idleQueues(rt: HubRuntime, connectorIds: string[]): Promise<string[]> {
  const idle: string[] = [];
  for (const id of connectorIds) {
    const queue = rt.queues.queue(id);
    if ((await queue.getWorkersCount()) === 0) idle.push(queue.name);
  }
  return idle;
}

function summarize(result: unknown): string {
  if (!result || typeof result !== 'object') return String(result ?? '');
  const r = result as Record<string, unknown>;
  return ['read', 'inserted', 'updated', 'unchanged', 'quarantined'].map((k) => `${k} ${r[k] ?? 0}`).join(', ');
}
