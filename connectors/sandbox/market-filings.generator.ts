import { reportTimeline, reportYears } from './annual-report.model';
import { cstDate, DAY, dateAt, officeHours } from './calendar';
import type { Enterprise } from './enterprise.types';
import { wan, yuan } from './finance.model';
import { Rng, sigmoid, tag } from './prng';
import { pad2, type Payload, type StreamGenerator, type VersionSink } from './stream.types';
import {
  ABNORMAL_REASON_ADDRESS,
  ABNORMAL_REASON_REPORT,
  PENALTY_VIOLATIONS,
  REMOVAL_REASON_ADDRESS,
  REMOVAL_REASON_CONTACT,
  REMOVAL_REASON_REPORT,
} from './vocabulary.data';
import type { World } from './world';

// Module bindings, not `Math.x`: global lookups cost ~100× under Jest (jestjs/jest#15502).
const { floor, max, min, round } = Math;

const T_PENALTY = tag('market/penalty');
const T_ADDRESS_LISTING = tag('market/address-listing');
const PENALTY_TYPES = ['warning', 'fine', 'confiscation', 'suspension', 'licence_revoked'] as const;
/** Abnormal entries for overdue reports use record = year offset; the address entry uses this. */
const ADDRESS_ENTRY = 50;

/** `penalties`: administrative penalty decisions, more frequent for riskier firms. */
export class PenaltiesGenerator implements StreamGenerator {
  readonly agency = 'market-regulation';
  readonly name = 'penalties';
  readonly idField = 'decision_no';
  readonly breakable = {
    required: ['uscc', 'authority', 'penalty_type', 'decided_on'],
    numeric: ['amount_yuan'],
    uscc: ['uscc'],
    dates: ['decided_on'],
    amounts: ['amount_yuan'],
    enums: { penalty_type: ['罚款', 'fine_and_warning'] },
  } as const;

  constructor(private readonly world: World) {}

  private decision(e: Enterprise, k: number): { decidedAt: number; publishedAt: number; rng: Rng } | null {
    const h = this.world.horizon;
    const lo = max(e.establishedAt + 30 * DAY, h.from);
    const hi = min(e.endAt ?? h.to, h.to);
    if (hi <= lo) return null;
    const rng = new Rng(this.world.seed, T_PENALTY, e.index, k);
    const decidedAt = officeHours(rng.range(lo, hi), rng.float());
    return { decidedAt, publishedAt: officeHours(decidedAt + (1 + rng.int(5)) * DAY, rng.float()), rng };
  }

  versions(e: Enterprise, emit: VersionSink): void {
    for (let k = 0; k < e.penaltyCount; k++) {
      const d = this.decision(e, k);
      if (d) emit(k, 0, d.publishedAt);
    }
  }

  id(e: Enterprise, record: number): string {
    const d = this.decision(e, record)!;
    const local = d.rng.chance(0.7);
    const district = e.registry[this.world.registryIndexAt(e, d.decidedAt)]!.district;
    return `济${local ? district.short : ''}市监罚〔${cstDate(d.decidedAt).slice(0, 4)}〕${e.index * 8 + record + 1}号`;
  }

  payload(e: Enterprise, record: number): Payload {
    const d = this.decision(e, record)!;
    const rng = d.rng;
    const local = rng.chance(0.7); // same draw as in id()
    const district = e.registry[this.world.registryIndexAt(e, d.decidedAt)]!.district;
    const type = rng.weighted(PENALTY_TYPES, [30, 55, 8, 5, 2]);
    const fine = (5_000 + rng.int(196) * 1_000) * 100;
    const amount = type === 'warning' || type === 'licence_revoked' ? 0 : type === 'confiscation' ? round(fine * rng.range(0.2, 1)) : fine;
    return {
      decision_no: this.id(e, record),
      uscc: e.uscc,
      authority: local ? `济南市${district.name}市场监督管理局` : '济南市市场监督管理局',
      violation: rng.pick(PENALTY_VIOLATIONS),
      penalty_type: type,
      amount_yuan: yuan(amount),
      decided_on: cstDate(d.decidedAt),
    };
  }
}

interface AbnormalEntry {
  listedAt: number;
  removedAt: number | null;
  reason: string;
  removalReason: string;
}

/** `abnormal_operations`: overdue annual reports (removed on late filing) and unreachable addresses. */
export class AbnormalOperationsGenerator implements StreamGenerator {
  readonly agency = 'market-regulation';
  readonly name = 'abnormal_operations';
  readonly idField = 'entry_id';
  readonly breakable = {
    required: ['uscc', 'reason', 'listed_on'],
    numeric: [],
    uscc: ['uscc'],
    dates: ['listed_on'],
    amounts: [],
    enums: {},
  } as const;

  constructor(private readonly world: World) {}

