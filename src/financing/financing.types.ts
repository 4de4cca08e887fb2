/**
 * The vocabulary of financing history: what institutions lend (products), what they record
 * (event kinds) and where a case stands (states). Money is integer CNY fen throughout.
 */
export const FINANCING_PRODUCTS = ['CREDIT_LOAN', 'IP_PLEDGE_LOAN', 'TALENT_LOAN', 'SUPPLY_CHAIN', 'GUARANTEED_LOAN'] as const;
export type FinancingProduct = (typeof FINANCING_PRODUCTS)[number];

export const FINANCING_EVENT_KINDS = ['APPLICATION', 'APPROVAL', 'REJECTION', 'DISBURSEMENT', 'REPAYMENT', 'OVERDUE', 'DEFAULT', 'SETTLEMENT', 'RECOVERY'] as const;
export type FinancingEventKind = (typeof FINANCING_EVENT_KINDS)[number];

export const FINANCING_STATES = ['APPLIED', 'APPROVED', 'REJECTED', 'DISBURSED', 'OVERDUE', 'DEFAULTED', 'SETTLED'] as const;
export type FinancingState = (typeof FINANCING_STATES)[number];

/** One amount of one event: at most 1,000 亿元 (10^13 fen), so that sums stay exact in a double. */
export const MAX_AMOUNT_FEN = 10_000_000_000_000;
/** Longest term accepted: 30 years. */
export const MAX_TERM_MONTHS = 360;
/** Highest annual rate accepted: 100 % (10,000 basis points). */
export const MAX_ANNUAL_RATE_BP = 10_000;
/** Most patents one IP-pledge loan may name. */
export const MAX_PLEDGED_PATENTS = 50;
export const MAX_NOTE_LENGTH = 500;
/** Idempotency keys: 1–128 visible ASCII characters (a UUID, a request id, …), compared exactly. */
export const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,128}$/;
