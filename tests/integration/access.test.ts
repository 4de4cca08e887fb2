import type { Command } from 'commander';
import { countAccessLog, listAccessLog, recordAccess } from '../../src/access/access-log.service';
import {
  authenticate,
  countApiKeys,
  createApiKey,
  createInstitution,
  describePrincipal,
  hashApiKey,
  listApiKeys,
  listInstitutions,
  revokeApiKey,
} from '../../src/access/api-keys.service';
import { GATED_SECTIONS } from '../../src/access/consent-rules';
import { consentsOf, countConsents, grantConsent, listConsents, revokeConsent } from '../../src/access/consent.service';
import type { Principal } from '../../src/access/principal';
import { institutionScope } from '../../src/access/visibility';
import { buildHubProgram } from '../../src/cli/hub.program';
import { withStatementTally } from '../../src/db/statement-counter';
import { composeUscc } from '../../src/domain/uscc';
import { HubError } from '../../src/errors/hub-error';
import type { InstitutionEntity } from '../../src/access/institution.entity';
import { createTestHub, type TestHub } from '../support/test-hub';

const uscc = (n: number) => composeUscc('9', '1', '370100', `MA3C${String(n).padStart(5, '0')}`);
const DAY = 86_400_000;
const steward: Principal = { keyId: null, name: 'test-steward', role: 'STEWARD', institutionId: null, institutionName: null };

