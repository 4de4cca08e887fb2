import { cstDate, YEAR } from './calendar';
import type { Enterprise } from './enterprise.types';
import { EVENT_STEPS, PatentModel, type PatentStep, type PatentTimeline, RECORD_STEPS } from './patent.model';
import { pad2, type Payload, type StreamGenerator, type VersionSink } from './stream.types';

// Module bindings, not `Math.x`: global lookups cost ~100× under Jest (jestjs/jest#15502).
const { floor, max } = Math;

/** Legal-event slots per patent in the record index. */
const EVENTS_PER_PATENT = 8;

function recordSteps(t: PatentTimeline): PatentStep[] {
  return t.steps.filter((s) => RECORD_STEPS.has(s.kind));
}

function eventSteps(t: PatentTimeline): PatentStep[] {
  return t.steps.filter((s) => EVENT_STEPS.has(s.kind)).slice(0, EVENTS_PER_PATENT);
}

/** `patents`: visible from publication (inventions) or grant; updated on status and owner changes. */
export class PatentsGenerator implements StreamGenerator {
  readonly agency = 'patent';
  readonly name = 'patents';
  readonly idField = 'application_no';
  readonly breakable = {
    required: ['patent_type', 'title', 'applicants', 'filed_on', 'legal_status'],
    numeric: ['claims_count', 'cited_by_count', 'family_size'],
    uscc: [],
    dates: ['filed_on', 'published_on', 'granted_on'],
    amounts: [],
    enums: { patent_type: ['发明', 'utility'], legal_status: ['valid', '有效'] },
  } as const;

  constructor(private readonly model: PatentModel) {}

  versions(e: Enterprise, emit: VersionSink): void {
    for (let k = 0; k < e.patentCount; k++) {
      const t = this.model.timeline(e, k);
      if (t === null) continue;
      recordSteps(t).forEach((s, v) => emit(k, v, s.at));
    }
  }

  id(e: Enterprise, record: number): string {
    return this.model.header(e, record)!.applicationNo;
  }

  payload(e: Enterprise, record: number, version: number): Payload {
    const t = this.model.timeline(e, record)!;
    const at = recordSteps(t)[version]!.at;
    let status = 'pending';
    let publishedAt: number | null = null;
    let grantedAt: number | null = null;
    let owner = t.applicants[0]!;
    for (const s of t.steps) {
      if (s.at > at) break;
      switch (s.kind) {
        case 'published':
          publishedAt = s.at;
          break;
        case 'granted':
          grantedAt = s.at;
          publishedAt ??= s.at; // utility models and designs are published at grant
          status = 'granted';
          break;
        case 'transferred':
          owner = s.counterparty ?? owner;
          break;
        case 'owner_renamed':
          owner = e.names[e.names.length - 1]!;
          break;
        case 'rejected':
        case 'lapsed_non_payment':
        case 'expired':
        case 'invalidated':
          status = s.kind;
          break;
        default:
          break;
      }
    }
    const years = publishedAt === null ? 0 : max(0, (at - publishedAt) / YEAR);
    return {
      application_no: t.applicationNo,
      patent_type: t.type,
      title: t.title,
      applicants: [...t.applicants],
      filed_on: cstDate(t.filedAt),
      published_on: publishedAt === null ? null : cstDate(publishedAt),
      granted_on: grantedAt === null ? null : cstDate(grantedAt),
      ipc_codes: [...t.ipc],
      claims_count: t.claims,
      cited_by_count: floor(t.citesPerYear * years),
      family_size: t.familySize,
      pct: t.pct,
      legal_status: status,
      owner,
    };
  }
}

/** `legal_events`: grants, lapses, expiries, invalidations, transfers, licences and pledges. */
export class LegalEventsGenerator implements StreamGenerator {
  readonly agency = 'patent';
  readonly name = 'legal_events';
  readonly idField = 'event_id';
  readonly breakable = {
    required: ['application_no', 'event_type', 'event_on'],
    numeric: [],
    uscc: [],
    dates: ['event_on'],
    amounts: [],
    enums: { event_type: ['assigned', '转让'] },
  } as const;

  constructor(private readonly model: PatentModel) {}

  versions(e: Enterprise, emit: VersionSink): void {
    for (let k = 0; k < e.patentCount; k++) {
      const t = this.model.timeline(e, k);
      if (t === null) continue;
      eventSteps(t).forEach((s, n) => emit(k * EVENTS_PER_PATENT + n, 0, s.at));
    }
  }

  id(e: Enterprise, record: number): string {
    const head = this.model.header(e, floor(record / EVENTS_PER_PATENT))!;
    return `${head.applicationNo}-E${pad2((record % EVENTS_PER_PATENT) + 1)}`;
  }

  payload(e: Enterprise, record: number): Payload {
    const t = this.model.timeline(e, floor(record / EVENTS_PER_PATENT))!;
    const s = eventSteps(t)[record % EVENTS_PER_PATENT]!;
    return {
      event_id: this.id(e, record),
      application_no: t.applicationNo,
      event_type: s.kind,
      event_on: cstDate(s.at),
      counterparty: s.counterparty,
    };
  }
}
