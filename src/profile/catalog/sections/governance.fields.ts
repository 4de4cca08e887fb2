import { defineSection } from '../define-section';
import { derived, type Derived } from '../../derive/derived';
import { monthsBetween } from '../../derive/calendar';
import { round } from '../../derive/amounts';
import type { DeriveContext } from '../../derive/derive-context';
import { nameKey } from '../../../resolution/name-normalizer';
import { AS_OF_STATE, countChanges36m, itemAsOf, latestPastChange, registrationAsOf } from '../../derive/identity-registry-as-of';
import { holderProvenance, holdersBySize, registerAsOf, type HolderAsOf } from '../../derive/governance-holders';

const HOLDER_TYPES = ['natural_person', 'enterprise', 'state'] as const;

const REGISTER =
  'Shareholder records carry only their latest state, so the register of the as-of date is reconstructed: holders with a ratio above 0, except those named as joining (`after`) in a `shareholder` change dated after the as-of date, plus holders now at ratio 0 named as leaving (`before`) in such a change. Shares are the records\' share_ratio; a single holder who left after the as-of date gets the remainder (1 − the others\' shares).';
const NO_REGISTER = 'unknown: no shareholder in force on the as-of date (no register received, or not yet established)';
const NO_SHARES = `${NO_REGISTER}; or the shares of that date cannot be reconstructed (several holders left after it)`;


const share = (bp: number): number => round(bp / 10_000, 4);


/** Holders of one type in force on the as-of date. */
const holdersOfType = (type: HolderAsOf['type']) => (ctx: DeriveContext): Derived => {
  const register = registerAsOf(ctx);
  if (register === null) return derived(null);
  const hs = register.holders.filter((h) => h.type === type);
  return derived(hs.length, holderProvenance(register, hs));
};

/** A value computed from every holder's known share. */
const fromShares = (compute: (holders: readonly (HolderAsOf & { readonly basisPoints: number })[]) => { value: number | string; from: readonly HolderAsOf[] }) => (ctx: DeriveContext): Derived => {
  const register = registerAsOf(ctx);
  const holders = holdersBySize(ctx);
  if (register === null || holders === null || holders.length === 0) return derived(null);
  const { value, from } = compute(holders);
  return derived(value, holderProvenance(register, from));
};

function legalRepresentative(ctx: DeriveContext): Derived {
  const v = itemAsOf(ctx, 'legal_representative', (d) => d.legal_representative);
  const name = v?.value?.trim() ?? '';
  return v === null || name === '' ? derived(null) : derived(name.slice(0, 50), [v.record]);
}

/** The legal representative's holdings on the as-of date (natural-person holders of the same name). */
function repHoldings(ctx: DeriveContext): { rep: Derived; holders: readonly HolderAsOf[] } | null {
  const rep = ctx.field('legal_representative');
  const register = registerAsOf(ctx);
  if (typeof rep.value !== 'string' || register === null) return null;
  const key = nameKey(rep.value);
  return { rep, holders: register.holders.filter((h) => h.type === 'natural_person' && h.nameKey === key) };
}

