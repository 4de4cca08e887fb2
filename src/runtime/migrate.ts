import type { DataSource } from 'typeorm';

const LOCK = 'techfin_hub_migrations';

/**
 * Applies pending migrations under a MySQL named lock, so that an API and several workers starting
 * together never run the same migration twice.
 */
export async function migrateWithLock(db: DataSource, timeoutSeconds = 120): Promise<string[]> {
  const runner = db.createQueryRunner();
  await runner.connect();
  try {
    const [row] = (await runner.query('SELECT GET_LOCK(?, ?) AS got', [LOCK, timeoutSeconds])) as Array<{ got: number | string | null }>;
    if (Number(row?.got) !== 1) throw new Error(`could not take the migration lock within ${timeoutSeconds} s (another process is migrating?)`);
    try {
      const applied = await db.runMigrations({ transaction: 'each' });
      return applied.map((m) => m.name);
    } finally {
      await runner.query('SELECT RELEASE_LOCK(?)', [LOCK]);
    }
  } finally {
    await runner.release();
  }
}
