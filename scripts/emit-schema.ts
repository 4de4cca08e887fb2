import 'reflect-metadata';
import { buildHubSchema, SCHEMA_FILE } from '../schema/build-schema';

/** `npm run schema:emit`: writes the SDL artifact `schema/schema.graphql` (committed; a test checks it). */
buildHubSchema({ emit: true }).then(
  () => console.log(`wrote ${SCHEMA_FILE}`),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
