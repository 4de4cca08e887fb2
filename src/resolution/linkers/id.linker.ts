import { validateUscc } from '../../domain/uscc';
import { decisionsFor, enterprisesByLegacyId } from '../registry-lookup';
import type { StreamRule } from '../resolution-rules';
import { BATCH_TABLE, type LinkDraft, type RecordFilter, type ResolutionUnit } from '../resolution-session';
import { classifyTaxpayerId } from '../taxpayer-id';
import type { Candidate, CaseKind } from '../resolution.types';

type IdRule = Extract<StreamRule, { path: 'uscc' | 'taxpayer' }>;

/** A USCC's shape once upper-cased and trimmed (the check character was verified at ingestion). */
const USCC_SHAPE = "'^[0-9A-HJ-NP-RTUW-Y]{18}$'";

interface RestRow {
  id: string;
  connector: string;
  stream: string;
  run: string;
  value: string | null;
  name: string | null;
}

/**
 * Links records that carry their enterprise's USCC (market regulation's `uscc`, the tax bureau's
 * `taxpayer_id`). Set-based first: every record whose id, upper-cased and trimmed like
 * `normalizeUscc` does, has a USCC's shape is linked by one INSERT … SELECT; ingestion already
 * validated it (`validateUscc`), so that shape is a valid code. The few others — legacy
 * 15-character taxpayer ids, odd whitespace — go through `classifyTaxpayerId`/`validateUscc` here.
 * A legacy id is linked when exactly one registered USCC has it as positions 3–17. Stewards'
 * decisions for a taxpayer id (or a broken USCC) come first.
 */
export async function linkByIds(unit: ResolutionUnit, rule: IdRule, filter: RecordFilter): Promise<void> {
  const kind: CaseKind = rule.path === 'uscc' ? 'uscc' : 'taxpayer_id';
  const path = `'$.${rule.field}'`;
  await unit.stageSelect(
    "SELECT t.id, t.connector, t.stream, t.v, 'uscc', 1, 'resolved', ?, t.v, NULL, t.run FROM (" +
      `SELECT r.\`id\`, r.\`connector\`, r.\`stream\`, r.\`last_changed_run_id\` AS run, UPPER(TRIM(JSON_VALUE(r.\`payload\`, ${path}))) AS v ` +
      `FROM \`raw_record\` r WHERE ${filter.sql} AND r.\`connector\` = ? AND r.\`stream\` = ?) t WHERE t.v REGEXP ${USCC_SHAPE}`,
    [kind, ...filter.params, rule.connector, rule.stream],
  );
  const nameField = rule.path === 'taxpayer' ? "JSON_VALUE(r.`payload`, '$.taxpayer_name')" : 'NULL';
  const rest = (await unit.runner.query(
    `SELECT r.\`id\`, r.\`connector\`, r.\`stream\`, r.\`last_changed_run_id\` AS run, JSON_VALUE(r.\`payload\`, ${path}) AS value, ${nameField} AS name ` +
      `FROM \`raw_record\` r LEFT JOIN \`${BATCH_TABLE}\` b ON b.\`raw_record_id\` = r.\`id\` ` +
      `WHERE ${filter.sql} AND r.\`connector\` = ? AND r.\`stream\` = ? AND b.\`raw_record_id\` IS NULL`,
    [...filter.params, rule.connector, rule.stream],
  )) as RestRow[];
  if (rest.length === 0) return;

  const parsed = rest.map((row) => ({ row, id: classify(rule, row.value ?? '') }));
  const decisions = await decisionsFor(unit.runner, kind, parsed.map((p) => p.id.id));
  const legacy = await enterprisesByLegacyId(
    unit.runner,
    parsed.flatMap((p) => (p.id.kind === 'legacy' ? [p.id.legacyId] : [])),
  );
  const drafts: LinkDraft[] = [];
  for (const { row, id } of parsed) {
    const base = { rawRecordId: String(row.id), connector: row.connector, stream: row.stream, identifierKind: kind, identifier: id.id, parentKey: null, recordRunId: String(row.run) };
    if (id.kind === 'uscc') {
      drafts.push({ ...base, uscc: id.uscc, method: 'uscc', score: 1, status: 'resolved' });
      continue;
    }
    if (decisions.has(id.id)) {
      const uscc = decisions.get(id.id)!;
      drafts.push({ ...base, uscc, method: 'steward', score: uscc === null ? null : 1, status: uscc === null ? 'nobody' : 'resolved' });
      continue;
    }
    const found = id.kind === 'legacy' ? (legacy.get(id.legacyId) ?? []) : [];
    if (found.length === 1) {
      drafts.push({ ...base, uscc: found[0]!.uscc, method: 'legacy_taxpayer_id', score: 1, status: 'resolved' });
      continue;
    }
    const candidates: Candidate[] = found.map((e) => ({ uscc: e.uscc, name: e.name, matchedOn: 'legacy_taxpayer_id', nameScore: 1, address: null, score: 1 }));
    drafts.push({ ...base, uscc: null, method: null, score: null, status: candidates.length > 1 ? 'ambiguous' : 'unmatched' });
    unit.describe(kind, id.id, { displayName: row.name, displayAddress: null, candidates });
  }
  await unit.stage(drafts);
}

function classify(rule: IdRule, value: string): { kind: 'uscc'; id: string; uscc: string } | { kind: 'legacy'; id: string; legacyId: string } | { kind: 'invalid'; id: string } {
  if (rule.path === 'taxpayer') return classifyTaxpayerId(value);
  const result = validateUscc(value);
  return result.valid ? { kind: 'uscc', id: result.uscc, uscc: result.uscc } : { kind: 'invalid', id: result.uscc };
}