/** Expects a HubError with this code whose details name this argument. */
async function rejects(work: Promise<unknown> | (() => unknown), code: string, argument?: string, message?: RegExp): Promise<HubError> {
  let caught: unknown;
  try {
    await (typeof work === 'function' ? work() : work);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(HubError);
  const e = caught as HubError;
  expect(e.code).toBe(code);
  if (argument !== undefined) expect(e.details?.argument).toBe(argument);
  if (message) expect(e.message).toMatch(message);
  return e;
}

/** Institutions, keys, consents and the access log against a real MariaDB. */
describe('access services', () => {
  let hub: TestHub;
  let bankA: InstitutionEntity;
  let bankB: InstitutionEntity;

  beforeAll(async () => {
    hub = await createTestHub({ sandbox: { enterprises: 1 } });
    bankA = await createInstitution(hub.runtime.db, { code: 'qilu-bank', name: '齐鲁银行' });
    bankB = await createInstitution(hub.runtime.db, { code: ' jinan-rural-bank ', name: ' 济南农商银行 ' });
  }, 60_000);

  afterAll(async () => {
    await hub?.close();
  });

  describe('institutions', () => {
    it('trims, lists by code and refuses a code in use with CONFLICT', async () => {
      const { db } = hub.runtime;
      expect(bankB).toMatchObject({ code: 'jinan-rural-bank', name: '济南农商银行' });
      expect((await listInstitutions(db)).map((i) => i.code)).toEqual(['jinan-rural-bank', 'qilu-bank']);
      await rejects(createInstitution(db, { code: 'qilu-bank', name: 'again' }), 'CONFLICT', 'code', /exists already/);
    });

    it('refuses bad codes and names, naming the argument', async () => {
      const { db } = hub.runtime;
      for (const code of ['Qilu', 'q', '-bank', 'bank_a', 'x'.repeat(65)]) await rejects(createInstitution(db, { code, name: 'n' }), 'BAD_USER_INPUT', 'code');
      await rejects(createInstitution(db, { code: 'ok-bank', name: '  ' }), 'BAD_USER_INPUT', 'name');
    });
  });

  describe('API keys', () => {
    it('needs an institution for INSTITUTION keys and refuses one for platform keys', async () => {
      const { db } = hub.runtime;
      await rejects(createApiKey(db, { name: 'desk', role: 'INSTITUTION' }), 'BAD_USER_INPUT', 'institutionCode', /required/);
      await rejects(createApiKey(db, { name: 'ops', role: 'STEWARD', institutionCode: 'qilu-bank' }), 'BAD_USER_INPUT', 'institutionCode', /must be left out/);
      await rejects(createApiKey(db, { name: 'desk', role: 'INSTITUTION', institutionCode: 'no-such-bank' }), 'NOT_FOUND', 'institutionCode', /no-such-bank/);
      await rejects(createApiKey(db, { name: '', role: 'ADMIN' }), 'BAD_USER_INPUT', 'name');
      await rejects(createApiKey(db, { name: 'x', role: 'ROOT' as never }), 'BAD_USER_INPUT', 'role');
    });

    it('stores only the hash, authenticates at once and refuses the key once revoked', async () => {
      const { db } = hub.runtime;
      const created = await createApiKey(db, { name: 'qilu-credit-desk', role: 'INSTITUTION', institutionCode: 'qilu-bank' });
      expect(created.key).toMatch(/^thk_[A-Za-z0-9_-]{43}$/);
      const [stored] = (await db.query('SELECT key_hash, key_prefix FROM api_key WHERE id = ?', [created.record.id])) as Array<{ key_hash: string; key_prefix: string }>;
      expect(stored).toEqual({ key_hash: hashApiKey(created.key), key_prefix: created.key.slice(0, 8) });

      const principal = await authenticate(db, created.key, null);
      expect(principal).toEqual({ keyId: created.record.id, name: 'qilu-credit-desk', role: 'INSTITUTION', institutionId: bankA.id, institutionName: '齐鲁银行' });
      expect(await describePrincipal(db, principal!)).toEqual({
        name: 'qilu-credit-desk',
        role: 'INSTITUTION',
        keyId: created.record.id,
        keyPrefix: created.key.slice(0, 8),
        institution: { id: bankA.id, code: 'qilu-bank', name: '齐鲁银行' },
      });

      const revoked = await revokeApiKey(db, created.record.id);
      expect(revoked.revokedAt).toBeInstanceOf(Date);
      expect(revoked.institution?.code).toBe('qilu-bank');
      expect(await authenticate(db, created.key, null)).toBeNull();
      const again = await revokeApiKey(db, created.record.id);
      expect(again.revokedAt).toEqual(revoked.revokedAt);
      await rejects(revokeApiKey(db, 999_999), 'NOT_FOUND', 'id');
    });

    it('describes the bootstrap key without touching the database', async () => {
      const boot = await authenticate(hub.runtime.db, 'the-bootstrap-key', 'the-bootstrap-key');
      expect(await describePrincipal(hub.runtime.db, boot!)).toEqual({ name: 'bootstrap-admin', role: 'ADMIN', keyId: null, keyPrefix: null, institution: null });
    });

    it('lists keys in creation order with their institutions, filtered and paged by id', async () => {
      const { db } = hub.runtime;
      await db.query('DELETE FROM api_key');
      const made = [];
      for (const [name, role, institutionCode] of [
        ['admin', 'ADMIN', null],
        ['a1', 'INSTITUTION', 'qilu-bank'],
        ['b1', 'INSTITUTION', 'jinan-rural-bank'],
        ['a2', 'INSTITUTION', 'qilu-bank'],
        ['ops', 'STEWARD', null],
      ] as const) {
        made.push((await createApiKey(db, { name, role, institutionCode })).record);
      }
      await revokeApiKey(db, made[3]!.id);
      const all = await listApiKeys(db, { limit: 100 });
      expect(all.map((k) => k.name)).toEqual(['admin', 'a1', 'b1', 'a2', 'ops']);
      expect(all[2]!.institution).toEqual({ id: bankB.id, code: 'jinan-rural-bank', name: '济南农商银行' });
      expect(all[0]!.institution).toBeNull();
      expect(JSON.stringify(all)).not.toMatch(/hash/i);
      expect((await listApiKeys(db, { institutionId: bankA.id, limit: 100 })).map((k) => k.name)).toEqual(['a1', 'a2']);
      expect((await listApiKeys(db, { institutionId: bankA.id, activeOnly: true, limit: 100 })).map((k) => k.name)).toEqual(['a1']);
      expect(await countApiKeys(db, {})).toBe(5);
      expect(await countApiKeys(db, { activeOnly: true })).toBe(4);
      const page1 = await listApiKeys(db, { limit: 2 });
      const page2 = await listApiKeys(db, { afterId: page1.at(-1)!.id, limit: 2 });
      const page3 = await listApiKeys(db, { afterId: page2.at(-1)!.id, limit: 2 });
      expect([...page1, ...page2, ...page3].map((k) => k.name)).toEqual(['admin', 'a1', 'b1', 'a2', 'ops']);
    });
  });

  describe('consents', () => {
    const expiresAt = new Date(Date.now() + 365 * DAY);

    it('records a consent from a lower-case, spaced USCC, for all gated sections by default', async () => {
      const granted = await grantConsent(hub.runtime.db, steward, { uscc: `  ${uscc(1).toLowerCase()} `, institutionCode: 'qilu-bank', purpose: 'credit_assessment', expiresAt });
      expect(granted).toMatchObject({ uscc: uscc(1), institutionId: bankA.id, sections: [...GATED_SECTIONS], purpose: 'credit_assessment', revokedAt: null, recordedByKeyId: null });
      expect(granted.institution).toEqual({ id: bankA.id, code: 'qilu-bank', name: '齐鲁银行' });
    });

    it('refuses bad input naming the field, and an unknown institution as NOT_FOUND', async () => {
      const { db } = hub.runtime;
      const base = { uscc: uscc(2), institutionCode: 'qilu-bank', purpose: 'credit_assessment', expiresAt };
      const badCheck = uscc(2).slice(0, 17) + (uscc(2).endsWith('0') ? '1' : '0');
      const e = await rejects(grantConsent(db, steward, { ...base, uscc: badCheck }), 'BAD_USER_INPUT', 'uscc', /check character/);
      expect(e.message).toContain(`'${uscc(2)[17]}'`);
      await rejects(grantConsent(db, steward, { ...base, uscc: '9137' }), 'BAD_USER_INPUT', 'uscc', /18 characters/);
      await rejects(grantConsent(db, steward, { ...base, sections: ['identity', 'tax'] }), 'BAD_USER_INPUT', 'sections', /identity.*public/);
      await rejects(grantConsent(db, steward, { ...base, sections: ['gossip'] }), 'BAD_USER_INPUT', 'sections', /not sections of the profile/);
      await rejects(grantConsent(db, steward, { ...base, purpose: 'curiosity' }), 'BAD_USER_INPUT', 'purpose');
      await rejects(grantConsent(db, steward, { ...base, grantedAt: new Date('2026-05-01T00:00:00Z'), expiresAt: new Date('2026-05-01T00:00:00Z') }), 'BAD_USER_INPUT', 'expiresAt', /after grantedAt/);
      await rejects(grantConsent(db, steward, { ...base, expiresAt: new Date('nonsense') }), 'BAD_USER_INPUT', 'expiresAt');
      await rejects(grantConsent(db, steward, { ...base, institutionCode: 'no-such-bank' }), 'NOT_FOUND', 'institutionCode');
      expect(await countConsents(db, { uscc: uscc(2) })).toBe(0);
    });

    it('lists newest first, filtered by enterprise, institution and being in force, and pages by id', async () => {
      const { db } = hub.runtime;
      await db.query('DELETE FROM consent');
      const now = Date.now();
      const at = (days: number) => new Date(now + days * DAY);
      const g = (n: number, code: string, grantedAt: Date, expires: Date, sections = ['tax']) =>
        grantConsent(db, steward, { uscc: uscc(n), institutionCode: code, sections, purpose: 'credit_assessment', grantedAt, expiresAt: expires });
      const live = await g(10, 'qilu-bank', at(-10), at(10));
      const expired = await g(10, 'qilu-bank', at(-20), at(-1));
      const future = await g(11, 'qilu-bank', at(1), at(10));
      const other = await g(10, 'jinan-rural-bank', at(-10), at(10), ['water', 'electricity']);
      const revoked = await g(11, 'qilu-bank', at(-10), at(10));
      const afterRevoke = await revokeConsent(db, revoked.id);
      expect(afterRevoke.revokedAt).toBeInstanceOf(Date);
      expect((await revokeConsent(db, revoked.id)).revokedAt).toEqual(afterRevoke.revokedAt);
      await rejects(revokeConsent(db, 987_654), 'NOT_FOUND', 'id');

      const ids = async (filter: Parameters<typeof listConsents>[1]) => (await listConsents(db, filter)).map((c) => c.id);
      expect(await ids({ limit: 100 })).toEqual([revoked.id, other.id, future.id, expired.id, live.id]);
      expect(await ids({ uscc: uscc(10), limit: 100 })).toEqual([other.id, expired.id, live.id]);
      expect(await ids({ institutionId: bankA.id, limit: 100 })).toEqual([revoked.id, future.id, expired.id, live.id]);
      expect(await ids({ inForceAt: new Date(now), limit: 100 })).toEqual([other.id, live.id]);
      expect(await ids({ institutionId: bankA.id, inForceAt: new Date(now), limit: 100 })).toEqual([live.id]);
      expect(await countConsents(db, { institutionId: bankA.id })).toBe(4);
      expect(await countConsents(db, { inForceAt: new Date(now) })).toBe(2);
      expect(await ids({ beforeId: future.id, limit: 100 })).toEqual([expired.id, live.id]);
      expect(await ids({ beforeId: future.id, limit: 1 })).toEqual([expired.id]);
      const [shown] = await listConsents(db, { uscc: uscc(10), institutionId: bankB.id, limit: 1 });
      expect(shown).toMatchObject({ sections: ['electricity', 'water'], institution: { code: 'jinan-rural-bank' } });
    });

    it('reads the consents of many enterprises in one statement, for one institution or all', async () => {
      const { db } = hub.runtime;
      const tally = { statements: 0 };
      const byUscc = await withStatementTally(tally, () => consentsOf(db, [uscc(10), uscc(11), uscc(12)], bankB.id));
      expect(tally.statements).toBe(1);
      expect(byUscc.get(uscc(10))!.map((c) => c.institutionId)).toEqual([bankB.id]);
      expect(byUscc.get(uscc(11))).toEqual([]);
      expect(byUscc.get(uscc(12))).toEqual([]);
      const all = await consentsOf(db, [uscc(10), uscc(11)]);
      expect(all.get(uscc(10))).toHaveLength(3);
      expect(all.get(uscc(11))).toHaveLength(2);
    });
  });

  describe('institution scope', () => {
    const bankPrincipal = (institutionId: number): Principal => ({ keyId: 1, name: 'desk', role: 'INSTITUTION', institutionId, institutionName: null });

    it('lets platform roles see all or narrow to one institution, and keeps an institution to its own', async () => {
      const { db } = hub.runtime;
      expect(await institutionScope(db, steward, null)).toBeNull();
      expect(await institutionScope(db, steward, ' jinan-rural-bank ')).toBe(bankB.id);
      await rejects(institutionScope(db, steward, 'no-such-bank'), 'NOT_FOUND', 'institutionCode');
      expect(await institutionScope(db, bankPrincipal(bankA.id), null)).toBe(bankA.id);
      expect(await institutionScope(db, bankPrincipal(bankA.id), 'qilu-bank')).toBe(bankA.id);
      await rejects(institutionScope(db, bankPrincipal(bankA.id), 'jinan-rural-bank'), 'FORBIDDEN', 'institutionCode', /only its own/);
    });
  });

  describe('access log', () => {
    it('lists reads newest first with their institutions, filtered and paged by id, and counts them', async () => {
      const { db } = hub.runtime;
      const bankReader = (institutionId: number, name: string): Principal => ({ keyId: 7, name, role: 'INSTITUTION', institutionId, institutionName: null });
      const t0 = new Date('2026-10-01T08:00:00.000Z');
      await recordAccess(db, [
        { at: t0, principal: bankReader(bankA.id, 'a-desk'), uscc: uscc(20), sections: ['identity', 'tax'], withheld: ['water'], purposes: ['credit_assessment'], operation: 'Profile' },
        { at: t0, principal: bankReader(bankB.id, 'b-desk'), uscc: uscc(20), sections: ['identity'], withheld: ['tax', 'water'], purposes: ['public'], operation: 'anonymous' },
        { at: t0, principal: steward, uscc: uscc(21), sections: ['identity', 'tax'], withheld: [], purposes: ['platform'], operation: 'Audit' },
        { at: t0, principal: bankReader(bankA.id, 'a-desk'), uscc: uscc(21), sections: ['identity'], withheld: [], purposes: ['public'], operation: 'Profile' },
      ]);
      const all = await listAccessLog(db, { limit: 100 });
      expect(all.map((r) => [r.principalName, r.uscc])).toEqual([
        ['a-desk', uscc(21)],
        ['test-steward', uscc(21)],
        ['b-desk', uscc(20)],
        ['a-desk', uscc(20)],
      ]);
      expect(all[3]).toMatchObject({ role: 'INSTITUTION', institutionId: bankA.id, institutionCode: 'qilu-bank', institutionName: '齐鲁银行', sections: ['identity', 'tax'], withheld: ['water'], purpose: 'credit_assessment', operation: 'Profile', at: t0 });
      expect(all[1]).toMatchObject({ institutionId: null, institutionCode: null, withheld: [] });
      expect((await listAccessLog(db, { institutionId: bankA.id, limit: 100 })).map((r) => r.uscc)).toEqual([uscc(21), uscc(20)]);
      expect((await listAccessLog(db, { uscc: uscc(20), limit: 100 })).map((r) => r.principalName)).toEqual(['b-desk', 'a-desk']);
      expect(await countAccessLog(db, {})).toBe(4);
      expect(await countAccessLog(db, { uscc: uscc(20), institutionId: bankB.id })).toBe(1);
      const page = await listAccessLog(db, { beforeId: all[1]!.id, limit: 1 });
      expect(page.map((r) => r.id)).toEqual([all[2]!.id]);
    });
  });

  describe('the CLI', () => {
    /** Runs one `hub …` command on the test hub's runtime (left open), returning what it printed. */
    async function hubCli(...args: string[]): Promise<string> {
      const lines: string[] = [];
      const runtime = { ...hub.runtime, close: async () => undefined };
      const program = buildHubProgram(async () => runtime, (line) => lines.push(line));
      // Subcommands exist already, so they do not inherit settings: throw instead of exiting, everywhere.
      const quiet = (command: Command): void => {
        command.exitOverride().configureOutput({ writeErr: () => undefined, writeOut: () => undefined });
        command.commands.forEach(quiet);
      };
      quiet(program);
      await program.parseAsync(args, { from: 'user' });
      return lines.join('\n');
    }

    it('creates and lists institutions', async () => {
      expect(await hubCli('institutions', 'create', 'weihai-bank', '威海银行')).toMatch(/institution weihai-bank \(威海银行\) created/);
      expect(await hubCli('institutions', 'list')).toMatch(/^id\s+code\s+name\s+created\n.*jinan-rural-bank.*\n.*qilu-bank.*\n.*weihai-bank\s+威海银行/);
      await expect(hubCli('institutions', 'create', 'weihai-bank', 'again')).rejects.toMatchObject({ code: 'CONFLICT' });
    });

    it('mints a key that works, prints it once with a warning, lists and revokes it', async () => {
      const printed = await hubCli('keys', 'create', '--name', 'weihai-desk', '--role', 'INSTITUTION', '--institution', 'weihai-bank');
      const key = /^\s+(thk_\S+)$/m.exec(printed)?.[1];
      expect(key).toBeDefined();
      expect(printed).toMatch(/warning: store this key now/);
      const principal = await authenticate(hub.runtime.db, key!, null);
      expect(principal).toMatchObject({ name: 'weihai-desk', role: 'INSTITUTION', institutionName: '威海银行' });
      const listed = await hubCli('keys', 'list', '--institution', 'weihai-bank');
      expect(listed).toContain(key!.slice(0, 8));
      expect(listed).not.toContain(key!);
      expect(await hubCli('keys', 'revoke', String(principal!.keyId))).toMatch(/revoked at/);
      expect(await authenticate(hub.runtime.db, key!, null)).toBeNull();
      expect(await hubCli('keys', 'list', '--institution', 'weihai-bank', '--active')).toBe('(none)');
      await expect(hubCli('keys', 'create', '--name', 'x', '--role', 'ROOT')).rejects.toMatchObject({ code: 'commander.invalidArgument' });
      await expect(hubCli('keys', 'create', '--name', 'x', '--role', 'INSTITUTION')).rejects.toThrow(/--institution <code> is required/);
      await expect(hubCli('keys', 'create', '--name', 'x', '--role', 'INSTITUTION', '--institution', 'nowhere')).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(hubCli('keys', 'revoke', 'abc')).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    });

    it('grants, lists and revokes consents, and shows the access log', async () => {
      const granted = await hubCli('consents', 'grant', '--uscc', uscc(30).toLowerCase(), '--institution', 'weihai-bank', '--purpose', 'ip_pledge_valuation', '--expires', '2099-01-01', '--sections', 'intellectual_property,tax');
      const id = /consent (\d+) recorded/.exec(granted)?.[1];
      expect(id).toBeDefined();
      expect(granted).toMatch(new RegExp(`${uscc(30)}\\s+weihai-bank\\s+tax,intellectual_property\\s+ip_pledge_valuation`));
      expect(granted).toMatch(/IN_FORCE/);
      const [row] = await listConsents(hub.runtime.db, { uscc: uscc(30), limit: 1 });
      expect(row).toMatchObject({ id: Number(id), sections: ['tax', 'intellectual_property'], expiresAt: new Date('2099-01-01T00:00:00Z'), recordedByKeyId: null });
      await expect(hubCli('consents', 'grant', '--uscc', uscc(30), '--institution', 'weihai-bank', '--purpose', 'credit_assessment', '--expires', '2099-01-01', '--sections', 'identity')).rejects.toMatchObject({ code: 'commander.invalidArgument' });
      await expect(hubCli('consents', 'grant', '--uscc', '9137', '--institution', 'weihai-bank', '--purpose', 'credit_assessment', '--expires', '2099-01-01')).rejects.toMatchObject({ code: 'commander.invalidArgument' });

      expect(await hubCli('consents', 'list', '--uscc', uscc(30))).toMatch(new RegExp(`^${id}\\s+${uscc(30)}`, 'm'));
      expect(await hubCli('consents', 'revoke', id!)).toMatch(new RegExp(`consent ${id} \\(${uscc(30)} → weihai-bank\\) revoked`));
      expect(await hubCli('consents', 'list', '--uscc', uscc(30))).toMatch(/REVOKED/);
      expect(await hubCli('consents', 'list', '--uscc', uscc(30), '--in-force')).toBe('(none)');

      const log = await hubCli('access-log', '--uscc', uscc(20), '--institution', 'qilu-bank', '--limit', '5');
      expect(log.split('\n')).toHaveLength(2);
      expect(log).toMatch(/a-desk\s+INSTITUTION\s+qilu-bank\s+\S+\s+identity,tax\s+water\s+credit_assessment\s+Profile/);
    });
  });
});
