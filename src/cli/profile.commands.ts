import { type Command, InvalidArgumentError, Option } from 'commander';
import { validateUscc } from '../domain/uscc';
import { PROFILE_FIELDS, SECTIONS } from '../profile/catalog/catalog';
import { currentAsOf } from '../profile/pipeline/as-of';
import { changesSince } from '../profile/pipeline/profile-changes';
import { profileAsOf, storedAsOf } from '../profile/pipeline/profile.service';
import { rebuildEverything } from '../profile/pipeline/refresh.service';
import { provenanceOf } from '../profile/storage/provenance';
import { conflictCounts, dismissConflict, listConflicts } from '../profile/quality/conflict-queries';
import { CONFLICT_KINDS } from '../profile/quality/conflicts';
import { fieldCoverage, sourceFreshness } from '../profile/quality/coverage';
import { CONFLICT_STATUSES, type ConflictStatus } from '../profile/storage/profile-conflict.entity';
import type { HubRuntime } from '../runtime/hub-runtime';
import { printTable } from './print-table';

type WithRuntime = <T>(work: (rt: HubRuntime) => Promise<T>) => Promise<T>;

const usccArg = (value: string): string => {
  const result = validateUscc(value);
  if (!result.valid) throw new InvalidArgumentError(result.problem.message);
  return result.uscc;
};

const dateArg = (value: string): string => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !new Date(`${value}T00:00:00Z`).toISOString().startsWith(value)) {
    throw new InvalidArgumentError('must be a date like 2026-10-01');
  }
  return value;
};

const instantArg = (value: string): Date => {
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) throw new InvalidArgumentError('must be a date or an ISO-8601 time, e.g. 2026-10-01 or 2026-10-01T08:00:00Z');
  return at;
};

