import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ConnectorModule } from './sdk/connector';

/** Folders under `connectors/` that hold shared code rather than a source. */
const NOT_CONNECTORS = new Set(['sdk', 'sandbox']);

/**
 * Every connector folder under `connectors/`: a direct subfolder with an `index` module whose default
 * export is a `ConnectorModule` with `id` equal to the folder name. Adding a source means adding its
 * folder and nothing else. Sorted by id; a malformed module is an error, raised at start rather than
 * at the first sync. `root` is for tests; the hub always reads this folder.
 */
export function loadConnectorModules(root: string = __dirname): ConnectorModule[] {
  const modules: ConnectorModule[] = [];
  for (const entry of readdirSync(root, { withFileTypes: true })) {
    if (!entry.isDirectory() || NOT_CONNECTORS.has(entry.name) || entry.name.startsWith('.') || entry.name.startsWith('_')) continue;
    const folder = join(root, entry.name);
    // `.ts` under tsx and ts-jest, `.js` once compiled; require resolves either without the extension.
    if (!existsSync(join(folder, 'index.ts')) && !existsSync(join(folder, 'index.js'))) continue;
    const exported: unknown = (require(join(folder, 'index')) as { default?: unknown }).default;
    modules.push(asConnectorModule(exported, entry.name));
  }
  // Ids equal folder names, so they are unique.
  return modules.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The ids of all connectors, sorted. */
export function connectorIds(): string[] {
  return loadConnectorModules().map((m) => m.id);
}

function asConnectorModule(exported: unknown, folder: string): ConnectorModule {
  const where = `connectors/${folder}/index`;
  if (exported === null || typeof exported !== 'object') {
    throw new Error(`${where} must default-export a ConnectorModule ({ id, title, create }), got ${exported === null ? 'null' : typeof exported}`);
  }
  const candidate = exported as Partial<Record<keyof ConnectorModule, unknown>>;
  if (typeof candidate.id !== 'string' || !/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/.test(candidate.id)) {
    throw new Error(`${where}: id must be a kebab-case string, got ${JSON.stringify(candidate.id)}`);
  }
  if (candidate.id !== folder) throw new Error(`${where}: id '${candidate.id}' must equal its folder name '${folder}'`);
  if (typeof candidate.title !== 'string' || candidate.title.trim() === '') throw new Error(`${where}: title must be a non-empty string`);
  if (typeof candidate.create !== 'function') throw new Error(`${where}: create(settings) must be a function`);
  return exported as ConnectorModule;
}
