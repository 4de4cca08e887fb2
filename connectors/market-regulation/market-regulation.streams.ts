import { z } from 'zod';
import { defineStream } from '../sdk/define-stream';
import * as f from '../sdk/fields';
import { normalizeUscc } from '../../src/domain/uscc';

/** Record shapes of the market regulation registry (工商), per docs/sandbox-api.md. */

const districtCode = () => f.pattern(/^\d{6}$/, 'a 6-digit GB/T 2260 area code');
const industryCode = () => f.pattern(/^[A-T]\d{4}$/, 'a GB/T 4754-2017 code (section letter A–T and 4 digits)');

export const registrationSchema = z.object({
  uscc: f.uscc(),
  name: f.text(),
  entity_type: f.oneOf(['limited_company', 'joint_stock', 'sole_proprietorship', 'partnership', 'individual_business']),
  legal_representative: f.text(),
  registered_capital_wan: f.wan(),
  paid_in_capital_wan: f.wan(),
  established_on: f.date(),
  approved_on: f.date(),
  status: f.oneOf(['active', 'revoked', 'cancelled', 'moved_out']),
  district_code: districtCode(),
  address: f.text(),
  industry_code: industryCode(),
  business_scope: f.text(),
  tags: z.array(f.text()),
  updated_at: f.timestamp(),
});
export type Registration = z.output<typeof registrationSchema>;

export const changeSchema = z.object({
  change_id: f.text(),
  uscc: f.uscc(),
  item: f.oneOf(['name', 'legal_representative', 'registered_capital', 'address', 'business_scope', 'shareholder', 'status']),
  // Free text as registered; null when there was nothing before (or is nothing after), e.g. a new shareholder.
  before: z.string().nullable(),
  after: z.string().nullable(),
  changed_on: f.date(),
  updated_at: f.timestamp(),
});
export type Change = z.output<typeof changeSchema>;

export const shareholderSchema = z.object({
  shareholder_id: f.text(),
  uscc: f.uscc(),
  holder_name: f.text(),
  holder_type: f.oneOf(['natural_person', 'enterprise', 'state']),
  subscribed_capital_wan: f.wan(),
  share_ratio: f.decimal({ places: 4, max: 1 }),
  updated_at: f.timestamp(),
});
export type Shareholder = z.output<typeof shareholderSchema>;

export const penaltySchema = z.object({
  decision_no: f.text(),
  uscc: f.uscc(),
  authority: f.text(),
  violation: f.text(),
  penalty_type: f.oneOf(['warning', 'fine', 'confiscation', 'suspension', 'licence_revoked']),
  amount_yuan: f.yuan(),
  decided_on: f.date(),
  updated_at: f.timestamp(),
});
export type Penalty = z.output<typeof penaltySchema>;

export const abnormalOperationSchema = z.object({
  entry_id: f.text(),
  uscc: f.uscc(),
  reason: f.text(),
  listed_on: f.date(),
  /** Null while the enterprise is still listed. */
  removed_on: f.date().nullable(),
  removal_reason: z.string().nullable(),
  updated_at: f.timestamp(),
});
export type AbnormalOperation = z.output<typeof abnormalOperationSchema>;

export const annualReportSchema = z.object({
  report_id: f.text(),
  uscc: f.uscc(),
  year: f.integer(1949, 2100),
  insured_employees: f.count(),
  total_employees: f.count(),
  /** Null when the enterprise chose not to disclose it. */
  revenue_wan: f.wan().nullable(),
  total_assets_wan: f.wan(),
  filed_on: f.date(),
  on_time: f.flag(),
  updated_at: f.timestamp(),
});
export type AnnualReport = z.output<typeof annualReportSchema>;

export const registrations = defineStream({
  name: 'registrations',
  description: 'Registered enterprises: identity, capital, status, district, industry and tags.',
  schema: registrationSchema,
  idField: 'uscc',
  normalizeRawId: normalizeUscc,
  defaultSchedule: '2 * * * *',
});

export const changes = defineStream({
  name: 'changes',
  description: 'Registered changes (name, representative, capital, address, scope, shareholders, status).',
  schema: changeSchema,
  idField: 'change_id',
  defaultSchedule: '7 * * * *',
});

export const shareholders = defineStream({
  name: 'shareholders',
  description: 'Shareholders with subscribed capital and share ratio.',
  schema: shareholderSchema,
  idField: 'shareholder_id',
  defaultSchedule: '12 */6 * * *',
});

export const penalties = defineStream({
  name: 'penalties',
  description: 'Administrative penalty decisions.',
  schema: penaltySchema,
  idField: 'decision_no',
  defaultSchedule: '17 */2 * * *',
});

export const abnormalOperations = defineStream({
  name: 'abnormal_operations',
  description: 'Entries on and removals from the list of abnormal operations (经营异常名录).',
  schema: abnormalOperationSchema,
  idField: 'entry_id',
  defaultSchedule: '22 */2 * * *',
});

export const annualReports = defineStream({
  name: 'annual_reports',
  description: 'Annual reports: employees, revenue, assets, filing punctuality.',
  schema: annualReportSchema,
  idField: 'report_id',
  defaultSchedule: '27 2 * * *',
});

export const MARKET_REGULATION_STREAMS = [registrations, changes, shareholders, penalties, abnormalOperations, annualReports] as const;
