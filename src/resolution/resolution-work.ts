import { chunk } from '../ingest/sql-chunks';
import { linkAccounts } from './linkers/account.linker';
import { followQuarantinedParents, linkChildren, unlinkedParents } from './linkers/child.linker';
import { linkByIds } from './linkers/id.linker';
import { linkPatents } from './linkers/patent.linker';
import { idsByStream, idWindows } from './record-windows';
import { refreshRegistry } from './registry-refresh';
import { ruleFor, STREAM_RULES, streamKey, type StreamRule } from './resolution-rules';
import { BATCH_TABLE, type RecordFilter, type ResolutionSession, type ResolutionUnit } from './resolution-session';

const marks = (n: number): string => Array.from({ length: n }, () => '?').join(',');

/**
 * Resolves the records of the streams of `rules` that `filter` selects, in one transaction. Rules of
 * one phase only: nothing staged here may depend on anything else staged here.
 */
export async function resolveUnit(session: ResolutionSession, rules: StreamRule | readonly StreamRule[], filter: RecordFilter): Promise<void> {
  const list = Array.isArray(rules) ? (rules as readonly StreamRule[]) : [rules as StreamRule];
  await session.unit(async (unit) => {
    for (const rule of list) await stageRule(unit, rule, filter);
    if (list.some((rule) => rule.path === 'uscc' && rule.registry)) {
      const usccs = await registryUsccs(unit);
      await unit.flush();
      await refreshRegistry(unit, usccs);
      return;
    }
    await unit.flush();
  });
}

async function stageRule(unit: ResolutionUnit, rule: StreamRule, filter: RecordFilter): Promise<void> {
  switch (rule.path) {
    case 'uscc':
    case 'taxpayer':
      return linkByIds(unit, rule, filter);
    case 'account':
      return linkAccounts(unit, filter);
    case 'patent':
      return linkPatents(unit, filter);
    case 'child': {
      await linkChildren(unit, rule, filter);
      // A parent stored but not linked yet (its run resolves later) is linked first, so that the
      // order in which runs are resolved never matters.
      const parents = await unlinkedParents(unit, rule);
      const parentRule = ruleFor(rule.parent.connector, rule.parent.stream);
      if (parents.length > 0 && parentRule) {
        // Restaged below, once the parents are linked; anything else staged is final and flushed too.
        await unit.discard(rule);
        for (const parentFilter of idWindows(parents)) await stageRule(unit, parentRule, parentFilter);
        await unit.flush();
        await linkChildren(unit, rule, filter);
      }
      return followQuarantinedParents(unit, rule);
    }
  }
}

/** USCCs a registry unit links to now or was linked to before: whose names to rebuild. */
async function registryUsccs(unit: ResolutionUnit): Promise<string[]> {
  const now = (await unit.runner.query(`SELECT DISTINCT \`uscc\` FROM \`${BATCH_TABLE}\` WHERE \`uscc\` IS NOT NULL`)) as Array<{ uscc: string }>;
  const before = (await unit.runner.query(
    `SELECT DISTINCT l.\`uscc\` FROM \`record_link\` l JOIN \`${BATCH_TABLE}\` b ON b.\`raw_record_id\` = l.\`raw_record_id\` WHERE l.\`uscc\` IS NOT NULL`,
  )) as Array<{ uscc: string }>;
  return [...new Set([...now, ...before].map((r) => r.uscc))];
}

/** Resolves records picked by id, whatever their streams, in dependency order. */
export async function resolveIds(session: ResolutionSession, ids: readonly string[]): Promise<void> {
  const grouped = await idsByStream(session.runner, ids);
  for (const rule of STREAM_RULES.slice().sort((a, b) => a.phase - b.phase)) {
    const picked = grouped.get(streamKey(rule));
    if (!picked) continue;
    for (const filter of idWindows(picked)) await resolveUnit(session, rule, filter);
  }
}

/**
 * Re-resolves what earlier work made stale, until nothing is left: records that depend on registry
 * names that changed (and waiting records with near names), tax records with a newly registered
 * legacy id, and bills and legal events whose parent's link changed.
 */
export async function resolveDependents(session: ResolutionSession): Promise<void> {
  for (let round = 0; round < 20; round++) {
    const d = session.takeDependents();
    if (d.nameKeys.size === 0 && d.corePrefixes.size === 0 && d.legacyIds.size === 0 && d.children.size === 0) return;
    const ids: string[] = [];
    for (const part of chunk([...d.nameKeys], 1000)) {
      const rows = (await session.runner.query(`SELECT DISTINCT \`raw_record_id\` AS id FROM \`record_name_key\` WHERE \`name_key\` IN (${marks(part.length)})`, part)) as Array<{ id: string }>;
      ids.push(...rows.map((r) => String(r.id)));
    }
    for (const part of chunk([...d.corePrefixes], 1000)) {
      const rows = (await session.runner.query(
        'SELECT DISTINCT k.`raw_record_id` AS id FROM `record_name_key` k JOIN `record_link` l ON l.`raw_record_id` = k.`raw_record_id` ' +
          `WHERE k.\`core_prefix\` IN (${marks(part.length)}) AND l.\`status\` IN ('ambiguous','unmatched')`,
        part,
      )) as Array<{ id: string }>;
      ids.push(...rows.map((r) => String(r.id)));
    }
    for (const part of chunk([...d.legacyIds], 1000)) {
      const rows = (await session.runner.query(
        `SELECT \`raw_record_id\` AS id FROM \`record_link\` WHERE \`identifier_kind\` = 'taxpayer_id' AND \`identifier\` IN (${marks(part.length)})`,
        part,
      )) as Array<{ id: string }>;
      ids.push(...rows.map((r) => String(r.id)));
    }
    if (ids.length > 0) await resolveIds(session, ids);
    for (const [key, parentKeys] of d.children) {
      const rule = STREAM_RULES.find((r) => streamKey(r) === key);
      if (!rule) continue;
      if (rule.path !== 'child') continue;
      const children: string[] = [];
      for (const part of chunk([...parentKeys], 1000)) {
        // Only children that do not already follow their parent's current link.
        const rows = (await session.runner.query(
          'SELECT c.`raw_record_id` AS id FROM `record_link` c ' +
            'LEFT JOIN `raw_record` p ON p.`connector` = ? AND p.`stream` = ? AND p.`external_id` = c.`parent_key` ' +
            'LEFT JOIN `record_link` pl ON pl.`raw_record_id` = p.`id` ' +
            `WHERE c.\`parent_key\` IN (${marks(part.length)}) AND c.\`connector\` = ? AND c.\`stream\` = ? ` +
            'AND NOT (pl.`raw_record_id` IS NOT NULL AND c.`uscc` <=> pl.`uscc` AND c.`status` = pl.`status` AND c.`score` <=> pl.`score` ' +
            '  AND c.`identifier_kind` = pl.`identifier_kind` AND c.`identifier` = pl.`identifier`)',
          [rule.parent.connector, rule.parent.stream, ...part, rule.connector, rule.stream],
        )) as Array<{ id: string }>;
        children.push(...rows.map((r) => String(r.id)));
      }
      for (const filter of idWindows(children, 5000)) await resolveUnit(session, rule, filter);
    }
  }
  throw new Error('entity resolution did not settle after 20 rounds of dependent work');
}