/** `hub profile …`: rebuild, show, coverage and change log of the enterprise profiles. */
export function addProfileCommands(program: Command, withRuntime: WithRuntime, out: (line: string) => void): void {
  const profile = program.command('profile').description('enterprise profiles: rebuild, show, coverage, changes');

  profile
    .command('rebuild')
    .description('resolve every stored record and recompute every profile')
    .option('--as-of <date>', 'compute as of this date (default PROFILE_AS_OF or today)', dateArg)
    .action((opts: { asOf?: string }) =>
      withRuntime(async (rt) => {
        const asOf = opts.asOf ?? currentAsOf(rt.config);
        const started = Date.now();
        const outcome = await rebuildEverything(rt.db, { asOf, batchSize: rt.config.profile.batchSize });
        const seconds = (Date.now() - started) / 1000;
        out(`rebuilt ${outcome.profiles} profiles as of ${asOf} in ${seconds.toFixed(1)} s (${outcome.created} new, ${outcome.changedFields} field changes; resolution touched ${outcome.touched})`);
      }),
    );

  profile
    .command('show')
    .description("one enterprise's profile as of a date, computed from the stored records, with provenance")
    .argument('<uscc>', 'the enterprise’s 18-character USCC', usccArg)
    .option('--as-of <date>', 'as of this date (default: the stored profile’s as-of date, else PROFILE_AS_OF or today)', dateArg)
    .option('--section <section>', `only one section (${SECTIONS.join(', ')})`)
    .action((uscc: string, opts: { asOf?: string; section?: string }) =>
      withRuntime(async (rt) => {
        if (opts.section && !(SECTIONS as readonly string[]).includes(opts.section)) {
          throw new InvalidArgumentError(`unknown section '${opts.section}' (sections: ${SECTIONS.join(', ')})`);
        }
        const asOf = opts.asOf ?? (await storedAsOf(rt.db, uscc)) ?? currentAsOf(rt.config);
        const snapshot = await profileAsOf(rt.db, uscc, asOf);
        out(`${uscc} as of ${snapshot.asOf}`);
        printTable(
          out,
          PROFILE_FIELDS.filter((f) => !opts.section || f.section === opts.section).map((f) => {
            const origin = provenanceOf(snapshot.provenance, f, snapshot.computedAt);
            return {
              section: f.section,
              field: f.key,
              value: JSON.stringify(snapshot.values.get(f.key)?.value ?? null),
              sources: origin.sources.join(','),
              records: origin.recordIds.length,
              observed: origin.observedAt.toISOString(),
            };
          }),
        );
      }),
    );

  profile
    .command('coverage')
    .description('share of stored profiles with a value, per field, and each source’s freshness')
    .option('--empty', 'list only fields no profile has a value for')
    .action((opts: { empty?: boolean }) =>
      withRuntime(async (rt) => {
        const report = await fieldCoverage(rt.db);
        const rows = report.fields.filter((f) => !opts.empty || f.filled === 0);
        printTable(out, rows.map((f) => ({ section: f.section, field: f.key, filled: f.filled, coverage: `${(f.coverage * 100).toFixed(1)}%` })));
        const empty = report.fields.filter((f) => f.filled === 0).length;
        out(`${report.profiles} profiles; ${report.fields.length} fields, ${empty} empty for every profile`);
        out('');
        printTable(
          out,
          (await sourceFreshness(rt.db)).map((s) => ({
            connector: s.connector,
            stream: s.stream,
            records: s.records,
            resolved: `${s.records === 0 ? '0.0' : ((s.resolved / s.records) * 100).toFixed(1)}%`,
            enterprises: s.enterprises,
            newest_record: s.newestRecord?.toISOString() ?? '',
            last_sync: s.lastSuccessfulSync?.toISOString() ?? '',
          })),
        );
      }),
    );

  profile
    .command('changes')
    .description('what changed in an enterprise’s profile since a time')
    .argument('<uscc>', 'the enterprise’s 18-character USCC', usccArg)
    .option('--since <time>', 'a date or ISO-8601 time (default: 30 days ago)', instantArg)
    .action((uscc: string, opts: { since?: Date }) =>
      withRuntime(async (rt) => {
        const since = opts.since ?? new Date(Date.now() - 30 * 86_400_000);
        const changes = await changesSince(rt.db, uscc, since);
        printTable(
          out,
          changes.map((c) => ({ field: c.fieldKey, from: JSON.stringify(c.oldValue), to: JSON.stringify(c.newValue), at: c.changedAt.toISOString(), as_of: c.asOf, run: c.runId ?? 'rebuild' })),
        );
      }),
    );

  profile
    .command('conflicts')
    .description('disagreements between the registry and other sources (counts, or a list with --list)')
    .addOption(new Option('--status <status>').choices(CONFLICT_STATUSES).default('open'))
    .addOption(new Option('--kind <kind>').choices(CONFLICT_KINDS))
    .option('--uscc <uscc>', 'one enterprise', usccArg)
    .option('--list', 'list the conflicts instead of counting them')
    .option('-n, --limit <n>', 'how many to list', (v) => Number(v), 50)
    .action((opts: { status: ConflictStatus; kind?: string; uscc?: string; list?: boolean; limit: number }) =>
      withRuntime(async (rt) => {
        if (!opts.list) return printTable(out, await conflictCounts(rt.db));
        const rows = await listConflicts(rt.db, opts);
        printTable(out, rows.map((c) => ({ id: c.id, uscc: c.uscc, kind: c.kind, registry: c.registryValue, source: c.sourceValue, record: c.sourceRecordId, status: c.status, last_seen: c.lastSeenAt.toISOString() })));
      }),
    );

  profile
    .command('dismiss-conflict')
    .description('mark a conflict as expected (it stays dismissed while the sources keep disagreeing)')
    .argument('<id>', 'conflict id (see `profile conflicts --list`)')
    .action((id: string) =>
      withRuntime(async (rt) => {
        if (!(await dismissConflict(rt.db, id))) throw new InvalidArgumentError(`no conflict ${id} that is not already dismissed`);
        out(`conflict ${id} dismissed`);
      }),
    );
}
