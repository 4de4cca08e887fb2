import { defineSection } from '../define-section';
import { derived, type Derived } from '../../derive/derived';
import { monthsBetween, withinMonths } from '../../derive/calendar';
import { ratio, round } from '../../derive/amounts';
import type { DeriveContext } from '../../derive/derive-context';
import type { SourceRecord } from '../../derive/enterprise-records';
import { nameKey } from '../../../resolution/name-normalizer';
import { nameAsOf } from '../../derive/ip-enterprise-names';
import { patentsAsOf, type PatentState, whileHeld } from '../../derive/ip-patent-state';
import { pledgesAsOf } from '../../derive/ip-pledges';
import { endedWhileHeld, grantedPatents, patentsOfType, universityCoApplications, validPatents } from '../../derive/ip-portfolio';

/*
 * Intellectual property, from the patent office. An enterprise's patents are the patent records
 * resolved to it: those where it is among the applicants (under its current or a former name). A
 * patent transferred out stays among them (the applicant does not change; `owner` and the
 * `transferred` legal event show the transfer); a patent transferred in from another applicant is
 * not. The patent record carries only its latest state, so each patent's state on the as-of date is
 * rebuilt in `ip-patent-state.ts` from its dates and legal events.
 */

/** Repeated derivation wording, so every field says the same thing the same way. */
const KNOWN =
  'The enterprise\'s patents (patent records where it is among the applicants) known on the as-of date: published on or before it (published_on; utility models and designs are published at grant; inventions usually 18 months after filing, so recent invention filings appear late)';
const GRANTED = 'granted on or before the as-of date (granted_on, or the date of the `granted` legal event)';
const ENDED =
  'the right ends at the first lapsed_non_payment / expired / invalidated legal event dated on or before the as-of date; without such an event, at the date of the patent record version that carries that legal_status (updated_at, CST) when on or before the as-of date, or at the end of the statutory term (filing date + 20 years inventions, 10 utility models, 10 designs, 15 designs filed from 2021-06-01)';
const HELD =
  'held by the enterprise: no `transferred` legal event dated on or before the as-of date (nor, failing the event, an `owner` that is none of the applicants or the enterprise\'s names, on a record version dated on or before it)';

const records = (states: readonly PatentState[]): SourceRecord[] => states.map((s) => s.patent);
const countOf = (states: readonly PatentState[]): Derived => derived(states.length, records(states));

/** Mean of `values` rounded to `places`, or null for none. */
function mean(values: readonly number[], places: number): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const v of values) sum += v;
  return round(sum / values.length, places);
}

const filedWithin = (ctx: DeriveContext, months: number): readonly PatentState[] =>
  ctx.memo(`ip:filed${months}m`, () => patentsAsOf(ctx).filter((s) => withinMonths(s.filedOn, ctx.asOf, months)));

const rejectedInventions = (ctx: DeriveContext): readonly PatentState[] =>
  ctx.memo('ip:rejected', () => patentsOfType(ctx, 'invention').filter((s) => s.rejectedOn !== null));

const grantedOfType = (ctx: DeriveContext, type: PatentState['type']): readonly PatentState[] =>
  ctx.memo(`ip:granted:${type}`, () => grantedPatents(ctx).filter((s) => s.type === type));

/** Patents whose citations, claims and family are measured: every known patent. */
const citationStats = (ctx: DeriveContext) =>
  ctx.memo('ip:citations', () => {
    let total = 0;
    let top: PatentState | null = null;
    for (const s of patentsAsOf(ctx)) {
      total += s.patent.data.cited_by_count;
      if (top === null || s.patent.data.cited_by_count > top.patent.data.cited_by_count) top = s;
    }
    return { total, top };
  });

