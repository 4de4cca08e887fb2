import type { CaseDetails } from '../case-store';
import { combineApplicants, type ApplicantVerdict } from '../name-matcher';
import { nameKey } from '../name-normalizer';
import { decisionsFor } from '../registry-lookup';
import { PATENTS } from '../resolution-rules';
import type { LinkDraft, RecordFilter, ResolutionUnit } from '../resolution-session';
import { replaceNameKeys, toDraft, type Identification } from './account.linker';
import { dates, NameEvidence, parsePayload, text } from './name-evidence';

interface PatentRow {
  id: string;
  external_id: string;
  run: string;
  payload: unknown;
}

/** The applicants of a patent payload (names as filed, with their keys) and its filing date. */
export function patentClues(payload: unknown): { applicants: Array<{ name: string; key: string }>; filed: string[] } {
  const p = parsePayload(payload);
  const names = (Array.isArray(p.applicants) ? p.applicants : []).map(text).filter((n): n is string => n !== null);
  return { applicants: names.map((name) => ({ name, key: nameKey(name) })).filter((a) => a.key !== ''), filed: dates(p.filed_on) };
}

export interface PatentDecisions {
  /** On application numbers (made while the patent itself was missing). */
  patents: ReadonlyMap<string, string | null>;
  /** On applicant name keys. */
  names: ReadonlyMap<string, string | null>;
}

/**
 * A patent's owner: the registered enterprise among its applicants, per `combineApplicants`.
 * Decisions: one on the application number comes first; one on an applicant's name key applies only
 * where the names alone decide nothing, so a name decided for one period never overrides a certain
 * match.
 */
export function identifyPatent(applicationNo: string, payload: unknown, evidence: NameEvidence, decisions: PatentDecisions): Identification {
  const clues = patentClues(payload);
  const keys = clues.applicants.map((a) => a.key);
  if (decisions.patents.has(applicationNo)) {
    const uscc = decisions.patents.get(applicationNo)!;
    return { identifierKind: 'patent', identifier: applicationNo, keys, uscc, method: 'steward', score: uscc === null ? null : 1, status: uscc === null ? 'nobody' : 'resolved', details: null };
  }
  if (clues.applicants.length === 0) {
    return { identifierKind: 'patent', identifier: applicationNo, keys, uscc: null, method: null, score: null, status: 'unmatched', details: { displayName: null, displayAddress: null, candidates: [] } };
  }
  const details = new Map<string, CaseDetails>();
  const verdicts: ApplicantVerdict[] = clues.applicants.map(({ name, key }) => {
    const match = evidence.match({ key, dates: clues.filed, address: null });
    if (match.outcome === 'match') return { key, result: 'match', uscc: match.uscc, method: match.method, score: match.score };
    if (decisions.names.has(key)) {
      const uscc = decisions.names.get(key)!;
      return uscc === null ? { key, result: 'nobody' } : { key, result: 'match', uscc, method: 'steward', score: 1 };
    }
    details.set(key, { displayName: name, displayAddress: null, candidates: match.candidates });
    return { key, result: match.outcome };
  });
  const verdict = combineApplicants(verdicts);
  const on = { identifierKind: 'patent_applicant' as const, identifier: verdict.key, keys };
  if (verdict.status === 'resolved') return { ...on, uscc: verdict.uscc, method: verdict.method, score: verdict.score, status: 'resolved', details: null };
  return { ...on, uscc: null, method: verdict.status === 'nobody' ? 'steward' : null, score: null, status: verdict.status, details: details.get(verdict.key) ?? null };
}

export async function loadPatentDecisions(unit: ResolutionUnit, applicationNos: readonly string[], keys: readonly string[]): Promise<PatentDecisions> {
  return { patents: await decisionsFor(unit.runner, 'patent', applicationNos), names: await decisionsFor(unit.runner, 'patent_applicant', keys) };
}

/** Links patents (`identifyPatent`), recording every applicant key in `record_name_key`. */
export async function linkPatents(unit: ResolutionUnit, filter: RecordFilter): Promise<void> {
  const rows = (await unit.runner.query(
    'SELECT r.`id`, r.`external_id`, r.`last_changed_run_id` AS run, r.`payload` FROM `raw_record` r ' +
      `WHERE ${filter.sql} AND r.\`connector\` = ? AND r.\`stream\` = ?`,
    [...filter.params, PATENTS.connector, PATENTS.stream],
  )) as PatentRow[];
  if (rows.length === 0) return;
  const allKeys = rows.flatMap((r) => patentClues(r.payload).applicants.map((a) => a.key));
  const decisions = await loadPatentDecisions(unit, rows.map((r) => r.external_id), allKeys);
  const evidence = await NameEvidence.load(unit.runner, allKeys);
  const drafts: LinkDraft[] = [];
  const keys: Array<{ id: string; keys: string[] }> = [];
  for (const row of rows) {
    const found = identifyPatent(row.external_id, row.payload, evidence, decisions);
    drafts.push(toDraft(String(row.id), PATENTS, null, String(row.run), found));
    if (found.details) unit.describe(found.identifierKind, found.identifier, found.details);
    keys.push({ id: String(row.id), keys: found.keys });
  }
  await unit.stage(drafts);
  await replaceNameKeys(unit, keys);
}
