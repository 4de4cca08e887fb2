import type { DataSource, QueryRunner } from 'typeorm';
import { chunk, placeholders } from '../ingest/sql-chunks';
import { caseKey, refreshCases, type CaseDetails, type CaseRef } from './case-store';
import { childRuleOf, streamKey } from './resolution-rules';
import { WAITING_STATUSES, type CaseKind, type LinkMethod, type LinkStatus } from './resolution.types';

/** Conditions on `raw_record` aliased `r` that select the records of one unit of work. */
export interface RecordFilter {
  sql: string;
  params: unknown[];
}

/** A record's link as a resolution path computed it, before it is compared with the stored one. */
export interface LinkDraft {
  rawRecordId: string;
  connector: string;
  stream: string;
  uscc: string | null;
  method: LinkMethod | null;
  score: number | null;
  status: LinkStatus;
  identifierKind: CaseKind;
  identifier: string;
  parentKey: string | null;
  recordRunId: string;
}

/** Work that one change can cause elsewhere, collected while resolving and done afterwards. */
export interface Dependents {
  /** Registry name keys that appeared, changed or went away. */
  nameKeys: Set<string>;
  /** Their core prefixes: waiting records with near names get new candidates. */
  corePrefixes: Set<string>;
  /** Legacy taxpayer ids of newly registered enterprises. */
  legacyIds: Set<string>;
  /** Per child stream key: parent external ids whose link changed. */
  children: Map<string, Set<string>>;
}

export const BATCH_TABLE = 'resolution_batch';
const BATCH_COLUMNS = '`raw_record_id`,`connector`,`stream`,`uscc`,`method`,`score`,`status`,`identifier_kind`,`identifier`,`parent_key`,`record_run_id`';
const DRAFTS_PER_STATEMENT = 1000;
const CASES_PER_UNIT = 2000;
const RETRYABLE_SQL = new Set(['ER_LOCK_DEADLOCK', 'ER_LOCK_WAIT_TIMEOUT']);
const TRIES = 5;
/** How long a resolution waits for another one on the same database to finish. */
const LOCK_WAIT_SECONDS = 1800;

const emptyDependents = (): Dependents => ({ nameKeys: new Set(), corePrefixes: new Set(), legacyIds: new Set(), children: new Map() });

/**
 * One resolution pass on its own connection: it holds a named lock for the database (resolutions
 * run one at a time, so a bill and its account can never be linked from two stale views at once),
 * a temporary staging table, the USCCs touched so far and the dependent work still to do. Each unit
 * of work runs in a READ COMMITTED transaction that is simply repeated after a deadlock.
 */
export class ResolutionSession {
  readonly touched = new Set<string>();
  readonly dependents: Dependents = emptyDependents();
  private readonly cases = new Map<string, CaseRef>();
  private readonly details = new Map<string, CaseDetails>();

  private constructor(
    readonly runner: QueryRunner,
    private readonly lockName: string,
  ) {}

  static async open(db: DataSource): Promise<ResolutionSession> {
    const runner = db.createQueryRunner();
    await runner.connect();
    try {
      const [{ name }] = (await runner.query("SELECT LEFT(CONCAT('techfin-resolution:', DATABASE()), 64) AS name")) as Array<{ name: string }>;
      const [{ got }] = (await runner.query('SELECT GET_LOCK(?, ?) AS got', [name, LOCK_WAIT_SECONDS])) as Array<{ got: number | string | null }>;
      if (Number(got) !== 1) throw new Error(`another entity resolution held the lock '${name}' for more than ${LOCK_WAIT_SECONDS} s`);
      await runner.query(`DROP TEMPORARY TABLE IF EXISTS \`${BATCH_TABLE}\``);
      // The staging table lives in memory (a unit stages at most a few thousand ~1.7 KB rows); the
      // session limit is raised so that a larger window cannot fill it.
      await runner.query('SET SESSION max_heap_table_size = GREATEST(@@max_heap_table_size, 67108864)');
      await runner.query(`CREATE TEMPORARY TABLE \`${BATCH_TABLE}\` (
        \`raw_record_id\` bigint UNSIGNED NOT NULL PRIMARY KEY,
        \`connector\` varchar(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        \`stream\` varchar(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        \`uscc\` char(18) CHARACTER SET ascii COLLATE ascii_bin NULL,
        \`method\` varchar(24) CHARACTER SET ascii COLLATE ascii_bin NULL,
        \`score\` decimal(4,3) NULL,
        \`status\` varchar(16) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        \`identifier_kind\` varchar(32) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
        \`identifier\` varchar(191) COLLATE utf8mb4_bin NOT NULL,
        \`parent_key\` varchar(191) COLLATE utf8mb4_bin NULL,
        \`record_run_id\` bigint UNSIGNED NOT NULL
      ) ENGINE=MEMORY DEFAULT CHARSET=utf8mb4`);
      return new ResolutionSession(runner, name);
    } catch (error) {
      await runner.release();
      throw error;
    }
  }

