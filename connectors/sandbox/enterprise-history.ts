import { DAY, dateAt, type Horizon, officeHours, yearOf } from './calendar';
import { personName } from './enterprise-names';
import type { ChangeItem, Economics, EntityType, RegistrationStatus, RegistryEvent, RegistryState, Tag } from './enterprise.types';
import type { IndustryFamily } from './industries.data';
import { DISTRICTS, DISTRICT_WEIGHTS, type District } from './jinan.data';
import type { Rng } from './prng';

// Module bindings, not `Math.x`: global lookups cost ~100× under Jest (jestjs/jest#15502).
const { max, min, round } = Math;

const CAPITAL_STEPS_WAN: readonly number[] = [3, 5, 10, 30, 50, 100, 200, 300, 500, 800, 1000, 2000, 3000, 5000, 10000, 20000];
const EXTRA_SCOPE: readonly string[] = ['信息咨询服务（不含许可类信息咨询服务）', '会议及展览服务', '办公设备销售', '货物进出口', '技术进出口', '人工智能行业应用系统集成服务'];

export interface DraftEvent {
  at: number;
  item: ChangeItem | 'tags';
  tag?: Tag;
}

/**
 * The registry history of an enterprise: registered changes inside the horizon (at most one of each
 * kind, two capital increases), certifications that only change `tags`, and the final status change.
 */
export function drawEvents(
  rng: Rng,
  h: Horizon,
  established: number,
  endAt: number | null,
  entityType: EntityType,
  economics: Economics,
): DraftEvent[] {
  const lo = max(established + 30 * DAY, h.from);
  const hi = min(endAt ?? h.to, h.to) - DAY;
  const out: DraftEvent[] = [];
  const within = (from: number): number => officeHours(rng.range(from, hi), rng.float());
  const hasWindow = hi > lo;
  // Draw every candidate in a fixed order so one enterprise's history never shifts another's draws.
  const wants = {
    name: rng.chance(0.05),
    rep: rng.chance(0.12),
    capital: rng.chance(0.15),
    capital2: rng.chance(0.2),
    address: rng.chance(0.08),
    scope: rng.chance(0.08),
    holder: rng.chance(0.08) && (entityType === 'limited_company' || entityType === 'joint_stock' || entityType === 'partnership'),
  };
  if (hasWindow) {
    const nameFrom = max(lo, established + 180 * DAY);
    if (wants.name && nameFrom < hi) out.push({ at: within(nameFrom), item: 'name' });
    if (wants.rep) out.push({ at: within(lo), item: 'legal_representative' });
    if (wants.capital) {
      out.push({ at: within(lo), item: 'registered_capital' });
      if (wants.capital2) out.push({ at: within(lo), item: 'registered_capital' });
    }
    if (wants.address) out.push({ at: within(lo), item: 'address' });
    if (wants.scope) out.push({ at: within(lo), item: 'business_scope' });
    if (wants.holder) out.push({ at: within(lo), item: 'shareholder' });
  }
  // Certifications: may predate the horizon; they only change `tags`.
  const doesRd = economics.rdIntensity > 0;
  const estYear = yearOf(established);
  const certify = (p: number, firstYear: number, spread: number, month: number, t: Tag): void => {
    const yes = rng.chance(p);
    const year = firstYear + rng.int(spread);
    const at = officeHours(dateAt(year, month, 1 + rng.int(25)), rng.float());
    if (yes && doesRd && at > established + 180 * DAY && at < min(endAt ?? h.to, h.to)) out.push({ at, item: 'tags', tag: t });
  };
  certify(economics.baseAnnualYuan < 2e8 ? 0.5 : 0, estYear + 1, 3, 5, 'tech_sme');
  certify(economics.patentRate > 0.3 ? 0.35 : 0.05, estYear + 2, 4, 12, 'high_tech_enterprise');
  certify(0.07, estYear + 3, 4, 7, 'specialized_sme');
  out.sort((a, b) => a.at - b.at);
  for (let k = 1; k < out.length; k++) if (out[k]!.at <= out[k - 1]!.at) out[k]!.at = out[k - 1]!.at + 60;
  if (endAt !== null) out.push({ at: max(endAt, (out[out.length - 1]?.at ?? 0) + 60), item: 'status' });
  return out;
}

