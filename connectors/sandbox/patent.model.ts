import { DAY, dateAt, officeHours, yearOf, YEAR } from './calendar';
import type { Enterprise } from './enterprise.types';
import { Permutation, Rng, sigmoid, tag } from './prng';
import { BANKS, TRADE_NAME_CHARACTERS, UNIVERSITIES } from './vocabulary.data';
import type { World } from './world';

// Module bindings, not `Math.x`: global lookups cost ~100× under Jest (jestjs/jest#15502).
const { exp, floor, max, min } = Math;

const T_PATENT = tag('patent/timeline');
const T_SERIAL = tag('patent/serial');

export type PatentType = 'invention' | 'utility_model' | 'design';
export type StepKind =
  | 'published'
  | 'granted'
  | 'rejected'
  | 'lapsed_non_payment'
  | 'expired'
  | 'invalidated'
  | 'transferred'
  | 'licensed'
  | 'pledged'
  | 'pledge_released'
  | 'owner_renamed';

export interface PatentStep {
  readonly at: number;
  readonly kind: StepKind;
  readonly counterparty: string | null;
}

export interface PatentTimeline {
  readonly type: PatentType;
  readonly applicationNo: string;
  readonly filedAt: number;
  readonly title: string;
  readonly applicants: readonly string[];
  readonly ipc: readonly string[];
  readonly claims: number;
  readonly familySize: number;
  readonly pct: boolean;
  readonly citesPerYear: number;
  /** Ascending; ends at the first terminal step; nothing after the horizon. */
  readonly steps: readonly PatentStep[];
}

/** Steps that change the patent record (the rest are only legal events). */
export const RECORD_STEPS: ReadonlySet<StepKind> = new Set<StepKind>([
  'published', 'granted', 'rejected', 'lapsed_non_payment', 'expired', 'invalidated', 'transferred', 'owner_renamed',
]);
/** Steps served as `legal_events`. */
export const EVENT_STEPS: ReadonlySet<StepKind> = new Set<StepKind>([
  'granted', 'lapsed_non_payment', 'expired', 'invalidated', 'transferred', 'licensed', 'pledged', 'pledge_released',
]);
const TERMINAL: ReadonlySet<StepKind> = new Set<StepKind>(['rejected', 'lapsed_non_payment', 'expired', 'invalidated']);
const TYPES: readonly PatentType[] = ['invention', 'utility_model', 'design'];
const TYPE_DIGIT: Readonly<Record<PatentType, string>> = { invention: '1', utility_model: '2', design: '3' };
const DESIGN_VARIANTS: readonly string[] = ['A型', 'B型', '一', '二', '便携式', '立式'];
const MONTH = YEAR / 12;

/** CNIPA application-number check digit: weights 2…9,2,3,4,5 over the 12 digits, mod 11 (10 → X). */
export function applicationCheckDigit(twelveDigits: string): string {
  const weights = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(twelveDigits[i]) * weights[i]!;
  const c = sum % 11;
  return c === 10 ? 'X' : String(c);
}

/**
 * Patent k of an enterprise, on its own: filing, publication, examination, annual-fee lapses
 * (likelier for risky, dormant or closed firms), expiry, and transfers, licences and pledges.
 */
export class PatentModel {
  private readonly serials: Permutation;

  constructor(private readonly world: World) {
    this.serials = new Permutation(1e7, world.seed ^ T_SERIAL);
  }

  /** Type, filing and application number: the first draws of the timeline, cheap enough for ids. */
  header(e: Enterprise, k: number): { type: PatentType; filedAt: number; applicationNo: string; rng: Rng } | null {
    const h = this.world.horizon;
    const lo = e.establishedAt + 60 * DAY;
    const hi = min(e.endAt ?? h.to, h.to);
    if (hi <= lo) return null;
    const rng = new Rng(this.world.seed, T_PATENT, e.index, k);
    const type = rng.weighted(TYPES, e.industry.family.patentMix);
    const filedAt = officeHours(rng.range(lo, hi), rng.float());
    const serial = String(this.serials.apply((e.index * 40 + k) % 1e7)).padStart(7, '0');
    const digits = `${yearOf(filedAt)}${TYPE_DIGIT[type]}${serial}`;
    return { type, filedAt, applicationNo: `CN${digits}.${applicationCheckDigit(digits)}`, rng };
  }

