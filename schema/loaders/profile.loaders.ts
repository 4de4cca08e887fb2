import DataLoader from 'dataloader';
import { consentsOf } from '../../src/access/consent.service';
import { isPlatformRole } from '../../src/access/principal';
import { fieldByKey } from '../../src/profile/catalog/catalog';
import { SECTIONS, type SectionKey } from '../../src/profile/catalog/field.types';
import { changePages, type ChangePage, type ChangeWindow } from '../../src/profile/read/profile-changes.service';
import { decideAccess, type EnterpriseAccess } from '../../src/profile/read/profile-access';
import { loadProfiles, loadProvenance, type StoredProfile } from '../../src/profile/read/profile-read.service';
import type { ProfileProvenance } from '../../src/profile/storage/provenance';
import type { LoaderScope } from './request-loaders';

/**
 * The profile's per-request loaders. Each batch runs one statement for all the enterprises a query
 * level asks about, so a list of 100 enterprises costs what a list of 1 does.
 */

/**
 * Dispatches a batch once the callbacks already due have run (not merely the promise jobs): the reads
 * that several fields of one enterprise start after the same answers join one batch.
 */
const afterPendingCallbacks = (dispatch: () => void): void => void setImmediate(dispatch);

/** A profile read: the enterprise and the sections whose columns are needed (none: the row's metadata). */
export interface ProfileRowKey {
  uscc: string;
  sections: readonly SectionKey[];
}

/**
 * Stored profile rows. A batch reads the union of the sections its keys ask for, in one statement; each
 * key gets back only its own sections' values.
 */
export const profileRowLoader = ({ runtime }: LoaderScope) =>
  new DataLoader<ProfileRowKey, StoredProfile | null, string>(
    async (keys) => {
      const sections = SECTIONS.filter((s) => keys.some((k) => k.sections.includes(s)));
      const rows = await loadProfiles(runtime.db, [...new Set(keys.map((k) => k.uscc))], sections);
      return keys.map((k) => {
        const row = rows.get(k.uscc);
        if (!row) return null;
        if (k.sections.length === sections.length) return row; // asked for every section the batch read
        const own = new Set(k.sections);
        const values = new Map([...row.values].filter(([key]) => own.has(fieldByKey(key)!.section)));
        return { ...row, values };
      });
    },
    { cacheKeyFn: (k) => `${k.uscc}|${[...k.sections].sort().join(',')}`, batchScheduleFn: afterPendingCallbacks },
  );

/**
 * Puts a row read with some sections into the loader's cache under no section too (the row's
 * metadata), as the fields that only need the metadata and access will ask for it.
 */
export function primeProfileRow(loader: ReturnType<typeof profileRowLoader>, row: StoredProfile): void {
  loader.prime({ uscc: row.uscc, sections: [] }, { ...row, values: new Map() });
}

/**
 * What the request's principal may see of each enterprise. Institutions: their own institution's
 * consents, one statement per batch; stewards and admins see everything without a query. The access
 * is decided once per request, at the instant the loader was made.
 */
export const profileAccessLoader = ({ runtime, principal }: LoaderScope) => {
  const at = new Date();
  return new DataLoader<string, EnterpriseAccess>(async (usccs) => {
    if (principal === null) throw new Error('profile access needs a principal');
    if (isPlatformRole(principal.role)) return usccs.map((u) => decideAccess(principal, u, [], at));
    // An institution principal without an institution (never minted) sees public data only.
    const consents = principal.institutionId === null ? new Map() : await consentsOf(runtime.db, usccs, principal.institutionId);
    return usccs.map((u) => decideAccess(principal, u, consents.get(u) ?? [], at));
  });
};

/** Stored provenance of current profiles, by USCC. */
export const provenanceLoader = ({ runtime }: LoaderScope) =>
  new DataLoader<string, ProfileProvenance | null>(async (usccs) => {
    const found = await loadProvenance(runtime.db, usccs);
    return usccs.map((u) => found.get(u) ?? null);
  });

export interface ChangePageKey {
  uscc: string;
  fieldKeys: readonly string[];
  window: ChangeWindow;
}

const windowKey = (w: ChangeWindow) => JSON.stringify([w.since.toISOString(), w.after ? [w.after.changedAt.toISOString(), w.after.id] : null, w.limit]);

/**
 * Change-log pages. Keys with the same window (since, cursor, size: the same field of the query) run
 * together: the number of statements follows the query's text, not the length of its lists.
 */
export const changePageLoader = ({ runtime }: LoaderScope) =>
  new DataLoader<ChangePageKey, ChangePage, string>(
    async (keys) => {
      const byWindow = new Map<string, ChangePageKey[]>();
      for (const k of keys) {
        const w = windowKey(k.window);
        byWindow.set(w, [...(byWindow.get(w) ?? []), k]);
      }
      const pages = new Map<string, ChangePage>();
      await Promise.all(
        [...byWindow].map(async ([w, group]) => {
          const found = await changePages(runtime.db, group, group[0]!.window);
          for (const k of group) pages.set(`${k.uscc}|${w}`, found.get(k.uscc) ?? { changes: [], total: 0 });
        }),
      );
      return keys.map((k) => pages.get(`${k.uscc}|${windowKey(k.window)}`)!);
    },
    { cacheKeyFn: (k) => `${k.uscc}|${windowKey(k.window)}|${k.fieldKeys.length}` },
  );
