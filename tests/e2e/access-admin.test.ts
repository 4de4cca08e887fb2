import { recordAccess } from '../../src/access/access-log.service';
import type { Principal } from '../../src/access/principal';
import { composeUscc } from '../../src/domain/uscc';
import { createApiTestHub, type ApiTestHub, type GraphqlResponse } from '../support/api-hub';

const uscc = (n: number) => composeUscc('9', '1', '370100', `MA3D${String(n).padStart(5, '0')}`);
const inAYear = () => new Date(Date.now() + 365 * 86_400_000).toISOString();

const codeOf = (r: GraphqlResponse) => r.errors?.[0]?.extensions?.code;

/** Keys, institutions, consents and the access log over HTTP, for each kind of principal. */
describe('access administration API', () => {
  let t: ApiTestHub;

  beforeAll(async () => {
    t = await createApiTestHub({ sandbox: { enterprises: 3 }, sync: false });
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  const ok = async <T = any>(query: string, variables: Record<string, unknown> | undefined, key: string | null): Promise<T> => {
    const r = await t.gql<T>(query, variables, key);
    expect(r.errors).toBeUndefined();
    expect(r.status).toBe(200);
    return r.data as T;
  };

  describe('me', () => {
    const ME = '{ me { name role keyPrefix institution { code name } } }';

    it('describes the principal behind each key', async () => {
      expect((await ok(ME, undefined, t.keys.bankA)).me).toEqual({ name: 'qilu-credit-desk', role: 'INSTITUTION', keyPrefix: t.keys.bankA.slice(0, 8), institution: { code: 'qilu-bank', name: '齐鲁银行' } });
      expect((await ok(ME, undefined, t.keys.steward)).me).toEqual({ name: 'test-steward', role: 'STEWARD', keyPrefix: t.keys.steward.slice(0, 8), institution: null });
      expect((await ok(ME, undefined, t.keys.bootstrap)).me).toEqual({ name: 'bootstrap-admin', role: 'ADMIN', keyPrefix: null, institution: null });
    });

    it('needs a key', async () => {
      const r = await t.gql(ME, undefined, null);
      expect(r.data).toBeNull();
      expect(codeOf(r)).toBe('UNAUTHENTICATED');
    });
  });

  describe('institutions and keys', () => {
    const ADMIN_OPERATIONS: Array<[string, string, Record<string, unknown>?]> = [
      ['institutions', '{ institutions { code } }'],
      ['createInstitution', 'mutation { createInstitution(code: "rogue-bank", name: "Rogue") { id } }'],
      ['apiKeys', '{ apiKeys { totalCount } }'],
      ['createApiKey', 'mutation { createApiKey(name: "rogue", role: ADMIN) { key } }'],
      ['revokeApiKey', 'mutation { revokeApiKey(id: "1") { id } }'],
    ];

    it.each(ADMIN_OPERATIONS)('lets only ADMIN use %s (STEWARD and INSTITUTION are FORBIDDEN, no key UNAUTHENTICATED)', async (_name, query) => {
      for (const key of [t.keys.steward, t.keys.bankA, t.keys.bankB]) {
        const r = await t.gql(query, undefined, key);
        expect(codeOf(r)).toBe('FORBIDDEN');
        expect(r.data).toBeNull();
      }
      expect(codeOf(await t.gql(query, undefined, null))).toBe('UNAUTHENTICATED');
      const rows = (await t.hub.runtime.db.query("SELECT COUNT(*) AS n FROM institution WHERE code = 'rogue-bank'")) as Array<{ n: string }>;
      expect(Number(rows[0]!.n)).toBe(0);
      const keys = (await t.hub.runtime.db.query("SELECT COUNT(*) AS n FROM api_key WHERE name = 'rogue' OR revoked_at IS NOT NULL")) as Array<{ n: string }>;
      expect(Number(keys[0]!.n)).toBe(0);
    });

    it('creates an institution and a key for it that works at once; a revoked key gets 401 on its next request', async () => {
      const created = await ok(`mutation { createInstitution(code: "weihai-bank", name: "威海银行") { id code name } }`, undefined, t.keys.bootstrap);
      expect(created.createInstitution).toMatchObject({ code: 'weihai-bank', name: '威海银行' });
      expect((await ok('{ institutions { code } }', undefined, t.keys.admin)).institutions.map((i: { code: string }) => i.code)).toEqual(['jinan-rural-bank', 'qilu-bank', 'weihai-bank']);

      const minted = (
        await ok(
          `mutation Mint($name: String!, $role: Role!, $code: String) {
             createApiKey(name: $name, role: $role, institutionCode: $code) { key apiKey { id prefix name role institution { code } createdAt revokedAt } }
           }`,
          { name: 'weihai-desk', role: 'INSTITUTION', code: 'weihai-bank' },
          t.keys.admin,
        )
      ).createApiKey;
      expect(minted.key).toMatch(/^thk_/);
      expect(minted.apiKey).toMatchObject({ prefix: minted.key.slice(0, 8), name: 'weihai-desk', role: 'INSTITUTION', institution: { code: 'weihai-bank' }, revokedAt: null });
      expect(new Date(minted.apiKey.createdAt).getTime()).toBeGreaterThan(Date.now() - 60_000);

      expect((await ok('{ me { name institution { code } } }', undefined, minted.key)).me).toEqual({ name: 'weihai-desk', institution: { code: 'weihai-bank' } });

      const listed = await t.gql('{ apiKeys(institutionCode: "weihai-bank") { totalCount edges { node { id prefix name } } } }', undefined, t.keys.admin);
      expect(listed.data.apiKeys).toEqual({ totalCount: 1, edges: [{ node: { id: minted.apiKey.id, prefix: minted.key.slice(0, 8), name: 'weihai-desk' } }] });
      expect(JSON.stringify(listed)).not.toContain(minted.key);

      const revoked = await ok('mutation ($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }', { id: minted.apiKey.id }, t.keys.admin);
      expect(revoked.revokeApiKey.revokedAt).not.toBeNull();
      const refused = await t.gql('{ me { name } }', undefined, minted.key);
      expect(refused.status).toBe(401);
      expect(codeOf(refused)).toBe('UNAUTHENTICATED');
      expect((await t.gql('{ health { database } }', undefined, minted.key)).status).toBe(401);
      const active = await ok('{ apiKeys(institutionCode: "weihai-bank", activeOnly: true) { totalCount } }', undefined, t.keys.admin);
      expect(active.apiKeys.totalCount).toBe(0);
    });

    it('pages through the keys in creation order without repeats', async () => {
      const seen: string[] = [];
      let after: string | null = null;
      let total = -1;
      for (let page = 0; page < 10; page++) {
        const r: any = await ok('query ($after: String) { apiKeys(first: 2, after: $after) { totalCount edges { node { id name } } pageInfo { hasNextPage endCursor } } }', { after }, t.keys.admin);
        total = r.apiKeys.totalCount;
        seen.push(...r.apiKeys.edges.map((e: { node: { name: string } }) => e.node.name));
        if (!r.apiKeys.pageInfo.hasNextPage) break;
        after = r.apiKeys.pageInfo.endCursor;
      }
      expect(seen).toEqual(['test-admin', 'test-steward', 'qilu-credit-desk', 'rural-credit-desk', 'weihai-desk']);
      expect(total).toBe(5);
    });

    it('says what is wrong with bad input', async () => {
      const cases: Array<[string, Record<string, unknown>, string, RegExp]> = [
        ['mutation { createApiKey(name: "desk", role: INSTITUTION) { key } }', {}, 'BAD_USER_INPUT', /institutionCode is required/],
        ['mutation { createApiKey(name: "ops", role: STEWARD, institutionCode: "qilu-bank") { key } }', {}, 'BAD_USER_INPUT', /institutionCode must be left out/],
        ['mutation { createApiKey(name: "desk", role: INSTITUTION, institutionCode: "nowhere-bank") { key } }', {}, 'NOT_FOUND', /nowhere-bank/],
        ['mutation { createInstitution(code: "qilu-bank", name: "again") { id } }', {}, 'CONFLICT', /exists already/],
        ['mutation { createInstitution(code: "Bad Code", name: "x") { id } }', {}, 'BAD_USER_INPUT', /code 'Bad Code'/],
        ['mutation { revokeApiKey(id: "999999") { id } }', {}, 'NOT_FOUND', /no API key/],
        ['mutation { revokeApiKey(id: "abc") { id } }', {}, 'BAD_USER_INPUT', /id must be a positive whole number/],
        ['{ apiKeys(first: 101) { totalCount } }', {}, 'BAD_USER_INPUT', /first must be from 1 to 100/],
        ['{ apiKeys(after: "bm9wZQ") { totalCount } }', {}, 'BAD_USER_INPUT', /after is not a cursor/],
      ];
      for (const [query, variables, code, message] of cases) {
        const r = await t.gql(query, variables, t.keys.admin);
        expect({ query, code: codeOf(r) }).toEqual({ query, code });
        expect(r.errors?.[0]?.message).toMatch(message);
      }
    });
  });

  describe('consents', () => {
    const GRANT = 'mutation ($input: GrantConsentInput!) { grantConsent(input: $input) { id uscc institution { code } sections purpose grantedAt expiresAt revokedAt status } }';
    const LIST = `query ($uscc: String, $code: String, $inForceOnly: Boolean, $first: Int, $after: String) {
      consents(uscc: $uscc, institutionCode: $code, inForceOnly: $inForceOnly, first: $first, after: $after) {
        totalCount edges { cursor node { id uscc institution { code } sections purpose status } } pageInfo { hasNextPage endCursor }
      }
    }`;
    const ids: Record<string, string> = {};

    beforeAll(async () => {
      const grant = async (input: Record<string, unknown>) => (await ok(GRANT, { input }, t.keys.steward)).grantConsent;
      const a = await grant({ uscc: ` ${uscc(1).toLowerCase()} `, institutionCode: 'qilu-bank', sections: ['TAX', 'ELECTRICITY'], purpose: 'CREDIT_ASSESSMENT', expiresAt: inAYear() });
      expect(a).toMatchObject({ uscc: uscc(1), institution: { code: 'qilu-bank' }, sections: ['TAX', 'ELECTRICITY'], purpose: 'CREDIT_ASSESSMENT', revokedAt: null, status: 'IN_FORCE' });
      ids.a = a.id;
      ids.b = (await grant({ uscc: uscc(1), institutionCode: 'jinan-rural-bank', sections: ['WATER'], purpose: 'POST_LOAN_MONITORING', expiresAt: inAYear() })).id;
      const all = await (async () => (await ok(GRANT, { input: { uscc: uscc(2), institutionCode: 'qilu-bank', purpose: 'SUBSIDY_REVIEW', expiresAt: inAYear() } }, t.keys.admin)).grantConsent)();
      expect(all.sections).toEqual(['GOVERNANCE', 'COMPLIANCE', 'TAX', 'ELECTRICITY', 'WATER', 'INTELLECTUAL_PROPERTY', 'TALENT', 'FINANCING', 'DERIVED']);
      ids.aAll = all.id;
      const future = await grant({ uscc: uscc(3), institutionCode: 'qilu-bank', sections: ['TALENT'], purpose: 'TALENT_LOAN', grantedAt: '2099-01-01T00:00:00Z', expiresAt: '2099-06-01T00:00:00Z' });
      expect(future.status).toBe('NOT_YET_IN_FORCE');
      ids.aFuture = future.id;
    });

    it('lets stewards and admins record and revoke consents, and forbids institutions', async () => {
      const input = { uscc: uscc(4), institutionCode: 'qilu-bank', sections: ['TAX'], purpose: 'CREDIT_ASSESSMENT', expiresAt: inAYear() };
      for (const key of [t.keys.bankA, t.keys.bankB]) {
        expect(codeOf(await t.gql(GRANT, { input }, key))).toBe('FORBIDDEN');
        expect(codeOf(await t.gql('mutation ($id: ID!) { revokeConsent(id: $id) { id } }', { id: ids.a }, key))).toBe('FORBIDDEN');
      }
      expect(codeOf(await t.gql(GRANT, { input }, null))).toBe('UNAUTHENTICATED');
      const rows = (await t.hub.runtime.db.query('SELECT COUNT(*) AS n FROM consent WHERE uscc = ? OR revoked_at IS NOT NULL', [uscc(4)])) as Array<{ n: string }>;
      expect(Number(rows[0]!.n)).toBe(0);

      const granted = (await ok(GRANT, { input }, t.keys.admin)).grantConsent;
      const revoked = (await ok('mutation ($id: ID!) { revokeConsent(id: $id) { id status revokedAt } }', { id: granted.id }, t.keys.steward)).revokeConsent;
      expect(revoked).toMatchObject({ id: granted.id, status: 'REVOKED' });
      expect(revoked.revokedAt).not.toBeNull();
      expect(codeOf(await t.gql('mutation { revokeConsent(id: "987654") { id } }', undefined, t.keys.steward))).toBe('NOT_FOUND');
    });

    it('shows an institution its own consents only; bankB never sees bankA’s', async () => {
      const asA = (await ok(LIST, {}, t.keys.bankA)).consents;
      expect(asA.edges.map((e: any) => e.node.institution.code)).toEqual(expect.arrayContaining(['qilu-bank']));
      expect(new Set(asA.edges.map((e: any) => e.node.institution.code))).toEqual(new Set(['qilu-bank']));
      expect(asA.edges.map((e: any) => e.node.id)).toEqual(expect.arrayContaining([ids.a, ids.aAll, ids.aFuture]));
      expect(asA.totalCount).toBe(asA.edges.length);

      const asB = (await ok(LIST, {}, t.keys.bankB)).consents;
      expect(asB.edges.map((e: any) => e.node)).toEqual([{ id: ids.b, uscc: uscc(1), institution: { code: 'jinan-rural-bank' }, sections: ['WATER'], purpose: 'POST_LOAN_MONITORING', status: 'IN_FORCE' }]);
      expect(asB.totalCount).toBe(1);
      expect((await ok(LIST, { uscc: uscc(1) }, t.keys.bankB)).consents.totalCount).toBe(1);
      expect((await ok(LIST, { uscc: uscc(2) }, t.keys.bankB)).consents.totalCount).toBe(0);
      expect((await ok(LIST, { code: 'jinan-rural-bank' }, t.keys.bankB)).consents.totalCount).toBe(1);

      const peek = await t.gql(LIST, { code: 'qilu-bank' }, t.keys.bankB);
      expect(codeOf(peek)).toBe('FORBIDDEN');
      expect(peek.errors?.[0]?.message).toMatch(/only its own/);
    });

    it('shows stewards every consent, filtered by enterprise, institution and being in force', async () => {
      const all = (await ok(LIST, { first: 100 }, t.keys.steward)).consents;
      expect(new Set(all.edges.map((e: any) => e.node.institution.code))).toEqual(new Set(['qilu-bank', 'jinan-rural-bank']));
      const one = (await ok(LIST, { uscc: uscc(1) }, t.keys.steward)).consents;
      expect(one.edges.map((e: any) => e.node.id)).toEqual([ids.b, ids.a]);
      expect((await ok(LIST, { uscc: uscc(1), code: 'qilu-bank' }, t.keys.admin)).consents.edges.map((e: any) => e.node.id)).toEqual([ids.a]);
      const inForce = (await ok(LIST, { code: 'qilu-bank', inForceOnly: true, first: 100 }, t.keys.steward)).consents;
      const inForceIds = inForce.edges.map((e: any) => e.node.id);
      expect(inForceIds).toEqual(expect.arrayContaining([ids.a, ids.aAll]));
      expect(inForceIds).not.toContain(ids.aFuture);
      expect(inForce.edges.every((e: any) => e.node.status === 'IN_FORCE')).toBe(true);
    });

    it('pages newest first without repeats', async () => {
      const seen: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 20; page++) {
        const r: any = (await ok(LIST, { first: 2, after }, t.keys.steward)).consents;
        seen.push(...r.edges.map((e: any) => e.node.id));
        if (!r.pageInfo.hasNextPage) break;
        after = r.pageInfo.endCursor;
      }
      const total = (await ok(LIST, {}, t.keys.steward)).consents.totalCount;
      expect(seen).toHaveLength(total);
      expect(new Set(seen).size).toBe(total);
      expect(seen.map(Number)).toEqual([...seen.map(Number)].sort((x, y) => y - x));
    });

    it('refuses bad input, naming the field', async () => {
      const base = { uscc: uscc(5), institutionCode: 'qilu-bank', sections: ['TAX'], purpose: 'CREDIT_ASSESSMENT', expiresAt: inAYear() };
      const wrongCheck = uscc(5).slice(0, 17) + (uscc(5).endsWith('0') ? '1' : '0');
      const cases: Array<[Record<string, unknown>, string, string | undefined, RegExp]> = [
        [{ uscc: wrongCheck }, 'BAD_USER_INPUT', 'uscc', new RegExp(`check character \\(position 18\\) should be '${uscc(5)[17]}'`)],
        [{ uscc: '91370100' }, 'BAD_USER_INPUT', 'uscc', /must be 18 characters/],
        [{ sections: ['IDENTITY', 'TAX'] }, 'BAD_USER_INPUT', 'sections', /identity cannot be consented to \(public/],
        [{ sections: [] }, 'BAD_USER_INPUT', 'sections', /at least one section/],
        [{ grantedAt: '2026-06-01T00:00:00Z', expiresAt: '2026-05-01T00:00:00Z' }, 'BAD_USER_INPUT', 'expiresAt', /expiresAt .* must be after grantedAt/],
        [{ institutionCode: 'nowhere-bank' }, 'NOT_FOUND', 'institutionCode', /nowhere-bank/],
      ];
      for (const [change, code, argument, message] of cases) {
        const r = await t.gql(GRANT, { input: { ...base, ...change } }, t.keys.steward);
        expect({ change, code: codeOf(r), argument: r.errors?.[0]?.extensions?.argument }).toEqual({ change, code, argument });
        expect(r.errors?.[0]?.message).toMatch(message);
      }
      const unknownPurpose = await t.gql(GRANT, { input: { ...base, purpose: 'CURIOSITY' } }, t.keys.steward);
      expect(unknownPurpose.errors?.[0]?.message).toMatch(/CURIOSITY/);
      expect(codeOf(await t.gql(LIST, { uscc: 'nope' }, t.keys.steward))).toBe('BAD_USER_INPUT');
      expect(codeOf(await t.gql(LIST, { first: 0 }, t.keys.steward))).toBe('BAD_USER_INPUT');
      const rows = (await t.hub.runtime.db.query('SELECT COUNT(*) AS n FROM consent WHERE uscc = ?', [uscc(5)])) as Array<{ n: string }>;
      expect(Number(rows[0]!.n)).toBe(0);
    });
  });

  describe('access log', () => {
    const LOG = `query ($uscc: String, $code: String, $first: Int, $after: String) {
      accessLog(uscc: $uscc, institutionCode: $code, first: $first, after: $after) {
        totalCount edges { node { id at principalName role institution { code name } uscc sections withheld purposes operation } } pageInfo { hasNextPage endCursor }
      }
    }`;
    const reader = (name: string, institutionId: number | null, role: Principal['role'] = 'INSTITUTION'): Principal => ({ keyId: null, name, role, institutionId, institutionName: null });

    beforeAll(async () => {
      const { db } = t.hub.runtime;
      const ids = (await db.query("SELECT id, code FROM institution WHERE code IN ('qilu-bank', 'jinan-rural-bank')")) as Array<{ id: number; code: string }>;
      const idOf = (code: string) => Number(ids.find((r) => r.code === code)!.id);
      const at = new Date('2026-10-01T08:00:00.000Z');
      // The profile API writes these rows; it is another part of the issue, so the test writes them directly.
      await recordAccess(db, [
        { at, principal: reader('qilu-credit-desk', idOf('qilu-bank')), uscc: uscc(1), sections: ['identity', 'tax', 'electricity'], withheld: ['water'], purposes: ['credit_assessment'], operation: 'CreditCheck' },
        { at, principal: reader('rural-credit-desk', idOf('jinan-rural-bank')), uscc: uscc(1), sections: ['identity', 'water'], withheld: ['tax'], purposes: ['post_loan_monitoring'], operation: 'Monitor' },
        { at, principal: reader('test-steward', null, 'STEWARD'), uscc: uscc(2), sections: ['identity', 'tax'], withheld: [], purposes: ['platform'], operation: 'anonymous' },
        { at, principal: reader('qilu-credit-desk', idOf('qilu-bank')), uscc: uscc(2), sections: ['identity'], withheld: ['tax'], purposes: ['public'], operation: 'CreditCheck' },
      ]);
    });

    it('shows stewards and admins every read, with who, what, why and when', async () => {
      for (const key of [t.keys.steward, t.keys.admin]) {
        const log = (await ok(LOG, {}, key)).accessLog;
        expect(log.totalCount).toBe(4);
        expect(log.edges.map((e: any) => [e.node.principalName, e.node.uscc])).toEqual([
          ['qilu-credit-desk', uscc(2)],
          ['test-steward', uscc(2)],
          ['rural-credit-desk', uscc(1)],
          ['qilu-credit-desk', uscc(1)],
        ]);
        expect(log.edges[3].node).toMatchObject({
          at: '2026-10-01T08:00:00.000Z',
          role: 'INSTITUTION',
          institution: { code: 'qilu-bank', name: '齐鲁银行' },
          uscc: uscc(1),
          sections: ['IDENTITY', 'TAX', 'ELECTRICITY'],
          withheld: ['WATER'],
          purposes: ['credit_assessment'],
          operation: 'CreditCheck',
        });
        expect(log.edges[1].node).toMatchObject({ role: 'STEWARD', institution: null, purposes: ['platform'] });
      }
      expect((await ok(LOG, { uscc: uscc(1).toLowerCase() }, t.keys.steward)).accessLog.totalCount).toBe(2);
      expect((await ok(LOG, { code: 'jinan-rural-bank' }, t.keys.steward)).accessLog.edges.map((e: any) => e.node.principalName)).toEqual(['rural-credit-desk']);
    });

    it('shows an institution its own institution’s reads only', async () => {
      const asA = (await ok(LOG, {}, t.keys.bankA)).accessLog;
      expect(asA.totalCount).toBe(2);
      expect(asA.edges.map((e: any) => [e.node.institution.code, e.node.uscc])).toEqual([
        ['qilu-bank', uscc(2)],
        ['qilu-bank', uscc(1)],
      ]);
      const asB = (await ok(LOG, { uscc: uscc(1) }, t.keys.bankB)).accessLog;
      expect(asB.edges.map((e: any) => e.node.principalName)).toEqual(['rural-credit-desk']);
      expect((await ok(LOG, { uscc: uscc(2) }, t.keys.bankB)).accessLog.totalCount).toBe(0);
      expect(codeOf(await t.gql(LOG, { code: 'qilu-bank' }, t.keys.bankB))).toBe('FORBIDDEN');
      expect(codeOf(await t.gql(LOG, {}, null))).toBe('UNAUTHENTICATED');
    });

    it('pages newest first and refuses foreign cursors', async () => {
      const first = (await ok(LOG, { first: 3 }, t.keys.steward)).accessLog;
      expect(first.pageInfo.hasNextPage).toBe(true);
      const rest = (await ok(LOG, { first: 3, after: first.pageInfo.endCursor }, t.keys.steward)).accessLog;
      expect(rest.pageInfo.hasNextPage).toBe(false);
      const ids = [...first.edges, ...rest.edges].map((e: any) => Number(e.node.id));
      expect(ids).toHaveLength(4);
      expect(ids).toEqual([...ids].sort((x, y) => y - x));
      const consentsCursor = (await ok('{ consents(first: 1) { pageInfo { endCursor } } }', undefined, t.keys.steward)).consents.pageInfo.endCursor;
      const foreign = await t.gql(LOG, { after: consentsCursor }, t.keys.steward);
      expect(codeOf(foreign)).toBe('BAD_USER_INPUT');
      expect(foreign.errors?.[0]?.message).toMatch(/after is not a cursor of this list \(accessLog\)/);
    });
  });
});