export const INTELLECTUAL_PROPERTY_FIELDS = defineSection('intellectual_property', [
  // ── Portfolio ────────────────────────────────────────────────────────────────────────────────
  {
    key: 'patents_total',
    type: 'integer',
    unit: 'count',
    zh: '专利申请总数（已公开，含各类型、各法律状态）',
    en: 'Patent applications on record (published; all types and statuses)',
    sources: ['patent'],
    derivation: `Count of: ${KNOWN}. Every type and legal status, including patents later rejected, ended or transferred out.`,
    nullMeans: 'never null: 0 when the enterprise has no published patent application',
    derive: (ctx) => countOf(patentsAsOf(ctx)),
  },
  {
    key: 'invention_applications',
    type: 'integer',
    unit: 'count',
    zh: '发明专利申请数（已公开）',
    en: 'Invention patent applications on record (published)',
    sources: ['patent'],
    derivation: `Count of invention patents (patent_type invention) among: ${KNOWN}. Whatever their outcome (pending, granted, rejected).`,
    nullMeans: 'never null: 0 when no invention application is published',
    derive: (ctx) => countOf(patentsOfType(ctx, 'invention')),
  },
  {
    key: 'invention_patents_granted',
    type: 'integer',
    unit: 'count',
    zh: '已授权发明专利数（截至评估日授权，不论是否仍有效）',
    en: 'Invention patents granted (on or before the as-of date, in force or not)',
    sources: ['patent'],
    derivation: `Count of invention patents ${GRANTED}, among: ${KNOWN}. Counted whether or not still in force or held (lapse, expiry, invalidation and transfer do not remove a grant); see valid_invention_patents for those in force.`,
    nullMeans: 'never null: 0 when no invention patent was granted by the as-of date',
    derive: (ctx) => countOf(grantedOfType(ctx, 'invention')),
  },
  {
    key: 'utility_model_patents_granted',
    type: 'integer',
    unit: 'count',
    zh: '已授权实用新型专利数',
    en: 'Utility model patents granted',
    sources: ['patent'],
    derivation: `Count of utility model patents ${GRANTED}, among: ${KNOWN}. In force or not.`,
    nullMeans: 'never null: 0 when no utility model was granted by the as-of date',
    derive: (ctx) => countOf(grantedOfType(ctx, 'utility_model')),
  },
  {
    key: 'design_patents_granted',
    type: 'integer',
    unit: 'count',
    zh: '已授权外观设计专利数',
    en: 'Design patents granted',
    sources: ['patent'],
    derivation: `Count of design patents ${GRANTED}, among: ${KNOWN}. In force or not.`,
    nullMeans: 'never null: 0 when no design was granted by the as-of date',
    derive: (ctx) => countOf(grantedOfType(ctx, 'design')),
  },
  {
    key: 'patent_applications_12m',
    type: 'integer',
    unit: 'count',
    zh: '近12个月专利申请数（按申请日）',
    en: 'Patent applications filed in the last 12 months',
    sources: ['patent'],
    derivation: `Count of patents with filed_on in (as-of date − 12 months, as-of date], among: ${KNOWN}. Unpublished invention filings are not public, so this undercounts recent inventions.`,
    nullMeans: 'never null: 0 when no application filed in the window is published',
    derive: (ctx) => countOf(filedWithin(ctx, 12)),
  },
  {
    key: 'patent_applications_36m',
    type: 'integer',
    unit: 'count',
    zh: '近36个月专利申请数（按申请日）',
    en: 'Patent applications filed in the last 36 months',
    sources: ['patent'],
    derivation: `Count of patents with filed_on in (as-of date − 36 months, as-of date], among: ${KNOWN}.`,
    nullMeans: 'never null: 0 when no application filed in the window is published',
    derive: (ctx) => countOf(filedWithin(ctx, 36)),
  },
  {
    key: 'patents_granted_12m',
    type: 'integer',
    unit: 'count',
    zh: '近12个月获授权专利数（各类型）',
    en: 'Patents granted in the last 12 months (all types)',
    sources: ['patent'],
    derivation: `Count of patents of any type whose grant date (granted_on, or the \`granted\` legal event) is in (as-of date − 12 months, as-of date], among: ${KNOWN}.`,
    nullMeans: 'never null: 0 when nothing was granted in the window',
    derive: (ctx) => countOf(grantedPatents(ctx).filter((s) => s.grantedOn !== null && withinMonths(s.grantedOn, ctx.asOf, 12))),
  },
  {
    key: 'pending_invention_applications',
    type: 'integer',
    unit: 'count',
    zh: '审查中的发明专利申请数',
    en: 'Invention applications pending examination',
    sources: ['patent'],
    derivation: `Count of invention patents neither granted nor rejected on the as-of date, among: ${KNOWN}. Rejection date: the date (updated_at, CST) of the record version with legal_status rejected (rejections have no legal event); a rejection dated after the as-of date leaves the application pending.`,
    nullMeans: 'never null: 0 when no published invention application awaits a decision',
    derive: (ctx) => countOf(patentsOfType(ctx, 'invention').filter((s) => s.grantedOn === null && s.rejectedOn === null)),
  },
  {
    key: 'invention_applications_rejected',
    type: 'integer',
    unit: 'count',
    zh: '被驳回的发明专利申请数',
    en: 'Invention applications rejected',
    sources: ['patent'],
    derivation: `Count of invention patents with legal_status rejected whose record version (updated_at, CST, the rejection date: rejections have no legal event) is dated on or before the as-of date, among: ${KNOWN}.`,
    nullMeans: 'never null: 0 when no invention application was rejected by the as-of date',
    derive: (ctx) => countOf(rejectedInventions(ctx)),
  },
  {
    key: 'invention_grant_rate',
    type: 'ratio',
    unit: null,
    scale: 4,
    zh: '发明专利授权率（已审结申请中授权占比）',
    en: 'Invention grant rate among decided applications',
    sources: ['patent'],
    derivation: `invention_patents_granted / (invention_patents_granted + invention_applications_rejected): inventions ${GRANTED}, over inventions granted or rejected by the as-of date; pending ones are left out.`,
    nullMeans: 'not applicable: no invention application decided by the as-of date',
    derive: (ctx) => {
      const granted = grantedOfType(ctx, 'invention');
      const rejected = rejectedInventions(ctx);
      return derived(ratio(granted.length, granted.length + rejected.length), [...records(granted), ...records(rejected)]);
    },
  },
  {
    key: 'avg_invention_examination_months',
    type: 'decimal',
    unit: 'months',
    scale: 1,
    zh: '发明专利平均审查周期（申请至授权，月）',
    en: 'Average invention examination time, filing to grant (months)',
    sources: ['patent'],
    derivation: `Mean over invention patents ${GRANTED} of the whole months from filed_on to the grant date, among: ${KNOWN}. Rounded to 0.1.`,
    nullMeans: 'not applicable: no invention patent granted by the as-of date',
    derive: (ctx) => {
      const granted = grantedOfType(ctx, 'invention');
      return derived(mean(granted.map((s) => monthsBetween(s.filedOn, s.grantedOn ?? s.filedOn)), 1), records(granted));
    },
  },
  // ── Legal status on the as-of date ─────────────────────────────────────────────────────────
  {
    key: 'valid_patents',
    type: 'integer',
    unit: 'count',
    zh: '有效专利数（评估日仍有效且仍由企业持有）',
    en: 'Valid patents: in force and held on the as-of date',
    sources: ['patent'],
    derivation: `Count of patents ${GRANTED} whose right had not ended on the as-of date (${ENDED}) and still ${HELD}; among: ${KNOWN}.`,
    nullMeans: 'never null: 0 when no patent is in force and held',
    derive: (ctx) => countOf(validPatents(ctx)),
  },
  {
    key: 'valid_invention_patents',
    type: 'integer',
    unit: 'count',
    zh: '有效发明专利数',
    en: 'Valid invention patents (in force and held)',
    sources: ['patent'],
    derivation: 'Count of invention patents among valid_patents (granted, in force and held on the as-of date, as there).',
    nullMeans: 'never null: 0 when no invention patent is in force and held',
    derive: (ctx) => countOf(validPatents(ctx).filter((s) => s.type === 'invention')),
  },
  {
    key: 'valid_utility_model_patents',
    type: 'integer',
    unit: 'count',
    zh: '有效实用新型专利数',
    en: 'Valid utility model patents (in force and held)',
    sources: ['patent'],
    derivation: 'Count of utility model patents among valid_patents (granted, in force and held on the as-of date, as there).',
    nullMeans: 'never null: 0 when no utility model is in force and held',
    derive: (ctx) => countOf(validPatents(ctx).filter((s) => s.type === 'utility_model')),
  },
  {
    key: 'patent_maintenance_rate',
    type: 'ratio',
    unit: null,
    scale: 4,
    zh: '专利维持率（持有的已授权专利中仍有效占比）',
    en: 'Patent maintenance rate: share of held granted patents still in force',
    sources: ['patent'],
    derivation: `valid_patents / patents ${GRANTED} and still ${HELD}; among: ${KNOWN}. A low rate means the enterprise lets its rights lapse.`,
    nullMeans: 'not applicable: the enterprise holds no granted patent on the as-of date',
    derive: (ctx) => {
      const held = grantedPatents(ctx).filter((s) => s.held);
      return derived(ratio(held.filter((s) => s.inForce).length, held.length), records(held));
    },
  },
  {
    key: 'patents_lapsed_for_fees_36m',
    type: 'integer',
    unit: 'count',
    zh: '近36个月因未缴年费失效的专利数',
    en: 'Patents lapsed for non-payment of annual fees in the last 36 months',
    sources: ['patent'],
    derivation: `Count of the enterprise's patents whose right ended by lapsed_non_payment (${ENDED}) on a date in (as-of date − 36 months, as-of date], while the enterprise held them (before any transfer out: a transferee's lapse is not the enterprise's).`,
    nullMeans: 'never null: 0 when no patent lapsed in the window',
    derive: (ctx) => {
      const lapsed = endedWhileHeld(ctx, 'lapsed_non_payment').filter((s) => s.end !== null && withinMonths(s.end.on, ctx.asOf, 36));
      return derived(lapsed.length, lapsed.map((s) => s.end?.source ?? s.patent));
    },
  },
  {
    key: 'patents_lapsed_for_fees',
    type: 'integer',
    unit: 'count',
    zh: '累计因未缴年费失效的专利数',
    en: 'Patents lapsed for non-payment of annual fees, ever',
    sources: ['patent'],
    derivation: `Count of the enterprise's patents whose right ended by lapsed_non_payment on or before the as-of date (${ENDED}), while the enterprise held them.`,
    nullMeans: 'never null: 0 when no patent lapsed',
    derive: (ctx) => {
      const lapsed = endedWhileHeld(ctx, 'lapsed_non_payment');
      return derived(lapsed.length, lapsed.map((s) => s.end?.source ?? s.patent));
    },
  },
  {
    key: 'patents_expired',
    type: 'integer',
    unit: 'count',
    zh: '保护期届满终止的专利数',
    en: 'Patents expired at the end of their term',
    sources: ['patent'],
    derivation: `Count of the enterprise's patents whose right ended by expiry on or before the as-of date (${ENDED}), while the enterprise held them.`,
    nullMeans: 'never null: 0 when no patent expired',
    derive: (ctx) => {
      const expired = endedWhileHeld(ctx, 'expired');
      return derived(expired.length, expired.map((s) => s.end?.source ?? s.patent));
    },
  },
  {
    key: 'patents_invalidated',
    type: 'integer',
    unit: 'count',
    zh: '被宣告无效的专利数',
    en: 'Patents invalidated',
    sources: ['patent'],
    derivation: `Count of the enterprise's patents whose right ended by invalidation on or before the as-of date (${ENDED}), while the enterprise held them.`,
    nullMeans: 'never null: 0 when no patent was invalidated',
    derive: (ctx) => {
      const invalidated = endedWhileHeld(ctx, 'invalidated');
      return derived(invalidated.length, invalidated.map((s) => s.end?.source ?? s.patent));
    },
  },
  {
    key: 'avg_remaining_term_valid_inventions_months',
    type: 'decimal',
    unit: 'months',
    scale: 1,
    zh: '有效发明专利平均剩余保护期（月）',
    en: 'Average remaining term of valid invention patents (months)',
    sources: ['patent'],
    derivation: 'Mean over valid invention patents (valid_invention_patents) of the whole months from the as-of date to the end of the term (filed_on + 20 years). Rounded to 0.1.',
    nullMeans: 'not applicable: no valid invention patent on the as-of date',
    derive: (ctx) => {
      const inventions = validPatents(ctx).filter((s) => s.type === 'invention');
      return derived(mean(inventions.map((s) => monthsBetween(ctx.asOf, s.termEnd)), 1), records(inventions));
    },
  },
  // ── Exploitation: transfers, licences, pledges ─────────────────────────────────────────────
  {
    key: 'patents_transferred_out',
    type: 'integer',
    unit: 'count',
    zh: '转让给他人的专利数',
    en: 'Patents transferred out to another holder',
    sources: ['patent'],
    derivation: `Count of the enterprise's patents known on the as-of date with a \`transferred\` legal event dated on or before it (failing the event, an \`owner\` that is none of the applicants or the enterprise's registered, former or later names, on a record version dated on or before the as-of date).`,
    nullMeans: 'never null: 0 when no patent was transferred out',
    derive: (ctx) => {
      const out = patentsAsOf(ctx).filter((s) => s.transferOut !== null);
      return derived(out.length, out.map((s) => s.transferOut?.source ?? s.patent));
    },
  },
  {
    key: 'patents_licensed_out',
    type: 'integer',
    unit: 'count',
    zh: '许可他人实施的专利数',
    en: 'Patents licensed out',
    sources: ['patent'],
    derivation: 'Count of distinct patents of the enterprise with at least one `licensed` legal event dated on or before the as-of date and while the enterprise held the patent (before any transfer out). Provenance: the first such licence event of each.',
    nullMeans: 'never null: 0 when no patent was licensed',
    derive: (ctx) => {
      const licences: SourceRecord[] = [];
      for (const s of patentsAsOf(ctx)) {
        const first = s.events.find((e) => e.data.event_type === 'licensed' && whileHeld(s, e.data.event_on));
        if (first !== undefined) licences.push(first);
      }
      return derived(licences.length, licences);
    },
  },
  {
    key: 'pledged_patents',
    type: 'integer',
    unit: 'count',
    zh: '评估日处于质押状态的专利数',
    en: 'Patents under an active pledge on the as-of date',
    sources: ['patent'],
    derivation:
      'Count of distinct patents with a `pledged` legal event dated on or before the as-of date, registered while the enterprise held the patent, and no later `pledge_released` event of the same pledgee dated on or before the as-of date; a pledge on a right that ended (lapse, expiry, invalidation) by the as-of date no longer counts. Provenance: the pledge events.',
    nullMeans: 'never null: 0 when no patent is under pledge',
    derive: (ctx) => {
      const active = pledgesAsOf(ctx).filter((p) => p.active);
      const patents = new Set(active.map((p) => p.applicationNo));
      return derived(patents.size, active.map((p) => p.pledged));
    },
  },
  // ── Technical value ────────────────────────────────────────────────────────────────────────
  {
    key: 'forward_citations_total',
    type: 'integer',
    unit: 'count',
    zh: '专利被引用总次数',
    en: 'Forward citations received, total',
    sources: ['patent'],
    derivation: `Sum of cited_by_count over: ${KNOWN}. cited_by_count is the latest count the office reported (not rebuilt for a past as-of date).`,
    nullMeans: 'never null: 0 when the enterprise has no published patent or none is cited',
    derive: (ctx) => derived(citationStats(ctx).total, records(patentsAsOf(ctx))),
  },
  {
    key: 'forward_citations_max',
    type: 'integer',
    unit: 'count',
    zh: '单件专利最高被引次数',
    en: 'Most forward citations of a single patent',
    sources: ['patent'],
    derivation: `Largest cited_by_count (latest reported count) among: ${KNOWN}. Provenance: that patent.`,
    nullMeans: 'not applicable: no published patent',
    derive: (ctx) => {
      const top = citationStats(ctx).top;
      return top === null ? derived(null) : derived(top.patent.data.cited_by_count, [top.patent]);
    },
  },
  {
    key: 'forward_citations_per_patent',
    type: 'decimal',
    unit: 'citations per patent',
    scale: 2,
    zh: '件均被引次数',
    en: 'Forward citations per patent',
    sources: ['patent'],
    derivation: 'forward_citations_total / patents_total (latest reported counts over the patents known on the as-of date), rounded to 0.01.',
    nullMeans: 'not applicable: no published patent',
    derive: (ctx) => {
      const all = patentsAsOf(ctx);
      return derived(ratio(citationStats(ctx).total, all.length, 2), records(all));
    },
  },
  {
    key: 'avg_claims_per_patent',
    type: 'decimal',
    unit: 'claims',
    scale: 1,
    zh: '件均权利要求数（发明及实用新型）',
    en: 'Average number of claims (inventions and utility models)',
    sources: ['patent'],
    derivation: `Mean claims_count over inventions and utility models among: ${KNOWN}. Designs have no claims and are left out. Rounded to 0.1.`,
    nullMeans: 'not applicable: no published invention or utility model',
    derive: (ctx) => {
      const claimed = patentsAsOf(ctx).filter((s) => s.type !== 'design');
      return derived(mean(claimed.map((s) => s.patent.data.claims_count), 1), records(claimed));
    },
  },
  {
    key: 'pct_applications',
    type: 'integer',
    unit: 'count',
    zh: 'PCT国际专利申请数',
    en: 'PCT international applications',
    sources: ['patent'],
    derivation: `Count of patents with pct true among: ${KNOWN}.`,
    nullMeans: 'never null: 0 when no published application went through the PCT',
    derive: (ctx) => countOf(patentsAsOf(ctx).filter((s) => s.patent.data.pct)),
  },
  {
    key: 'max_patent_family_size',
    type: 'integer',
    unit: 'count',
    zh: '最大同族专利数',
    en: 'Largest patent family size',
    sources: ['patent'],
    derivation: `Largest family_size (members of the patent's family, itself included) among: ${KNOWN}. Above 1 means protection sought in more than one jurisdiction. Provenance: that patent.`,
    nullMeans: 'not applicable: no published patent',
    derive: (ctx) => {
      let top: PatentState | null = null;
      for (const s of patentsAsOf(ctx)) if (top === null || s.patent.data.family_size > top.patent.data.family_size) top = s;
      return top === null ? derived(null) : derived(top.patent.data.family_size, [top.patent]);
    },
  },
  {
    key: 'ipc_subclasses',
    type: 'integer',
    unit: 'count',
    zh: '覆盖的IPC小类数（技术领域广度）',
    en: 'Distinct IPC subclasses covered (technology breadth)',
    sources: ['patent'],
    derivation: `Number of distinct IPC subclasses, the first 4 characters of each ipc_codes entry (e.g. G06F), upper-cased, over: ${KNOWN}. Designs carry no IPC code. Provenance: the patents with at least one code.`,
    nullMeans: 'never null: 0 when no published patent carries an IPC code',
    derive: (ctx) => {
      const subclasses = new Set<string>();
      const coded: SourceRecord[] = [];
      for (const s of patentsAsOf(ctx)) {
        let any = false;
        for (const code of s.patent.data.ipc_codes) {
          const sub = code.trim().slice(0, 4).toUpperCase();
          if (sub.length === 4) {
            subclasses.add(sub);
            any = true;
          }
        }
        if (any) coded.push(s.patent);
      }
      return derived(subclasses.size, coded);
    },
  },
  {
    key: 'university_co_applications',
    type: 'integer',
    unit: 'count',
    zh: '与高校/科研院所共同申请的专利数',
    en: 'Patents co-filed with a university or research academy',
    sources: ['patent'],
    derivation: `Count of patents among: ${KNOWN}, with an applicant other than the enterprise whose name contains 大学 or 学院 (also 科学院) and is not a company (does not end in 公司, 企业 or 有限合伙).`,
    nullMeans: 'never null: 0 when no published patent has an academic co-applicant',
    derive: (ctx) => {
      const found = universityCoApplications(ctx);
      return derived(found.length, found);
    },
  },
  // ── History ────────────────────────────────────────────────────────────────────────────────
  {
    key: 'years_since_first_filing',
    type: 'decimal',
    unit: 'years',
    scale: 1,
    zh: '首次专利申请距今年数',
    en: 'Years since the first patent filing',
    sources: ['patent'],
    derivation: `Whole months from the earliest filed_on among: ${KNOWN}, to the as-of date, divided by 12 and rounded to 0.1. Provenance: that patent.`,
    nullMeans: 'not applicable: no published patent application',
    derive: (ctx) => {
      let first: PatentState | null = null;
      for (const s of patentsAsOf(ctx)) if (first === null || s.filedOn < first.filedOn) first = s;
      return first === null ? derived(null) : derived(round(monthsBetween(first.filedOn, ctx.asOf) / 12, 1), [first.patent]);
    },
  },
  {
    key: 'latest_filing_date',
    type: 'date',
    unit: null,
    zh: '最近一次专利申请日',
    en: 'Latest patent filing date',
    sources: ['patent'],
    derivation: `Latest filed_on among: ${KNOWN}. Provenance: that patent.`,
    nullMeans: 'not applicable: no published patent application',
    derive: (ctx) => {
      let last: PatentState | null = null;
      for (const s of patentsAsOf(ctx)) if (last === null || s.filedOn > last.filedOn) last = s;
      return last === null ? derived(null) : derived(last.filedOn, [last.patent]);
    },
  },
  {
    key: 'patents_filed_under_former_name',
    type: 'integer',
    unit: 'count',
    zh: '以企业曾用名申请的专利数',
    en: 'Patents filed under a former name of the enterprise',
    sources: ['patent', 'market-regulation'],
    derivation: `Count of patents among: ${KNOWN}, none of whose applicants matches the enterprise's registered name on the as-of date after normalising both with nameKey (width, spaces, brackets, 有限责任公司/有限公司, 济南市/济南). The name on the as-of date is the registration's name, or the before of the earliest \`name\` change dated after the as-of date (the after of the latest one on or before it when that change is newer than the registration record). Provenance: the counted patents and the record the name was read from.`,
    nullMeans: 'unknown: neither the registration nor a name change of the enterprise is stored',
    derive: (ctx) => {
      const name = nameAsOf(ctx);
      if (name === null) return derived(null);
      const key = nameKey(name.name);
      const former = patentsAsOf(ctx).filter((s) => !s.patent.data.applicants.some((a) => nameKey(a) === key));
      return derived(former.length, [...records(former), name.record]);
    },
  },
]);
