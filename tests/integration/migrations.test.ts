import { createTestHub, type TestHub } from '../support/test-hub';

/**
 * The migrations create exactly what the entities map. TypeORM 1.x reads MariaDB's default of a
 * nullable column as the string 'NULL' and so proposes no-op `CHANGE col col … NULL` statements (and
 * re-creating an index over such a column); those are ignored, anything else is drift.
 */
describe('migrations and entities', () => {
  let hub: TestHub;

  beforeAll(async () => {
    hub = await createTestHub({ sandbox: { enterprises: 1 } });
  }, 60_000);

  afterAll(async () => {
    await hub?.close();
  });

  it('leave nothing for the schema builder to change', async () => {
    const { upQueries } = await hub.runtime.db.driver.createSchemaBuilder().log();
    const statements = upQueries.map((q) => q.query);
    const noOpChange = /^ALTER TABLE `(\w+)` CHANGE `(\w+)` `\2` .* NULL$/;
    const indexChurn = /^(DROP INDEX `(\w+)` ON `\w+`|CREATE INDEX `(\w+)` ON .*)$/;
    const drops = statements.map((s) => /^DROP INDEX `(\w+)`/.exec(s)?.[1]).filter(Boolean);
    const creates = statements.map((s) => /^CREATE INDEX `(\w+)`/.exec(s)?.[1]).filter(Boolean);
    expect(drops.sort()).toEqual(creates.sort());
    expect(statements.filter((s) => !noOpChange.test(s) && !indexChurn.test(s))).toEqual([]);
  });

  it('can all be reverted, down to an empty database, and applied again', async () => {
    const { db } = hub.runtime;
    const tablesOf = async () => ((await db.query('SHOW TABLES')) as Array<Record<string, string>>).map((r) => Object.values(r)[0]!).sort();
    const created = await tablesOf();
    for (const table of ['raw_record', 'record_link', 'enterprise_profile', 'profile_change', 'profile_provenance', 'profile_conflict']) expect(created).toContain(table);
    for (let i = 0; i < db.migrations.length; i++) await db.undoLastMigration({ transaction: 'each' });
    expect(await tablesOf()).toEqual(['schema_migration']);
    await db.runMigrations({ transaction: 'each' });
    expect(await tablesOf()).toEqual(created);
  });
});
