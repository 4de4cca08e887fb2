import { Kind, type FieldNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * The names of the fields selected under `path` (field names, not aliases) below the field being
 * resolved, through inline fragments and fragment spreads: what a resolver can load ahead in one
 * statement instead of letting each child field ask for its own. Directives are not evaluated, so a
 * field under `@skip` still counts (loading it ahead costs a column, not a statement).
 */
export function selectedFieldNames(info: GraphQLResolveInfo, path: readonly string[]): Set<string> {
  let level: SelectionSetNode[] = info.fieldNodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : []));
  for (const name of path) level = fieldsOf(info, level).filter((f) => f.name.value === name).flatMap((f) => (f.selectionSet ? [f.selectionSet] : []));
  return new Set(fieldsOf(info, level).map((f) => f.name.value));
}

function fieldsOf(info: GraphQLResolveInfo, sets: readonly SelectionSetNode[]): FieldNode[] {
  const out: FieldNode[] = [];
  const seen = new Set<string>();
  const walk = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) out.push(selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) walk(selection.selectionSet);
      else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const fragment = info.fragments[selection.name.value];
        if (fragment) walk(fragment.selectionSet);
      }
    }
  };
  for (const set of sets) walk(set);
  return out;
}
