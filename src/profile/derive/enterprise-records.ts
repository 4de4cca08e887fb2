import type { z } from 'zod';
import type * as mr from '../../../connectors/market-regulation/market-regulation.streams';
import type * as patent from '../../../connectors/patent/patent.streams';
import type * as tax from '../../../connectors/tax/tax.streams';
import type * as utility from '../../../connectors/utility/utility.streams';

/**
 * A stored raw record as the profile sees it: the payload exactly as the agency sent it (validated,
 * so it has the stream's shape; money and decimals are strings such as `"1234.50"`), and where it is
 * stored, for provenance.
 */
export interface SourceRecord<T = unknown> {
  /** `raw_record.id`. */
  readonly id: string;
  readonly connector: string;
  readonly stream: string;
  /** The record's `updated_at` at the source. */
  readonly updatedAt: Date;
  readonly data: T;
}

type Raw<S extends z.ZodType> = z.input<S>;

export type RegistrationRecord = SourceRecord<Raw<typeof mr.registrationSchema>>;
export type ChangeRecord = SourceRecord<Raw<typeof mr.changeSchema>>;
export type ShareholderRecord = SourceRecord<Raw<typeof mr.shareholderSchema>>;
export type PenaltyRecord = SourceRecord<Raw<typeof mr.penaltySchema>>;
export type AbnormalOperationRecord = SourceRecord<Raw<typeof mr.abnormalOperationSchema>>;
export type AnnualReportRecord = SourceRecord<Raw<typeof mr.annualReportSchema>>;
export type DeclarationRecord = SourceRecord<Raw<typeof tax.declarationSchema>>;
export type ArrearRecord = SourceRecord<Raw<typeof tax.arrearSchema>>;
export type CreditGradeRecord = SourceRecord<Raw<typeof tax.creditGradeSchema>>;
export type RdDeductionRecord = SourceRecord<Raw<typeof tax.rdDeductionSchema>>;
export type AccountRecord = SourceRecord<Raw<typeof utility.accountSchema>>;
export type BillRecord = SourceRecord<Raw<typeof utility.billSchema>>;
export type PatentRecord = SourceRecord<Raw<typeof patent.patentSchema>>;
export type LegalEventRecord = SourceRecord<Raw<typeof patent.legalEventSchema>>;

/** A financing event an institution recorded through the API (`financing_event`), as the profile reads it. */
export interface FinancingEventData {
  readonly case_id: number;
  readonly institution_id: number;
  readonly product: string;
  /** APPLICATION, APPROVAL, REJECTION, DISBURSEMENT, REPAYMENT, OVERDUE, DEFAULT, SETTLEMENT or RECOVERY. */
  readonly kind: string;
  /** Fen; null when the event carries no amount. */
  readonly amount_fen: number | null;
  /** `YYYY-MM-DD`. */
  readonly occurred_on: string;
}
/** Its `id` is the `financing_event` id (not a raw record's), its connector `financing`, its updatedAt when recorded. */
export type FinancingEventRecord = SourceRecord<FinancingEventData>;

/**
 * Every stored record resolved to one enterprise, by stream. Records are the latest stored version;
 * derivations filter them by their own dates against the as-of date, so a past profile can be
 * rebuilt from the same records.
 */
export interface EnterpriseRecords {
  readonly uscc: string;
  /** The registry record; null when the registry has not (validly) sent it. */
  readonly registration: RegistrationRecord | null;
  readonly changes: readonly ChangeRecord[];
  readonly shareholders: readonly ShareholderRecord[];
  readonly penalties: readonly PenaltyRecord[];
  readonly abnormalOperations: readonly AbnormalOperationRecord[];
  readonly annualReports: readonly AnnualReportRecord[];
  readonly declarations: readonly DeclarationRecord[];
  readonly arrears: readonly ArrearRecord[];
  readonly creditGrades: readonly CreditGradeRecord[];
  readonly rdDeductions: readonly RdDeductionRecord[];
  readonly accounts: readonly AccountRecord[];
  readonly bills: readonly BillRecord[];
  readonly patents: readonly PatentRecord[];
  readonly legalEvents: readonly LegalEventRecord[];
  /** Financing events recorded by institutions, in recording order (not a connector's stream). */
  readonly financingEvents: readonly FinancingEventRecord[];
}

/** Where each (connector, stream) lands in `EnterpriseRecords`. */
export const RECORD_SLOTS = {
  'market-regulation/registrations': 'registration',
  'market-regulation/changes': 'changes',
  'market-regulation/shareholders': 'shareholders',
  'market-regulation/penalties': 'penalties',
  'market-regulation/abnormal_operations': 'abnormalOperations',
  'market-regulation/annual_reports': 'annualReports',
  'tax/declarations': 'declarations',
  'tax/arrears': 'arrears',
  'tax/credit_grades': 'creditGrades',
  'tax/rd_deductions': 'rdDeductions',
  'utility/accounts': 'accounts',
  'utility/bills': 'bills',
  'patent/patents': 'patents',
  'patent/legal_events': 'legalEvents',
} as const satisfies Record<string, keyof Omit<EnterpriseRecords, 'uscc'>>;

type ListSlot = Exclude<keyof EnterpriseRecords, 'uscc' | 'registration'>;

/** An empty bundle, to fill record by record (used by the loader and by tests). */
export function emptyRecords(uscc: string): { -readonly [K in keyof EnterpriseRecords]: K extends ListSlot ? EnterpriseRecords[K][number][] : EnterpriseRecords[K] } {
  return {
    uscc,
    registration: null,
    changes: [],
    shareholders: [],
    penalties: [],
    abnormalOperations: [],
    annualReports: [],
    declarations: [],
    arrears: [],
    creditGrades: [],
    rdDeductions: [],
    accounts: [],
    bills: [],
    patents: [],
    legalEvents: [],
    financingEvents: [],
  };
}