  async close(): Promise<void> {
    try {
      if (this.runner.isTransactionActive) await this.runner.rollbackTransaction();
      await this.runner.query(`DROP TEMPORARY TABLE IF EXISTS \`${BATCH_TABLE}\``);
      await this.runner.query('SELECT RELEASE_LOCK(?)', [this.lockName]);
    } finally {
      await this.runner.release();
    }
  }

  /** Runs one unit of work in a transaction; its touched USCCs and dependents count once it commits. */
  async unit<T>(work: (w: ResolutionUnit) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const unit = new ResolutionUnit(this.runner);
      try {
        await this.runner.startTransaction('READ COMMITTED');
        await this.runner.query(`DELETE FROM \`${BATCH_TABLE}\``);
        const result = await work(unit);
        await this.runner.commitTransaction();
        for (const u of unit.touched) this.touched.add(u);
        mergeDependents(this.dependents, unit.dependents);
        for (const [key, ref] of unit.cases) this.cases.set(key, ref);
        for (const [key, d] of unit.details) this.details.set(key, d);
        return result;
      } catch (error) {
        if (this.runner.isTransactionActive) await this.runner.rollbackTransaction();
        const code = (error as { code?: string }).code ?? (error as { driverError?: { code?: string } }).driverError?.code;
        if (attempt >= TRIES || !code || !RETRYABLE_SQL.has(code)) throw error;
        await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.random() * 50));
      }
    }
  }

  /**
   * Brings the cases of every identifier this session looked at up to date, once: how many records
   * wait, their status, and the newest candidates. Done at the end rather than per unit because the
   * bills of one account span every window of a run.
   */
  async refreshCases(): Promise<void> {
    const refs = [...this.cases.values()];
    for (const part of chunk(refs, CASES_PER_UNIT)) {
      await this.unit(async (unit) => refreshCases(unit.runner, part, this.details));
    }
    this.cases.clear();
    this.details.clear();
  }

  /** Makes sure the case of (kind, identifier) is refreshed at the end. */
  lookAtCase(kind: CaseKind, identifier: string): void {
    this.cases.set(caseKey(kind, identifier), { kind, identifier });
  }

  /** Takes the dependents collected so far, leaving none. */
  takeDependents(): Dependents {
    const taken = emptyDependents();
    mergeDependents(taken, this.dependents);
    this.dependents.nameKeys.clear();
    this.dependents.corePrefixes.clear();
    this.dependents.legacyIds.clear();
    this.dependents.children.clear();
    return taken;
  }
}

function mergeDependents(into: Dependents, from: Dependents): void {
  for (const k of from.nameKeys) into.nameKeys.add(k);
  for (const p of from.corePrefixes) into.corePrefixes.add(p);
  for (const l of from.legacyIds) into.legacyIds.add(l);
  for (const [stream, keys] of from.children) {
    const set = into.children.get(stream) ?? new Set<string>();
    for (const k of keys) set.add(k);
    into.children.set(stream, set);
  }
}

interface ChangedRow {
  raw_record_id: string;
  connector: string;
  stream: string;
  uscc: string | null;
  status: LinkStatus;
  identifier_kind: CaseKind;
  identifier: string;
  existed: number | string;
  old_uscc: string | null;
  old_status: LinkStatus | null;
  old_kind: CaseKind | null;
  old_identifier: string | null;
  link_changed: number | string;
  content_changed: number | string;
}

/**
 * One transaction's worth of resolution: links are staged in the batch table (by set-based SQL or
 * from drafts computed here), then `flush` compares them with the stored links, notes the touched
 * USCCs and the dependents, writes what changed and brings the affected cases up to date.
 */
export class ResolutionUnit {
  readonly touched = new Set<string>();
  readonly dependents: Dependents = emptyDependents();
  /** Identifiers whose cases need a look, keyed by `caseKey`, with what was learnt about them. */
  readonly cases = new Map<string, CaseRef>();
  readonly details = new Map<string, CaseDetails>();

  constructor(readonly runner: QueryRunner) {}

  async stage(drafts: readonly LinkDraft[]): Promise<void> {
    for (const part of chunk(drafts, DRAFTS_PER_STATEMENT)) {
      const params: unknown[] = [];
      for (const d of part) {
        params.push(d.rawRecordId, d.connector, d.stream, d.uscc, d.method, d.score, d.status, d.identifierKind, d.identifier, d.parentKey, d.recordRunId);
      }
      await this.runner.query(`REPLACE INTO \`${BATCH_TABLE}\` (${BATCH_COLUMNS}) VALUES ${placeholders(part.length, 11)}`, params);
    }
  }

  /** Stages links with an `INSERT INTO batch (columns) SELECT …` body given as `select`. */
  async stageSelect(select: string, params: unknown[]): Promise<void> {
    await this.runner.query(`INSERT INTO \`${BATCH_TABLE}\` (${BATCH_COLUMNS}) ${select}`, params);
  }

  /** What stewards will see on the case of (kind, identifier) if records wait on it. */
  describe(kind: CaseKind, identifier: string, details: CaseDetails): void {
    this.details.set(caseKey(kind, identifier), details);
    this.cases.set(caseKey(kind, identifier), { kind, identifier });
  }

  private noteCase(kind: CaseKind, identifier: string): void {
    this.cases.set(caseKey(kind, identifier), { kind, identifier });
  }

