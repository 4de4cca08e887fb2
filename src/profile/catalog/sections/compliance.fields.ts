import { defineSection } from '../define-section';
import { derived } from '../../derive/derived';
import { daysBetween } from '../../derive/calendar';
import { ratio, yuanToFen } from '../../derive/amounts';
import { PENALTY_SEVERITY, latestDecided, mostSevere, penaltiesDecided, penaltiesWithin } from '../../derive/compliance-penalties';
import { daysListedWithin, entriesListed, entriesListedWithin, entriesOpen, isUnreachableListing } from '../../derive/compliance-abnormal-operations';
import { owedReports, reportDelayDays, reportsFiledWithin } from '../../derive/compliance-annual-reports';
import { isStruckOff, statusOn } from '../../derive/compliance-registration-status';
import { arrearsArisen, arrearsOutstanding, arrearsWithin, longestOutstanding } from '../../derive/compliance-arrears';
import { declarationsFiledWithin, filingDelayDays, lateFiledWithin } from '../../derive/compliance-late-filings';
import type { ArrearRecord, SourceRecord } from '../../derive/enterprise-records';

/**
 * Compliance and risk: administrative penalties, the list of abnormal operations, annual report
 * punctuality, a struck-off registration, tax arrears and late tax filings. Windows "in the last n
 * months" are (as-of − n months, as-of], on each record's own event date.
 */

const sumYuan = (records: readonly SourceRecord<{ amount_yuan: string }>[]): number => records.reduce((n, r) => n + yuanToFen(r.data.amount_yuan), 0);

/** The record with the largest measure; all of them when the largest is 0 (nothing stands out). */
function maxMeasure<T extends SourceRecord>(records: readonly T[], measure: (r: T) => number): { value: number; records: readonly T[] } {
  let best: T | null = null;
  let value = 0;
  for (const r of records) {
    const m = measure(r);
    if (best === null || m > value) {
      best = r;
      value = m;
    }
  }
  return { value, records: best === null || value === 0 ? records : [best] };
}

