import { z } from 'zod';
import { normalizeUscc, validateUscc } from '../../src/domain/uscc';
import { defineStream } from '../sdk/define-stream';
import * as f from '../sdk/fields';
import { describeValue } from '../sdk/validate';

/** Record shapes of the tax bureau, per docs/sandbox-api.md. */

/** Pre-2015 taxpayer ids: 6-digit area code + 9-character organisation code. */
const LEGACY_TAXPAYER_ID = /^\d{6}[0-9A-Z]{9}$/;

/**
 * 纳税人识别号: normally the enterprise's USCC (checked as one), or a legacy 15-character id that
 * predates it. Trimmed and upper-cased.
 */
function taxpayerId() {
  return z.string().transform((value, ctx) => {
    const id = normalizeUscc(value);
    if (id.length === 15 && LEGACY_TAXPAYER_ID.test(id)) return id;
    const result = validateUscc(id);
    if (result.valid) return result.uscc;
    ctx.addIssue({
      code: 'custom',
      message: `not a USCC or a legacy 15-character taxpayer id ${describeValue(value)}: ${result.problem.message}`,
      params: { reasonCode: 'INVALID_USCC' },
      input: value,
    });
    return z.NEVER;
  });
}

const taxType = () => f.oneOf(['VAT', 'CIT']);

export const declarationSchema = z.object({
  declaration_id: f.text(),
  taxpayer_id: taxpayerId(),
  taxpayer_name: f.text(),
  /** VAT monthly; CIT quarterly, on the quarter's last month. */
  period: f.yearMonth(),
  tax_type: taxType(),
  taxable_revenue_yuan: f.yuan(),
  tax_paid_yuan: f.yuan(),
  zero_declaration: f.flag(),
  due_on: f.date(),
  filed_on: f.date(),
  late: f.flag(),
  updated_at: f.timestamp(),
});
export type Declaration = z.output<typeof declarationSchema>;

export const arrearSchema = z.object({
  arrear_id: f.text(),
  taxpayer_id: taxpayerId(),
  tax_type: taxType(),
  amount_yuan: f.yuan(),
  arose_on: f.date(),
  status: f.oneOf(['outstanding', 'paid']),
  /** Null while outstanding. */
  paid_on: f.date().nullable(),
  updated_at: f.timestamp(),
});
export type Arrear = z.output<typeof arrearSchema>;

export const creditGradeSchema = z.object({
  /** `taxpayer_id-year`. */
  grade_id: f.text(),
  taxpayer_id: taxpayerId(),
  year: f.integer(1949, 2100),
  grade: f.oneOf(['A', 'B', 'M', 'C', 'D']),
  points: f.integer(0, 100),
  /** Each April for the year before. */
  published_on: f.date(),
  updated_at: f.timestamp(),
});
export type CreditGrade = z.output<typeof creditGradeSchema>;

export const rdDeductionSchema = z.object({
  deduction_id: f.text(),
  taxpayer_id: taxpayerId(),
  year: f.integer(1949, 2100),
  rd_expense_yuan: f.yuan(),
  super_deduction_yuan: f.yuan(),
  rd_staff: f.count(),
  total_staff: f.count(),
  filed_on: f.date(),
  updated_at: f.timestamp(),
});
export type RdDeduction = z.output<typeof rdDeductionSchema>;

export const declarations = defineStream({
  name: 'declarations',
  description: 'VAT (monthly) and CIT (quarterly) declarations: taxable revenue, tax paid, punctuality.',
  schema: declarationSchema,
  idField: 'declaration_id',
  defaultSchedule: '32 * * * *',
});

export const arrears = defineStream({
  name: 'arrears',
  description: 'Tax arrears and their payment.',
  schema: arrearSchema,
  idField: 'arrear_id',
  defaultSchedule: '37 * * * *',
});

export const creditGrades = defineStream({
  name: 'credit_grades',
  description: 'Annual tax credit grades (纳税信用等级 A/B/M/C/D) with points.',
  schema: creditGradeSchema,
  idField: 'grade_id',
  defaultSchedule: '42 3 * * *',
});

export const rdDeductions = defineStream({
  name: 'rd_deductions',
  description: 'Annual R&D super-deduction filings: R&D expense and staff.',
  schema: rdDeductionSchema,
  idField: 'deduction_id',
  defaultSchedule: '47 3 * * *',
});

export const TAX_STREAMS = [declarations, arrears, creditGrades, rdDeductions] as const;
