import { createApiTestHub, type ApiTestHub } from '../support/api-hub';

/** GraphiQL at the GraphQL URL, every byte of it served by the hub (no CDN). */
describe('GraphiQL', () => {
  let t: ApiTestHub;
  let page: string;

  beforeAll(async () => {
    t = await createApiTestHub({ sandbox: { enterprises: 5 }, sync: false, env: { GRAPHIQL: 'true' } });
    const response = await fetch(t.url, { headers: { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    page = await response.text();
  }, 120_000);

  afterAll(async () => {
    await t?.close();
  });

  /** Every URL the page names: script and stylesheet sources, links, and asset paths in inline scripts. */
  const referencedUrls = (html: string) => [
    ...[...html.matchAll(/\b(?:src|href)\s*=\s*["']([^"']+)["']/g)].map((m) => m[1]!),
    ...[...html.matchAll(/["'](\/graphiql\/[^"']+)["']/g)].map((m) => m[1]!),
  ];

  it('serves a page that names no external URL', () => {
    expect(page).toContain('renderYogaGraphiQL');
    expect(page).not.toMatch(/(?:https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}/i);
    const urls = referencedUrls(page);
    expect(urls.length).toBeGreaterThanOrEqual(5);
    for (const url of urls) expect(url === 'data:,' || (url.startsWith('/') && !url.startsWith('//'))).toBe(true);
  });

  it('serves every script, stylesheet and worker the page references, from the hub', async () => {
    const origin = new URL(t.url).origin;
    const assets = [...new Set(referencedUrls(page).filter((u) => u.startsWith('/')))];
    expect(assets).toEqual(expect.arrayContaining(['/graphiql/graphiql.js', '/graphiql/graphiql.css', '/graphiql/editor.worker.js', '/graphiql/json.worker.js', '/graphiql/graphql.worker.js']));
    for (const asset of assets) {
      const response = await fetch(`${origin}${asset}`);
      expect({ asset, status: response.status }).toEqual({ asset, status: 200 });
      expect(response.headers.get('content-type')).toMatch(asset.endsWith('.css') ? /^text\/css/ : /^text\/javascript/);
      const body = await response.text();
      expect(body.length).toBeGreaterThan(10_000);
      // Nothing the bundle loads at run time may come from a CDN or a font service.
      expect(body).not.toMatch(/unpkg\.com|jsdelivr\.net|esm\.sh|cdnjs|fonts\.googleapis|fonts\.gstatic/);
      if (asset.endsWith('.css')) expect(body).not.toMatch(/@import|url\(\s*["']?(?:https?:)?\/\//);
    }
  });

  it('lets the user send an Authorization header and never stores it', () => {
    expect(page).toMatch(/"isHeadersEditorEnabled":true/);
    expect(page).toMatch(/"shouldPersistHeaders":false/);
    expect(page).toMatch(/"endpoint":"\/graphql"/);
  });

  it('keeps answering GraphQL at the same URL, and serves assets gzipped when asked', async () => {
    const answer = await t.gql('{ health { database } }', undefined, null);
    expect(answer.data).toEqual({ health: { database: true } });
    const origin = new URL(t.url).origin;
    // fetch decompresses transparently; the header says the wire carried gzip.
    const gzipped = await fetch(`${origin}/graphiql/graphiql.css`, { headers: { 'accept-encoding': 'gzip' } });
    expect(gzipped.headers.get('content-encoding')).toBe('gzip');
    expect((await gzipped.text()).length).toBeGreaterThan(10_000);
    expect((await fetch(`${origin}/graphiql/../package.json`)).status).toBe(404);
    expect((await fetch(`${origin}/graphiql/nothing.js`)).status).toBe(404);
  });
});
