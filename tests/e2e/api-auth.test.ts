import { createApiTestHub, type ApiTestHub } from '../support/api-hub';

/** Who may ask what: keys, roles and the errors a client sees, over HTTP. */
describe('API keys and roles', () => {
  let t: ApiTestHub;

  beforeAll(async () => {
    t = await createApiTestHub({ sandbox: { enterprises: 5 }, sync: false });
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  it('answers health without a key, and refuses steward views without one', async () => {
    expect((await t.gql('{ health { database redis } }', undefined, null)).data).toEqual({ health: { database: true, redis: true } });
    const refused = await t.gql('{ connectors { id } }', undefined, null);
    expect(refused.data).toBeNull();
    expect(refused.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses an unknown key and a malformed header with 401', async () => {
    const unknown = await t.gql('{ health { database } }', undefined, 'thk_not-a-key');
    expect(unknown.status).toBe(401);
    expect(unknown.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(unknown.errors?.[0]?.message).toMatch(/unknown or revoked/);
    const malformed = await t.gql('{ health { database } }', undefined, null, { authorization: 'Basic abc' });
    expect(malformed.status).toBe(401);
    expect(malformed.errors?.[0]?.message).toMatch(/Bearer/);
  });

  it('lets the bootstrap key, admins and stewards see connectors, and forbids institutions', async () => {
    for (const key of [t.keys.bootstrap, t.keys.admin, t.keys.steward]) {
      const ok = await t.gql('{ connectors { id } }', undefined, key);
      expect(ok.errors).toBeUndefined();
      expect(ok.data.connectors.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining(['tax', 'utility', 'patent', 'market-regulation']));
    }
    const bank = await t.gql('{ connectors { id } }', undefined, t.keys.bankA);
    expect(bank.data).toBeNull();
    expect(bank.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('stores keys only as hashes', async () => {
    const rows = (await t.hub.runtime.db.query('SELECT key_hash, key_prefix FROM api_key')) as Array<{ key_hash: string; key_prefix: string }>;
    expect(rows).toHaveLength(4);
    const stored = JSON.stringify(rows);
    for (const key of [t.keys.admin, t.keys.steward, t.keys.bankA, t.keys.bankB]) expect(stored).not.toContain(key);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.key_hash) && r.key_prefix.startsWith('thk_'))).toBe(true);
  });
});
