import 'reflect-metadata';
import mysql from 'mysql2/promise';
import { createDataSource } from '../src/db/data-source';

/**
 * `npm run schema:diff`: what the entities would change in a database built by the migrations, as
 * SQL to review and copy into a new migration. TypeORM's no-op `CHANGE … NULL` statements and the
 * index churn they bring on MariaDB are left out (see tests/integration/migrations.test.ts).
 */
const NO_OP = [/^ALTER TABLE `(\w+)` CHANGE `(\w+)` `\2` .* NULL( DEFAULT 'NULL')?$/, /^(DROP INDEX `\w+` ON `\w+`|CREATE INDEX `\w+` ON .*)$/];

async function main(): Promise<void> {
  const server = new URL(process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/');
  const name = `techfin_hub_diff_${process.pid}`;
  server.pathname = '/';
  const admin = await mysql.createConnection({ uri: server.toString() });
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  try {
    server.pathname = `/${name}`;
    const db = createDataSource({ url: server.toString(), poolSize: 2 });
    await db.initialize();
    await db.runMigrations();
    const { upQueries, downQueries } = await db.driver.createSchemaBuilder().log();
    const keep = (q: { query: string }) => !NO_OP.some((r) => r.test(q.query));
    console.log('-- up');
    for (const q of upQueries.filter(keep)) console.log(`${q.query};`);
    console.log('-- down');
    for (const q of downQueries.filter(keep)) console.log(`${q.query};`);
    await db.destroy();
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await admin.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
