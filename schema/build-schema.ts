import path from 'node:path';
import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { authChecker } from './auth/auth-checker';
import { RESOLVERS } from './resolvers';

export const SCHEMA_FILE = path.join(__dirname, 'schema.graphql');

/** Builds the executable schema; `emit` also writes the SDL artifact `schema/schema.graphql`. */
export function buildHubSchema(options: { emit?: boolean } = {}): Promise<GraphQLSchema> {
  return buildSchema({
    resolvers: RESOLVERS,
    authChecker,
    authMode: 'error',
    emitSchemaFile: options.emit ? { path: SCHEMA_FILE, sortedSchema: true } : false,
    validate: false,
  });
}