  timeline(e: Enterprise, k: number): PatentTimeline | null {
    const world = this.world;
    const h = world.horizon;
    const head = this.header(e, k);
    if (head === null) return null;
    const { rng, type, filedAt } = head;
    const family = e.industry.family;
    const early = rng.chance(0.3);
    const publishLag = early ? rng.range(6, 12) * MONTH : 18 * MONTH + rng.range(0, 20) * DAY;
    const examLag = rng.range(22, 40) * MONTH;
    const rejected = rng.chance(0.2);
    const grantLag = type === 'utility_model' ? rng.range(6, 12) * MONTH : rng.range(4, 9) * MONTH;
    const citesPerYear = exp(rng.normal() - 1) * (type === 'invention' ? 1 : 0.3);
    const pct = type === 'invention' && rng.chance(0.08);
    const familySize = pct ? 2 + rng.int(5) : rng.chance(0.1) ? 2 : 1;
    const claims = type === 'invention' ? 6 + rng.int(15) : type === 'utility_model' ? 3 + rng.int(8) : 0;
    const coApplicant = rng.chance(0.08) ? rng.pick(UNIVERSITIES) : null;
    const ipcCount = 1 + rng.int(3);
    const ipcStart = rng.int(family.ipc.length);
    const tech = rng.pick(family.techniques);
    const object = rng.pick(family.objects);
    const template = rng.int(3);
    const variant = rng.pick(DESIGN_VARIANTS);
    const invalid = { yes: rng.chance(0.01), lag: rng.range(1, 4) * YEAR };
    const transfer = { yes: rng.chance(0.05), lag: rng.range(0.3, 5) * YEAR, to: this.counterparty(e, rng, true) };
    const licence = { yes: rng.chance(0.04), lag: rng.range(0.2, 4) * YEAR, to: this.counterparty(e, rng, false) };
    const pledge = { yes: rng.chance(e.latentRisk < 1 ? 0.06 : 0.03), lag: rng.range(0.2, 4) * YEAR, release: rng.range(1, 3) * YEAR, bank: rng.pick(BANKS) };
    const rename = { yes: rng.chance(0.5), lag: rng.range(60, 180) * DAY };
    const feeDraws: number[] = [];
    for (let y = 0; y < 20; y++) feeDraws.push(rng.float());

    const steps: PatentStep[] = [];
    const push = (at: number, kind: StepKind, counterparty: string | null = null): void => {
      steps.push({ at: officeHours(at, (floor(at) % 7919) / 7919), kind, counterparty });
    };
    let grantAt: number | null = null;
    if (type === 'invention') {
      const publishAt = filedAt + publishLag;
      push(publishAt, 'published');
      const decisionAt = max(filedAt + examLag, publishAt + 60 * DAY);
      if (rejected) push(decisionAt, 'rejected');
      else grantAt = decisionAt;
    } else {
      grantAt = filedAt + grantLag;
    }
    if (grantAt !== null) {
      push(grantAt, 'granted');
      const termYears = type === 'invention' ? 20 : type === 'utility_model' ? 10 : filedAt >= dateAt(2021, 6, 1) ? 15 : 10;
      const termEnd = filedAt + termYears * YEAR;
      let lapseAt: number | null = null;
      for (let y = 1; y < 20 && lapseAt === null; y++) {
        const anniversary = filedAt + y * YEAR;
        if (anniversary >= termEnd || anniversary > h.to) break;
        if (anniversary <= grantAt) continue;
        const risk = world.finance.riskAt(e, anniversary) + (e.endAt !== null && e.endAt < anniversary ? 3 : 0) + (e.dormantAt !== null && e.dormantAt < anniversary ? 1.5 : 0);
        if (feeDraws[y]! < sigmoid(-3.3 + risk)) lapseAt = anniversary + 182 * DAY;
      }
      let terminal: { at: number; kind: StepKind } = { at: termEnd, kind: 'expired' };
      if (lapseAt !== null && lapseAt < terminal.at) terminal = { at: lapseAt, kind: 'lapsed_non_payment' };
      if (invalid.yes && grantAt + invalid.lag < terminal.at) terminal = { at: grantAt + invalid.lag, kind: 'invalidated' };
      push(terminal.at, terminal.kind);
      const transferAt = transfer.yes ? grantAt + transfer.lag : Infinity;
      if (transfer.yes) push(transferAt, 'transferred', transfer.to(transferAt));
      if (licence.yes) push(grantAt + licence.lag, 'licensed', licence.to(grantAt + licence.lag));
      if (pledge.yes) {
        push(grantAt + pledge.lag, 'pledged', pledge.bank);
        push(grantAt + pledge.lag + pledge.release, 'pledge_released', pledge.bank);
      }
      const renamedAt = e.nameChangedAt;
      const renameAt = renamedAt === null ? Infinity : max(renamedAt, grantAt) + rename.lag;
      if (rename.yes && renamedAt !== null && filedAt < renamedAt && renameAt < transferAt) push(renameAt, 'owner_renamed');
    }
    steps.sort((a, b) => a.at - b.at);
    const kept: PatentStep[] = [];
    for (const s of steps) {
      if (s.at > h.to) break;
      const prev = kept[kept.length - 1];
      kept.push(prev !== undefined && s.at <= prev.at ? { ...s, at: prev.at + 60 } : s);
      if (TERMINAL.has(s.kind)) break;
    }
    const ipc: string[] = [];
    if (type !== 'design') for (let c = 0; c < ipcCount; c++) {
      const code = family.ipc[(ipcStart + c) % family.ipc.length]!;
      if (!ipc.includes(code)) ipc.push(code);
    }
    const applicant = world.nameAt(e, filedAt);
    return {
      type,
      applicationNo: head.applicationNo,
      filedAt,
      title: title(type, template, tech, object, variant, family.id),
      applicants: coApplicant === null ? [applicant] : [applicant, coApplicant],
      ipc,
      claims,
      familySize,
      pct,
      citesPerYear,
      steps: kept,
    };
  }

