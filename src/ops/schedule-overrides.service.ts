import type { DataSource } from 'typeorm';
import type { ScheduleOverrides } from '../jobs/schedule-reconciler';
import { streamKey } from '../jobs/job-names';
import { StreamScheduleOverrideEntity } from './stream-schedule-override.entity';

/**
 * Stewards' stored crons, keyed `connector/stream`: what `reconcileSchedules` must be given so that
 * a restart keeps them. One statement.
 */
export async function loadScheduleOverrides(db: DataSource): Promise<ScheduleOverrides> {
  const rows = await db.getRepository(StreamScheduleOverrideEntity).find();
  return Object.fromEntries(rows.map((r) => [streamKey(r.connector, r.stream), r.pattern]));
}

export async function saveScheduleOverride(db: DataSource, override: { connector: string; stream: string; pattern: string; setBy: string }): Promise<void> {
  await db.query(
    'INSERT INTO `stream_schedule_override` (`connector`,`stream`,`pattern`,`set_by`,`set_at`) VALUES (?,?,?,?,NOW(3)) ' +
      'ON DUPLICATE KEY UPDATE `pattern` = VALUES(`pattern`), `set_by` = VALUES(`set_by`), `set_at` = VALUES(`set_at`)',
    [override.connector, override.stream, override.pattern, override.setBy.slice(0, 128)],
  );
}

export async function deleteScheduleOverride(db: DataSource, connector: string, stream: string): Promise<void> {
  await db.getRepository(StreamScheduleOverrideEntity).delete({ connector, stream });
}
