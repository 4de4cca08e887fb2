import { defineSection } from '../define-section';
import { derived } from '../../derive/derived';
import { daysBetween, withinMonths } from '../../derive/calendar';
import { growth } from '../../derive/amounts';
import type { DeriveContext } from '../../derive/derive-context';
import type { SourceRecord } from '../../derive/enterprise-records';
import { pledgesAsOf, type Pledge } from '../../derive/ip-pledges';
import { capitalChanges36m, capitalIncreases, capitalIncreases36m, windowStart36m } from '../../derive/financing-capital-changes';
import { validPatents } from '../../derive/ip-portfolio';
import { investmentVehicleHolders, shareOf, stateHolders } from '../../derive/financing-shareholders';
import { eventsOfKind, eventsOfKindWithin, outstandingLoans } from '../../derive/financing-loans';

/*
 * Financing, as far as the hub's sources show it. Debt: patent pledges registered at the patent
 * office (a pledge secures a bank loan; the pledgee is the lender), and loans financial institutions
 * record through the API (source `financing`: cases and their events). Equity: investment vehicles
 * and state investors on the shareholder register, registered-capital increases. Registered and
 * paid-in capital themselves are identity fields; counts of capital changes are governance's.
 */

/** Repeated derivation wording for recorded financing events. */
const LOAN_EVENTS =
  'financing events recorded by institutions through the API (applyForFinancing / recordFinancingEvent) whose occurredOn is on or before the as-of date';
/** How a case's outstanding on the as-of date follows from its events. */
const OUTSTANDING = `a case's outstanding on the as-of date is the sum of its DISBURSEMENT amounts less its REPAYMENT, RECOVERY and SETTLEMENT (write-off) amounts, over ${LOAN_EVENTS}`;

/** Repeated derivation wording for the enterprise's pledges. */
const PLEDGES =
  'The enterprise\'s patent pledges: `pledged` legal events of its patents dated on or before the as-of date and registered while it held the patent (before any transfer out); a `pledge_released` event of the same pledgee dated on or before the as-of date releases the oldest open one';

/** Pledgees (lending banks) of some pledges, distinct by nameKey; provenance the first pledge of each. */
function distinctPledgees(pledges: readonly Pledge[]): { count: number; records: SourceRecord[] } {
  const seen = new Set<string>();
  const first: SourceRecord[] = [];
  for (const p of pledges) {
    if (p.pledgeeKey === '' || seen.has(p.pledgeeKey)) continue;
    seen.add(p.pledgeeKey);
    first.push(p.pledged);
  }
  return { count: seen.size, records: first };
}

/** The enterprise's pledges ordered by registration date (memoised). */
const pledgesByDate = (ctx: DeriveContext): readonly Pledge[] =>
  ctx.memo('fin:pledges-by-date', () =>
    [...pledgesAsOf(ctx)].sort((a, b) => (a.pledged.data.event_on < b.pledged.data.event_on ? -1 : a.pledged.data.event_on > b.pledged.data.event_on ? 1 : 0)),
  );

