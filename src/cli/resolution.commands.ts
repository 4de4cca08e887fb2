import { type Command, InvalidArgumentError, Option } from 'commander';
import { currentAsOf } from '../profile/pipeline/as-of';
import { recomputeProfiles } from '../profile/pipeline/profile.service';
import { decideCase, listCases } from '../resolution/resolution.service';
import { CASE_KINDS, CASE_STATUSES, type CaseKind, type CaseStatus } from '../resolution/resolution.types';
import type { HubRuntime } from '../runtime/hub-runtime';
import { printTable } from './print-table';

type WithRuntime = <T>(work: (rt: HubRuntime) => Promise<T>) => Promise<T>;

/** `hub resolution …`: the stewards' queue of records no enterprise could be chosen for, and their decisions. */
export function addResolutionCommands(program: Command, withRuntime: WithRuntime, out: (line: string) => void): void {
  const resolution = program.command('resolution').description('entity resolution: the stewards’ case queue and decisions');

  resolution
    .command('cases')
    .description('resolution cases, most waiting records first (default: ambiguous ones, the work queue)')
    .addOption(new Option('--status <status>').choices([...CASE_STATUSES, 'open']).default('ambiguous'))
    .addOption(new Option('--kind <kind>').choices(CASE_KINDS))
    .option('-n, --limit <n>', 'how many (1–1000)', (v) => Number(v), 50)
    .action((opts: { status: CaseStatus | 'open'; kind?: CaseKind; limit: number }) =>
      withRuntime(async (rt) => {
        const cases = await listCases(rt.db, opts);
        printTable(
          out,
          cases.map((c) => ({
            case: c.id,
            kind: c.kind,
            identifier: c.identifier,
            name: c.displayName ?? '',
            status: c.status,
            waiting: c.waitingRecords,
            candidates: c.candidates.map((k) => `${k.uscc} ${k.name} (${k.matchedOn}, ${k.score})`).join('; '),
            decision: c.status === 'decided' ? (c.decisionUscc ?? 'nobody') : '',
          })),
        );
      }),
    );

  resolution
    .command('decide')
    .description('decide a case: the enterprise its records belong to, or nobody; waiting and later records follow it')
    .argument('<case>', 'case id (see `resolution cases`)')
    .option('--uscc <uscc>', 'the enterprise the records belong to')
    .option('--nobody', 'the records belong to no registered enterprise')
    .requiredOption('--by <name>', 'who decides')
    .option('--note <text>', 'why')
    .action((caseId: string, opts: { uscc?: string; nobody?: boolean; by: string; note?: string }) =>
      withRuntime(async (rt) => {
        if (Boolean(opts.uscc) === Boolean(opts.nobody)) throw new InvalidArgumentError('give exactly one of --uscc <uscc> or --nobody');
        const { touched } = await decideCase(rt.db, caseId, { uscc: opts.uscc ?? null, by: opts.by, note: opts.note });
        const counts = await recomputeProfiles(rt.db, touched, { asOf: currentAsOf(rt.config), batchSize: rt.config.profile.batchSize });
        out(`case ${caseId} decided: ${opts.uscc ?? 'nobody'}; ${touched.length} profile(s) recomputed, ${counts.changedFields} field change(s)`);
      }),
    );
}
