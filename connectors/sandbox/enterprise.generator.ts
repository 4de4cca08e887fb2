import { DAY, type Horizon, monthOf, officeHours, YEAR } from './calendar';
import { buildStates, drawEvents } from './enterprise-history';
import { composeName, TradeNames } from './enterprise-names';
import { legacyTaxpayerId, OrganisationCodes, USCC_ERA_START, usccFor } from './enterprise-identity';
import type { Economics, Enterprise, EntityType, NameParts, RegistrationStatus } from './enterprise.types';
import { INDUSTRIES, INDUSTRY_WEIGHTS, type IndustryClass, type IndustryFamily } from './industries.data';
import { DISTRICTS, DISTRICT_WEIGHTS, type District } from './jinan.data';
import { Rng, sigmoid, tag } from './prng';

// Module bindings, not `Math.x`: global lookups cost ~100× under Jest (jestjs/jest#15502).
const { exp, floor, log, max, min } = Math;

export interface WorldParams {
  readonly seed: number;
  readonly horizon: Horizon;
}

const T_CORE = tag('enterprise/core');
const T_EVENTS = tag('enterprise/events');
const T_STATES = tag('enterprise/states');
const T_TRADE_NAMES = tag('enterprise/trade-names');
const T_ORG_CODES = tag('enterprise/org-codes');

const ENTITY_TYPES: readonly EntityType[] = ['limited_company', 'joint_stock', 'sole_proprietorship', 'partnership', 'individual_business'];
const ENTITY_TYPE_WEIGHTS: readonly number[] = [84, 4, 2, 4, 6];
const NON_MANUFACTURING: readonly IndustryClass[] = INDUSTRIES.filter((x) => x.section !== 'C');

/** Median steady annual revenue (yuan) of a limited company, by industry family. */
const MEDIAN_REVENUE: Readonly<Record<string, number>> = {
  software: 3e6, internet: 2.5e6, ic: 6e6, 'it-services': 4e6, research: 2e6, testing: 3e6, design: 3e6,
  promotion: 3e6, pharma: 20e6, machinery: 15e6, electronics: 12e6, battery: 20e6, 'med-device': 10e6,
  automation: 10e6, vehicle: 12e6, trade: 8e6, business: 2e6,
};
const TYPE_SCALE: Readonly<Record<EntityType, number>> = {
  limited_company: 1, joint_stock: 3, sole_proprietorship: 0.2, partnership: 0.3, individual_business: 0.08,
};

/**
 * Builds enterprise i from hash(seed, i) alone: identity, names, history of registry changes,
 * economics and the hidden risk. A twin looks up an earlier enterprise, never a later one.
 */
export class EnterpriseFactory {
  private readonly tradeNames: TradeNames;
  private readonly orgCodes: OrganisationCodes;

  constructor(private readonly params: WorldParams) {
    this.tradeNames = new TradeNames(params.seed ^ T_TRADE_NAMES);
    this.orgCodes = new OrganisationCodes(params.seed ^ T_ORG_CODES);
  }

