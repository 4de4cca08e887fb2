import { fieldByKey } from '../../profile/catalog/catalog';
import { SECTIONS, type FieldType, type SectionKey } from '../../profile/catalog/field.types';

/**
 * 科创属性评价指引 (the STAR Market's sci-tech attribute guideline) as dated policy versions. Each
 * version names its criteria, the measures that can satisfy each one (any one at or above its
 * threshold passes the criterion) and the catalog fields a measure reads. The version applied to a
 * profile is the one in force on the date asked about: the latest whose `effectiveFrom` is on or
 * before it (effective-from inclusive).
 *
 * The thresholds are the regulator's, not ours: when the CSRC revises the guideline, add a version
 * here with its effective date, never edit a past one (past assessments name the version they used).
 * The list is validated when this module loads, so a malformed edit fails the hub's start.
 */

export const SCI_TECH_CRITERIA = ['RD_INVESTMENT', 'RD_STAFF', 'INVENTION_PATENTS', 'REVENUE_GROWTH'] as const;
export type SciTechCriterionCode = (typeof SCI_TECH_CRITERIA)[number];

export const SCI_TECH_MEASURES = ['RD_INTENSITY_3Y', 'RD_EXPENSE_3Y', 'RD_STAFF_SHARE', 'VALID_INVENTION_PATENTS', 'REVENUE_CAGR_3Y', 'REVENUE_LATEST'] as const;
export type SciTechMeasureCode = (typeof SCI_TECH_MEASURES)[number];

/** One way to satisfy a criterion: a value read from the profile compared with a threshold (value ≥ threshold passes). */
export interface SciTechMeasurePolicy {
  readonly code: SciTechMeasureCode;
  /**
   * Catalog keys read in order: the first with a value is the measure's value (a fallback for a
   * value one source may lack). All of one measure's fields have the same type.
   */
  readonly fields: readonly string[];
  /** In the fields' unit: a ratio (0.05 = 5%), CNY fen, or a count. */
  readonly threshold: number;
}

export interface SciTechCriterionPolicy {
  readonly code: SciTechCriterionCode;
  readonly zh: string;
  readonly en: string;
  /** The criterion passes when any one of these measures does. */
  readonly anyOf: readonly SciTechMeasurePolicy[];
}

export interface SciTechPolicyVersion {
  /** Stable id, named in every assessment. */
  readonly id: string;
  /** `YYYY-MM-DD`: in force from this day (inclusive) until the next version's. */
  readonly effectiveFrom: string;
  readonly title: string;
  /** Where the thresholds come from. */
  readonly source: string;
  readonly criteria: readonly SciTechCriterionPolicy[];
}

// The catalog fields behind each measure (why these, see docs/sci-tech-assessment.md):
/** Σ R&D expense / Σ VAT taxable revenue over the latest 3 R&D filing years (the guideline's "最近三年研发投入占营业收入比例"). */
const RD_INTENSITY = ['rd_intensity_3y'];
/** R&D expense claimed over the latest 3 years, CNY fen ("最近三年研发投入金额累计"). */
const RD_EXPENSE = ['rd_expense_3y'];
/** R&D staff / total staff of the latest R&D deduction filing ("研发人员占当年员工总数的比例"). */
const RD_STAFF_SHARE = ['rd_staff_share'];
/** Invention patents in force and held on the as-of date (a lapsed or sold patent does not form the main business). */
const INVENTION_PATENTS = ['valid_invention_patents'];
/** Revenue CAGR over three fiscal years (annual report revenue, otherwise fully declared VAT revenue). */
const REVENUE_CAGR = ['revenue_cagr_3y'];
/** Latest-year revenue: the annual report's 营业收入 when disclosed (the guideline's measure), otherwise the last full year's VAT taxable revenue. */
const REVENUE_LATEST = ['annual_report_revenue_latest', 'vat_revenue_last_year'];

const YUAN_M = 100_000_000; // CNY 1m in fen

const RD_INVESTMENT_TEXT = { zh: '最近三年研发投入占营业收入比例或累计研发投入金额', en: 'R&D spending over the last 3 years: share of revenue, or total amount' } as const;
const RD_STAFF_TEXT = { zh: '研发人员占当年员工总数的比例', en: 'R&D staff share of all employees' } as const;
const PATENTS_TEXT = { zh: '应用于主营业务的发明专利数', en: 'Invention patents (forming the main business)' } as const;
const REVENUE_TEXT = { zh: '最近三年营业收入复合增长率或最近一年营业收入金额', en: 'Revenue CAGR over the last 3 years, or latest-year revenue' } as const;