export const FINANCING_FIELDS = defineSection('financing', [
  // ── Debt: patent pledge financing ──────────────────────────────────────────────────────────
  {
    key: 'ip_pledges_registered_36m',
    type: 'integer',
    unit: 'count',
    zh: '近36个月登记的专利质押笔数',
    en: 'Patent pledges registered in the last 36 months',
    sources: ['patent'],
    derivation: `Count of pledges (${PLEDGES}) whose \`pledged\` event_on is in (as-of date − 36 months, as-of date].`,
    nullMeans: 'never null: 0 when no pledge was registered in the window',
    derive: (ctx) => {
      const recent = pledgesAsOf(ctx).filter((p) => withinMonths(p.pledged.data.event_on, ctx.asOf, 36));
      return derived(recent.length, recent.map((p) => p.pledged));
    },
  },
  {
    key: 'active_pledgee_banks',
    type: 'integer',
    unit: 'count',
    zh: '评估日仍有在押专利的质权人（银行）数',
    en: 'Lenders (pledgees) holding an active patent pledge on the as-of date',
    sources: ['patent'],
    derivation: `Number of distinct pledgees (counterparty, compared by nameKey) among active pledges (${PLEDGES}): not released and the pledged right not ended (lapse, expiry, invalidation) by the as-of date. The count of pledged patents is intellectual_property.pledged_patents. Provenance: the first active pledge event of each pledgee.`,
    nullMeans: 'never null: 0 when no pledge is active',
    derive: (ctx) => {
      const { count, records } = distinctPledgees(pledgesByDate(ctx).filter((p) => p.active));
      return derived(count, records);
    },
  },
  {
    key: 'pledgee_banks',
    type: 'integer',
    unit: 'count',
    zh: '累计专利质押质权人（银行）数',
    en: 'Distinct lenders (pledgees) the enterprise has pledged patents to, ever',
    sources: ['patent'],
    derivation: `Number of distinct pledgees (counterparty, compared by nameKey) over all pledges (${PLEDGES}), active or released. Provenance: the first pledge event of each pledgee.`,
    nullMeans: 'never null: 0 when the enterprise never pledged a patent',
    derive: (ctx) => {
      const { count, records } = distinctPledgees(pledgesByDate(ctx));
      return derived(count, records);
    },
  },
  {
    key: 'first_loan_date',
    type: 'date',
    unit: null,
    zh: '首笔贷款日期（首次专利质押登记日与机构记录的首次放款日中较早者）',
    en: 'First loan date (the earlier of the first patent pledge registration and the first recorded disbursement)',
    sources: ['patent', 'financing'],
    derivation: `The earlier of: the earliest \`pledged\` event_on among the enterprise's pledges (${PLEDGES}; a patent pledge secures a bank loan, so its registration dates a loan), and the earliest occurredOn of a DISBURSEMENT among ${LOAN_EVENTS}. Provenance: that one event.`,
    nullMeans: 'none known: no patent pledge and no recorded disbursement by the as-of date (the enterprise may still have loans from institutions that record none here)',
    derive: (ctx) => {
      const pledge = pledgesByDate(ctx)[0];
      let disbursement = eventsOfKind(ctx, 'DISBURSEMENT')[0];
      for (const d of eventsOfKind(ctx, 'DISBURSEMENT')) if (d.data.occurred_on < disbursement!.data.occurred_on) disbursement = d;
      if (disbursement !== undefined && (pledge === undefined || disbursement.data.occurred_on < pledge.pledged.data.event_on)) return derived(disbursement.data.occurred_on, [disbursement]);
      return pledge === undefined ? derived(null) : derived(pledge.pledged.data.event_on, [pledge.pledged]);
    },
  },
  {
    key: 'latest_pledge_date',
    type: 'date',
    unit: null,
    zh: '最近一次专利质押登记日',
    en: 'Latest patent pledge registration date',
    sources: ['patent'],
    derivation: `Latest \`pledged\` event_on among the enterprise's pledges (${PLEDGES}).`,
    nullMeans: 'none: no patent pledge on record by the as-of date',
    derive: (ctx) => {
      const all = pledgesByDate(ctx);
      const last = all[all.length - 1];
      return last === undefined ? derived(null) : derived(last.pledged.data.event_on, [last.pledged]);
    },
  },
  {
    key: 'ip_pledges_released',
    type: 'integer',
    unit: 'count',
    zh: '已解除的专利质押笔数（通常意味着贷款已还清）',
    en: 'Patent pledges released (usually: the secured loan was repaid)',
    sources: ['patent'],
    derivation: `Count of the enterprise's pledges (${PLEDGES}) released by a \`pledge_released\` event dated on or before the as-of date. Provenance: the release events.`,
    nullMeans: 'never null: 0 when no pledge was released',
    derive: (ctx) => {
      const released: SourceRecord[] = [];
      for (const p of pledgesAsOf(ctx)) if (p.released !== null) released.push(p.released);
      return derived(released.length, released);
    },
  },
  {
    key: 'avg_pledge_duration_days',
    type: 'integer',
    unit: 'days',
    zh: '已解除专利质押的平均质押期（天）',
    en: 'Average duration of released patent pledges (days)',
    sources: ['patent'],
    derivation: `Mean, rounded to whole days, of the days from the \`pledged\` event_on to the \`pledge_released\` event_on over the enterprise's pledges released on or before the as-of date (${PLEDGES}); an indication of the secured loans' tenor. Provenance: both events of each.`,
    nullMeans: 'not applicable: no pledge released by the as-of date',
    derive: (ctx) => {
      let days = 0;
      const used: SourceRecord[] = [];
      for (const p of pledgesAsOf(ctx)) {
        if (p.released === null) continue;
        days += daysBetween(p.pledged.data.event_on, p.released.data.event_on);
        used.push(p.pledged, p.released);
      }
      return used.length === 0 ? derived(null) : derived(Math.round(days / (used.length / 2)), used);
    },
  },
  // ── Debt: loans recorded by institutions (source financing) ───────────────────────────────
  {
    key: 'recorded_loans_outstanding_fen',
    type: 'money',
    unit: 'CNY fen',
    zh: '评估日机构记录的贷款余额',
    en: 'Outstanding balance of loans recorded by institutions, on the as-of date',
    sources: ['financing'],
    derivation: `Sum over the enterprise's financing cases of their outstanding, where ${OUTSTANDING}. Cases fully repaid, recovered or written off count 0. Provenance: the balance-moving events of the cases still outstanding.`,
    nullMeans: 'never null: 0 when no recorded loan is outstanding (loans at institutions that record nothing in the hub are not known)',
    derive: (ctx) => {
      const loans = outstandingLoans(ctx);
      let total = 0;
      for (const l of loans) total += l.outstandingFen;
      return derived(total, loans.flatMap((l) => l.events));
    },
  },
  {
    key: 'lenders_with_outstanding_loan',
    type: 'integer',
    unit: 'count',
    zh: '评估日有未结清贷款的机构数',
    en: 'Institutions with a recorded loan outstanding on the as-of date',
    sources: ['financing'],
    derivation: `Number of distinct institutions among the enterprise's financing cases with an outstanding above 0, where ${OUTSTANDING}. Provenance: the balance-moving events of those cases.`,
    nullMeans: 'never null: 0 when no recorded loan is outstanding',
    derive: (ctx) => {
      const loans = outstandingLoans(ctx);
      return derived(new Set(loans.map((l) => l.institutionId)).size, loans.flatMap((l) => l.events));
    },
  },
  {
    key: 'loans_disbursed_36m',
    type: 'integer',
    unit: 'count',
    zh: '近36个月机构记录的放款笔数（按贷款计）',
    en: 'Recorded loans with a disbursement in the last 36 months',
    sources: ['financing'],
    derivation: `Number of distinct financing cases with a DISBURSEMENT event whose occurredOn is in (as-of date − 36 months, as-of date], among ${LOAN_EVENTS}; several tranches of one loan count once. Provenance: those DISBURSEMENT events.`,
    nullMeans: 'never null: 0 when no disbursement was recorded in the window',
    derive: (ctx) => {
      const events = eventsOfKindWithin(ctx, 'DISBURSEMENT', 36);
      return derived(new Set(events.map((e) => e.data.case_id)).size, events);
    },
  },
  {
    key: 'loan_amount_disbursed_36m',
    type: 'money',
    unit: 'CNY fen',
    zh: '近36个月机构记录的放款金额',
    en: 'Amount disbursed in the last 36 months, as recorded by institutions',
    sources: ['financing'],
    derivation: `Sum of the amounts of DISBURSEMENT events whose occurredOn is in (as-of date − 36 months, as-of date], among ${LOAN_EVENTS} (every tranche). Provenance: those events.`,
    nullMeans: 'never null: 0 when no disbursement was recorded in the window',
    derive: (ctx) => {
      const events = eventsOfKindWithin(ctx, 'DISBURSEMENT', 36);
      let total = 0;
      for (const e of events) total += e.data.amount_fen ?? 0;
      return derived(total, events);
    },
  },
  {
    key: 'last_disbursement_date',
    type: 'date',
    unit: null,
    zh: '机构记录的最近一次放款日期',
    en: 'Date of the latest disbursement recorded by an institution',
    sources: ['financing'],
    derivation: `Latest occurredOn of a DISBURSEMENT event among ${LOAN_EVENTS}. Provenance: that event.`,
    nullMeans: 'none: no disbursement recorded by the as-of date',
    derive: (ctx) => {
      let last: (typeof ctx.records.financingEvents)[number] | undefined;
      for (const e of eventsOfKind(ctx, 'DISBURSEMENT')) if (last === undefined || e.data.occurred_on > last.data.occurred_on) last = e;
      return last === undefined ? derived(null) : derived(last.data.occurred_on, [last]);
    },
  },
  {
    key: 'loan_overdue_events_12m',
    type: 'integer',
    unit: 'count',
    zh: '近12个月机构记录的逾期次数',
    en: 'Overdue events recorded by institutions in the last 12 months',
    sources: ['financing'],
    derivation: `Count of OVERDUE events whose occurredOn is in (as-of date − 12 months, as-of date], among ${LOAN_EVENTS}; each time a case falls overdue counts once, cured or not. Provenance: those events.`,
    nullMeans: 'never null: 0 when no overdue was recorded in the window',
    derive: (ctx) => {
      const events = eventsOfKindWithin(ctx, 'OVERDUE', 12);
      return derived(events.length, events);
    },
  },
  {
    key: 'loan_defaults_36m',
    type: 'integer',
    unit: 'count',
    zh: '近36个月机构记录的违约笔数',
    en: 'Loan defaults recorded by institutions in the last 36 months',
    sources: ['financing'],
    derivation: `Count of DEFAULT events whose occurredOn is in (as-of date − 36 months, as-of date], among ${LOAN_EVENTS} (a case defaults at most once). Provenance: those events.`,
    nullMeans: 'never null: 0 when no default was recorded in the window',
    derive: (ctx) => {
      const events = eventsOfKindWithin(ctx, 'DEFAULT', 36);
      return derived(events.length, events);
    },
  },
  // ── Equity ─────────────────────────────────────────────────────────────────────────────────
  {
    key: 'investment_vehicle_shareholders',
    type: 'integer',
    unit: 'count',
    zh: '投资机构股东数（创投/基金/投资合伙企业）',
    en: 'Investment-vehicle shareholders (venture funds, investment partnerships)',
    sources: ['market-regulation'],
    derivation:
      'Count of holders of the register on the as-of date as governance rebuilds it (holders in force, shareholder changes dated after the as-of date undone) with holder_type enterprise and a name containing 投资, 基金, 创投 or 合伙.',
    nullMeans: 'unknown: no shareholder record stored (or the enterprise was established after the as-of date)',
    derive: (ctx) => {
      const selection = investmentVehicleHolders(ctx);
      return selection === null ? derived(null) : derived(selection.holders.length, selection.records);
    },
  },
  {
    key: 'investment_vehicle_share',
    type: 'ratio',
    unit: null,
    scale: 4,
    zh: '投资机构股东合计持股比例',
    en: 'Combined share held by investment-vehicle shareholders',
    sources: ['market-regulation'],
    derivation: 'Sum of the shares on the as-of date of the holders counted in investment_vehicle_shareholders, capped at 1.',
    nullMeans: 'unknown: no shareholder register on the as-of date, or a counted holder\'s share of that date is unknown (0 means no investment vehicle holds shares)',
    derive: (ctx) => {
      const selection = investmentVehicleHolders(ctx);
      return selection === null ? derived(null) : derived(shareOf(selection), selection.records);
    },
  },
  {
    key: 'state_investor_present',
    type: 'boolean',
    unit: null,
    zh: '是否有国有投资主体持股',
    en: 'A state investor holds shares',
    sources: ['market-regulation'],
    derivation: 'True when a holder of the register on the as-of date as governance rebuilds it (holders in force, shareholder changes dated after the as-of date undone) has holder_type state. Provenance: those holders, or the whole register when false.',
    nullMeans: 'unknown: no shareholder record stored (or the enterprise was established after the as-of date)',
    derive: (ctx) => {
      const selection = stateHolders(ctx);
      return selection === null ? derived(null) : derived(selection.holders.length > 0, selection.records);
    },
  },
  {
    key: 'state_share',
    type: 'ratio',
    unit: null,
    scale: 4,
    zh: '国有投资主体合计持股比例',
    en: 'Combined share held by state investors',
    sources: ['market-regulation'],
    derivation: 'Sum of the shares on the as-of date of the state holders counted in state_investor_present, capped at 1.',
    nullMeans: 'unknown: no shareholder register on the as-of date, or a state holder\'s share of that date is unknown (0 means no state investor)',
    derive: (ctx) => {
      const selection = stateHolders(ctx);
      return selection === null ? derived(null) : derived(shareOf(selection), selection.records);
    },
  },
  {
    key: 'capital_increase_amount_36m',
    type: 'money',
    unit: 'CNY fen',
    zh: '近36个月注册资本增加额',
    en: 'Registered capital added in the last 36 months',
    sources: ['market-regulation'],
    derivation: 'Sum of (after − before) in fen (万元 × 1,000,000) over `changes` records with item registered_capital, changed_on in (as-of date − 36 months, as-of date], and after > before (both read as 万元 amounts such as "500.0000"; a change whose texts are not amounts is skipped; decreases are not netted). Subscribed capital, not necessarily paid in.',
    nullMeans: 'never null: 0 when no capital increase was registered in the window',
    derive: (ctx) => {
      const inc = capitalIncreases36m(ctx);
      let total = 0;
      for (const i of inc) total += i.afterFen - i.beforeFen;
      return derived(total, inc.map((i) => i.change));
    },
  },
  {
    key: 'latest_capital_increase_date',
    type: 'date',
    unit: null,
    zh: '最近一次注册资本增加日期',
    en: 'Date of the latest registered-capital increase',
    sources: ['market-regulation'],
    derivation: 'Latest changed_on among `changes` records with item registered_capital dated on or before the as-of date whose after exceeds before (万元 amounts). The registry\'s change history reaches back 36 months before the connector\'s first sync, so older increases may be missing.',
    nullMeans: 'none on record: no registered-capital increase in the stored change history',
    derive: (ctx) => {
      const all = capitalIncreases(ctx);
      const last = all[all.length - 1];
      return last === undefined ? derived(null) : derived(last.change.data.changed_on, [last.change]);
    },
  },
  {
    key: 'registered_capital_growth_36m',
    type: 'ratio',
    unit: null,
    scale: 4,
    zh: '近36个月注册资本增长率',
    en: 'Registered capital growth over the last 36 months',
    sources: ['market-regulation'],
    derivation:
      'Registered capital on the as-of date / registered capital 36 months before − 1, from `changes` records with item registered_capital (before/after read as 万元 amounts; unreadable ones skipped) dated in (as-of date − 36 months, as-of date]: the after of the latest / the before of the earliest. 0 when there is none and the enterprise was established on or before the window start. The registry\'s change history reaches back 36 months before the connector\'s first sync, so for an older as-of date earlier changes may be missing.',
    nullMeans: 'not applicable: established less than 36 months before the as-of date (no base), or no registration record; or a base capital of 0',
    derive: (ctx) => {
      const inWindow = capitalChanges36m(ctx);
      const first = inWindow[0];
      const last = inWindow[inWindow.length - 1];
      if (first !== undefined && last !== undefined) return derived(growth(last.afterFen, first.beforeFen), first === last ? [first.change] : [first.change, last.change]);
      const reg = ctx.records.registration;
      if (reg === null || reg.data.established_on > windowStart36m(ctx)) return derived(null);
      return derived(0, [reg]);
    },
  },
  {
    key: 'unpledged_valid_inventions',
    type: 'integer',
    unit: 'count',
    zh: '未质押的有效发明专利数（可用于知识产权质押融资）',
    en: 'Valid invention patents free of any pledge (available as IP-pledge collateral)',
    sources: ['patent'],
    derivation: `Count of invention patents in force and held by the enterprise on the as-of date (as in intellectual_property.valid_invention_patents) without an active pledge (${PLEDGES}; active: not released and the right not ended).`,
    nullMeans: 'never null: 0 when the enterprise holds no valid invention patent, or all are pledged',
    derive: (ctx) => {
      const pledged = new Set(pledgesAsOf(ctx).filter((p) => p.active).map((p) => p.applicationNo));
      const free = validPatents(ctx).filter((s) => s.type === 'invention' && !pledged.has(s.patent.data.application_no.trim()));
      return derived(free.length, free.map((s) => s.patent));
    },
  },
]);
