import { normalizeUscc } from '../domain/uscc';
import { chunk, placeholders } from '../ingest/sql-chunks';
import { parsePayload, text } from './linkers/name-evidence';
import { corePrefix } from './name-normalizer';
import { enterpriseAddresses, enterpriseNames, type EnterpriseNameDraft, type RegistryFacts } from './registry-names';
import { CHANGES, REGISTRATIONS } from './resolution-rules';
import type { ResolutionUnit } from './resolution-session';
import { legacyIdOf } from './taxpayer-id';

interface RegistryRow {
  id: string;
  stream: string;
  payload: unknown;
}

interface StoredName {
  uscc: string;
  nameKey: string;
  name: string;
  kind: string;
  validFrom: string | null;
  validTo: string | null;
}

interface StoredEnterprise {
  uscc: string;
  name: string;
  addresses: string | string[];
  registrationRecordId: string;
}

const PER_STATEMENT = 500;
const marks = (n: number): string => Array.from({ length: n }, () => '?').join(',');
const nameSignature = (n: StoredName | EnterpriseNameDraft): string => [n.nameKey, n.name, n.kind, n.validFrom ?? '', n.validTo ?? ''].join('\u0000');

/**
 * Rebuilds what the registry says about `usccs` — their names (`enterprise_name`) and, for those with a
 * registration, the registered enterprise (`registered_enterprise`) — from their stored registration
 * and changes records, and notes as dependents the name keys and legacy ids whose meaning changed.
 * Call it after their registry records are linked: it reads them through `record_link`.
 */
