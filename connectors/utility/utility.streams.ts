import { z } from 'zod';
import { defineStream } from '../sdk/define-stream';
import * as f from '../sdk/fields';

/** Record shapes of the power and water utilities, per docs/sandbox-api.md. */

const utilityKind = () => f.oneOf(['power', 'water']);

export const accountSchema = z.object({
  account_no: f.text(),
  utility: utilityKind(),
  holder_name: f.text(),
  address: f.text(),
  category: f.oneOf(['industrial', 'commercial']),
  opened_on: f.date(),
  status: f.oneOf(['active', 'closed']),
  updated_at: f.timestamp(),
});
export type Account = z.output<typeof accountSchema>;

export const billSchema = z.object({
  bill_id: f.text(),
  account_no: f.text(),
  utility: utilityKind(),
  period: f.yearMonth(),
  consumption: f.decimal({ places: 4 }),
  unit: f.oneOf(['kWh', 'm3']),
  amount_yuan: f.yuan(),
  due_on: f.date(),
  /** Null while unpaid. */
  paid_on: f.date().nullable(),
  late: f.flag(),
  arrears_yuan: f.yuan(),
  updated_at: f.timestamp(),
});
export type Bill = z.output<typeof billSchema>;

export const accounts = defineStream({
  name: 'accounts',
  description: 'Power and water accounts: holder name, address, category, status.',
  schema: accountSchema,
  idField: 'account_no',
  defaultSchedule: '52 */6 * * *',
});

export const bills = defineStream({
  name: 'bills',
  description: 'Monthly bills: consumption, amount, due and paid dates, arrears. A bill changes when paid.',
  schema: billSchema,
  idField: 'bill_id',
  defaultSchedule: '57 * * * *',
});

export const UTILITY_STREAMS = [accounts, bills] as const;
