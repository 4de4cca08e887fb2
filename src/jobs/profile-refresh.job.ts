import type { DataSource } from 'typeorm';
import type { HubConfig } from '../config/config';
import type { Logger } from '../infra/logger';
import { currentAsOf } from '../profile/pipeline/as-of';
import { recomputeProfiles, type RecomputeCounts } from '../profile/pipeline/profile.service';
import { rebuildEverything, refreshPendingRuns, type RefreshOutcome } from '../profile/pipeline/refresh.service';

export interface ProfileJobDeps {
  config: HubConfig;
  db: DataSource;
  log: Logger;
}

const optionsOf = (config: HubConfig) => ({ asOf: currentAsOf(config), batchSize: config.profile.batchSize });

/** `refresh-after-run`: resolution and profiles for every run not yet taken in. */
export async function handleRefreshAfterRun(deps: ProfileJobDeps): Promise<RefreshOutcome> {
  const outcome = await refreshPendingRuns(deps.db, optionsOf(deps.config));
  if (outcome.runs.length > 0) deps.log.info(outcome, 'profiles refreshed after sync runs');
  return outcome;
}

/** `rebuild-all`: every record resolved, every profile recomputed. */
export async function handleRebuildAll(deps: ProfileJobDeps): Promise<RefreshOutcome> {
  const outcome = await rebuildEverything(deps.db, optionsOf(deps.config));
  deps.log.info({ ...outcome, runs: outcome.runs.length }, 'all profiles rebuilt');
  return outcome;
}

/** `refresh-enterprises`: the named enterprises' profiles recomputed (after a financing event, say). */
export async function handleRefreshEnterprises(deps: ProfileJobDeps, payload: { usccs: string[]; cause: string }): Promise<RecomputeCounts> {
  const counts = await recomputeProfiles(deps.db, payload.usccs, optionsOf(deps.config));
  deps.log.info({ ...counts, cause: payload.cause }, 'profiles recomputed');
  return counts;
}
