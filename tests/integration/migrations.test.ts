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

  it('can be reverted and applied again', async () => {
    const { db } = hub.runtime;
    await db.undoLastMigration({ transaction: 'each' });
    const tables = (await db.query("SHOW TABLES LIKE 'raw_record'")) as unknown[];
    expect(tables).toHaveLength(0);
    await db.runMigrations({ transaction: 'each' });
    expect((await db.query("SHOW TABLES LIKE 'raw_record'")) as unknown[]).toHaveLength(1);
  });
});
