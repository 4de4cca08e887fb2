import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { authenticate, createApiKey, createInstitution } from '../access/api-keys.service';
import { InstitutionEntity } from '../access/institution.entity';

export interface DemoKeys {
  admin: string;
  /** An INSTITUTION key of the demo bank, which holds no consents until a steward records some. */
  bank: string;
  file: string;
}

const DEMO_BANK = { code: 'demo-bank', name: '演示银行 (demo bank)' };

/**
 * Keys for the local demo (`npm start` with the sandbox): an ADMIN key and a demo bank's INSTITUTION
 * key, kept in `<DATA_DIR>/demo-keys.json` (mode 600) and reused across restarts while they still
 * work. Production starts from `HUB_BOOTSTRAP_ADMIN_KEY` instead.
 */
export async function ensureDemoKeys(db: DataSource, dataDir: string): Promise<DemoKeys> {
  const file = path.join(dataDir, 'demo-keys.json');
  const saved = await readFile(file, 'utf8').then((text) => JSON.parse(text) as Partial<DemoKeys>, () => null);
  if (saved?.admin && saved.bank) {
    const [admin, bank] = await Promise.all([authenticate(db, saved.admin, null), authenticate(db, saved.bank, null)]);
    if (admin?.role === 'ADMIN' && bank?.role === 'INSTITUTION') return { admin: saved.admin, bank: saved.bank, file };
  }
  if (!(await db.getRepository(InstitutionEntity).existsBy({ code: DEMO_BANK.code }))) await createInstitution(db, DEMO_BANK);
  const admin = (await createApiKey(db, { name: 'demo-admin', role: 'ADMIN' })).key;
  const bank = (await createApiKey(db, { name: 'demo-bank-credit-desk', role: 'INSTITUTION', institutionCode: DEMO_BANK.code })).key;
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, `${JSON.stringify({ admin, bank }, null, 2)}\n`, { mode: 0o600 });
  await chmod(file, 0o600);
  return { admin, bank, file };
}
