import { readFileSync } from 'node:fs';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { buildHubSchema, SCHEMA_FILE } from '../../schema/build-schema';

describe('schema/schema.graphql', () => {
  it('matches the schema the resolvers build (run `npm run schema:emit` after changing them)', async () => {
    const built = printSchema(lexicographicSortSchema(await buildHubSchema()));
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    expect(committed.replace(/^#.*\n/gm, '').trim()).toBe(built.trim());
  });
});
