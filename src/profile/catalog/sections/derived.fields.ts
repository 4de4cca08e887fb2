import { defineSection } from '../define-section';
import { ACTIVE_KWH_PER_MONTH, dataSourcesCount, operatingActivity3m } from '../../derive/derived-activity';
import { monthsSinceAdverseEvent } from '../../derive/derived-adverse-events';
import { kwhPer10kRevenue12m, kwhRevenueCorrelation12m, revenueKwhGrowthGap, taxBurden12m } from '../../derive/derived-energy-revenue';
import { rdIntensity3y } from '../../derive/derived-rd-intensity';
import { reportVsVatRevenue, revenueCagr3y } from '../../derive/derived-revenue-years';
import { DECLARED_WINDOW_RULE, VAT_QUARTER_RULE } from '../../derive/derived-vat-revenue';
import { CONSUMPTION_RULE } from '../../derive/utility-bills';
import { PAYMENT_RULE } from '../../derive/utility-payments';

/**
 * Derived indicators: cross-source measures a credit officer would otherwise compute by hand, each
 * computed directly from the source records (not from other sections' fields), so that one
 * definition of the window and the revenue base holds for all of them.
 */

export const DERIVED_FIELDS = defineSection('derived', [
  {
    key: 'rd_intensity_3y',
    type: 'ratio',
    unit: null,
    scale: 4,
    zh: '近三年研发投入强度（研发费用/增值税应税收入）',
    en: 'R&D intensity over the last 3 years (R&D expense / VAT taxable revenue)',
    sources: ['tax'],
    derivation: `Σ rd_expense_yuan / Σ VAT taxable_revenue_yuan over the calendar years L−2 … L, where L is the latest year with an R&D super-deduction filing (rd_deductions) filed on or before the as-of date (the latest filing per year). Missing years: a year counts only when its VAT revenue is fully declared (${VAT_QUARTER_RULE}), and then counts its R&D expense, 0 when no R&D filing exists for it; a year not fully declared is left out of both sums, so the value of a young firm (or one with a short declaration history) covers fewer years. Compare with the STAR-market criterion (R&D ≥ 5% of revenue over 3 years).`,
    nullMeans: 'not applicable: no R&D super-deduction filed by the as-of date; or unknown: none of the three years has fully declared VAT revenue, or that revenue is 0',
    derive: rdIntensity3y,
  },
  {
    key: 'revenue_cagr_3y',
    type: 'ratio',
    unit: null,
    scale: 4,
    zh: '近三年营业收入复合增长率',
    en: 'Revenue compound annual growth rate over the last 3 years',
    sources: ['market-regulation', 'tax'],
    derivation: `(R_L / R_{L−2})^(1/2) − 1 over three fiscal years (two growth steps, as the STAR-market criterion reads "最近三年营业收入复合增长率"), L being the latest calendar year with a revenue. A year's revenue is the annual report's revenue_wan (reports filed on or before the as-of date, revenue disclosed, the latest filed per year), otherwise the year's VAT taxable revenue when fully declared (${VAT_QUARTER_RULE}). −1 when R_L is 0.`,
    nullMeans: 'unknown: no revenue for year L−2 (undisclosed, not fully declared, or before the firm existed), or it is 0',
    derive: revenueCagr3y,
  },
  {
    key: 'tax_burden_12m',
    type: 'ratio',
    unit: null,
    scale: 4,
    zh: '近12个月综合税负率（实缴增值税+企业所得税/增值税应税收入）',
    en: 'Tax burden over the last 4 declared quarters (VAT + CIT paid / VAT taxable revenue)',
    sources: ['tax'],
    derivation: `Σ tax_paid_yuan of the VAT declarations of the declared quarters of the window plus the CIT declarations (filed on or before the as-of date) of those quarters, over Σ VAT taxable_revenue_yuan of the same quarters. ${DECLARED_WINDOW_RULE} ${VAT_QUARTER_RULE} A burden far below the industry's suggests under-declared tax or revenue.`,
    nullMeans: 'unknown: no declared quarter in the window, or its VAT revenue is 0 (e.g. zero declarations of a dormant firm)',
    derive: taxBurden12m,
  },
  {
    key: 'electricity_intensity_12m',
    type: 'decimal',
    unit: 'kWh per 10,000 CNY',
    scale: 2,
    zh: '万元收入耗电量（近4个已申报季度）',
    en: 'Electricity used per 10,000 yuan of VAT revenue, last 4 declared quarters',
    sources: ['utility', 'tax'],
    derivation: `Σ kWh of the power bills / (Σ VAT taxable revenue / 10,000 yuan) over the declared quarters of the window whose three months all have power bills. ${DECLARED_WINDOW_RULE} ${VAT_QUARTER_RULE} ${CONSUMPTION_RULE} Far above the industry's norm suggests under-declared revenue; far below, revenue without matching activity.`,
    nullMeans: 'unknown: no quarter of the window both declared and fully billed, or its revenue is 0',
    derive: kwhPer10kRevenue12m,
  },
  {
    key: 'kwh_revenue_correlation_12m',
    type: 'ratio',
    unit: null,
    scale: 4,
    zh: '月度用电量与增值税收入相关系数（一般纳税人）',
    en: 'Correlation of monthly electricity use with monthly VAT revenue (general taxpayers)',
    sources: ['utility', 'tax'],
    derivation: `Pearson correlation between the monthly power totals (all accounts) and the monthly VAT taxable revenue of the 12 months of the window, over the months that have power bills (at least 6). Only for enterprises that declared VAT monthly for all four quarters of the window (general taxpayers). ${DECLARED_WINDOW_RULE} ${CONSUMPTION_RULE} Near 0 or negative: declared revenue does not move with activity.`,
    nullMeans: 'not applicable: not a monthly VAT filer (small-scale taxpayer, individual business) for the whole window; or unknown: fewer than 6 billed months, or revenue or consumption constant',
    derive: kwhRevenueCorrelation12m,
  },
  {
    key: 'revenue_kwh_growth_gap',
    type: 'ratio',
    unit: null,
    scale: 4,
    zh: '收入增速与用电量增速之差（同比）',
    en: 'VAT revenue growth minus electricity consumption growth, year on year',
    sources: ['utility', 'tax'],
    derivation: `g_rev − g_kWh, where g_rev = Σ VAT revenue / Σ VAT revenue a year earlier − 1 and g_kWh likewise for power consumption, over the quarters of the window that are declared and have all three months billed both that year and a year earlier. ${DECLARED_WINDOW_RULE} ${VAT_QUARTER_RULE} ${CONSUMPTION_RULE} Strongly positive: revenue growing without matching activity; strongly negative: activity growing while declared revenue lags.`,
    nullMeans: 'unknown: no quarter comparable with the year before, or a zero revenue base a year earlier',
    derive: revenueKwhGrowthGap,
  },
  {
    key: 'report_vat_revenue_ratio',
    type: 'ratio',
    unit: null,
    scale: 4,
    zh: '年报营业收入与增值税应税收入之比（最近年度）',
    en: 'Annual-report revenue over VAT taxable revenue, latest year with both',
    sources: ['market-regulation', 'tax'],
    derivation: `revenue_wan of the annual report (filed on or before the as-of date, revenue disclosed, the latest filed per year) / Σ VAT taxable_revenue_yuan of the same calendar year, for the latest year that has both a disclosed report revenue and fully declared VAT (${VAT_QUARTER_RULE}). 1 means consistent; a gap means one of the two filings misstates revenue.`,
    nullMeans: 'unknown: no year with both a disclosed annual-report revenue and fully declared VAT, or that VAT revenue is 0',
    derive: reportVsVatRevenue,
  },
  {
    key: 'operating_activity_3m',
    type: 'boolean',
    unit: null,
    zh: '近3个月是否有经营活动（收入或用电）',
    en: 'Operating in the last 3 months (declared revenue or power use above standby)',
    sources: ['tax', 'utility'],
    derivation: `True when a VAT declaration filed in (asOf − 3 months, asOf] declares taxable revenue above 0, or the power bills of the 3 complete months before the as-of month average at least ${ACTIVE_KWH_PER_MONTH} kWh per billed month (above an idle site's standby load); false when there were such declarations or bills and neither holds (zero declarations and standby consumption: dormant). ${CONSUMPTION_RULE}`,
    nullMeans: 'unknown: no VAT declaration filed in the last 3 months and no power bill for those months',
    derive: operatingActivity3m,
  },
  {
    key: 'data_sources_count',
    type: 'integer',
    unit: 'count',
    zh: '有数据的数据源个数（工商、税务、水电、专利）',
    en: 'Number of sources with data on the enterprise (registry, tax, utilities, patents)',
    sources: ['market-regulation', 'tax', 'utility', 'patent'],
    derivation: 'Number of the four agencies with at least one record on the enterprise dated on or before the as-of date: market regulation (established_on, changed_on, decided_on, listed_on or filed_on), tax (filed_on, arose_on or published_on), utilities (an account opened_on, or a bill for a period before the as-of month), patent office (a patent published or granted, or a legal event). 0–4; the fewer, the thinner the profile. Provenance: one record per source found.',
    nullMeans: 'never null (0 when no source has a record)',
    derive: dataSourcesCount,
  },
  {
    key: 'months_since_last_adverse_event',
    type: 'integer',
    unit: 'months',
    zh: '距最近一次不良事件的月数',
    en: 'Months since the latest adverse event (penalty, abnormal listing, tax arrear, late filing, late utility payment)',
    sources: ['market-regulation', 'tax', 'utility'],
    derivation: `Whole months (a month counts when its day is reached) from the latest adverse event dated on or before the as-of date to the as-of date. Events: an administrative penalty (decided_on), an abnormal-operations listing (listed_on), a tax arrear (arose_on), a VAT/CIT declaration filed after its due_on (filed on or before the as-of date; dated the day after due_on), an annual report filed late (on_time false, filed on or before the as-of date; dated 1 July after its year, the day after the 30 June deadline), a late power or water bill (dated the day after due_on; ${PAYMENT_RULE}). Provenance: the record of that event.`,
    nullMeans: 'none: no adverse event on record up to the as-of date',
    derive: monthsSinceAdverseEvent,
  },
]);