export async function refreshRegistry(unit: ResolutionUnit, usccs: readonly string[]): Promise<void> {
  for (const part of chunk([...new Set(usccs)], PER_STATEMENT)) {
    const rows = (await unit.runner.query(
      'SELECT r.`id`, r.`stream`, r.`payload` FROM `record_link` l JOIN `raw_record` r ON r.`id` = l.`raw_record_id` ' +
        `WHERE l.\`uscc\` IN (${marks(part.length)}) AND l.\`connector\` = ? AND l.\`stream\` IN (?, ?) AND l.\`status\` = 'resolved'`,
      [...part, REGISTRATIONS.connector, REGISTRATIONS.stream, CHANGES.stream],
    )) as RegistryRow[];
    const facts = new Map<string, RegistryFacts & { registrationId: string | null; changes: RegistryFacts['changes'][number][] }>();
    for (const uscc of part) facts.set(uscc, { uscc, registration: null, registrationId: null, changes: [] });
    for (const row of rows) {
      const p = parsePayload(row.payload);
      const uscc = normalizeUscc(String(p.uscc ?? ''));
      const f = facts.get(uscc);
      if (!f) continue;
      if (row.stream === REGISTRATIONS.stream) {
        const name = text(p.name);
        if (name === null) continue;
        f.registration = { name, address: text(p.address) ?? '', establishedOn: text(p.established_on) };
        f.registrationId = String(row.id);
      } else {
        const item = text(p.item);
        const changedOn = text(p.changed_on);
        if ((item === 'name' || item === 'address') && changedOn !== null) {
          f.changes.push({ changeId: String(p.change_id ?? row.id), item, before: text(p.before), after: text(p.after), changedOn });
        }
      }
    }

    const storedNames = (await unit.runner.query(
      "SELECT `uscc`, `name_key` AS nameKey, `name`, `kind`, DATE_FORMAT(`valid_from`, '%Y-%m-%d') AS validFrom, DATE_FORMAT(`valid_to`, '%Y-%m-%d') AS validTo " +
        `FROM \`enterprise_name\` WHERE \`uscc\` IN (${marks(part.length)})`,
      part,
    )) as StoredName[];
    const storedEnterprises = (await unit.runner.query(
      `SELECT \`uscc\`, \`name\`, \`addresses\`, \`registration_record_id\` AS registrationRecordId FROM \`registered_enterprise\` WHERE \`uscc\` IN (${marks(part.length)})`,
      part,
    )) as StoredEnterprise[];
    const namesBy = new Map<string, StoredName[]>();
    for (const n of storedNames) namesBy.set(n.uscc, [...(namesBy.get(n.uscc) ?? []), n]);
    const enterpriseBy = new Map(storedEnterprises.map((e) => [e.uscc, e]));

    const replaceNamesOf: string[] = [];
    const newNames: EnterpriseNameDraft[] = [];
    const upserts: unknown[][] = [];
    const removals: string[] = [];
    for (const f of facts.values()) {
      const drafts = enterpriseNames(f);
      const before = namesBy.get(f.uscc) ?? [];
      const beforeSig = new Set(before.map(nameSignature));
      const afterSig = new Set(drafts.map(nameSignature));
      const changedKeys = [
        ...before.filter((n) => !afterSig.has(nameSignature(n))).map((n) => n.nameKey),
        ...drafts.filter((n) => !beforeSig.has(nameSignature(n))).map((n) => n.nameKey),
      ];
      if (changedKeys.length > 0) {
        replaceNamesOf.push(f.uscc);
        newNames.push(...drafts);
      }

      const stored = enterpriseBy.get(f.uscc);
      const addresses = enterpriseAddresses(f);
      let registryChanged = false;
      if (f.registration && f.registrationId) {
        const storedAddresses = stored ? (typeof stored.addresses === 'string' ? stored.addresses : JSON.stringify(stored.addresses)) : null;
        if (!stored || stored.name !== f.registration.name || storedAddresses !== JSON.stringify(addresses) || String(stored.registrationRecordId) !== f.registrationId) {
          upserts.push([f.uscc, legacyIdOf(f.uscc), f.registration.name, JSON.stringify(addresses), f.registrationId]);
          registryChanged = true;
          if (!stored) unit.dependents.legacyIds.add(legacyIdOf(f.uscc));
        }
      } else if (stored) {
        removals.push(f.uscc);
        registryChanged = true;
        unit.dependents.legacyIds.add(legacyIdOf(f.uscc));
      }
      // Addresses separate candidates, so every name of an enterprise whose registry changed counts.
      const affected = registryChanged ? [...changedKeys, ...before.map((n) => n.nameKey), ...drafts.map((n) => n.nameKey)] : changedKeys;
      for (const key of affected) {
        unit.dependents.nameKeys.add(key);
        unit.dependents.corePrefixes.add(corePrefix(key));
      }
    }

    if (replaceNamesOf.length > 0) {
      await unit.runner.query(`DELETE FROM \`enterprise_name\` WHERE \`uscc\` IN (${marks(replaceNamesOf.length)})`, replaceNamesOf);
      for (const slice of chunk(newNames, 1000)) {
        await unit.runner.query(
          `INSERT INTO \`enterprise_name\` (\`uscc\`,\`name_key\`,\`name\`,\`kind\`,\`valid_from\`,\`valid_to\`,\`core_prefix\`) VALUES ${placeholders(slice.length, 7)}`,
          slice.flatMap((n) => [n.uscc, n.nameKey, n.name, n.kind, n.validFrom, n.validTo, n.corePrefix]),
        );
      }
    }
    for (const slice of chunk(upserts, 1000)) {
      await unit.runner.query(
        `INSERT INTO \`registered_enterprise\` (\`uscc\`,\`legacy_id\`,\`name\`,\`addresses\`,\`registration_record_id\`) VALUES ${placeholders(slice.length, 5)} ` +
          'ON DUPLICATE KEY UPDATE `name` = VALUES(`name`), `addresses` = VALUES(`addresses`), `registration_record_id` = VALUES(`registration_record_id`)',
        slice.flat(),
      );
    }
    if (removals.length > 0) await unit.runner.query(`DELETE FROM \`registered_enterprise\` WHERE \`uscc\` IN (${marks(removals.length)})`, removals);
  }
}
