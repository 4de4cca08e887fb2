import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * GraphiQL served by the hub itself, from the `@graphql-yoga/graphiql` package: one prebuilt bundle
 * (React, GraphiQL 5 with its headers editor, the Monaco editor and its web workers), so no page
 * needs a CDN and no build step runs here. Every asset lives under `/graphiql/`.
 */
export const GRAPHIQL_ASSET_PREFIX = '/graphiql/';

export interface StaticAsset {
  contentType: string;
  body: Buffer;
  /** The body gzipped once, on first use. */
  gzipped(): Buffer;
}

export interface GraphiqlSite {
  /** The HTML page for a browser at `endpointPath`. */
  page(endpointPath: string): string;
  /** An asset by its URL path (`/graphiql/...`), or undefined for anything not in the bundle. */
  asset(urlPath: string): StaticAsset | undefined;
}

const JS = 'text/javascript; charset=utf-8';
const CSS = 'text/css; charset=utf-8';

/** Loads the bundle's files once (about 8 MB in memory; gzipped on demand). */
export function loadGraphiqlSite(): GraphiqlSite {
  const dist = path.join(path.dirname(require.resolve('@graphql-yoga/graphiql/package.json')), 'dist');
  const workerDir = path.join(dist, 'monacoeditorwork');
  // The package names its workers `<label>.worker.bundle.js` (4.5 spells one `graphql.worker..bundle.js`).
  const worker = (label: string) => {
    const file = readdirSync(workerDir).find((f) => f.startsWith(`${label}.worker.`) && f.endsWith('.js'));
    if (!file) throw new Error(`@graphql-yoga/graphiql has no ${label} worker in ${workerDir}`);
    return path.join(workerDir, file);
  };
  const files: Record<string, [file: string, contentType: string]> = {
    'graphiql.js': [path.join(dist, 'yoga-graphiql.umd.js'), JS],
    'graphiql.css': [path.join(dist, 'graphiql.css'), CSS],
    'editor.worker.js': [worker('editor'), JS],
    'json.worker.js': [worker('json'), JS],
    'graphql.worker.js': [worker('graphql'), JS],
  };
  const assets = new Map<string, StaticAsset>();
  for (const [name, [file, contentType]] of Object.entries(files)) {
    const body = readFileSync(file);
    let gz: Buffer | undefined;
    assets.set(`${GRAPHIQL_ASSET_PREFIX}${name}`, { contentType, body, gzipped: () => (gz ??= gzipSync(body)) });
  }
  return { page: graphiqlPage, asset: (urlPath) => assets.get(urlPath) };
}

const DEFAULT_QUERY = `# techfin-hub GraphQL API
#
# Every field but \`health\` needs an API key: open the Headers tab below and enter
#   { "Authorization": "Bearer thk_..." }
# Headers are kept for this tab only, never stored in the browser.

query Health {
  health {
    database
    redis
    version
  }
}
`;

/** Inline JSON that cannot close the <script> element it sits in. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

function graphiqlPage(endpointPath: string): string {
  const options = {
    endpoint: endpointPath,
    title: 'techfin-hub GraphiQL',
    // The Yoga build reads the first tab's query from `query` (a `?query=` in the URL wins).
    query: DEFAULT_QUERY,
    isHeadersEditorEnabled: true,
    defaultEditorToolsVisibility: 'headers',
    // API keys typed into the headers editor must not land in localStorage.
    shouldPersistHeaders: false,
    method: 'POST',
  };
  const workers = {
    editorWorkerService: `${GRAPHIQL_ASSET_PREFIX}editor.worker.js`,
    json: `${GRAPHIQL_ASSET_PREFIX}json.worker.js`,
    graphql: `${GRAPHIQL_ASSET_PREFIX}graphql.worker.js`,
  };
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>techfin-hub GraphiQL</title>
    <link rel="icon" href="data:," />
    <link rel="stylesheet" href="${GRAPHIQL_ASSET_PREFIX}graphiql.css" />
  </head>
  <body class="no-focus-outline">
    <noscript>GraphiQL needs JavaScript.</noscript>
    <div id="root">Loading GraphiQL…</div>
    <script>
      // Monaco runs its language services in web workers; they load as blobs from the hub's own copies.
      var workerSources = ${scriptJson(workers)};
      var workerUrls = {};
      function loadWorkers() {
        return Promise.all(Object.keys(workerSources).map(function (label) {
          return fetch(workerSources[label]).then(function (r) { return r.text(); }).then(function (text) {
            workerUrls[label] = URL.createObjectURL(new Blob([text], { type: 'application/javascript' }));
          });
        }));
      }
      self.MonacoEnvironment = { globalAPI: false, getWorkerUrl: function (_moduleId, label) { return workerUrls[label] || workerUrls.editorWorkerService; } };
    </script>
    <script src="${GRAPHIQL_ASSET_PREFIX}graphiql.js"></script>
    <script>
      loadWorkers().finally(function () {
        YogaGraphiQL.renderYogaGraphiQL(document.getElementById('root'), ${scriptJson(options)});
      });
    </script>
  </body>
</html>
`;
}
