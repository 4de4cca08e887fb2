import type { SqlRunner } from '../../ingest/sql-chunks';
import { emptyRecords, RECORD_SLOTS, type EnterpriseRecords, type FinancingEventRecord, type SourceRecord } from '../derive/enterprise-records';

interface LinkedRow {
  uscc: string;
  id: string;
  connector: string;
  stream: string;
  source_updated_at: Date;
  payload: string | Record<string, unknown>;
}

type Slot = (typeof RECORD_SLOTS)[keyof typeof RECORD_SLOTS];
const SLOTS: ReadonlyMap<string, Slot> = new Map(Object.entries(RECORD_SLOTS));

/**
 * Loads every stored record linked to each of `usccs` (one statement through the link index) and
 * sorts them into one bundle per enterprise, with the financing events institutions recorded (one
 * more statement). Enterprises without any linked record get an empty bundle, so their profile is
 * computed (all unknown) rather than silently skipped.
 */
export async function loadEnterpriseRecords(db: SqlRunner, usccs: readonly string[]): Promise<EnterpriseRecords[]> {
  if (usccs.length === 0) return [];
  const bundles = await loadLinkedRecords(db, usccs, null);
  for (const event of await loadFinancingEvents(db, usccs)) bundles.get(event.uscc)?.financingEvents.push(event.record);
  return [...bundles.values()];
}

/**
 * The stored records linked to each of `usccs`, in one statement through the link index, sorted into
 * one bundle per enterprise (in `usccs` order); `streams` (`connector/stream` keys) narrows the read
 * to those streams, null reads them all. No financing events: `loadEnterpriseRecords` adds them.
 */
export async function loadLinkedRecords(db: SqlRunner, usccs: readonly string[], streams: readonly (keyof typeof RECORD_SLOTS)[] | null): Promise<Map<string, ReturnType<typeof emptyRecords>>> {
  const bundles = new Map(usccs.map((u) => [u, emptyRecords(u)]));
  if (usccs.length === 0 || streams?.length === 0) return bundles;
  const pairs = (streams ?? []).map((k) => k.split('/') as [string, string]);
  const narrow = streams === null ? '' : ` AND (l.\`connector\`, l.\`stream\`) IN (${pairs.map(() => '(?, ?)').join(', ')})`;
  const rows = (await db.query(
    'SELECT l.`uscc`, r.`id`, r.`connector`, r.`stream`, r.`source_updated_at`, r.`payload` ' +
      'FROM `record_link` l JOIN `raw_record` r ON r.`id` = l.`raw_record_id` ' +
      `WHERE l.\`status\` = 'resolved' AND l.\`uscc\` IN (${usccs.map(() => '?').join(',')})${narrow} ` +
      // The link index's own order (no sort): records come in a stable order, so a recomputation of unchanged records derives exactly the same values.
      'ORDER BY l.`uscc`, l.`connector`, l.`stream`, l.`raw_record_id`',
    [...usccs, ...pairs.flat()],
  )) as LinkedRow[];
  for (const row of rows) {
    const bundle = bundles.get(row.uscc);
    const slot = SLOTS.get(`${row.connector}/${row.stream}`);
    if (!bundle || !slot) continue;
    const record: SourceRecord = {
      id: String(row.id),
      connector: row.connector,
      stream: row.stream,
      updatedAt: row.source_updated_at,
      data: typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload,
    };
    if (slot === 'registration') bundle.registration = record as typeof bundle.registration;
    else (bundle[slot] as SourceRecord[]).push(record);
  }
  return bundles;
}

/**
 * The financing events institutions recorded for the enterprises (one statement), in recording
 * order: the profile's financing loan fields are derived from them like from any source's records.
 */
async function loadFinancingEvents(db: SqlRunner, usccs: readonly string[]): Promise<Array<{ uscc: string; record: FinancingEventRecord }>> {
  const rows = (await db.query(
    "SELECT `id`, `uscc`, `case_id`, `institution_id`, `product`, `kind`, `amount_fen`, DATE_FORMAT(`occurred_on`, '%Y-%m-%d') AS `occurred_on`, `recorded_at` " +
      `FROM \`financing_event\` WHERE \`uscc\` IN (${usccs.map(() => '?').join(',')}) ORDER BY \`uscc\`, \`id\``,
    [...usccs],
  )) as Array<{ id: string; uscc: string; case_id: number; institution_id: number; product: string; kind: string; amount_fen: string | null; occurred_on: string; recorded_at: Date }>;
  return rows.map((r) => ({
    uscc: r.uscc,
    record: {
      id: String(r.id),
      connector: 'financing',
      stream: 'events',
      updatedAt: r.recorded_at,
      data: { case_id: Number(r.case_id), institution_id: Number(r.institution_id), product: r.product, kind: r.kind, amount_fen: r.amount_fen === null ? null : Number(r.amount_fen), occurred_on: r.occurred_on },
    },
  }));
}
