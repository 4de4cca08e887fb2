import path from 'node:path';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { OpsResolver } from './resolvers/ops.resolver';

export const SCHEMA_FILE = path.join(__dirname, 'schema.graphql');

/** Builds the executable schema; `emit` also writes the SDL artifact `schema/schema.graphql`. */
export function buildHubSchema(options: { emit?: boolean } = {}): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: [OpsResolver],
    emitSchemaFile: options.emit ? { path: SCHEMA_FILE, sortedSchema: true } : false,
    validate: false,
  });
}
