import { cstDate } from './calendar';
import type { Enterprise, RegistryState } from './enterprise.types';
import { wan } from './finance.model';
import { holdersOf, holderVersionTimes } from './shareholders.model';
import { pad2, type Payload, type StreamGenerator, type VersionSink } from './stream.types';
import type { World } from './world';

// Module bindings, not `Math.x`: global lookups cost ~100× under Jest (jestjs/jest#15502).
const { round } = Math;

/** `registrations`: one record per enterprise, a new version at every registry event. */
export class RegistrationsGenerator implements StreamGenerator {
  readonly agency = 'market-regulation';
  readonly name = 'registrations';
  readonly idField = 'uscc';
  readonly breakable = {
    required: ['name', 'established_on', 'district_code', 'industry_code', 'status'],
    numeric: ['registered_capital_wan', 'paid_in_capital_wan'],
    uscc: [],
    dates: ['established_on', 'approved_on'],
    amounts: ['registered_capital_wan', 'paid_in_capital_wan'],
    enums: { status: ['在业', 'suspended'], entity_type: ['llc', '有限责任公司'] },
  } as const;

  versions(e: Enterprise, emit: VersionSink): void {
    emit(0, 0, e.establishedAt);
    for (let k = 0; k < e.events.length; k++) emit(0, k + 1, e.events[k]!.at);
  }

  id(e: Enterprise): string {
    return e.uscc;
  }

  payload(e: Enterprise, _record: number, version: number): Payload {
    const s: RegistryState = e.registry[version]!;
    return {
      uscc: e.uscc,
      name: s.name,
      entity_type: e.entityType,
      legal_representative: s.legalRepresentative,
      registered_capital_wan: wan(s.capitalYuan),
      paid_in_capital_wan: wan(s.paidInYuan),
      established_on: cstDate(e.establishedAt),
      approved_on: cstDate(s.approvedAt),
      status: s.status,
      district_code: s.district.code,
      address: s.address,
      industry_code: e.industry.code,
      business_scope: s.scope,
      tags: [...s.tags],
    };
  }
}

/** `changes`: one record per registered change (certifications are not changes). */
export class ChangesGenerator implements StreamGenerator {
  readonly agency = 'market-regulation';
  readonly name = 'changes';
  readonly idField = 'change_id';
  readonly breakable = {
    required: ['uscc', 'item', 'changed_on'],
    numeric: [],
    uscc: ['uscc'],
    dates: ['changed_on'],
    amounts: [],
    enums: { item: ['法定代表人', 'capital'] },
  } as const;

  constructor(private readonly world: World) {}

  versions(e: Enterprise, emit: VersionSink): void {
    for (const ev of e.events) if (ev.changeIndex >= 0) emit(ev.changeIndex, 0, ev.at);
  }

  id(e: Enterprise, record: number): string {
    return `${e.uscc}-BG${pad2(record + 1)}`;
  }

  payload(e: Enterprise, record: number): Payload {
    const k = e.events.findIndex((ev) => ev.changeIndex === record);
    const ev = e.events[k]!;
    const before = e.registry[k]!;
    const after = e.registry[k + 1]!;
    let from: string;
    let to: string;
    switch (ev.item) {
      case 'name':
        [from, to] = [before.name, after.name];
        break;
      case 'legal_representative':
        [from, to] = [before.legalRepresentative, after.legalRepresentative];
        break;
      case 'registered_capital':
        [from, to] = [wan(before.capitalYuan), wan(after.capitalYuan)];
        break;
      case 'address':
        [from, to] = [before.address, after.address];
        break;
      case 'business_scope':
        [from, to] = [before.scope, after.scope];
        break;
      case 'status':
        [from, to] = [before.status, after.status];
        break;
      default: {
        const holders = holdersOf(this.world, e);
        const leaving = holders.find((h) => h.leftAt === ev.at);
        const joining = holders.find((h) => h.joinedAt === ev.at);
        [from, to] = [leaving?.name ?? '', joining?.name ?? ''];
      }
    }
    return { change_id: this.id(e, record), uscc: e.uscc, item: ev.item, before: from, after: to, changed_on: cstDate(ev.at) };
  }
}

/** `shareholders`: one record per holder; versions at joining, capital changes and leaving. */
export class ShareholdersGenerator implements StreamGenerator {
  readonly agency = 'market-regulation';
  readonly name = 'shareholders';
  readonly idField = 'shareholder_id';
  readonly breakable = {
    required: ['uscc', 'holder_name', 'holder_type'],
    numeric: ['subscribed_capital_wan', 'share_ratio'],
    uscc: ['uscc'],
    dates: [],
    amounts: ['subscribed_capital_wan'],
    enums: { holder_type: ['person', '自然人'] },
  } as const;

  constructor(private readonly world: World) {}

  versions(e: Enterprise, emit: VersionSink): void {
    const holders = holdersOf(this.world, e);
    for (let k = 0; k < holders.length; k++) {
      const times = holderVersionTimes(e, holders[k]!);
      for (let v = 0; v < times.length; v++) emit(k, v, times[v]!);
    }
  }

  id(e: Enterprise, record: number): string {
    return `${e.uscc}-GD${pad2(record + 1)}`;
  }

  payload(e: Enterprise, record: number, version: number): Payload {
    const holder = holdersOf(this.world, e)[record]!;
    const at = holderVersionTimes(e, holder)[version]!;
    const gone = holder.leftAt !== null && at >= holder.leftAt;
    const capital = e.registry[this.world.registryIndexAt(e, at)]!.capitalYuan;
    const bp = gone ? 0 : holder.basisPoints;
    return {
      shareholder_id: this.id(e, record),
      uscc: e.uscc,
      holder_name: holder.name,
      holder_type: holder.type,
      subscribed_capital_wan: wan(round((capital * bp) / 10_000)),
      share_ratio: (bp / 10_000).toFixed(4),
    };
  }
}
