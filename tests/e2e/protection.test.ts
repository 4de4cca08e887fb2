import { buildSchema, getIntrospectionQuery, parse } from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import { hubCostEstimators, INTROSPECTION_COST, UNPAGED_LIST_SIZE, type PageSizeViolation } from '../../schema/protection/query-cost';
import { MAX_QUERY_NODES, MAX_TOKENS } from '../../schema/protection/query-limits.plugin';
import { createApiTestHub, type ApiTestHub } from '../support/api-hub';

/**
 * Query limits and what a client sees when it breaks them, over HTTP against a hub running with
 * NODE_ENV=production (no stack traces, no statement header) and a cost limit of 1,000. Written
 * against `health`, introspection and whatever list takes `first`, so it holds while the schema grows.
 */
describe('query limits and client-facing errors (production mode)', () => {
  let t: ApiTestHub;
  /** A root Query field with a `first` argument and no other required argument. */
  let pagedField: string | undefined;

  beforeAll(async () => {
    // Apollo reads the process's NODE_ENV when the server is made (introspection would be off by default).
    const processEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      t = await createApiTestHub({ sandbox: { enterprises: 5 }, sync: false, env: { NODE_ENV: 'production', API_MAX_COST: '1000' } });
    } finally {
      process.env.NODE_ENV = processEnv;
    }
    const root = await t.gql('{ __type(name: "Query") { fields { name args { name type { kind } defaultValue } } } }');
    const fields = root.data.__type.fields as Array<{ name: string; args: Array<{ name: string; type: { kind: string }; defaultValue: string | null }> }>;
    pagedField = fields.find((f) => f.args.some((a) => a.name === 'first') && f.args.every((a) => a.name === 'first' || a.type.kind !== 'NON_NULL' || a.defaultValue !== null))?.name;
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  const expectRefusal = (response: Awaited<ReturnType<ApiTestHub['gql']>>, code: string, message: RegExp) => {
    expect(response.status).toBe(400);
    expect(response.data).toBeUndefined();
    expect(response.errors).toHaveLength(1);
    expect(response.errors![0]!.extensions?.code).toBe(code);
    expect(response.errors![0]!.message).toMatch(message);
    expect(response.errors![0]!.extensions?.stacktrace).toBeUndefined();
  };

  it('runs a normal query and GraphiQL’s full introspection query under the limits', async () => {
    const health = await t.gql('query Health { health { database redis } }');
    expect(health.errors).toBeUndefined();
    expect(health.data).toEqual({ health: { database: true, redis: true } });
    const introspection = await t.gql(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }), undefined, null);
    expect(introspection.errors).toBeUndefined();
    expect(introspection.data.__schema.queryType.name).toBe('Query');
  });

  it('refuses a query nested deeper than API_MAX_DEPTH (12), saying by how much', async () => {
    // Every field is a level, leaves too: __type, fields, type, n × ofType, name.
    const nested = (n: number) => `{ __type(name: "Query") { fields { type { ${'ofType { '.repeat(n)}name${' }'.repeat(n)} } } } }`;
    const refused = await t.gql(nested(11));
    expectRefusal(refused, 'QUERY_TOO_COMPLEX', /too deep: it nests 15 levels, the limit is 12 \(3 over\)/);
    expect(refused.errors![0]!.extensions).toMatchObject({ limit: 'depth', max: 12, actual: 15 });
    const atLimit = nested(8);
    expect((await t.gql(atLimit)).errors).toBeUndefined();
  });

  it('refuses more than API_MAX_ALIASES (30) aliases', async () => {
    const aliased = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `h${i}: health { database }`).join(' ')} }`;
    expect((await t.gql(aliased(30))).errors).toBeUndefined();
    const refused = await t.gql(aliased(31));
    expectRefusal(refused, 'QUERY_TOO_COMPLEX', /too many aliases: 31, the limit is 30 \(1 over\)/);
    expect(refused.errors![0]!.extensions).toMatchObject({ limit: 'aliases', max: 30, actual: 31 });
  });

  it('refuses a query whose estimated cost is over API_MAX_COST', async () => {
    const schemas = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `s${i}: __schema { queryType { name } }`).join(' ')} }`;
    expect((await t.gql(schemas(20))).errors).toBeUndefined(); // 20 × 50 = 1,000: at the limit
    const refused = await t.gql(schemas(21));
    expectRefusal(refused, 'QUERY_TOO_COMPLEX', /too costly: estimated cost 1,050, the limit is 1,000 \(50 over\)/);
    expect(refused.errors![0]!.extensions).toMatchObject({ limit: 'cost', max: 1000, actual: 1050 });
  });

  it('refuses first: 101 (inline or as a variable) and first: 0 before any resolver runs', async () => {
    expect(pagedField).toBeDefined();
    const inline = await t.gql(`{ ${pagedField}(first: 101) { __typename } }`);
    expectRefusal(inline, 'BAD_USER_INPUT', new RegExp(`first must be from 1 to 100, got 101 \\(at Query\\.${pagedField}\\)`));
    expect(inline.errors![0]!.extensions).toMatchObject({ argument: 'first', field: `Query.${pagedField}` });
    const variable = await t.gql(`query Page($n: Int) { ${pagedField}(first: $n) { __typename } }`, { n: 101 });
    expectRefusal(variable, 'BAD_USER_INPUT', /first must be from 1 to 100, got 101/);
    expectRefusal(await t.gql(`{ ${pagedField}(first: 0) { __typename } }`), 'BAD_USER_INPUT', /first must be from 1 to 100, got 0/);
    expect((await t.gql(`{ ${pagedField}(first: 100) { __typename } }`)).errors).toBeUndefined();
  });

  it('measures a repeated document once per value of its page-size variables, never reusing a verdict for another value', async () => {
    const query = `query Again($n: Int) { ${pagedField}(first: $n) { __typename } }`;
    expect((await t.gql(query, { n: 5 })).errors).toBeUndefined();
    expectRefusal(await t.gql(query, { n: 101 }), 'BAD_USER_INPUT', /got 101/);
    expect((await t.gql(query, { n: 5 })).errors).toBeUndefined();
    expectRefusal(await t.gql(query, { n: 101 }), 'BAD_USER_INPUT', /got 101/);
    // A variable that does not coerce is reported by execution, and does not poison the next request.
    expect((await t.gql(query, { n: 'many' })).errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect((await t.gql(query, { n: 5 })).errors).toBeUndefined();
  });

  it('refuses a document of more than 10,000 tokens and fragments that expand past 10,000 selections', async () => {
    const long = `{ health { ${'database '.repeat(MAX_TOKENS)}} }`;
    const refused = await t.gql(long);
    expectRefusal(refused, 'QUERY_TOO_COMPLEX', /more than 10,000 tokens, the limit is 10,000/);
    expect(refused.errors![0]!.extensions).toMatchObject({ limit: 'tokens', max: MAX_TOKENS });
    // Each fragment spreads the one below it ten times: 10^4 copies of the three health fields.
    const spreads = (name: string) => Array.from({ length: 10 }, () => `...${name}`).join(' ');
    const bomb = `query Bomb { health { ...F4 } }
      fragment F0 on Health { database redis version }
      fragment F1 on Health { ${spreads('F0')} }
      fragment F2 on Health { ${spreads('F1')} }
      fragment F3 on Health { ${spreads('F2')} }
      fragment F4 on Health { ${spreads('F3')} }`;
    const exploded = await t.gql(bomb);
    expectRefusal(exploded, 'QUERY_TOO_COMPLEX', /more than 10,000 fields/);
    expect(exploded.errors![0]!.extensions).toMatchObject({ limit: 'nodes', max: MAX_QUERY_NODES });
  });

  it('keeps parse, validation and variable errors’ codes, without stack traces', async () => {
    const syntax = await t.gql('{ health { database ');
    expect(syntax.status).toBe(400);
    expect(syntax.errors?.[0]?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    const unknown = await t.gql('{ health { databse } }');
    expect(unknown.status).toBe(400);
    expect(unknown.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(unknown.errors?.[0]?.message).toMatch(/databse/);
    const coercion = await t.gql('query Q($name: String!) { __type(name: $name) { name } }', { name: 42 });
    expect(coercion.status).toBe(400);
    expect(coercion.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const missing = await t.gql('query Q($name: String!) { __type(name: $name) { name } }', {});
    expect(missing.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    for (const response of [syntax, unknown, coercion, missing]) {
      expect(JSON.stringify(response.errors)).not.toMatch(/stacktrace|\bat .+\.(ts|js):\d+|node_modules/);
    }
  });

  it('refuses unauthenticated steward fields without leaking anything, and sends no statement count in production', async () => {
    const refused = await t.gql('{ connectors { id } }', undefined, null);
    expect(refused.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED' });
    expect(refused.headers.get('x-sql-statements')).toBeNull();
  });
});

/** How cost is estimated, on a small schema of its own (no server). */
describe('query cost estimate', () => {
  const schema = buildSchema(`
    type Query { items(first: Int): ItemConnection! tags: [Tag!]! one: Item scalars: [String!]! }
    type ItemConnection { edges: [ItemEdge!]! pageInfo: PageInfo! totalCount: Int! }
    type ItemEdge { cursor: String! node: Item! }
    type PageInfo { hasNextPage: Boolean! endCursor: String }
    type Item { id: ID! parts(first: Int = 5): [Part!]! tags: [Tag!]! }
    type Part { id: ID! }
    type Tag { name: String! }
  `);
  const cost = (query: string, variables: Record<string, unknown> = {}) => {
    const violations: PageSizeViolation[] = [];
    const value = getComplexity({ schema, query: parse(query), variables, estimators: hubCostEstimators(violations) });
    return { value, violations };
  };

  it('counts objects, not scalars, and multiplies by first', () => {
    expect(cost('{ scalars }').value).toBe(0);
    expect(cost('{ one { id } }').value).toBe(1);
    // Connection, edges and pageInfo are free: 1 per node, times first.
    expect(cost('{ items(first: 50) { totalCount pageInfo { hasNextPage } edges { cursor node { id } } } }').value).toBe(50);
    expect(cost('query($n: Int) { items(first: $n) { edges { node { id } } } }', { n: 7 }).value).toBe(7);
    // Absent first: the default page size (20); a default in the schema wins.
    expect(cost('{ items { edges { node { id } } } }').value).toBe(20);
    expect(cost('{ one { parts { id } } }').value).toBe(1 + 5);
    // Nested pages multiply: 10 items × (1 + 100 parts).
    expect(cost('{ items(first: 10) { edges { node { parts(first: 100) { id } } } } }').value).toBe(10 * 101);
  });

  it('counts an unpaged list of objects as ten items, and introspection as a flat cost', () => {
    expect(cost('{ tags { name } }').value).toBe(UNPAGED_LIST_SIZE);
    expect(cost('{ one { tags { name } } }').value).toBe(1 + UNPAGED_LIST_SIZE);
    expect(cost('{ __schema { types { fields { name } } } }').value).toBe(INTROSPECTION_COST);
  });

  it('reports every first outside 1..100', () => {
    expect(cost('{ items(first: 101) { edges { node { parts(first: 0) { id } } } } }').violations).toEqual([
      { field: 'Item.parts', value: 0 },
      { field: 'Query.items', value: 101 },
    ]);
  });
});