  private entry(e: Enterprise, record: number): AbnormalEntry | null {
    if (record === ADDRESS_ENTRY) return this.addressEntry(e);
    const t = reportTimeline(this.world, e, reportYears(this.world).first + record);
    if (t === null || t.listedAt === null) return null;
    return { listedAt: t.listedAt, removedAt: t.removedAt, reason: ABNORMAL_REASON_REPORT, removalReason: REMOVAL_REASON_REPORT };
  }

  private addressEntry(e: Enterprise): AbnormalEntry | null {
    const h = this.world.horizon;
    const rng = new Rng(this.world.seed, T_ADDRESS_LISTING, e.index);
    if (!rng.chance(sigmoid(-4.5 + 1.2 * e.latentRisk))) return null;
    const lo = max(e.establishedAt + 180 * DAY, h.from);
    const hi = min(e.endAt ?? h.to, h.to);
    if (hi <= lo) return null;
    const listedAt = officeHours(rng.range(lo, hi), rng.float());
    const move = e.events.find((ev) => ev.item === 'address' && ev.at > listedAt);
    const restored = rng.chance(0.4);
    const lag = rng.range(30, 180);
    if (move) return { listedAt, removedAt: officeHours(move.at + 7 * DAY, 0.4), reason: ABNORMAL_REASON_ADDRESS, removalReason: REMOVAL_REASON_ADDRESS };
    const removedAt = restored ? officeHours(listedAt + floor(lag * DAY), 0.6) : null;
    return { listedAt, removedAt, reason: ABNORMAL_REASON_ADDRESS, removalReason: REMOVAL_REASON_CONTACT };
  }

  versions(e: Enterprise, emit: VersionSink): void {
    const { first, last } = reportYears(this.world);
    for (let r = 0; r <= last - first; r++) this.emitEntry(e, r, emit);
    this.emitEntry(e, ADDRESS_ENTRY, emit);
  }

  private emitEntry(e: Enterprise, r: number, emit: VersionSink): void {
    const x = this.entry(e, r);
    if (x === null) return;
    emit(r, 0, x.listedAt);
    if (x.removedAt !== null) emit(r, 1, x.removedAt);
  }

  id(e: Enterprise, record: number): string {
    return `${e.uscc}-YC${pad2(record)}`;
  }

  payload(e: Enterprise, record: number, version: number): Payload {
    const x = this.entry(e, record)!;
    const removed = version >= 1 && x.removedAt !== null;
    return {
      entry_id: this.id(e, record),
      uscc: e.uscc,
      reason: x.reason,
      listed_on: cstDate(x.listedAt),
      removed_on: removed ? cstDate(x.removedAt!) : null,
      removal_reason: removed ? x.removalReason : null,
    };
  }
}

/** `annual_reports`: one per year, visible when filed; figures agree with the tax bureau's. */
export class AnnualReportsGenerator implements StreamGenerator {
  readonly agency = 'market-regulation';
  readonly name = 'annual_reports';
  readonly idField = 'report_id';
  readonly breakable = {
    required: ['uscc', 'year', 'filed_on', 'total_employees'],
    numeric: ['insured_employees', 'total_employees', 'total_assets_wan'],
    uscc: ['uscc'],
    dates: ['filed_on'],
    amounts: ['total_assets_wan'],
    enums: {},
  } as const;

  constructor(private readonly world: World) {}

  versions(e: Enterprise, emit: VersionSink): void {
    const { first, last } = reportYears(this.world);
    for (let y = first; y <= last; y++) {
      const t = reportTimeline(this.world, e, y);
      if (t !== null && t.filedAt !== null) emit(y - first, 0, t.filedAt);
    }
  }

  id(e: Enterprise, record: number): string {
    return `${e.uscc}-NB${reportYears(this.world).first + record}`;
  }

  payload(e: Enterprise, record: number): Payload {
    const year = reportYears(this.world).first + record;
    const t = reportTimeline(this.world, e, year)!;
    const finance = this.world.finance;
    const revenueFen = finance.annualRevenueFen(e, year);
    const total = finance.employees(e, year, revenueFen);
    const yearEnd = dateAt(year + 1, 1, 1) - 1;
    const paidIn = e.registry[this.world.registryIndexAt(e, yearEnd)]!.paidInYuan;
    const assetsYuan = revenueFen / 100 / e.economics.assetTurnover + paidIn + 50_000;
    return {
      report_id: this.id(e, record),
      uscc: e.uscc,
      year,
      insured_employees: min(total, round(total * e.economics.insuredShare)),
      total_employees: total,
      revenue_wan: t.disclosesRevenue ? wan(revenueFen / 100) : null,
      total_assets_wan: wan(assetsYuan),
      filed_on: cstDate(t.filedAt!),
      on_time: t.filedAt! <= t.deadline,
    };
  }
}
