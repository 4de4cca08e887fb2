/** Why a record was kept out of the clean tables. Stable codes: stewards filter and count by them. */
export const QUARANTINE_REASONS = {
  NOT_AN_OBJECT: 'The record is not a JSON object.',
  MISSING_ID: 'The record has no usable identifier.',
  MISSING_FIELD: 'A required field is missing or null.',
  INVALID_TYPE: 'A field has the wrong type.',
  INVALID_FORMAT: 'A field does not have the expected format.',
  INVALID_DATE: 'A date or timestamp is not a real calendar date.',
  INVALID_USCC: 'A unified social credit code (GB 32100-2015) fails its checks.',
  INVALID_ENUM: 'A field holds a value outside its allowed set.',
  OUT_OF_RANGE: 'A number is outside its allowed range (e.g. a negative amount).',
} as const;

export type QuarantineReasonCode = keyof typeof QUARANTINE_REASONS;

export type ValidationOutcome<T> =
  | { ok: true; record: T; externalId: string; updatedAt: Date }
  | { ok: false; externalId: string | null; reasonCode: QuarantineReasonCode; message: string };
