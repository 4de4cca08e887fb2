import { type Command, InvalidArgumentError, Option } from 'commander';
import { listAccessLog } from '../access/access-log.service';
import { createApiKey, createInstitution, findInstitution, listApiKeys, listInstitutions, revokeApiKey } from '../access/api-keys.service';
import { CONSENT_PURPOSES, GATED_SECTIONS, consentStatus } from '../access/consent-rules';
import { grantConsent, listConsents, parseUscc, revokeConsent, type ConsentView } from '../access/consent.service';
import { parseRowId } from '../access/ids';
import { ROLES, type Principal, type Role } from '../access/principal';
import type { HubRuntime } from '../runtime/hub-runtime';
import { printTable } from './print-table';

type WithRuntime = <T>(work: (rt: HubRuntime) => Promise<T>) => Promise<T>;

/** Consents recorded from the CLI carry no key id: the operator at the console records them. */
const OPERATOR: Principal = { keyId: null, name: 'operator-cli', role: 'ADMIN', institutionId: null, institutionName: null };

const limitArg = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 1000) throw new InvalidArgumentError('must be a whole number from 1 to 1000');
  return n;
};

const instantArg = (value: string): Date => {
  const at = new Date(value);
  if (Number.isNaN(at.getTime())) throw new InvalidArgumentError('must be a date (UTC midnight) or an ISO-8601 time, e.g. 2027-06-30 or 2027-06-30T16:00:00Z');
  return at;
};

const sectionsArg = (value: string): string[] => {
  const sections = value.split(',').map((s) => s.trim().toLowerCase()).filter((s) => s !== '');
  const wrong = sections.filter((s) => !(GATED_SECTIONS as readonly string[]).includes(s));
  if (sections.length === 0 || wrong.length > 0) throw new InvalidArgumentError(`must be a comma-separated list of consent-gated sections (${GATED_SECTIONS.join(', ')})`);
  return sections;
};

const usccArg = (value: string): string => {
  try {
    return parseUscc(value);
  } catch (error) {
    throw new InvalidArgumentError(error instanceof Error ? error.message : String(error));
  }
};

const when = (at: Date | null): string => at?.toISOString() ?? '';

const consentRow = (c: ConsentView, now: Date) => ({
  id: c.id,
  uscc: c.uscc,
  institution: c.institution.code,
  sections: c.sections.join(','),
  purpose: c.purpose,
  granted: when(c.grantedAt),
  expires: when(c.expiresAt),
  revoked: when(c.revokedAt),
  status: consentStatus(c, now),
});

/**
 * `hub institutions …`, `hub keys …`, `hub consents …`, `hub access-log`: the admin side of access
 * control, for an operator at the console (no API key needed: the console is trusted).
 */