export interface StateInputs {
  established: number;
  district: District;
  family: IndustryFamily;
  entityType: EntityType;
  economics: Economics;
  originalName: string;
  newName: string | null;
  endStatus: RegistrationStatus;
  events: readonly DraftEvent[];
}

/** Registry states: `[0]` at establishment, then one after each event. */
export function buildStates(rng: Rng, x: StateInputs): { registry: RegistryState[]; registryEvents: RegistryEvent[] } {
  const capitalWan = x.entityType === 'individual_business'
    ? rng.pick([1, 3, 5, 10])
    : nearestStep((x.economics.baseAnnualYuan / 1e4) * rng.range(0.08, 0.8));
  const paidRatio = rng.chance(0.4) ? 0 : rng.range(0.1, 1);
  const scopeItems = x.family.scope.slice(0, 3 + rng.int(3));
  let state: RegistryState = {
    name: x.originalName,
    legalRepresentative: personName(rng),
    capitalYuan: capitalWan * 10_000,
    paidInYuan: round(capitalWan * 10_000 * paidRatio),
    address: makeAddress(rng, x.district),
    district: x.district,
    scope: scopeText(scopeItems),
    status: 'active',
    tags: [],
    approvedAt: x.established,
  };
  const registry: RegistryState[] = [state];
  const registryEvents: RegistryEvent[] = [];
  let changeIndex = 0;
  for (const e of x.events) {
    const person = personName(rng);
    const factor = rng.pick([1.5, 2, 2.5, 3, 5]);
    const moveDistrict = rng.chance(0.3) ? rng.weighted(DISTRICTS, DISTRICT_WEIGHTS) : state.district;
    const address = makeAddress(rng, moveDistrict);
    const extra = rng.pick(EXTRA_SCOPE);
    const approvedAt = e.item === 'tags' ? state.approvedAt : e.at;
    switch (e.item) {
      case 'name':
        state = { ...state, name: x.newName ?? state.name, approvedAt };
        break;
      case 'legal_representative':
        state = { ...state, legalRepresentative: person, approvedAt };
        break;
      case 'registered_capital': {
        const capitalYuan = nearestStep((state.capitalYuan / 1e4) * factor) * 10_000;
        state = { ...state, capitalYuan, paidInYuan: min(capitalYuan, round(state.paidInYuan + (capitalYuan - state.capitalYuan) * paidRatio)), approvedAt };
        break;
      }
      case 'address':
        state = { ...state, address, district: moveDistrict, approvedAt };
        break;
      case 'business_scope':
        state = { ...state, scope: scopeText([...scopeItems, extra]), approvedAt };
        break;
      case 'shareholder':
        state = { ...state, approvedAt };
        break;
      case 'status':
        state = { ...state, status: x.endStatus, approvedAt };
        break;
      case 'tags':
        state = { ...state, tags: [...state.tags, e.tag!] };
        break;
    }
    registry.push(state);
    registryEvents.push({ at: e.at, item: e.item, changeIndex: e.item === 'tags' ? -1 : changeIndex++ });
  }
  return { registry, registryEvents };
}

function nearestStep(wan: number): number {
  for (const s of CAPITAL_STEPS_WAN) if (s >= wan) return s;
  return CAPITAL_STEPS_WAN[CAPITAL_STEPS_WAN.length - 1]!;
}

function makeAddress(rng: Rng, district: District): string {
  const road = rng.pick(district.roads);
  const no = 1 + rng.int(rng.chance(0.5) ? 300 : 3000);
  if (rng.chance(0.3)) return `山东省济南市${district.name}${road}${no}号`;
  const park = rng.pick(district.parks);
  return `山东省济南市${district.name}${road}${no}号${park}${1 + rng.int(20)}号楼${1 + rng.int(25)}${String(1 + rng.int(20)).padStart(2, '0')}室`;
}

function scopeText(items: readonly string[]): string {
  return `一般项目：${items.join('；')}。（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）`;
}

