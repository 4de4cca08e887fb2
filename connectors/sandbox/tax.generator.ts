import { cstDate, dateAt, monthOf, monthStart, officeHours, periodString, yearOf } from './calendar';
import type { Enterprise } from './enterprise.types';
import { operating, yuan } from './finance.model';
import { Rng, tag } from './prng';
import { pad2, type Payload, type StreamGenerator, type VersionSink } from './stream.types';
import { arrearTimeline, declarationRecord, declarationTimeline, declaredLate, declaresVatQuarterly, paysCit, type TaxType } from './tax.model';
import type { World } from './world';

// Module bindings, not `Math.x`: global lookups cost ~100× under Jest (jestjs/jest#15502).
const { max, min, round } = Math;

const T_GRADE = tag('tax/grade');
const T_RD = tag('tax/rd');
const TAX_TYPES: readonly TaxType[] = ['VAT', 'CIT'];

/** Years with an April publication (grades) or a spring filing (R&D) inside the horizon. */
function annualYears(world: World): { first: number; last: number } {
  return { first: yearOf(world.horizon.from) - 1, last: yearOf(world.horizon.to) - 1 };
}

/** `declarations`: VAT monthly (quarterly for small-scale payers) and CIT quarterly, from one revenue series. */
export class DeclarationsGenerator implements StreamGenerator {
  readonly agency = 'tax';
  readonly name = 'declarations';
  readonly idField = 'declaration_id';
  readonly breakable = {
    required: ['taxpayer_id', 'period', 'tax_type', 'filed_on'],
    numeric: ['taxable_revenue_yuan', 'tax_paid_yuan'],
    uscc: ['taxpayer_id'],
    dates: ['due_on', 'filed_on'],
    amounts: ['taxable_revenue_yuan', 'tax_paid_yuan'],
    enums: { tax_type: ['增值税', 'IIT'] },
  } as const;

  constructor(private readonly world: World) {}

  versions(e: Enterprise, emit: VersionSink): void {
    const h = this.world.horizon;
    const lastMonth = monthOf(h.to);
    for (let m = h.fromMonth; m <= lastMonth; m++) {
      for (const type of TAX_TYPES) {
        const t = declarationTimeline(this.world, e, m, type);
        if (t) emit(declarationRecord(this.world, m, type), 0, t.filedAt);
      }
    }
  }

  id(e: Enterprise, record: number): string {
    const month = this.world.horizon.fromMonth + (record >> 1);
    return `${e.taxpayerId}-${record & 1 ? 'CIT' : 'VAT'}-${periodString(month).replace('-', '')}`;
  }

  payload(e: Enterprise, record: number): Payload {
    const month = this.world.horizon.fromMonth + (record >> 1);
    const type: TaxType = record & 1 ? 'CIT' : 'VAT';
    const t = declarationTimeline(this.world, e, month, type)!;
    const finance = this.world.finance;
    const rng = t.rng;
    let taxable: number;
    let tax: number;
    if (type === 'VAT' && !declaresVatQuarterly(e)) {
      taxable = finance.revenueFen(e, month);
      const share = min(0.98, e.economics.inputShare * rng.range(0.85, 1.15));
      tax = round(taxable * (e.industry.family.goods ? 0.13 : 0.06) * (1 - share));
    } else if (type === 'VAT') {
      taxable = finance.quarterRevenueFen(e, month);
      tax = taxable > 30_000_000 ? round(taxable * 0.01) : 0; // quarterly sales ≤ 300,000 yuan are exempt
    } else {
      taxable = finance.quarterRevenueFen(e, month);
      const profit = taxable * (e.economics.margin + 0.03 * rng.normal());
      const highTech = e.highTechAt !== null && e.highTechAt < monthStart(month + 1);
      const rate = highTech ? 0.15 : e.economics.baseAnnualYuan < 3e7 ? 0.05 : 0.25;
      tax = max(0, round(profit * rate));
    }
    return {
      declaration_id: this.id(e, record),
      taxpayer_id: e.taxpayerId,
      taxpayer_name: this.world.nameAt(e, t.filedAt),
      period: periodString(month),
      tax_type: type,
      taxable_revenue_yuan: yuan(taxable),
      tax_paid_yuan: yuan(tax),
      zero_declaration: taxable === 0,
      due_on: cstDate(t.dueAt),
      filed_on: cstDate(t.filedAt),
      late: t.late,
    };
  }
}