  /** A transferee or licensee: an earlier sandbox enterprise, a university or an outside firm. */
  private counterparty(e: Enterprise, rng: Rng, universities: boolean): (at: number) => string {
    const u = rng.float();
    const j = e.index > 0 ? rng.int(e.index) : -1;
    const outside = `山东${rng.pick(TRADE_NAME_CHARACTERS)}${rng.pick(TRADE_NAME_CHARACTERS)}科技有限公司`;
    const university = rng.pick(UNIVERSITIES);
    return (at: number): string => {
      if (u < 0.4 && j >= 0) {
        const other = this.world.enterprise(j);
        if (other.establishedAt < at && (other.endAt === null || other.endAt > at)) return this.world.nameAt(other, at);
      }
      return universities && u < 0.7 ? university : outside;
    };
  }
}

function title(type: PatentType, template: number, tech: string, object: string, variant: string, family: string): string {
  if (type === 'design') return `${object}（${variant}）`;
  if (type === 'utility_model') return template === 0 ? `一种${object}装置` : `一种基于${tech}的${object}设备`;
  if (family === 'pharma' || family === 'research') return template === 0 ? `一种${object}及其制备方法和应用` : `一种基于${tech}的${object}制备方法`;
  if (template === 0) return `一种基于${tech}的${object}方法及系统`;
  if (template === 1) return `一种${object}的${tech}方法`;
  return `${tech}${object}方法、装置、设备及存储介质`;
}
