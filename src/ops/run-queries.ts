import type { DataSource, FindOptionsWhere } from 'typeorm';
import { ConnectorRunEntity, type RunStatus } from '../db/entities/connector-run.entity';
import { QuarantineRecordEntity, type QuarantineStatus } from '../db/entities/quarantine-record.entity';
import { HubError } from '../errors/hub-error';

export interface RunFilter {
  connector?: string;
  stream?: string;
  status?: RunStatus;
  limit: number;
}

/** Most recent runs first. */
export function recentRuns(db: DataSource, filter: RunFilter): Promise<ConnectorRunEntity[]> {
  return db.getRepository(ConnectorRunEntity).find({ where: runWhere(filter), order: { id: 'DESC' }, take: filter.limit });
}

export interface RunPageQuery {
  connector?: string;
  stream?: string;
  status?: RunStatus;
  /** Rows to fetch: a page size plus one, so the caller knows whether another page follows. */
  fetch: number;
  /** Only runs older than this one (keyset on id, newest first). */
  beforeId?: string | null;
}

export interface RunPage {
  rows: ConnectorRunEntity[];
  /** Runs matching the filter, over all pages. */
  total: number;
}

/** A page of runs, newest first, by keyset on id; two statements whatever the page size. */
export async function pageRuns(db: DataSource, query: RunPageQuery): Promise<RunPage> {
  const repo = db.getRepository(ConnectorRunEntity);
  const where = runWhere(query);
  const rows = repo.createQueryBuilder('r').orderBy('r.id', 'DESC').limit(query.fetch);
  if (query.connector) rows.andWhere('r.connector = :connector', { connector: query.connector });
  if (query.stream) rows.andWhere('r.stream = :stream', { stream: query.stream });
  if (query.status) rows.andWhere('r.status = :status', { status: query.status });
  if (query.beforeId) rows.andWhere('r.id < :before', { before: query.beforeId });
  const [page, total] = await Promise.all([rows.getMany(), repo.countBy(where)]);
  return { rows: page, total };
}

/** One run by id, or null. */
export async function findRun(db: DataSource, id: string): Promise<ConnectorRunEntity | null> {
  if (!isRowId(id)) return null;
  return db.getRepository(ConnectorRunEntity).findOneBy({ id });
}

/** Runs by id, in one statement. */
export async function runsByIds(db: DataSource, ids: readonly string[]): Promise<ConnectorRunEntity[]> {
  const wanted = ids.filter(isRowId);
  if (wanted.length === 0) return [];
  return db.getRepository(ConnectorRunEntity).createQueryBuilder('r').where('r.id IN (:...ids)', { ids: [...new Set(wanted)] }).getMany();
}

/** Whether `id` can be a row id (an unsigned bigint); anything else names no row. */
export function isRowId(id: string | null | undefined): id is string {
  return typeof id === 'string' && /^[1-9]\d{0,19}$/.test(id);
}

/** A row id from a client, checked: a positive integer, else BAD_USER_INPUT naming the argument. */
export function parseRowId(id: string, argument: string): string {
  const trimmed = id.trim();
  if (!isRowId(trimmed)) throw new HubError('BAD_USER_INPUT', `${argument} must be a positive integer id, got '${id}'`, { details: { argument } });
  return trimmed;
}

function runWhere(filter: { connector?: string; stream?: string; status?: RunStatus }): FindOptionsWhere<ConnectorRunEntity> {
  const where: FindOptionsWhere<ConnectorRunEntity> = {};
  if (filter.connector) where.connector = filter.connector;
  if (filter.stream) where.stream = filter.stream;
  if (filter.status) where.status = filter.status;
  return where;
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