/** The versions, oldest first. *Verify* the dates and thresholds against the CSRC's texts before relying on them. */
const DECLARED: readonly SciTechPolicyVersion[] = [
  {
    id: 'star-sci-tech-2020',
    effectiveFrom: '2020-03-20',
    title: '科创属性评价指引（试行）（2020）',
    source: '中国证监会《科创属性评价指引（试行）》, 2020-03-20: three regular criteria (R&D ≥ 5% of revenue or ≥ CNY 60m over 3 years; ≥ 5 invention patents; revenue CAGR ≥ 20% or latest revenue ≥ CNY 300m).',
    criteria: [
      { code: 'RD_INVESTMENT', ...RD_INVESTMENT_TEXT, anyOf: [{ code: 'RD_INTENSITY_3Y', fields: RD_INTENSITY, threshold: 0.05 }, { code: 'RD_EXPENSE_3Y', fields: RD_EXPENSE, threshold: 60 * YUAN_M }] },
      { code: 'INVENTION_PATENTS', ...PATENTS_TEXT, anyOf: [{ code: 'VALID_INVENTION_PATENTS', fields: INVENTION_PATENTS, threshold: 5 }] },
      { code: 'REVENUE_GROWTH', ...REVENUE_TEXT, anyOf: [{ code: 'REVENUE_CAGR_3Y', fields: REVENUE_CAGR, threshold: 0.2 }, { code: 'REVENUE_LATEST', fields: REVENUE_LATEST, threshold: 300 * YUAN_M }] },
    ],
  },
  {
    id: 'star-sci-tech-2021',
    effectiveFrom: '2021-04-16',
    title: '科创属性评价指引（试行）（2021年修订）',
    source: '中国证监会《关于修改〈科创属性评价指引（试行）〉的决定》, 2021-04-16: adds R&D staff ≥ 10% of employees as a fourth criterion; other thresholds unchanged.',
    criteria: [
      { code: 'RD_INVESTMENT', ...RD_INVESTMENT_TEXT, anyOf: [{ code: 'RD_INTENSITY_3Y', fields: RD_INTENSITY, threshold: 0.05 }, { code: 'RD_EXPENSE_3Y', fields: RD_EXPENSE, threshold: 60 * YUAN_M }] },
      { code: 'RD_STAFF', ...RD_STAFF_TEXT, anyOf: [{ code: 'RD_STAFF_SHARE', fields: RD_STAFF_SHARE, threshold: 0.1 }] },
      { code: 'INVENTION_PATENTS', ...PATENTS_TEXT, anyOf: [{ code: 'VALID_INVENTION_PATENTS', fields: INVENTION_PATENTS, threshold: 5 }] },
      { code: 'REVENUE_GROWTH', ...REVENUE_TEXT, anyOf: [{ code: 'REVENUE_CAGR_3Y', fields: REVENUE_CAGR, threshold: 0.2 }, { code: 'REVENUE_LATEST', fields: REVENUE_LATEST, threshold: 300 * YUAN_M }] },
    ],
  },
  {
    id: 'star-sci-tech-2024',
    effectiveFrom: '2024-04-30',
    title: '科创属性评价指引（试行）（2024年修订）',
    source: '中国证监会《关于修改〈科创属性评价指引（试行）〉的决定》, 2024-04-30: R&D amount CNY 60m → 80m, invention patents 5 → 7, revenue CAGR 20% → 25%.',
    criteria: [
      { code: 'RD_INVESTMENT', ...RD_INVESTMENT_TEXT, anyOf: [{ code: 'RD_INTENSITY_3Y', fields: RD_INTENSITY, threshold: 0.05 }, { code: 'RD_EXPENSE_3Y', fields: RD_EXPENSE, threshold: 80 * YUAN_M }] },
      { code: 'RD_STAFF', ...RD_STAFF_TEXT, anyOf: [{ code: 'RD_STAFF_SHARE', fields: RD_STAFF_SHARE, threshold: 0.1 }] },
      { code: 'INVENTION_PATENTS', ...PATENTS_TEXT, anyOf: [{ code: 'VALID_INVENTION_PATENTS', fields: INVENTION_PATENTS, threshold: 7 }] },
      { code: 'REVENUE_GROWTH', ...REVENUE_TEXT, anyOf: [{ code: 'REVENUE_CAGR_3Y', fields: REVENUE_CAGR, threshold: 0.25 }, { code: 'REVENUE_LATEST', fields: REVENUE_LATEST, threshold: 300 * YUAN_M }] },
    ],
  },
];

const NUMERIC_TYPES: readonly FieldType[] = ['ratio', 'money', 'integer', 'decimal'];

