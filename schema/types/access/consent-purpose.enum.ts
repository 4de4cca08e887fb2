import { registerEnumType } from 'type-graphql';
import { CONSENT_PURPOSES, type ConsentPurpose } from '../../../src/access/consent-rules';

/** Consent purposes as a GraphQL enum: `credit_assessment` ↔ `CREDIT_ASSESSMENT`. */
export const ConsentPurposeGql = Object.fromEntries(CONSENT_PURPOSES.map((p) => [p.toUpperCase(), p.toUpperCase()])) as { [P in Uppercase<ConsentPurpose>]: P };
export type ConsentPurposeGql = Uppercase<ConsentPurpose>;

registerEnumType(ConsentPurposeGql, {
  name: 'ConsentPurpose',
  description: 'Why an enterprise lets an institution read its data (征信业管理条例: a query needs the subject’s authorisation and a stated purpose).',
});

export const toPurposeKey = (purpose: ConsentPurposeGql): ConsentPurpose => purpose.toLowerCase() as ConsentPurpose;
export const fromPurposeKey = (purpose: ConsentPurpose): ConsentPurposeGql => purpose.toUpperCase() as ConsentPurposeGql;