/** `arrears`: recorded a day after they arise, updated when paid. */
export class ArrearsGenerator implements StreamGenerator {
  readonly agency = 'tax';
  readonly name = 'arrears';
  readonly idField = 'arrear_id';
  readonly breakable = {
    required: ['taxpayer_id', 'amount_yuan', 'status'],
    numeric: ['amount_yuan'],
    uscc: ['taxpayer_id'],
    dates: ['arose_on'],
    amounts: ['amount_yuan'],
    enums: { status: ['unpaid', '已缴'] },
  } as const;

  constructor(private readonly world: World) {}

  versions(e: Enterprise, emit: VersionSink): void {
    for (let k = 0; k < e.arrearCount; k++) {
      const a = arrearTimeline(this.world, e, k);
      if (a === null) continue;
      emit(k, 0, a.recordedAt);
      if (a.paidAt !== null) emit(k, 1, a.paidAt);
    }
  }

  id(e: Enterprise, record: number): string {
    return `${e.taxpayerId}-QS${pad2(record + 1)}`;
  }

  payload(e: Enterprise, record: number, version: number): Payload {
    const a = arrearTimeline(this.world, e, record)!;
    const paid = version >= 1 && a.paidAt !== null;
    return {
      arrear_id: this.id(e, record),
      taxpayer_id: e.taxpayerId,
      tax_type: a.type,
      amount_yuan: yuan(a.amountFen),
      arose_on: cstDate(a.aroseAt),
      status: paid ? 'paid' : 'outstanding',
      paid_on: paid ? cstDate(a.paidAt!) : null,
    };
  }
}

interface GradeDraft {
  year: number;
  publishedAt: number;
  grade: 'A' | 'B' | 'M' | 'C' | 'D';
  points: number;
}

/** `credit_grades`: published each April for the year before, from late filings, arrears and risk. */
export class CreditGradesGenerator implements StreamGenerator {
  readonly agency = 'tax';
  readonly name = 'credit_grades';
  readonly idField = 'grade_id';
  readonly breakable = {
    required: ['taxpayer_id', 'year', 'grade'],
    numeric: ['points'],
    uscc: ['taxpayer_id'],
    dates: ['published_on'],
    amounts: [],
    enums: { grade: ['E', 'A+'] },
  } as const;

  constructor(private readonly world: World) {}

  private grade(e: Enterprise, year: number): GradeDraft | null {
    const world = this.world;
    const h = world.horizon;
    const yearEnd = dateAt(year + 1, 1, 1) - 1;
    if (e.establishedAt > yearEnd) return null;
    const rng = new Rng(world.seed, T_GRADE, e.index, year);
    const publishedAt = officeHours(dateAt(year + 1, 4, 1 + rng.int(27)), rng.float());
    if (publishedAt < h.from || publishedAt > h.to || !operating(e, publishedAt)) return null;
    let late = 0;
    for (let m = year * 12; m < year * 12 + 12; m++) {
      for (const type of TAX_TYPES) if (declaredLate(world, e, m, type)) late++;
    }
    let arising = 0;
    let outstanding = 0;
    for (let k = 0; k < e.arrearCount; k++) {
      const a = arrearTimeline(world, e, k);
      if (a === null || a.aroseAt > yearEnd) continue;
      if (yearOf(a.aroseAt) === year) arising++;
      if (a.paidAt === null || a.paidAt > yearEnd) outstanding++;
    }
    const risk = world.finance.riskAt(e, yearEnd);
    const raw = 89 - 5 * late - 11 * arising - 5 * risk + 5 * rng.normal();
    const points = round(min(100, max(0, raw)));
    const dishonest = outstanding >= 2 && rng.chance(0.5);
    const fresh = yearOf(e.establishedAt) === year || !world.finance.hasRevenueIn(e, year);
    let grade: GradeDraft['grade'];
    if (dishonest || points < 40) grade = 'D';
    else if (fresh) grade = points >= 70 ? 'M' : 'C';
    else grade = points >= 90 ? 'A' : points >= 70 ? 'B' : 'C';
    return { year, publishedAt, grade, points };
  }

