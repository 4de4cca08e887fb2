import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { GraphQLError, Kind, validate, type DocumentNode, type GraphQLFormattedError, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import { MAX_PAGE_SIZE } from '../pagination/page-args';
import { hubCostEstimators, type PageSizeViolation } from './query-cost';

export interface QueryLimits {
  /** Deepest selection (introspection's `__schema` excepted). */
  maxDepth: number;
  /** Most aliases in the operation (`__typename` aliases are free). */
  maxAliases: number;
  /** Highest estimated cost (query-cost.ts). */
  maxCost: number;
}

/** Most lexical tokens a document may have; graphql-js stops parsing past it. */
export const MAX_TOKENS = 10_000;
/** Most selections the cost estimate walks (fragments counted each time they are spread). */
export const MAX_QUERY_NODES = 10_000;

type LimitName = 'depth' | 'aliases' | 'cost' | 'tokens' | 'nodes';

const tooComplex = (limit: LimitName, max: number, actual: number | null, message: string) =>
  new GraphQLError(message, { extensions: { code: 'QUERY_TOO_COMPLEX', limit, max, ...(actual === null ? {} : { actual }), http: { status: 400 } } });

const fmt = (n: number) => n.toLocaleString('en-US');

/** The operation that will run, with the fragments it may use, and nothing else. */
function onlyOperation(document: DocumentNode, operation: OperationDefinitionNode): DocumentNode {
  return { ...document, definitions: document.definitions.filter((d) => d.kind !== Kind.OPERATION_DEFINITION || d === operation) };
}

/** Depth and alias counts of the operation, measured with GraphQL Armor's rules. */
function measureShape(schema: GraphQLSchema, document: DocumentNode): { depth: number; aliases: number } {
  let depth = 0;
  let aliases = 0;
  // Armor's rules measure; the hub compares, so that the refusal can say by how much.
  const unlimited = Number.MAX_SAFE_INTEGER;
  validate(schema, document, [
    maxDepthRule({ n: unlimited, ignoreIntrospection: true, onAccept: [(_ctx, { n }) => void (depth = Math.max(depth, n))] }),
    maxAliasesRule({ n: unlimited, onAccept: [(_ctx, { n }) => void (aliases = Math.max(aliases, n))] }),
  ]);
  return { depth, aliases };
}

/**
 * Checks depth, aliases, page sizes and cost of the operation about to run, with its variables, and
 * refuses it before any resolver runs: QUERY_TOO_COMPLEX naming the limit, its value and how far the
 * query went over it, or BAD_USER_INPUT for a `first` outside 1..100. Runs per request (not as a
 * cached validation rule) because cost depends on variables.
 */
export function queryLimitsPlugin<TContext extends BaseContext>(limits: QueryLimits): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, operationName, request, schema }) {
          if (!operation) return; // Apollo refuses a document without a runnable operation itself.
          const selected = onlyOperation(document, operation);
          const { depth, aliases } = measureShape(schema, selected);
          if (depth > limits.maxDepth) {
            throw tooComplex('depth', limits.maxDepth, depth, `query is too deep: it nests ${depth} levels, the limit is ${limits.maxDepth} (${depth - limits.maxDepth} over)`);
          }
          if (aliases > limits.maxAliases) {
            throw tooComplex('aliases', limits.maxAliases, aliases, `query uses too many aliases: ${aliases}, the limit is ${limits.maxAliases} (${aliases - limits.maxAliases} over)`);
          }
          const violations: PageSizeViolation[] = [];
          let cost: number;
          try {
            cost = getComplexity({
              schema,
              query: selected,
              variables: request.variables ?? {},
              ...(operationName ? { operationName } : {}),
              estimators: hubCostEstimators(violations),
              maxQueryNodes: MAX_QUERY_NODES,
            });
          } catch (error) {
            if (error instanceof GraphQLError && /maximum allowed number of nodes/.test(error.message)) {
              throw tooComplex('nodes', MAX_QUERY_NODES, null, `query selects more than ${fmt(MAX_QUERY_NODES)} fields (fragments counted each time they are used)`);
            }
            // Variables that do not coerce: execution reports them with their own code and message.
            return;
          }
          const [violation] = violations;
          if (violation) {
            throw new GraphQLError(`first must be from 1 to ${MAX_PAGE_SIZE}, got ${String(violation.value)} (at ${violation.field})`, {
              extensions: { code: 'BAD_USER_INPUT', argument: 'first', field: violation.field, http: { status: 400 } },
            });
          }
          if (cost > limits.maxCost) {
            throw tooComplex(
              'cost',
              limits.maxCost,
              cost,
              `query is too costly: estimated cost ${fmt(cost)}, the limit is ${fmt(limits.maxCost)} (${fmt(cost - limits.maxCost)} over); ask for smaller pages (first) or fewer nested lists`,
            );
          }
        },
      };
    },
  };
}

// graphql-js 16 spells it "more that N tokens".
const TOKEN_LIMIT = /^Syntax Error: Document contains more tha[nt] (\d+) tokens/;

/** graphql-js reports the token limit as a parse error; clients see it as the limit it is. */
export function tokenLimitAsTooComplex(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const match = formatted.extensions?.code === 'GRAPHQL_PARSE_FAILED' ? TOKEN_LIMIT.exec(formatted.message) : null;
  if (!match) return formatted;
  const max = Number(match[1]);
  return {
    ...formatted,
    message: `query is too long: it has more than ${fmt(max)} tokens, the limit is ${fmt(max)}`,
    extensions: { ...formatted.extensions, code: 'QUERY_TOO_COMPLEX', limit: 'tokens', max },
  };
}
