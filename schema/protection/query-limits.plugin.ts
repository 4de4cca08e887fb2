import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { GraphQLError, Kind, validate, visit, type DocumentNode, type GraphQLFormattedError, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
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

/** Measures of the documents seen, dropped with them (Apollo keeps parsed documents in an LRU store). */
const measuredDocuments = new WeakMap<DocumentNode, Map<OperationDefinitionNode, Measured>>();

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

/** What the limits measured of one operation of a document; cost per value of the variables it reads. */
interface Measured {
  depth: number;
  aliases: number;
  /** Variables the cost can depend on (see costVariables). */
  argumentVariables: string[];
  costs: Map<string, { cost: number; violations: PageSizeViolation[] } | 'nodes' | 'uncoercible'>;
}

/** Most variable combinations whose cost is remembered per operation. */
const COSTS_KEPT = 256;

/**
 * The variables the cost can depend on: those passed as `first` (page sizes) or as a directive's `if`
 * (`@skip` / `@include` drop what they guard from the estimate). Others, such as a USCC, change
 * nothing, so a query asked for many enterprises is estimated once. (No field sets a type-graphql
 * `complexity` of its own; one that read other arguments would have to be added here.)
 */
function costVariables(document: DocumentNode): string[] {
  const names = new Set<string>();
  visit(document, {
    Argument(node) {
      if (node.name.value !== 'first' && node.name.value !== 'if') return;
      visit(node.value, {
        Variable(v) {
          names.add(v.name.value);
        },
      });
    },
  });
  return [...names].sort();
}

/**
 * Checks depth, aliases, page sizes and cost of the operation about to run, with its variables, and
 * refuses it before any resolver runs: QUERY_TOO_COMPLEX naming the limit, its value and how far the
 * query went over it, or BAD_USER_INPUT for a `first` outside 1..100. Runs per request (not as a
 * validation rule) because cost depends on variables; the measures are kept per parsed document
 * (Apollo reuses the same one for the same query text) and per value of the variables the cost reads,
 * so a repeated query is not walked again.
 */
export function queryLimitsPlugin<TContext extends BaseContext>(limits: QueryLimits): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, operationName, request, schema }) {
          if (!operation) return; // Apollo refuses a document without a runnable operation itself.
          let byOperation = measuredDocuments.get(document);
          if (!byOperation) measuredDocuments.set(document, (byOperation = new Map()));
          let measured = byOperation.get(operation);
          const selected = onlyOperation(document, operation);
          if (!measured) {
            const shape = measureShape(schema, selected);
            measured = { ...shape, argumentVariables: costVariables(selected), costs: new Map() };
            byOperation.set(operation, measured);
          }
          const { depth, aliases } = measured;
          if (depth > limits.maxDepth) {
            throw tooComplex('depth', limits.maxDepth, depth, `query is too deep: it nests ${depth} levels, the limit is ${limits.maxDepth} (${depth - limits.maxDepth} over)`);
          }
          if (aliases > limits.maxAliases) {
            throw tooComplex('aliases', limits.maxAliases, aliases, `query uses too many aliases: ${aliases}, the limit is ${limits.maxAliases} (${aliases - limits.maxAliases} over)`);
          }
          const variables = request.variables ?? {};
          const costKey = JSON.stringify(measured.argumentVariables.map((name) => variables[name] ?? null));
          let estimate = measured.costs.get(costKey);
          if (estimate === undefined) {
            const violations: PageSizeViolation[] = [];
            try {
              const cost = getComplexity({
                schema,
                query: selected,
                variables,
                ...(operationName ? { operationName } : {}),
                estimators: hubCostEstimators(violations),
                maxQueryNodes: MAX_QUERY_NODES,
              });
              estimate = { cost, violations };
            } catch (error) {
              // Variables that do not coerce: execution reports them with their own code and message.
              estimate = error instanceof GraphQLError && /maximum allowed number of nodes/.test(error.message) ? 'nodes' : 'uncoercible';
            }
            // Coercion can fail on any variable, not only those the key holds: that outcome is not kept.
            if (estimate !== 'uncoercible') {
              if (measured.costs.size >= COSTS_KEPT) measured.costs.clear();
              measured.costs.set(costKey, estimate);
            }
          }
          if (estimate === 'nodes') {
            throw tooComplex('nodes', MAX_QUERY_NODES, null, `query selects more than ${fmt(MAX_QUERY_NODES)} fields (fragments counted each time they are used)`);
          }
          if (estimate === 'uncoercible') return;
          const { cost, violations } = estimate;
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