  versions(e: Enterprise, emit: VersionSink): void {
    const { first, last } = annualYears(this.world);
    for (let y = first; y <= last; y++) {
      const g = this.grade(e, y);
      if (g) emit(y - first, 0, g.publishedAt);
    }
  }

  id(e: Enterprise, record: number): string {
    return `${e.taxpayerId}-${annualYears(this.world).first + record}`;
  }

  payload(e: Enterprise, record: number): Payload {
    const g = this.grade(e, annualYears(this.world).first + record)!;
    return {
      grade_id: this.id(e, record),
      taxpayer_id: e.taxpayerId,
      year: g.year,
      grade: g.grade,
      points: g.points,
      published_on: cstDate(g.publishedAt),
    };
  }
}

/** `rd_deductions`: the R&D super deduction claimed with the annual CIT return (March–May). */
export class RdDeductionsGenerator implements StreamGenerator {
  readonly agency = 'tax';
  readonly name = 'rd_deductions';
  readonly idField = 'deduction_id';
  readonly breakable = {
    required: ['taxpayer_id', 'year', 'rd_expense_yuan'],
    numeric: ['rd_expense_yuan', 'super_deduction_yuan', 'rd_staff', 'total_staff'],
    uscc: ['taxpayer_id'],
    dates: ['filed_on'],
    amounts: ['rd_expense_yuan', 'super_deduction_yuan'],
    enums: {},
  } as const;

  constructor(private readonly world: World) {}

  private filing(e: Enterprise, year: number): { filedAt: number; rng: Rng } | null {
    const h = this.world.horizon;
    if (e.economics.rdIntensity === 0 || !paysCit(e)) return null;
    if (!this.world.finance.hasRevenueIn(e, year)) return null;
    const rng = new Rng(this.world.seed, T_RD, e.index, year);
    const filedAt = officeHours(dateAt(year + 1, 3, 1) + rng.int(92) * 86_400, rng.float());
    if (filedAt < h.from || filedAt > h.to || !operating(e, filedAt)) return null;
    return { filedAt, rng };
  }

  versions(e: Enterprise, emit: VersionSink): void {
    const { first, last } = annualYears(this.world);
    for (let y = first; y <= last; y++) {
      const f = this.filing(e, y);
      if (f) emit(y - first, 0, f.filedAt);
    }
  }

  id(e: Enterprise, record: number): string {
    return `${e.taxpayerId}-RD${annualYears(this.world).first + record}`;
  }

  payload(e: Enterprise, record: number): Payload {
    const year = annualYears(this.world).first + record;
    const f = this.filing(e, year)!;
    const finance = this.world.finance;
    const revenueFen = finance.annualRevenueFen(e, year);
    const expense = round(revenueFen * e.economics.rdIntensity * f.rng.range(0.85, 1.15));
    const total = finance.employees(e, year, revenueFen);
    return {
      deduction_id: this.id(e, record),
      taxpayer_id: e.taxpayerId,
      year,
      rd_expense_yuan: yuan(expense),
      super_deduction_yuan: yuan(expense), // 100% additional deduction (2023 policy)
      rd_staff: max(1, min(total, round(total * e.economics.rdStaffShare))),
      total_staff: total,
      filed_on: cstDate(f.filedAt),
    };
  }
}
