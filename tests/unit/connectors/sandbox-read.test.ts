import { createSandbox, type Sandbox } from '../../../connectors/sandbox/sandbox';
import { loadConnectorModules } from '../../../connectors/registry';
import type { Connector } from '../../../connectors/sdk/connector';
import { HttpClient } from '../../../connectors/sdk/http-client';
import type { QuarantineReasonCode } from '../../../connectors/sdk/quarantine-reason';
import { validateRecord } from '../../../connectors/sdk/validate';

/**
 * Every connector against the sandbox: each stream read from the beginning to the end, each record
 * validated, and the outcome compared with what the sandbox knows it served.
 */
describe('reading the sandbox (60 enterprises)', () => {
  let sandbox: Sandbox;
  let http: HttpClient;
  let connectors: Connector[];
  const reasons = new Map<QuarantineReasonCode, number>();

  beforeAll(async () => {
    sandbox = createSandbox({ seed: 7, enterprises: 60, invalidRate: 0.05 });
    const base = await sandbox.listen(0);
    http = new HttpClient({ retries: 0 });
    connectors = loadConnectorModules().map((m) => m.create({ baseUrl: `${base}/${m.id}`, http }));
  });

  afterAll(async () => {
    await http?.close();
    await sandbox?.close();
  });

  it('serves exactly the streams the connectors declare', () => {
    const declared = connectors.flatMap((c) => c.streams.map((s) => `${c.id}/${s.name}`)).sort();
    const served = sandbox.truth
      .streams()
      .map((s) => `${s.agency}/${s.stream}`)
      .sort();
    expect(declared).toEqual(served);
  });

  it('passes every check()', async () => {
    for (const c of connectors) await expect(c.check()).resolves.toMatchObject({ ok: true });
  });

  it('agrees with the sandbox on every record of every stream', async () => {
    for (const connector of connectors) {
      for (const stream of connector.streams) {
        const where = `${connector.id}/${stream.name}`;
        const truth = new Map(sandbox.truth.visible(connector.id, stream.name).map((t) => [t.id, t]));
        const seen = new Set<string>();
        let pages = 0;
        for await (const page of connector.read(stream.name, { cursor: null }, { pageSize: 150 })) {
          pages++;
          for (const raw of page.records) {
            const outcome = validateRecord(stream, raw);
            const id = outcome.externalId;
            if (id === null) throw new Error(`${where}: untraceable record ${JSON.stringify(raw)}`);
            if (seen.has(id)) throw new Error(`${where}: ${id} read twice`);
            seen.add(id);
            const expected = truth.get(id);
            if (expected === undefined) throw new Error(`${where}: ${id} is not a visible record`);
            if (expected.valid && !outcome.ok) {
              throw new Error(`${where}: valid ${id} quarantined as ${outcome.reasonCode}: ${outcome.message}`);
            }
            if (!expected.valid && outcome.ok) throw new Error(`${where}: broken ${id} passed validation: ${JSON.stringify(raw)}`);
            if (!outcome.ok) reasons.set(outcome.reasonCode, (reasons.get(outcome.reasonCode) ?? 0) + 1);
            if (outcome.ok) expect(outcome.updatedAt.getTime()).toBe(expected.updatedAt.getTime());
          }
        }
        expect({ where, read: seen.size }).toEqual({ where, read: truth.size });
        expect(truth.size).toBeGreaterThan(0);
        expect(pages).toBeGreaterThanOrEqual(1);
      }
    }
  });

  it('met each way the sandbox breaks records', () => {
    // missing field, non-numeric number (format or type), bad USCC, impossible date, negative amount, bad enum
    for (const code of ['MISSING_FIELD', 'INVALID_USCC', 'INVALID_DATE', 'OUT_OF_RANGE', 'INVALID_ENUM'] as const) {
      expect({ code, count: reasons.get(code) ?? 0 }).toEqual({ code, count: expect.any(Number) });
      expect(reasons.get(code) ?? 0).toBeGreaterThan(0);
    }
    expect((reasons.get('INVALID_FORMAT') ?? 0) + (reasons.get('INVALID_TYPE') ?? 0)).toBeGreaterThan(0);
    expect(reasons.has('MISSING_ID')).toBe(false);
  });
});