export const GOVERNANCE_FIELDS = defineSection('governance', [
  {
    key: 'legal_representative',
    type: 'string',
    unit: null,
    maxLength: 50,
    zh: '法定代表人（截至评估日）',
    en: 'Legal representative as of the as-of date',
    sources: ['market-regulation'],
    derivation: `registrations.legal_representative. ${AS_OF_STATE}`,
    nullMeans: 'unknown: no registration record, or the enterprise was established after the as-of date',
    derive: legalRepresentative,
  },
  {
    key: 'legal_rep_changes_36m',
    type: 'integer',
    unit: 'count',
    zh: '近36个月法定代表人变更次数',
    en: 'Legal representative changes in the last 36 months',
    sources: ['market-regulation'],
    derivation: 'Number of `changes` records with item "legal_representative" whose changed_on lies in (as-of date − 36 months, as-of date].',
    nullMeans: 'never null: 0 when there is none',
    derive: countChanges36m('legal_representative'),
  },
  {
    key: 'legal_rep_tenure_months',
    type: 'integer',
    unit: 'months',
    zh: '现任法定代表人任职月数',
    en: 'Months the current legal representative has been in office at the as-of date',
    sources: ['market-regulation'],
    derivation: 'Whole months from the changed_on of the latest `changes` record with item "legal_representative" dated on or before the as-of date to the as-of date; with no such change, from registrations.established_on (the registry\'s change history reaches back 36 months, so for older firms a change before that is not seen and tenure is then an upper bound).',
    nullMeans: 'unknown: no registration record (or established after the as-of date) and no representative change recorded',
    derive: (ctx) => {
      const c = latestPastChange(ctx, 'legal_representative');
      if (c !== null) return derived(monthsBetween(c.data.changed_on, ctx.asOf), [c]);
      const reg = registrationAsOf(ctx);
      return reg === null ? derived(null) : derived(monthsBetween(reg.data.established_on, ctx.asOf), [reg]);
    },
  },
  {
    key: 'shareholder_count',
    type: 'integer',
    unit: 'count',
    zh: '在册股东（出资人）数量',
    en: 'Number of shareholders (partners, owners) in force',
    sources: ['market-regulation'],
    derivation: `Number of holders with a share above 0 on the as-of date. ${REGISTER}`,
    nullMeans: NO_REGISTER,
    derive: (ctx) => {
      const register = registerAsOf(ctx);
      return register === null ? derived(null) : derived(register.holders.length, holderProvenance(register, register.holders));
    },
  },
  {
    key: 'natural_person_holders',
    type: 'integer',
    unit: 'count',
    zh: '自然人股东数量',
    en: 'Number of natural-person shareholders in force',
    sources: ['market-regulation'],
    derivation: `Number of holders of holder_type "natural_person" in force on the as-of date. ${REGISTER}`,
    nullMeans: NO_REGISTER,
    derive: holdersOfType('natural_person'),
  },
  {
    key: 'enterprise_holders',
    type: 'integer',
    unit: 'count',
    zh: '企业（机构）股东数量',
    en: 'Number of enterprise shareholders in force',
    sources: ['market-regulation'],
    derivation: `Number of holders of holder_type "enterprise" in force on the as-of date (state investors excluded). ${REGISTER}`,
    nullMeans: NO_REGISTER,
    derive: holdersOfType('enterprise'),
  },
  {
    key: 'largest_holder_share',
    type: 'ratio',
    unit: null,
    scale: 4,
    zh: '第一大股东持股比例',
    en: 'Share held by the largest shareholder',
    sources: ['market-regulation'],
    derivation: `Largest share_ratio among holders in force on the as-of date. ${REGISTER}`,
    nullMeans: NO_SHARES,
    derive: fromShares((hs) => ({ value: share(hs[0]?.basisPoints ?? 0), from: hs.slice(0, 1) })),
  },
  {
    key: 'largest_holder_type',
    type: 'enum',
    unit: null,
    values: HOLDER_TYPES,
    zh: '第一大股东类型（自然人、企业、国有）',
    en: 'Type of the largest shareholder (natural person, enterprise, state)',
    sources: ['market-regulation'],
    derivation: `holder_type of the holder with the largest share on the as-of date; on a tie a natural person first, then an enterprise. ${REGISTER}`,
    nullMeans: NO_SHARES,
    derive: fromShares((hs) => ({ value: hs[0]?.type ?? 'natural_person', from: hs.slice(0, 1) })),
  },
  {
    key: 'top3_holders_share',
    type: 'ratio',
    unit: null,
    scale: 4,
    zh: '前三大股东合计持股比例',
    en: 'Combined share of the three largest shareholders',
    sources: ['market-regulation'],
    derivation: `Sum of the three largest share_ratio values (all holders when fewer) on the as-of date. ${REGISTER}`,
    nullMeans: NO_SHARES,
    derive: fromShares((hs) => {
      const top = hs.slice(0, 3);
      return { value: share(top.reduce((n, h) => n + h.basisPoints, 0)), from: top };
    }),
  },
  {
    key: 'ownership_hhi',
    type: 'ratio',
    unit: null,
    scale: 4,
    zh: '股权集中度（赫芬达尔指数，0–1）',
    en: 'Ownership concentration: Herfindahl–Hirschman index of shares (0–1; 1 = a single owner)',
    sources: ['market-regulation'],
    derivation: `Σ share² over holders in force on the as-of date, shares as fractions of 1. ${REGISTER}`,
    nullMeans: NO_SHARES,
    derive: fromShares((hs) => ({ value: round(hs.reduce((n, h) => n + (h.basisPoints / 10_000) ** 2, 0), 4), from: hs })),
  },
  {
    key: 'natural_person_share',
    type: 'ratio',
    unit: null,
    scale: 4,
    zh: '自然人股东合计持股比例',
    en: 'Combined share held by natural persons',
    sources: ['market-regulation'],
    derivation: `Sum of share_ratio of natural-person holders in force on the as-of date (0 when none). ${REGISTER}`,
    nullMeans: NO_SHARES,
    derive: fromShares((hs) => ({ value: share(hs.reduce((n, h) => n + (h.type === 'natural_person' ? h.basisPoints : 0), 0)), from: hs })),
  },
  {
    key: 'legal_rep_is_shareholder',
    type: 'boolean',
    unit: null,
    zh: '法定代表人是否为股东',
    en: 'Whether the legal representative is a shareholder',
    sources: ['market-regulation'],
    derivation: `Whether a natural-person holder in force on the as-of date has the legal representative's name (legal_representative; names compared ignoring width and spaces). ${REGISTER}`,
    nullMeans: `unknown: legal representative unknown, or ${NO_REGISTER.replace('unknown: ', '')}`,
    derive: (ctx) => {
      const r = repHoldings(ctx);
      const register = registerAsOf(ctx);
      if (r === null || register === null) return derived(null);
      // Evidence: the representative and either their holding or the whole register they are absent from.
      const evidence = holderProvenance(register, r.holders.length > 0 ? r.holders : register.holders);
      return derived(r.holders.length > 0, [...r.rep.records, ...evidence]);
    },
  },
  {
    key: 'legal_rep_share',
    type: 'ratio',
    unit: null,
    scale: 4,
    zh: '法定代表人持股比例',
    en: 'Share held by the legal representative (0 when not a shareholder)',
    sources: ['market-regulation'],
    derivation: `Sum of share_ratio of natural-person holders in force on the as-of date named as the legal representative; 0 when they hold nothing. ${REGISTER}`,
    nullMeans: `unknown: legal representative unknown, or ${NO_SHARES.replace('unknown: ', '')}`,
    derive: (ctx) => {
      const r = repHoldings(ctx);
      const register = registerAsOf(ctx);
      const sized = holdersBySize(ctx);
      if (r === null || register === null || sized === null) return derived(null);
      const mine = sized.filter((h) => r.holders.some((x) => x.record === h.record));
      const evidence = holderProvenance(register, mine.length > 0 ? mine : sized);
      return derived(share(mine.reduce((n, h) => n + h.basisPoints, 0)), [...r.rep.records, ...evidence]);
    },
  },
  {
    key: 'shareholder_changes_36m',
    type: 'integer',
    unit: 'count',
    zh: '近36个月股东（出资人）变更次数',
    en: 'Shareholder changes in the last 36 months',
    sources: ['market-regulation'],
    derivation: 'Number of `changes` records with item "shareholder" whose changed_on lies in (as-of date − 36 months, as-of date].',
    nullMeans: 'never null: 0 when there is none',
    derive: countChanges36m('shareholder'),
  },
  {
    key: 'registered_capital_changes_36m',
    type: 'integer',
    unit: 'count',
    zh: '近36个月注册资本变更次数',
    en: 'Registered capital changes in the last 36 months',
    sources: ['market-regulation'],
    derivation: 'Number of `changes` records with item "registered_capital" whose changed_on lies in (as-of date − 36 months, as-of date].',
    nullMeans: 'never null: 0 when there is none',
    derive: countChanges36m('registered_capital'),
  },
]);
