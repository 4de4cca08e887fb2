/**
 * The profile queue: after a sync run has stored new or changed records, one job resolves them to
 * enterprises and recomputes the profiles they touch. One queue for the whole hub, run one job at a
 * time across all workers, so two refreshes never race on the same profile's change log.
 */
export const PROFILE_QUEUE = 'profile';

export const PROFILE_JOB_NAMES = {
  /**
   * Asked for by each sync run that stored new or changed records (job id `run-<runId>`): resolves
   * the records of every run not yet taken in and recomputes the profiles they touched.
   */
  refreshAfterRun: 'refresh-after-run',
  /** Resolve every record and recompute every profile. */
  rebuildAll: 'rebuild-all',
  /**
   * Recompute named enterprises' profiles after something other than a sync changed their inputs
   * (a recorded financing event); the job id names the cause, so a repeated request adds nothing.
   */
  refreshEnterprises: 'refresh-enterprises',
} as const;

export type ProfileJobName = (typeof PROFILE_JOB_NAMES)[keyof typeof PROFILE_JOB_NAMES];

export interface ProfileJobPayloads {
  'refresh-after-run': { runId: string };
  'rebuild-all': { requestedAt: string };
  'refresh-enterprises': { usccs: string[]; cause: string };
}
