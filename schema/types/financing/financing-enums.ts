import { registerEnumType } from 'type-graphql';
import { FINANCING_EVENT_KINDS, FINANCING_PRODUCTS, FINANCING_STATES, type FinancingEventKind, type FinancingProduct, type FinancingState } from '../../../src/financing/financing.types';
import { TOTALS_GROUPS, type TotalsGroup } from '../../../src/financing/financing-totals';

const asEnum = <T extends string>(values: readonly T[]) => Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };

export const FinancingProductGql = asEnum(FINANCING_PRODUCTS);
export type FinancingProductGql = FinancingProduct;
registerEnumType(FinancingProductGql, {
  name: 'FinancingProduct',
  description: 'What was lent.',
  valuesConfig: {
    CREDIT_LOAN: { description: 'Unsecured credit loan (信用贷款).' },
    IP_PLEDGE_LOAN: { description: 'Loan secured by pledged patents (知识产权质押贷款); names the pledged patents.' },
    TALENT_LOAN: { description: 'Loan backed by a talent programme (人才贷).' },
    SUPPLY_CHAIN: { description: 'Supply-chain finance (供应链金融).' },
    GUARANTEED_LOAN: { description: 'Loan guaranteed by a guarantor (担保贷款).' },
  },
});

export const FinancingEventKindGql = asEnum(FINANCING_EVENT_KINDS);
export type FinancingEventKindGql = FinancingEventKind;
registerEnumType(FinancingEventKindGql, { name: 'FinancingEventKind', description: 'What happened to a financing case (see the state table in docs/api-financing.md).' });

export const FinancingStateGql = asEnum(FINANCING_STATES);
export type FinancingStateGql = FinancingState;
registerEnumType(FinancingStateGql, { name: 'FinancingState', description: 'Where a financing case stands. REJECTED and SETTLED are terminal.' });

export const FinancingTotalsGroupGql = asEnum(TOTALS_GROUPS);
export type FinancingTotalsGroupGql = TotalsGroup;
registerEnumType(FinancingTotalsGroupGql, {
  name: 'FinancingTotalsGroup',
  description: 'What financing totals are grouped by.',
  valuesConfig: { PRODUCT: { description: 'The case’s product.' }, INSTITUTION: { description: 'The lending institution.' }, MONTH: { description: 'The month (YYYY-MM) of the event date.' } },
});