  create(i: number, lookup: (j: number) => Enterprise): Enterprise {
    const h = this.params.horizon;
    const seed = this.params.seed;
    const rng = new Rng(seed, T_CORE, i);

    const entityType = rng.weighted(ENTITY_TYPES, ENTITY_TYPE_WEIGHTS);
    const established = officeHours(establishment(rng, h), rng.float());
    const district = rng.weighted(DISTRICTS, DISTRICT_WEIGHTS);
    let industry = rng.weighted(INDUSTRIES, INDUSTRY_WEIGHTS);
    if (entityType === 'individual_business' && industry.section === 'C') industry = rng.pick(NON_MANUFACTURING);
    const family = industry.family;
    const latentRisk = rng.normal();

    const economics = drawEconomics(rng, family, entityType, latentRisk, (h.start - established) / YEAR);

    // Names: a unique 字号 per index, or a deliberate near-duplicate of an earlier enterprise.
    let parts: NameParts = {
      trade: this.tradeNames.original(i),
      wordIndex: rng.int(6),
      format: rng.weighted([0, 1, 2, 3], [55, 20, 15, 10]),
      longForm: rng.chance(0.1),
    };
    let twinOf: number | null = null;
    if (i > 0 && rng.chance(0.005)) {
      twinOf = i - 1 - rng.int(min(i, 500));
      const root = lookup(twinOf);
      parts = { ...parts, trade: root.nameParts.trade, format: rng.chance(0.5) ? root.nameParts.format : parts.format };
      parts = distinctParts(parts, root.names[0]!, entityType, family, district);
    }
    const originalName = composeName(parts, entityType, family, district);

    // Hidden outcome and the life course that follows from the risk.
    const defaulted = rng.chance(sigmoid(-3.4 + 1.5 * latentRisk + 0.5 * rng.normal()));
    const defaultAt = defaulted ? max(h.start, established + 180 * DAY) + floor(rng.range(0, 365) * DAY) : null;
    let dormantAt: number | null = null;
    if (rng.chance(sigmoid(-3.4 + 0.9 * latentRisk)) && h.to - established > 0.3 * YEAR) {
      dormantAt = floor(established + rng.range(0.25 * YEAR, h.to - established));
    }
    let endAt: number | null = null;
    let endStatus: RegistrationStatus = 'active';
    if (dormantAt !== null && rng.chance(0.35)) {
      endAt = floor(dormantAt + rng.range(0.5, 2.5) * YEAR);
      endStatus = rng.chance(0.6) ? 'revoked' : 'cancelled';
    } else if (rng.chance(0.012 * exp(0.5 * latentRisk))) {
      endAt = floor(rng.range(max(established + YEAR, h.from), h.to));
      endStatus = rng.chance(0.7) ? 'cancelled' : 'moved_out';
    }
    if (endAt !== null && endAt < h.from) endAt = floor(h.from + rng.range(0, YEAR));
    if (endAt !== null && (endAt > h.to || endAt < established + 30 * DAY)) endAt = null;
    if (endAt !== null) endAt = officeHours(endAt, rng.float());

    const orgCode = this.orgCodes.code(i, established);
    const uscc = usccFor(entityType === 'individual_business', district.code, orgCode);
    const legacy = established < USCC_ERA_START && rng.chance(0.17);
    const taxpayerId = legacy ? legacyTaxpayerId(district.code, orgCode) : uscc;

    // Registry history.
    const events = drawEvents(new Rng(seed, T_EVENTS, i), h, established, endAt, entityType, economics);
    let newName: string | null = null;
    const nameEvent = events.find((e) => e.item === 'name');
    if (nameEvent) {
      const r = new Rng(seed, T_EVENTS, i, 1);
      const renamed: NameParts = r.chance(0.6)
        ? { ...parts, trade: this.tradeNames.renamed(i), wordIndex: r.chance(0.5) ? parts.wordIndex : r.int(6) }
        : { ...parts, format: parts.format === 0 && r.chance(0.5) ? 1 : parts.format, wordIndex: (parts.wordIndex + 1 + r.int(5)) % 6 };
      newName = composeName(distinctParts(renamed, originalName, entityType, family, district), entityType, family, district);
    }
    const { registry, registryEvents } = buildStates(new Rng(seed, T_STATES, i), {
      established, district, family, entityType, economics, originalName, newName, endStatus, events,
    });

    const activeYears = max(0, (min(endAt ?? h.to, h.to) - max(established, h.from)) / YEAR);
    const patentYears = max(0, (min(endAt ?? h.to, h.to) - established - 60 * DAY) / YEAR);
    return {
      index: i,
      uscc,
      orgCode,
      taxpayerId,
      entityType,
      establishedAt: established,
      establishedMonth: monthOf(established),
      industry,
      nameParts: parts,
      twinOf,
      names: newName === null ? [originalName] : [originalName, newName],
      nameChangedAt: nameEvent ? nameEvent.at : null,
      events: registryEvents,
      registry,
      shareholderChangeAt: events.find((e) => e.item === 'shareholder')?.at ?? null,
      capitalChangeAts: events.filter((e) => e.item === 'registered_capital').map((e) => e.at),
      endAt,
      dormantAt,
      highTechAt: events.find((e) => e.tag === 'high_tech_enterprise')?.at ?? null,
      economics,
      latentRisk,
      defaulted,
      defaultAt,
      penaltyCount: rng.poisson(activeYears * 0.025 * exp(0.9 * latentRisk), 8),
      arrearCount: rng.poisson(activeYears * 0.04 * exp(1.0 * latentRisk), 8),
      patentCount: rng.poisson(patentYears * economics.patentRate, 40),
    };
  }
}

/** Many young tech SMEs, some old firms, and some founded during the simulated future. */
function establishment(rng: Rng, h: Horizon): number {
  const seg = rng.float();
  if (seg < 0.12) return h.start - rng.range(10, 30) * YEAR;
  if (seg < 0.4) return h.start - rng.range(4, 10) * YEAR;
  if (seg < 0.88) return h.start - rng.range(0.05, 4) * YEAR;
  return h.start + rng.range(0, 0.98) * (h.to - h.start);
}

function drawEconomics(rng: Rng, family: IndustryFamily, entityType: EntityType, latent: number, ageYears: number): Economics {
  const baseAnnualYuan = (MEDIAN_REVENUE[family.id] ?? 3e6) * TYPE_SCALE[entityType] * exp(1.1 * rng.normal());
  const doesRd = rng.chance(family.rdShare * (entityType === 'individual_business' ? 0.2 : 1));
  const sizeFactor = min(3, max(0.5, (baseAnnualYuan / 5e6) ** 0.3));
  return {
    baseAnnualYuan,
    growth: clamp(0.12 + 0.15 * rng.normal() - 0.05 * latent + (ageYears < 3 ? 0.15 : 0), -0.35, 0.9),
    seasonAmplitude: rng.range(0, 0.25),
    seasonPhase: rng.range(0, 12),
    margin: clamp(0.08 + 0.08 * rng.normal() - 0.04 * latent, -0.3, 0.4),
    inputShare: family.goods ? rng.range(0.55, 0.85) : rng.range(0.2, 0.6),
    smallScaleVat: baseAnnualYuan < 5e6,
    productivity: (family.goods ? 6e5 : 3.5e5) * exp(0.3 * rng.normal()),
    insuredShare: clamp(0.93 - 0.05 * latent + 0.04 * rng.normal(), 0.4, 1),
    rdIntensity: doesRd ? clamp(exp(log(0.06) + 0.6 * rng.normal()), 0.01, 0.6) : 0,
    rdStaffShare: doesRd ? rng.range(0.08, 0.5) : 0,
    assetTurnover: rng.range(0.4, 2),
    patentRate: family.patentRate * exp(0.9 * rng.normal() - 0.405) * (doesRd ? 1 : 0.2) * sizeFactor,
  };
}

function distinctParts(parts: NameParts, other: string, entityType: EntityType, family: IndustryFamily, district: District): NameParts {
  let p = parts;
  for (let k = 0; k < 6 && composeName(p, entityType, family, district) === other; k++) p = { ...p, wordIndex: (p.wordIndex + 1) % 6 };
  if (composeName(p, entityType, family, district) === other) p = { ...p, longForm: !p.longForm };
  return p;
}

function clamp(x: number, lo: number, hi: number): number {
  return min(hi, max(lo, x));
}
