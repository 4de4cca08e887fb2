import { chunk } from '../../ingest/sql-chunks';
import { ACCOUNTS, PATENTS, type StreamRule } from '../resolution-rules';
import { BATCH_TABLE, type RecordFilter, type ResolutionUnit } from '../resolution-session';
import { accountClues, identifyAccount, replaceNameKeys, type Identification } from './account.linker';
import { NameEvidence } from './name-evidence';
import { identifyPatent, loadPatentDecisions, patentClues } from './patent.linker';

type ChildRule = Extract<StreamRule, { path: 'child' }>;

/**
 * The child records of a filter, with the parent's external id each names (`parent_key`), as a
 * derived table `c` joined to the parent raw record `p` and its link `pl`.
 */
function childrenWithParents(rule: ChildRule, filter: RecordFilter): { sql: string; params: unknown[] } {
  return {
    sql:
      `FROM (SELECT r.\`id\`, r.\`connector\`, r.\`stream\`, r.\`last_changed_run_id\` AS run, TRIM(JSON_VALUE(r.\`payload\`, '$.${rule.field}')) AS pk ` +
      `FROM \`raw_record\` r WHERE ${filter.sql} AND r.\`connector\` = ? AND r.\`stream\` = ?) c ` +
      'LEFT JOIN `raw_record` p ON p.`connector` = ? AND p.`stream` = ? AND p.`external_id` = c.pk ' +
      'LEFT JOIN `record_link` pl ON pl.`raw_record_id` = p.`id` ',
    params: [...filter.params, rule.connector, rule.stream, rule.parent.connector, rule.parent.stream],
  };
}

/**
 * Parents of the staged children that are stored but not linked yet (their run resolves later):
 * only staged children that found no parent link are looked at, so this is cheap.
 */
export async function unlinkedParents(unit: ResolutionUnit, rule: ChildRule): Promise<string[]> {
  const rows = (await unit.runner.query(
    `SELECT DISTINCT p.\`id\` FROM \`${BATCH_TABLE}\` b JOIN \`raw_record\` p ON p.\`connector\` = ? AND p.\`stream\` = ? AND p.\`external_id\` = b.\`parent_key\` ` +
      'LEFT JOIN `record_link` pl ON pl.`raw_record_id` = p.`id` ' +
      "WHERE b.`connector` = ? AND b.`stream` = ? AND b.`status` = 'unmatched' AND b.`method` IS NULL AND pl.`raw_record_id` IS NULL",
    [rule.parent.connector, rule.parent.stream, rule.connector, rule.stream],
  )) as Array<{ id: string }>;
  return rows.map((r) => String(r.id));
}

/**
 * Links bills and legal events set-based: each follows its parent's link (enterprise, status, score
 * and the case it waits on). A child whose parent has not arrived waits on a case of its own kind
 * (account or application number), where a steward may decide it directly.
 */
export async function linkChildren(unit: ResolutionUnit, rule: ChildRule, filter: RecordFilter): Promise<void> {
  const from = childrenWithParents(rule, filter);
  await unit.stageSelect(
    'SELECT c.`id`, c.`connector`, c.`stream`, ' +
      'CASE WHEN pl.`raw_record_id` IS NOT NULL THEN pl.`uscc` WHEN d.`id` IS NOT NULL THEN d.`decision_uscc` END, ' +
      "CASE WHEN pl.`raw_record_id` IS NOT NULL THEN IF(pl.`status` IN ('resolved','nobody'), ?, NULL) WHEN d.`id` IS NOT NULL THEN 'steward' END, " +
      'CASE WHEN pl.`raw_record_id` IS NOT NULL THEN pl.`score` WHEN d.`decision_uscc` IS NOT NULL THEN 1 END, ' +
      "CASE WHEN pl.`raw_record_id` IS NOT NULL THEN pl.`status` WHEN d.`id` IS NOT NULL THEN IF(d.`decision_uscc` IS NULL, 'nobody', 'resolved') ELSE 'unmatched' END, " +
      // A child without a parent id (validation makes that impossible) would wait on an empty one.
      "COALESCE(pl.`identifier_kind`, ?), COALESCE(pl.`identifier`, c.pk, ''), c.pk, c.run " +
      from.sql +
      "LEFT JOIN `resolution_case` d ON pl.`raw_record_id` IS NULL AND d.`kind` = ? AND d.`identifier` = c.pk AND d.`status` = 'decided'",
    [rule.method, rule.kind, ...from.params, rule.kind],
  );
}