export function addAccessCommands(program: Command, withRuntime: WithRuntime, out: (line: string) => void): void {
  const institutions = program.command('institutions').description('financial institutions whose keys use the API');
  institutions
    .command('create')
    .description('register an institution')
    .argument('<code>', 'short stable id: lower-case letters, digits, hyphens, e.g. qilu-bank')
    .argument('<name>', 'its name, e.g. 齐鲁银行')
    .action((code: string, name: string) =>
      withRuntime(async (rt) => {
        const created = await createInstitution(rt.db, { code, name });
        out(`institution ${created.code} (${created.name}) created, id ${created.id}`);
      }),
    );
  institutions
    .command('list')
    .description('every institution, by code')
    .action(() =>
      withRuntime(async (rt) => {
        printTable(out, (await listInstitutions(rt.db)).map((i) => ({ id: i.id, code: i.code, name: i.name, created: when(i.createdAt) })));
      }),
    );

  const keys = program.command('keys').description('API keys (stored hashed; a key is shown once, when created)');
  keys
    .command('create')
    .description('mint an API key and print it once')
    .requiredOption('--name <name>', 'who or what holds the key, e.g. credit-desk')
    .addOption(new Option('--role <role>', 'what the key may do').choices(ROLES).makeOptionMandatory())
    .option('--institution <code>', 'the institution an INSTITUTION key belongs to')
    .action((opts: { name: string; role: Role; institution?: string }) =>
      withRuntime(async (rt) => {
        if ((opts.role === 'INSTITUTION') !== Boolean(opts.institution)) {
          throw new InvalidArgumentError(opts.role === 'INSTITUTION' ? '--institution <code> is required for an INSTITUTION key' : `--institution must be left out: ${opts.role} keys belong to the platform`);
        }
        const created = await createApiKey(rt.db, { name: opts.name, role: opts.role, institutionCode: opts.institution ?? null });
        out(`key ${created.record.id} (${created.record.role}${created.institution ? `, ${created.institution.code}` : ''}) created:`);
        out('');
        out(`  ${created.key}`);
        out('');
        out('warning: store this key now. It is shown this once; only its hash is kept, so it cannot be shown again.');
      }),
    );
  keys
    .command('list')
    .description('API keys in creation order (prefixes only)')
    .option('--institution <code>', 'only this institution’s keys')
    .option('--active', 'leave revoked keys out')
    .option('-n, --limit <n>', 'how many (1–1000)', limitArg, 100)
    .action((opts: { institution?: string; active?: boolean; limit: number }) =>
      withRuntime(async (rt) => {
        const institutionId = opts.institution ? Number((await findInstitution(rt.db, opts.institution)).id) : null;
        const rows = await listApiKeys(rt.db, { institutionId, activeOnly: opts.active ?? false, limit: opts.limit });
        printTable(
          out,
          rows.map((k) => ({ id: k.id, prefix: k.keyPrefix, name: k.name, role: k.role, institution: k.institution?.code ?? '', created: when(k.createdAt), revoked: when(k.revokedAt) })),
        );
      }),
    );
  keys
    .command('revoke')
    .description('revoke an API key: the next request with it is refused')
    .argument('<id>', 'key id (see `keys list`)')
    .action((id: string) =>
      withRuntime(async (rt) => {
        const key = await revokeApiKey(rt.db, parseRowId(id));
        out(`key ${key.id} (${key.keyPrefix}…, ${key.name}) revoked at ${when(key.revokedAt)}`);
      }),
    );

  const consents = program.command('consents').description('enterprises’ consents for institutions to read gated profile sections');
  consents
    .command('grant')
    .description('record an enterprise’s consent from its signed authorisation')
    .requiredOption('--uscc <uscc>', 'the enterprise’s USCC', usccArg)
    .requiredOption('--institution <code>', 'the institution it authorises')
    .addOption(new Option('--purpose <purpose>', 'why the institution may read').choices(CONSENT_PURPOSES).makeOptionMandatory())
    .requiredOption('--expires <time>', 'when it ends: a date (UTC midnight) or an ISO-8601 time', instantArg)
    .option('--granted <time>', 'when it comes into force (default now)', instantArg)
    .option('--sections <list>', `comma-separated gated sections (default all: ${GATED_SECTIONS.join(',')})`, sectionsArg)
    .action((opts: { uscc: string; institution: string; purpose: string; expires: Date; granted?: Date; sections?: string[] }) =>
      withRuntime(async (rt) => {
        const granted = await grantConsent(rt.db, OPERATOR, {
          uscc: opts.uscc,
          institutionCode: opts.institution,
          purpose: opts.purpose,
          expiresAt: opts.expires,
          grantedAt: opts.granted,
          sections: opts.sections ?? null,
        });
        out(`consent ${granted.id} recorded`);
        printTable(out, [consentRow(granted, new Date())]);
      }),
    );
  consents
    .command('list')
    .description('consents, newest first')
    .option('--uscc <uscc>', 'only this enterprise’s', usccArg)
    .option('--institution <code>', 'only this institution’s')
    .option('--in-force', 'only those in force now')
    .option('-n, --limit <n>', 'how many (1–1000)', limitArg, 50)
    .action((opts: { uscc?: string; institution?: string; inForce?: boolean; limit: number }) =>
      withRuntime(async (rt) => {
        const now = new Date();
        const institutionId = opts.institution ? Number((await findInstitution(rt.db, opts.institution)).id) : null;
        const rows = await listConsents(rt.db, { uscc: opts.uscc ?? null, institutionId, inForceAt: opts.inForce ? now : null, limit: opts.limit });
        printTable(out, rows.map((c) => consentRow(c, now)));
      }),
    );
  consents
    .command('revoke')
    .description('revoke a consent from now on')
    .argument('<id>', 'consent id (see `consents list`)')
    .action((id: string) =>
      withRuntime(async (rt) => {
        const revoked = await revokeConsent(rt.db, parseRowId(id));
        out(`consent ${revoked.id} (${revoked.uscc} → ${revoked.institution.code}) revoked at ${when(revoked.revokedAt)}`);
      }),
    );

  program
    .command('access-log')
    .description('profile reads, newest first: who read which enterprise’s sections, what was withheld, why')
    .option('--uscc <uscc>', 'only reads of this enterprise', usccArg)
    .option('--institution <code>', 'only reads by this institution’s keys')
    .option('-n, --limit <n>', 'how many (1–1000)', limitArg, 50)
    .action((opts: { uscc?: string; institution?: string; limit: number }) =>
      withRuntime(async (rt) => {
        const institutionId = opts.institution ? Number((await findInstitution(rt.db, opts.institution)).id) : null;
        const rows = await listAccessLog(rt.db, { uscc: opts.uscc ?? null, institutionId, limit: opts.limit });
        printTable(
          out,
          rows.map((r) => ({
            id: r.id,
            at: when(r.at),
            who: r.principalName,
            role: r.role,
            institution: r.institutionCode ?? '',
            uscc: r.uscc,
            sections: r.sections.join(','),
            withheld: r.withheld.join(','),
            purpose: r.purpose,
            operation: r.operation,
          })),
        );
      }),
    );
}
