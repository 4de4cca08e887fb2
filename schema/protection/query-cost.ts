import { getNamedType, getNullableType, isLeafType, isListType, type GraphQLField } from 'graphql';
import { fieldExtensionsEstimator, type ComplexityEstimator, type ComplexityEstimatorArgs } from 'graphql-query-complexity';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../pagination/page-args';

/**
 * How the hub estimates what a query costs before running it (see docs/api.md):
 * - every object a query asks for costs 1; scalars and enums cost nothing;
 * - a field with a `first` argument multiplies what it selects by `first` (absent: the default page
 *   size); Relay wrappers (`…Connection`, `…Edge`, `PageInfo`) are free, so `edges { node }` costs
 *   one per node;
 * - any other list of objects counts as UNPAGED_LIST_SIZE items;
 * - introspection (`__schema`, `__type`) costs INTROSPECTION_COST however much it selects;
 * - a field may set its own cost with type-graphql's `complexity` option, which wins.
 */
export const UNPAGED_LIST_SIZE = 10;
export const INTROSPECTION_COST = 50;

const isWrapperType = (name: string) => name.endsWith('Connection') || name.endsWith('Edge') || name === 'PageInfo';

/** A `first` outside 1..MAX_PAGE_SIZE, found before the query runs. */
export interface PageSizeViolation {
  /** `Type.field` that was given the value. */
  field: string;
  value: unknown;
}

function firstArgument(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): { present: boolean; value: unknown } {
  if (!field.args.some((a) => a.name === 'first')) return { present: false, value: undefined };
  return { present: true, value: args.first };
}

/**
 * The hub's estimators, in order. `violations` collects every `first` outside 1..100, so the caller can
 * refuse the query with BAD_USER_INPUT before any resolver runs.
 */
export function hubCostEstimators(violations: PageSizeViolation[]): ComplexityEstimator[] {
  const hubEstimator = ({ type, field, args, childComplexity }: ComplexityEstimatorArgs): number => {
    if (field.name === '__schema' || field.name === '__type') return INTROSPECTION_COST;
    const returned = getNamedType(field.type);
    if (isLeafType(returned)) return 0;
    const first = firstArgument(field, args);
    if (first.present) {
      const n = first.value;
      const valid = typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= MAX_PAGE_SIZE;
      const absent = n === null || n === undefined;
      if (!valid && !absent) violations.push({ field: `${type.name}.${field.name}`, value: n });
      // Absent or null: the list's default page size (page-args' pageSize).
      const items = valid ? n : absent ? DEFAULT_PAGE_SIZE : MAX_PAGE_SIZE;
      return items * (isWrapperType(returned.name) ? childComplexity : 1 + childComplexity);
    }
    if (isWrapperType(returned.name)) return childComplexity;
    // Lists inside a connection are already counted by the connection's `first`.
    const listed = isListType(getNullableType(field.type)) && !isWrapperType(type.name);
    return listed ? UNPAGED_LIST_SIZE * (1 + childComplexity) : 1 + childComplexity;
  };
  return [fieldExtensionsEstimator(), hubEstimator];
}
