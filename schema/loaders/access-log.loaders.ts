import DataLoader from 'dataloader';
import { accessLogPages, type AccessLogPage } from '../../src/access/access-log.service';
import { isPlatformRole } from '../../src/access/principal';
import type { LoaderScope } from './request-loaders';

export interface AccessLogPageKey {
  uscc: string;
  beforeId: string | null;
  limit: number;
}

const windowOf = (k: AccessLogPageKey) => `${k.beforeId ?? ''}|${k.limit}`;

/**
 * Pages of each enterprise's access log as the principal may see them (an institution: its own
 * institution's reads). Keys with the same window run together, two statements per window.
 */
export const accessLogPageLoader = ({ runtime, principal }: LoaderScope) =>
  new DataLoader<AccessLogPageKey, AccessLogPage, string>(
    async (keys) => {
      if (principal === null) throw new Error('the access log needs a principal');
      const institutionId = isPlatformRole(principal.role) ? null : (principal.institutionId ?? -1);
      const byWindow = new Map<string, AccessLogPageKey[]>();
      for (const k of keys) byWindow.set(windowOf(k), [...(byWindow.get(windowOf(k)) ?? []), k]);
      const found = new Map<string, AccessLogPage>();
      await Promise.all(
        [...byWindow].map(async ([w, group]) => {
          const pages = await accessLogPages(runtime.db, [...new Set(group.map((k) => k.uscc))], { institutionId, beforeId: group[0]!.beforeId, limit: group[0]!.limit });
          for (const [uscc, page] of pages) found.set(`${uscc}|${w}`, page);
        }),
      );
      return keys.map((k) => found.get(`${k.uscc}|${windowOf(k)}`) ?? { rows: [], total: 0 });
    },
    { cacheKeyFn: (k) => `${k.uscc}|${windowOf(k)}` },
  );