export const COMPLIANCE_FIELDS = defineSection('compliance', [
  // ── Administrative penalties (market regulation) ──
  {
    key: 'admin_penalties_12m',
    type: 'integer',
    unit: 'count',
    zh: '近12个月行政处罚次数',
    en: 'Administrative penalty decisions in the last 12 months',
    sources: ['market-regulation'],
    derivation: 'Number of market-regulation penalty decisions whose decided_on lies in (as-of − 12 months, as-of].',
    nullMeans: 'never null: 0 when no penalty was decided in the window (the registry lists penalties only when they happen)',
    derive: (ctx) => {
      const ps = penaltiesWithin(ctx, 12);
      return derived(ps.length, ps);
    },
  },
  {
    key: 'admin_penalties_36m',
    type: 'integer',
    unit: 'count',
    zh: '近36个月行政处罚次数',
    en: 'Administrative penalty decisions in the last 36 months',
    sources: ['market-regulation'],
    derivation: 'Number of market-regulation penalty decisions whose decided_on lies in (as-of − 36 months, as-of].',
    nullMeans: 'never null: 0 when no penalty was decided in the window',
    derive: (ctx) => {
      const ps = penaltiesWithin(ctx, 36);
      return derived(ps.length, ps);
    },
  },
  {
    key: 'admin_penalty_amount_36m',
    type: 'money',
    unit: 'CNY fen',
    zh: '近36个月行政处罚罚没金额合计',
    en: 'Fines and confiscations imposed in the last 36 months',
    sources: ['market-regulation'],
    derivation: 'Sum of amount_yuan of the penalty decisions decided in (as-of − 36 months, as-of]: fines and confiscated amounts; warnings and licence revocations carry 0.',
    nullMeans: 'never null: 0 when no penalty with an amount was decided in the window',
    derive: (ctx) => {
      const ps = penaltiesWithin(ctx, 36);
      return derived(sumYuan(ps), ps);
    },
  },
  {
    key: 'admin_penalty_most_severe_type_36m',
    type: 'enum',
    unit: null,
    values: PENALTY_SEVERITY,
    zh: '近36个月最严重行政处罚种类',
    en: 'Most severe penalty type in the last 36 months',
    sources: ['market-regulation'],
    derivation:
      'The most severe penalty_type among the decisions decided in (as-of − 36 months, as-of], in the order warning < fine < confiscation < suspension < licence_revoked (《行政处罚法》 art. 9); the latest decision among equally severe ones is the provenance.',
    nullMeans: 'none: no penalty decided in the window',
    derive: (ctx) => {
      const p = mostSevere(penaltiesWithin(ctx, 36));
      return p === null ? derived(null) : derived(p.data.penalty_type, [p]);
    },
  },
  {
    key: 'last_admin_penalty_date',
    type: 'date',
    unit: null,
    zh: '最近一次行政处罚决定日期',
    en: 'Date of the latest administrative penalty decision',
    sources: ['market-regulation'],
    derivation: 'The latest decided_on among the penalty decisions decided on or before the as-of date (the registry’s history reaches back 36 months).',
    nullMeans: 'none: no penalty decided on or before the as-of date',
    derive: (ctx) => {
      const p = latestDecided(penaltiesDecided(ctx));
      return p === null ? derived(null) : derived(p.data.decided_on, [p]);
    },
  },
  // ── List of abnormal operations (经营异常名录) ──
  {
    key: 'on_abnormal_operation_list',
    type: 'boolean',
    unit: null,
    zh: '截至评估日是否列入经营异常名录',
    en: 'On the list of abnormal operations at the as-of date',
    sources: ['market-regulation'],
    derivation:
      'True when an abnormal_operations entry was listed on or before the as-of date and not removed by then (removed_on null or after the as-of date); the record carries its latest state, the state at the as-of date follows from listed_on and removed_on.',
    nullMeans: 'never null: false when no entry was open at the as-of date',
    derive: (ctx) => {
      const open = entriesOpen(ctx);
      return derived(open.length > 0, open);
    },
  },
  {
    key: 'abnormal_operation_listings_36m',
    type: 'integer',
    unit: 'count',
    zh: '近36个月列入经营异常名录次数',
    en: 'Listings on the list of abnormal operations in the last 36 months',
    sources: ['market-regulation'],
    derivation: 'Number of abnormal_operations entries whose listed_on lies in (as-of − 36 months, as-of], whatever the reason and whether removed since.',
    nullMeans: 'never null: 0 when the enterprise was not listed in the window',
    derive: (ctx) => {
      const es = entriesListedWithin(ctx, 36);
      return derived(es.length, es);
    },
  },
  {
    key: 'abnormal_operation_unreachable_listings_36m',
    type: 'integer',
    unit: 'count',
    zh: '近36个月因住所无法联系被列入经营异常名录次数',
    en: 'Listings in the last 36 months because the enterprise could not be reached at its registered address',
    sources: ['market-regulation'],
    derivation:
      'Number of abnormal_operations entries listed in (as-of − 36 months, as-of] whose reason says the enterprise cannot be reached at its registered premises (contains 无法联系; 《企业经营异常名录管理暂行办法》 art. 4 (3)), as opposed to an overdue annual report.',
    nullMeans: 'never null: 0 when no such listing in the window',
    derive: (ctx) => {
      const es = entriesListedWithin(ctx, 36).filter(isUnreachableListing);
      return derived(es.length, es);
    },
  },
  {
    key: 'abnormal_operation_days_listed_36m',
    type: 'integer',
    unit: 'days',
    zh: '近36个月在经营异常名录中的天数',
    en: 'Days on the list of abnormal operations within the last 36 months',
    sources: ['market-regulation'],
    derivation:
      'Calendar days within (as-of − 36 months, as-of] on which an abnormal_operations entry was open: from listed_on up to the day before removed_on (or the as-of date itself while still listed), days covered by overlapping entries counted once; entries listed before the window count from its first day.',
    nullMeans: 'never null: 0 when the enterprise was not on the list in the window',
    derive: (ctx) => {
      const d = daysListedWithin(ctx, 36);
      return derived(d.days, d.records);
    },
  },
  {
    key: 'abnormal_operation_current_listing_days',
    type: 'integer',
    unit: 'days',
    zh: '当前经营异常名录已列入天数',
    en: 'Days on the list of abnormal operations so far, for a current listing',
    sources: ['market-regulation'],
    derivation:
      'For an enterprise on the list at the as-of date (see on_abnormal_operation_list): calendar days from the earliest listed_on of the entries still open to the as-of date, both included.',
    nullMeans: 'not applicable: not on the list at the as-of date',
    derive: (ctx) => {
      const open = entriesOpen(ctx);
      const first = open[0];
      return first === undefined ? derived(null) : derived(daysBetween(first.data.listed_on, ctx.asOf) + 1, [first]);
    },
  },
  {
    key: 'last_abnormal_listing_date',
    type: 'date',
    unit: null,
    zh: '最近一次列入经营异常名录日期',
    en: 'Date of the latest listing on the list of abnormal operations',
    sources: ['market-regulation'],
    derivation: 'The latest listed_on among the abnormal_operations entries listed on or before the as-of date, removed since or not.',
    nullMeans: 'none: never listed on or before the as-of date (within the registry’s 36-month history)',
    derive: (ctx) => {
      const es = entriesListed(ctx);
      const last = es[es.length - 1];
      return last === undefined ? derived(null) : derived(last.data.listed_on, [last]);
    },
  },
  // ── Annual report punctuality ──
  {
    key: 'annual_reports_late_36m',
    type: 'integer',
    unit: 'count',
    zh: '近36个月逾期报送年报次数',
    en: 'Annual reports filed late in the last 36 months',
    sources: ['market-regulation'],
    derivation: 'Number of annual reports filed in (as-of − 36 months, as-of] with on_time false (filed after 30 June of the year after the report year).',
    nullMeans: 'unknown: no annual report filed in the window (see annual_reports_missing_36m for reports never filed)',
    derive: (ctx) => {
      const rs = reportsFiledWithin(ctx, 36);
      if (rs.length === 0) return derived(null);
      const late = rs.filter((r) => !r.data.on_time);
      return derived(late.length, late);
    },
  },
  {
    key: 'annual_reports_missing_36m',
    type: 'integer',
    unit: 'count',
    zh: '近36个月应报未报年报份数',
    en: 'Annual reports owed in the last 36 months and not filed',
    sources: ['market-regulation'],
    derivation:
      'Report years whose deadline (30 June of the next year) lies in (as-of − 36 months, as-of], for which the enterprise was established before 1 January of the filing year and still active on the 31 December before it (status reconstructed from status changes), and for which no annual report was filed on or before the as-of date. Provenance: the registration (and status changes) the owed years were read from.',
    nullMeans: 'unknown or not applicable: no registration record, or no report was owed in the window (a young firm)',
    derive: (ctx) => {
      const o = owedReports(ctx, 36);
      return o === null || o.years.length === 0 ? derived(null) : derived(o.missing.length, o.records);
    },
  },
  {
    key: 'annual_report_longest_delay_days_36m',
    type: 'integer',
    unit: 'days',
    zh: '近36个月年报最长逾期天数',
    en: 'Longest annual report filing delay in the last 36 months',
    sources: ['market-regulation'],
    derivation: 'Among annual reports filed in (as-of − 36 months, as-of], the most days filed_on fell after the deadline (30 June of the year after the report year); 0 when all were on time.',
    nullMeans: 'unknown: no annual report filed in the window',
    derive: (ctx) => {
      const rs = reportsFiledWithin(ctx, 36);
      if (rs.length === 0) return derived(null);
      const m = maxMeasure(rs, reportDelayDays);
      return derived(m.value, m.records);
    },
  },
  // ── Registration status ──
  {
    key: 'registration_revoked_or_cancelled',
    type: 'boolean',
    unit: null,
    zh: '是否已被吊销营业执照或注销',
    en: 'Business licence revoked or registration cancelled at the as-of date',
    sources: ['market-regulation'],
    derivation:
      'True when the registered status at the end of the as-of date is revoked (吊销) or cancelled (注销): the after of the latest status change on or before the as-of date, the before of the first later one, or the registration’s current status if its approved_on is on or before the as-of date. moved_out (relocated to another registry) is not adverse here.',
    nullMeans: 'unknown: no registration record, or the enterprise was established after the as-of date',
    derive: (ctx) => {
      const s = statusOn(ctx, ctx.asOf);
      return s === null ? derived(null) : derived(isStruckOff(s.status), s.records);
    },
  },
  // ── Tax arrears ──
  {
    key: 'tax_arrears_outstanding_count',
    type: 'integer',
    unit: 'count',
    zh: '截至评估日未缴欠税笔数',
    en: 'Tax arrears outstanding at the as-of date',
    sources: ['tax'],
    derivation: 'Number of arrears that arose on or before the as-of date and were unpaid at its end: paid_on null (status outstanding) or after the as-of date.',
    nullMeans: 'never null: 0 when no arrear was outstanding (the bureau lists arrears only when they arise)',
    derive: (ctx) => {
      const as = arrearsOutstanding(ctx);
      return derived(as.length, as);
    },
  },
  {
    key: 'tax_arrears_outstanding_amount',
    type: 'money',
    unit: 'CNY fen',
    zh: '截至评估日未缴欠税金额',
    en: 'Amount of tax arrears outstanding at the as-of date',
    sources: ['tax'],
    derivation: 'Sum of amount_yuan of the arrears outstanding at the end of the as-of date (as for tax_arrears_outstanding_count).',
    nullMeans: 'never null: 0 when no arrear was outstanding',
    derive: (ctx) => {
      const as = arrearsOutstanding(ctx);
      return derived(sumYuan(as), as);
    },
  },
  {
    key: 'tax_arrears_arisen_36m',
    type: 'integer',
    unit: 'count',
    zh: '近36个月新发生欠税笔数',
    en: 'Tax arrears that arose in the last 36 months',
    sources: ['tax'],
    derivation: 'Number of arrears whose arose_on lies in (as-of − 36 months, as-of], paid since or not.',
    nullMeans: 'never null: 0 when no arrear arose in the window',
    derive: (ctx) => {
      const as = arrearsWithin(ctx, 36);
      return derived(as.length, as);
    },
  },
  {
    key: 'tax_arrears_arisen_amount_36m',
    type: 'money',
    unit: 'CNY fen',
    zh: '近36个月新发生欠税金额',
    en: 'Amount of tax arrears that arose in the last 36 months',
    sources: ['tax'],
    derivation: 'Sum of amount_yuan of the arrears whose arose_on lies in (as-of − 36 months, as-of].',
    nullMeans: 'never null: 0 when no arrear arose in the window',
    derive: (ctx) => {
      const as = arrearsWithin(ctx, 36);
      return derived(sumYuan(as), as);
    },
  },
  {
    key: 'tax_arrears_longest_days_outstanding_36m',
    type: 'integer',
    unit: 'days',
    zh: '近36个月欠税最长未缴天数',
    en: 'Longest time a tax arrear stayed unpaid, over the last 36 months',
    sources: ['tax'],
    derivation:
      'Among arrears that arose in (as-of − 36 months, as-of] or were still unpaid at the as-of date, the most days from arose_on to paid_on (when paid on or before the as-of date) or to the as-of date (while unpaid).',
    nullMeans: 'never null: 0 when no arrear arose in the window and none was unpaid',
    derive: (ctx) => {
      const l = longestOutstanding(ctx, 36);
      return l === null ? derived(0) : derived(l.days, [l.record]);
    },
  },
  {
    key: 'last_tax_arrear_date',
    type: 'date',
    unit: null,
    zh: '最近一次发生欠税日期',
    en: 'Date the latest tax arrear arose',
    sources: ['tax'],
    derivation: 'The latest arose_on among the arrears that arose on or before the as-of date (the bureau’s history reaches back 36 months).',
    nullMeans: 'none: no arrear arose on or before the as-of date',
    derive: (ctx) => {
      let last: ArrearRecord | null = null;
      for (const a of arrearsArisen(ctx)) if (last === null || a.data.arose_on > last.data.arose_on) last = a;
      return last === null ? derived(null) : derived(last.data.arose_on, [last]);
    },
  },
  // ── Late tax filings ──
  {
    key: 'late_tax_filings_12m',
    type: 'integer',
    unit: 'count',
    zh: '近12个月逾期纳税申报次数',
    en: 'Tax declarations filed late in the last 12 months',
    sources: ['tax'],
    derivation: 'Number of VAT and CIT declarations filed in (as-of − 12 months, as-of] (by filed_on) that the tax bureau flagged late (filed after due_on).',
    nullMeans: 'unknown: no declaration filed in the window',
    derive: (ctx) => {
      if (declarationsFiledWithin(ctx, 12).length === 0) return derived(null);
      const late = lateFiledWithin(ctx, 12);
      return derived(late.length, late);
    },
  },
  {
    key: 'late_tax_filings_36m',
    type: 'integer',
    unit: 'count',
    zh: '近36个月逾期纳税申报次数',
    en: 'Tax declarations filed late in the last 36 months',
    sources: ['tax'],
    derivation: 'Number of VAT and CIT declarations filed in (as-of − 36 months, as-of] (by filed_on) that the tax bureau flagged late.',
    nullMeans: 'unknown: no declaration filed in the window',
    derive: (ctx) => {
      if (declarationsFiledWithin(ctx, 36).length === 0) return derived(null);
      const late = lateFiledWithin(ctx, 36);
      return derived(late.length, late);
    },
  },
  {
    key: 'late_tax_filing_share_36m',
    type: 'ratio',
    unit: null,
    scale: 4,
    zh: '近36个月逾期申报占比',
    en: 'Share of tax declarations filed late in the last 36 months',
    sources: ['tax'],
    derivation: 'late_tax_filings_36m / the number of VAT and CIT declarations filed in (as-of − 36 months, as-of].',
    nullMeans: 'unknown: no declaration filed in the window',
    derive: (ctx) => {
      const filed = declarationsFiledWithin(ctx, 36);
      const late = lateFiledWithin(ctx, 36);
      const r = ratio(late.length, filed.length);
      return r === null ? derived(null) : derived(r, filed);
    },
  },
  {
    key: 'longest_tax_filing_delay_days_36m',
    type: 'integer',
    unit: 'days',
    zh: '近36个月纳税申报最长逾期天数',
    en: 'Longest tax declaration filing delay in the last 36 months',
    sources: ['tax'],
    derivation: 'Among VAT and CIT declarations filed in (as-of − 36 months, as-of], the most days filed_on fell after due_on; 0 when all were on time.',
    nullMeans: 'unknown: no declaration filed in the window',
    derive: (ctx) => {
      const filed = declarationsFiledWithin(ctx, 36);
      if (filed.length === 0) return derived(null);
      const m = maxMeasure(filed, filingDelayDays);
      return derived(m.value, m.records);
    },
  },
]);
