import { z } from 'zod';
import { defineStream } from '../sdk/define-stream';
import * as f from '../sdk/fields';

/** Record shapes of the patent office, per docs/sandbox-api.md. */

/** CNIPA application number, e.g. `CN202310123456.7`: year, type digit, serial, check character. */
const applicationNo = () => f.pattern(/^CN\d{12}\.[0-9X]$/, 'a CNIPA application number like CN202310123456.7');

export const patentSchema = z.object({
  application_no: applicationNo(),
  patent_type: f.oneOf(['invention', 'utility_model', 'design']),
  title: f.text(),
  /** Names as filed; sometimes a former name of the enterprise. */
  applicants: z.array(f.text()).min(1),
  filed_on: f.date(),
  /** Null until published. */
  published_on: f.date().nullable(),
  /** Null unless granted. */
  granted_on: f.date().nullable(),
  ipc_codes: z.array(f.text()),
  claims_count: f.count(),
  cited_by_count: f.count(),
  family_size: f.count(),
  pct: f.flag(),
  legal_status: f.oneOf(['pending', 'granted', 'rejected', 'lapsed_non_payment', 'expired', 'invalidated']),
  /** Current holder's name, after transfers. */
  owner: f.text(),
  updated_at: f.timestamp(),
});
export type Patent = z.output<typeof patentSchema>;

export const legalEventSchema = z.object({
  event_id: f.text(),
  application_no: applicationNo(),
  event_type: f.oneOf(['granted', 'lapsed_non_payment', 'expired', 'invalidated', 'transferred', 'licensed', 'pledged', 'pledge_released']),
  event_on: f.date(),
  /** Transferee, licensee or pledgee; null for other events. */
  counterparty: z.string().nullable(),
  updated_at: f.timestamp(),
});
export type LegalEvent = z.output<typeof legalEventSchema>;

export const patents = defineStream({
  name: 'patents',
  description: 'Patents: type, applicants, dates, IPC codes, citations, family, legal status and owner.',
  schema: patentSchema,
  idField: 'application_no',
  defaultSchedule: '4 */6 * * *',
});

export const legalEvents = defineStream({
  name: 'legal_events',
  description: 'Legal events: grants, lapses, invalidations, transfers, licences and pledges.',
  schema: legalEventSchema,
  idField: 'event_id',
  defaultSchedule: '14 * * * *',
});

export const PATENT_STREAMS = [patents, legalEvents] as const;