const isCalendarDate = (s: string): boolean => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};

/**
 * Checks a policy list and returns it: ids unique, dates real and strictly ascending, each version's
 * criteria and measures known and unique, every measure's fields in the catalog, numeric and of one
 * type, thresholds finite and ≥ 0 (whole numbers for money and counts). Throws naming the version and
 * what is wrong.
 */
export function validateSciTechPolicies(versions: readonly SciTechPolicyVersion[]): readonly SciTechPolicyVersion[] {
  const problems: string[] = [];
  if (versions.length === 0) problems.push('the list is empty');
  const ids = new Set<string>();
  versions.forEach((v, i) => {
    const at = `version ${i} (${v.id || 'no id'})`;
    if (!/^[a-z0-9-]+$/.test(v.id)) problems.push(`${at}: id must be lower-case letters, digits and dashes`);
    if (ids.has(v.id)) problems.push(`${at}: id repeats an earlier version's`);
    ids.add(v.id);
    if (!isCalendarDate(v.effectiveFrom)) problems.push(`${at}: effectiveFrom '${v.effectiveFrom}' is not a YYYY-MM-DD calendar date`);
    else if (i > 0 && v.effectiveFrom <= versions[i - 1]!.effectiveFrom) problems.push(`${at}: effectiveFrom ${v.effectiveFrom} is not after the previous version's ${versions[i - 1]!.effectiveFrom}`);
    if (v.criteria.length === 0) problems.push(`${at}: names no criterion`);
    const criteria = new Set<string>();
    for (const c of v.criteria) {
      if (!(SCI_TECH_CRITERIA as readonly string[]).includes(c.code)) problems.push(`${at}: unknown criterion ${c.code}`);
      if (criteria.has(c.code)) problems.push(`${at}: criterion ${c.code} appears twice`);
      criteria.add(c.code);
      if (c.anyOf.length === 0) problems.push(`${at}: criterion ${c.code} has no measure`);
      const measures = new Set<string>();
      for (const m of c.anyOf) {
        const where = `${at}, ${c.code}.${m.code}`;
        if (!(SCI_TECH_MEASURES as readonly string[]).includes(m.code)) problems.push(`${where}: unknown measure`);
        if (measures.has(m.code)) problems.push(`${where}: measure appears twice`);
        measures.add(m.code);
        if (m.fields.length === 0) problems.push(`${where}: reads no field`);
        const types = new Set<FieldType>();
        for (const key of m.fields) {
          const f = fieldByKey(key);
          if (!f) problems.push(`${where}: '${key}' is not a catalog field`);
          else if (!NUMERIC_TYPES.includes(f.type)) problems.push(`${where}: '${key}' is ${f.type}, not numeric`);
          else types.add(f.type);
        }
        if (types.size > 1) problems.push(`${where}: its fields mix types ${[...types].join(', ')}`);
        if (!Number.isFinite(m.threshold) || m.threshold < 0) problems.push(`${where}: threshold ${m.threshold} is not a finite number ≥ 0`);
        else if ((types.has('money') || types.has('integer')) && !Number.isInteger(m.threshold)) problems.push(`${where}: threshold ${m.threshold} must be a whole number (fen or count)`);
      }
    }
  });
  if (problems.length > 0) throw new Error(`sci-tech policy list is invalid: ${problems.join('; ')}`);
  return versions;
}

/** Every version, oldest first; validated at load. */
export const SCI_TECH_POLICIES: readonly SciTechPolicyVersion[] = validateSciTechPolicies(DECLARED);

/** The version in force on `date` (`YYYY-MM-DD`): the latest with effectiveFrom ≤ date; undefined before the first. */
export function sciTechPolicyInForce(date: string, versions: readonly SciTechPolicyVersion[] = SCI_TECH_POLICIES): SciTechPolicyVersion | undefined {
  let found: SciTechPolicyVersion | undefined;
  for (const v of versions) if (v.effectiveFrom <= date) found = v;
  return found;
}

/** The profile sections a version's measures read, in catalog order. */
export function sciTechSections(policy: SciTechPolicyVersion): SectionKey[] {
  const used = new Set(policy.criteria.flatMap((c) => c.anyOf.flatMap((m) => m.fields.map((k) => fieldByKey(k)!.section))));
  return SECTIONS.filter((s) => used.has(s));
}

/** The sections any version reads: what one profile read for an assessment asks for. */
export const SCI_TECH_SECTIONS: readonly SectionKey[] = SECTIONS.filter((s) => SCI_TECH_POLICIES.some((p) => sciTechSections(p).includes(s)));
