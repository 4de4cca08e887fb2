import type { DataSource, FindOptionsWhere } from 'typeorm';
import { ConnectorRunEntity, type RunStatus } from '../db/entities/connector-run.entity';
import { QuarantineRecordEntity, type QuarantineStatus } from '../db/entities/quarantine-record.entity';

export interface RunFilter {
  connector?: string;
  stream?: string;
  status?: RunStatus;
  limit: number;
}

/** Most recent runs first. */
export function recentRuns(db: DataSource, filter: RunFilter): Promise<ConnectorRunEntity[]> {
  const where: FindOptionsWhere<ConnectorRunEntity> = {};
  if (filter.connector) where.connector = filter.connector;
  if (filter.stream) where.stream = filter.stream;
  if (filter.status) where.status = filter.status;
  return db.getRepository(ConnectorRunEntity).find({ where, order: { id: 'DESC' }, take: filter.limit });
}

export interface QuarantineCount {
  connector: string;
  stream: string;
  reasonCode: string;
  status: QuarantineStatus;
  count: number;
}

/** Quarantined records counted by connector, stream, reason and status. */
export async function quarantineCounts(db: DataSource, status?: QuarantineStatus): Promise<QuarantineCount[]> {
  const query = db
    .getRepository(QuarantineRecordEntity)
    .createQueryBuilder('q')
    .select(['q.connector AS connector', 'q.stream AS stream', 'q.reason_code AS reasonCode', 'q.status AS status', 'COUNT(*) AS count'])
    .groupBy('q.connector, q.stream, q.reason_code, q.status')
    .orderBy('q.connector')
    .addOrderBy('q.stream')
    .addOrderBy('count', 'DESC');
  if (status) query.where('q.status = :status', { status });
  const rows = await query.getRawMany<Omit<QuarantineCount, 'count'> & { count: string }>();
  return rows.map((r) => ({ ...r, count: Number(r.count) }));
}