  /** Drops what is staged (nothing is written): everything, or one stream's records. */
  async discard(only?: { connector: string; stream: string }): Promise<void> {
    if (only) await this.runner.query(`DELETE FROM \`${BATCH_TABLE}\` WHERE \`connector\` = ? AND \`stream\` = ?`, [only.connector, only.stream]);
    else await this.runner.query(`DELETE FROM \`${BATCH_TABLE}\``);
  }

  async flush(): Promise<void> {
    const changed = (await this.runner.query(
      'SELECT t.`raw_record_id`, t.`connector`, t.`stream`, t.`uscc`, t.`status`, t.`identifier_kind`, t.`identifier`, ' +
        'l.`raw_record_id` IS NOT NULL AS existed, l.`uscc` AS old_uscc, l.`status` AS old_status, l.`identifier_kind` AS old_kind, l.`identifier` AS old_identifier, ' +
        '(l.`raw_record_id` IS NULL OR NOT (t.`uscc` <=> l.`uscc`) OR t.`status` <> l.`status` OR NOT (t.`score` <=> l.`score`) ' +
        '  OR t.`identifier_kind` <> l.`identifier_kind` OR t.`identifier` <> l.`identifier`) AS link_changed, ' +
        '(l.`raw_record_id` IS NULL OR t.`record_run_id` <> l.`record_run_id`) AS content_changed ' +
        `FROM \`${BATCH_TABLE}\` t LEFT JOIN \`record_link\` l ON l.\`raw_record_id\` = t.\`raw_record_id\` ` +
        'WHERE l.`raw_record_id` IS NULL OR NOT (t.`uscc` <=> l.`uscc`) OR t.`status` <> l.`status` OR NOT (t.`method` <=> l.`method`) OR NOT (t.`score` <=> l.`score`) ' +
        '  OR t.`identifier_kind` <> l.`identifier_kind` OR t.`identifier` <> l.`identifier` OR NOT (t.`parent_key` <=> l.`parent_key`) OR t.`record_run_id` <> l.`record_run_id`',
    )) as ChangedRow[];
    // Every identifier that records wait on gets a look (also unchanged ones: a retried run then
    // repairs cases that an interrupted one left behind); so do those that records stopped waiting on.
    const waiting = (await this.runner.query(
      `SELECT DISTINCT \`identifier_kind\` AS kind, \`identifier\` FROM \`${BATCH_TABLE}\` WHERE \`status\` IN ('ambiguous','unmatched')`,
    )) as Array<{ kind: CaseKind; identifier: string }>;
    for (const w of waiting) this.noteCase(w.kind, w.identifier);
    if (changed.length === 0) {
      await this.discard();
      return;
    }

    const relinkedParents: string[] = [];
    for (const row of changed) {
      const contentChanged = Number(row.content_changed) === 1;
      const moved = row.uscc !== row.old_uscc;
      if (row.uscc !== null && (moved || contentChanged)) this.touched.add(row.uscc);
      if (row.old_uscc !== null && (moved || contentChanged)) this.touched.add(row.old_uscc);
      if (row.old_kind !== null && row.old_identifier !== null && row.old_status !== null && WAITING_STATUSES.includes(row.old_status)) {
        this.noteCase(row.old_kind, row.old_identifier);
      }
      if (Number(row.link_changed) === 1 && childRuleOf(row)) relinkedParents.push(String(row.raw_record_id));
    }
    await this.noteChildren(relinkedParents);

    // Assignments run left to right on the stored row, so `linked_at` compares the old link first.
    await this.runner.query(
      `INSERT INTO \`record_link\` (${BATCH_COLUMNS},\`linked_at\`) SELECT ${BATCH_COLUMNS}, NOW(3) FROM \`${BATCH_TABLE}\` ` +
        'ON DUPLICATE KEY UPDATE `record_link`.`linked_at` = IF(`record_link`.`uscc` <=> VALUES(`uscc`) AND `record_link`.`status` = VALUES(`status`), `record_link`.`linked_at`, VALUES(`linked_at`)), ' +
        ['uscc', 'method', 'score', 'status', 'identifier_kind', 'identifier', 'parent_key', 'record_run_id'].map((c) => `\`record_link\`.\`${c}\` = VALUES(\`${c}\`)`).join(', '),
    );
    await this.discard();
  }

  /** Bills and legal events follow their parent: note the parents whose link changed. */
  private async noteChildren(parentIds: readonly string[]): Promise<void> {
    for (const part of chunk(parentIds, DRAFTS_PER_STATEMENT)) {
      const rows = (await this.runner.query(
        `SELECT \`connector\`, \`stream\`, \`external_id\` FROM \`raw_record\` WHERE \`id\` IN (${part.map(() => '?').join(',')})`,
        part,
      )) as Array<{ connector: string; stream: string; external_id: string }>;
      for (const row of rows) {
        const child = childRuleOf(row);
        if (!child) continue;
        const key = streamKey(child);
        const set = this.dependents.children.get(key) ?? new Set<string>();
        set.add(row.external_id);
        this.dependents.children.set(key, set);
      }
    }
  }
}
