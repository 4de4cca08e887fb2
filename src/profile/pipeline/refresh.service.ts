import type { DataSource } from 'typeorm';
import { markRunsProfiled, runsAwaitingProfile } from '../../ingest/run-history';
import { resolveAll, resolveRun } from '../../resolution/resolution.service';
import { rebuildAllProfiles, recomputeProfiles, type RecomputeCounts } from './profile.service';

export interface RefreshOptions {
  asOf: string;
  batchSize: number;
}

export interface RefreshOutcome extends RecomputeCounts {
  asOf: string;
  /** The sync runs whose records this refresh took in. */
  runs: string[];
  /** Enterprises whose links or linked records changed. */
  touched: number;
}

/**
 * Takes in every ended run whose records have not gone through the profile yet — the run that
 * asked, and any other that finished meanwhile, so a burst of syncs costs one recomputation rather
 * than one per stream. Each run's records are resolved in order, then the union of the enterprises
 * they touched is recomputed once; each change is attributed to the latest run that touched the
 * enterprise. Runs are marked only after their profiles are stored, so a crash repeats the work
 * (idempotently) rather than losing it.
 */
export async function refreshPendingRuns(db: DataSource, options: RefreshOptions): Promise<RefreshOutcome> {
  const runs = await runsAwaitingProfile(db);
  const runOf = new Map<string, string>();
  for (const runId of runs) {
    const { touched } = await resolveRun(db, runId);
    for (const uscc of touched) runOf.set(uscc, runId);
  }
  const counts = await recomputeProfiles(db, [...runOf.keys()], { ...options, runOf: (uscc) => runOf.get(uscc) ?? null });
  await markRunsProfiled(db, runs);
  return { asOf: options.asOf, runs, touched: runOf.size, ...counts };
}

/** Resolves every stored record and recomputes every profile; the runs waiting for a refresh are covered by it. */
export async function rebuildEverything(db: DataSource, options: RefreshOptions): Promise<RefreshOutcome> {
  const runs = await runsAwaitingProfile(db);
  const { touched } = await resolveAll(db);
  const counts = await rebuildAllProfiles(db, options);
  await markRunsProfiled(db, runs);
  return { asOf: options.asOf, runs, touched: touched.length, ...counts };
}