/**
 * Staged children whose parent is not stored at all may still have it in quarantine: its newest
 * version failed validation (a broken date, a number sent as text …) but the fields that identify the
 * owner — applicants, holder name and address — are usually intact. The owner is then identified
 * from those fields exactly as for a stored parent (never from anything less), and the children
 * follow it; when the parent's valid version arrives, they follow that instead. Their name keys are
 * recorded so that registry names arriving later reach them too.
 */
export async function followQuarantinedParents(unit: ResolutionUnit, rule: ChildRule): Promise<void> {
  const orphans = (await unit.runner.query(
    `SELECT b.\`raw_record_id\` AS id, b.\`parent_key\` AS pk FROM \`${BATCH_TABLE}\` b ` +
      'LEFT JOIN `raw_record` p ON p.`connector` = ? AND p.`stream` = ? AND p.`external_id` = b.`parent_key` ' +
      "WHERE b.`connector` = ? AND b.`stream` = ? AND b.`status` = 'unmatched' AND b.`method` IS NULL AND b.`parent_key` <> '' AND p.`id` IS NULL",
    [rule.parent.connector, rule.parent.stream, rule.connector, rule.stream],
  )) as Array<{ id: string; pk: string }>;
  if (orphans.length === 0) return;
  const parentKeys = [...new Set(orphans.map((o) => o.pk))];
  const quarantined = new Map<string, unknown>();
  for (const part of chunk(parentKeys, 1000)) {
    const rows = (await unit.runner.query(
      `SELECT \`external_id\` AS pk, \`payload\` FROM \`quarantine_record\` WHERE \`connector\` = ? AND \`stream\` = ? AND \`external_id\` IN (${part.map(() => '?').join(',')}) ` +
        'ORDER BY `last_seen_at`, `id`',
      [rule.parent.connector, rule.parent.stream, ...part],
    )) as Array<{ pk: string; payload: string }>;
    for (const r of rows) quarantined.set(r.pk, r.payload); // the newest version wins
  }
  if (quarantined.size === 0) return;

  const identified = new Map<string, Identification>();
  if (rule.parent.stream === ACCOUNTS.stream && rule.parent.connector === ACCOUNTS.connector) {
    const evidence = await NameEvidence.load(unit.runner, [...quarantined.values()].map((p) => accountClues(p).key).filter((k) => k !== ''));
    for (const [pk, payload] of quarantined) identified.set(pk, identifyAccount(pk, payload, evidence, new Map()));
  } else if (rule.parent.stream === PATENTS.stream && rule.parent.connector === PATENTS.connector) {
    const keys = [...quarantined.values()].flatMap((p) => patentClues(p).applicants.map((a) => a.key));
    const evidence = await NameEvidence.load(unit.runner, keys);
    const decisions = await loadPatentDecisions(unit, [], keys);
    for (const [pk, payload] of quarantined) identified.set(pk, identifyPatent(pk, payload, evidence, decisions));
  }
  for (const [pk, found] of identified) {
    if (found.status === 'ambiguous' || found.status === 'unmatched') {
      unit.describe(rule.kind, pk, { displayName: found.details?.displayName ?? null, displayAddress: found.details?.displayAddress ?? null, candidates: found.details?.candidates ?? [] });
    }
  }
  // One statement for the lot: each column takes its value from the child's parent.
  for (const part of chunk([...identified], 500)) {
    const cases = (value: (found: Identification) => unknown) => ({
      sql: `CASE \`parent_key\` ${part.map(() => 'WHEN ? THEN ?').join(' ')} END`,
      params: part.flatMap(([pk, found]) => [pk, value(found)]),
    });
    const waits = (found: Identification) => found.status === 'ambiguous' || found.status === 'unmatched';
    const columns = [
      ['uscc', cases((f) => f.uscc)],
      ['method', cases((f) => (waits(f) ? null : rule.method))],
      ['score', cases((f) => f.score)],
      ['status', cases((f) => f.status)],
    ] as const;
    await unit.runner.query(
      `UPDATE \`${BATCH_TABLE}\` SET ${columns.map(([c, v]) => `\`${c}\` = ${v.sql}`).join(', ')} ` +
        `WHERE \`connector\` = ? AND \`stream\` = ? AND \`parent_key\` IN (${part.map(() => '?').join(',')}) AND \`status\` = 'unmatched' AND \`method\` IS NULL`,
      [...columns.flatMap(([, v]) => v.params), rule.connector, rule.stream, ...part.map(([pk]) => pk)],
    );
  }
  await replaceNameKeys(
    unit,
    orphans.filter((o) => identified.has(o.pk)).map((o) => ({ id: String(o.id), keys: identified.get(o.pk)!.keys })),
  );
}
