import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StreamDefinition } from '../../../connectors/sdk/connector';
import { HttpClient } from '../../../connectors/sdk/http-client';
import { validateRecord } from '../../../connectors/sdk/validate';
import { loadConnectorModules } from '../../../connectors/registry';
import { registrations } from '../../../connectors/market-regulation/market-regulation.streams';

/**
 * Per stream: `tests/fixtures/records/<connector>/<stream>.valid.json` holds records that must pass,
 * `<stream>.invalid.json` holds cases, each a change (`set` / `omit`) to the first valid record, or a
 * whole `record`, with the reason code it must be quarantined for.
 */
interface InvalidCase {
  why: string;
  reasonCode: string;
  set?: Record<string, unknown>;
  omit?: string[];
  record?: unknown;
}

const FIXTURES = join(__dirname, '../../fixtures/records');
const http = new HttpClient();
afterAll(() => http.close());

const streams: Array<[string, string, StreamDefinition<unknown>]> = loadConnectorModules().flatMap((m) =>
  m.create({ baseUrl: 'http://127.0.0.1:1', http }).streams.map((s): [string, string, StreamDefinition<unknown>] => [m.id, s.name, s]),
);

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

function build(base: Record<string, unknown>, c: InvalidCase): unknown {
  if ('record' in c) return c.record;
  const record: Record<string, unknown> = { ...base, ...c.set };
  for (const field of c.omit ?? []) delete record[field];
  return record;
}

describe.each(streams)('%s / %s', (connector, _name, stream) => {
  const validPath = join(FIXTURES, connector, `${stream.name}.valid.json`);
  const invalidPath = join(FIXTURES, connector, `${stream.name}.invalid.json`);

  it('has fixtures', () => {
    expect(existsSync(validPath)).toBe(true);
    expect(existsSync(invalidPath)).toBe(true);
  });

  const valid = existsSync(validPath) ? readJson<Array<Record<string, unknown>>>(validPath) : [];
  const invalid = existsSync(invalidPath) ? readJson<InvalidCase[]>(invalidPath) : [];

  it.each(valid.map((r, i) => [i, r] as const))('accepts valid record #%d', (_i, raw) => {
    const outcome = validateRecord(stream, raw);
    if (!outcome.ok) throw new Error(`rejected: ${outcome.reasonCode} ${outcome.message}`);
    expect(outcome.externalId).toBe(stream.rawExternalId(raw));
    expect(outcome.updatedAt.getTime()).toBe(Date.parse(raw['updated_at'] as string));
  });

  it.each(invalid.map((c) => [c.why, c] as const))('quarantines: %s', (_why, c) => {
    const raw = build(valid[0]!, c);
    const outcome = validateRecord(stream, raw);
    expect(outcome).toMatchObject({ ok: false, reasonCode: c.reasonCode });
    if (!outcome.ok) {
      const traceable = c.reasonCode !== 'MISSING_ID' && c.reasonCode !== 'NOT_AN_OBJECT';
      expect(outcome.externalId).toBe(traceable ? stream.rawExternalId(raw) : null);
      if (traceable) expect(outcome.externalId).not.toBeNull();
      expect(outcome.message.length).toBeGreaterThan(0);
    }
  });
});

describe('quarantine messages', () => {
  const [base] = readJson<Array<Record<string, unknown>>>(join(FIXTURES, 'market-regulation/registrations.valid.json'));
  const messageFor = (patch: Record<string, unknown>): string => {
    const outcome = validateRecord(registrations, { ...base, ...patch });
    if (outcome.ok) throw new Error('expected a rejection');
    return outcome.message;
  };

  it('names the field and the offending value', () => {
    expect(messageFor({ registered_capital_wan: '12,3a' })).toBe('registered_capital_wan: expected a decimal string, got "12,3a"');
    expect(messageFor({ established_on: '2025-02-30' })).toBe('established_on: expected a real calendar date, got "2025-02-30"');
    expect(messageFor({ status: 'dormant' })).toBe('status: expected one of "active" | "revoked" | "cancelled" | "moved_out", got "dormant"');
    expect(messageFor({ name: null })).toBe('name: required field is null');
    expect(messageFor({ tags: ['ok', 7] })).toBe('tags[1]: expected a string, got 7');
  });

  it('names the check character a USCC should have had', () => {
    expect(messageFor({ uscc: '91370102MA3C4T2W9B' })).toContain("should be 'A', found 'B'");
  });

  it('normalises the USCC of a valid record and the id of a quarantined one alike', () => {
    const ok = validateRecord(registrations, { ...base, uscc: ' 91370102ma3c4t2w9a' });
    const bad = validateRecord(registrations, { ...base, uscc: ' 91370102ma3c4t2w9a', status: 'dormant' });
    expect(ok).toMatchObject({ ok: true, externalId: '91370102MA3C4T2W9A', record: { uscc: '91370102MA3C4T2W9A' } });
    expect(bad).toMatchObject({ ok: false, externalId: '91370102MA3C4T2W9A' });
  });

  it('reports the first problem when there are several', () => {
    const outcome = validateRecord(registrations, { ...base, name: undefined, status: 'dormant' });
    expect(outcome).toMatchObject({ ok: false, reasonCode: 'MISSING_FIELD' });
  });

  it('ignores fields it does not know, and leaves them out of the clean record', () => {
    const outcome = validateRecord(registrations, { ...base, new_upstream_field: 1 });
    expect(outcome.ok).toBe(true);
    expect(outcome.ok && 'new_upstream_field' in outcome.record).toBe(false);
  });
});

describe('validation cost', () => {
  // Only a guard against gross regressions (e.g. a schema built per record, ~10× slower): jest's
  // module sandbox runs zod several times slower than tsx does (~70k vs ~300k records/s here), and
  // wall-clock figures move with machine load, so the floor is low and the best round counts.
  it('validates a mixed batch at more than 10k records/s', () => {
    const cases = streams.map(([connector, , stream]) => {
      const [record] = readJson<unknown[]>(join(FIXTURES, connector, `${stream.name}.valid.json`));
      return { stream, record };
    });
    const n = 20_000;
    let ok = 0;
    let best = 0;
    for (let round = 0; round < 5; round++) {
      const started = process.hrtime.bigint();
      for (let i = 0; i < n; i++) if (validateRecord(cases[i % cases.length]!.stream, cases[i % cases.length]!.record).ok) ok++;
      best = Math.max(best, n / (Number(process.hrtime.bigint() - started) / 1e9));
    }
    expect(ok).toBe(5 * n);
    expect(best).toBeGreaterThan(10_000);
  });
});
