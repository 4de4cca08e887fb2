import DataLoader from 'dataloader';
import { casePages, eventPages, type CasePage, type FinancingEventRow } from '../../src/financing/financing-queries';
import type { FinancingProduct } from '../../src/financing/financing.types';
import { financingViews, type FinancingView } from '../../src/financing/financing-visibility';
import type { LoaderScope } from './request-loaders';

export interface CasePageKey {
  uscc: string;
  /** Rows to fetch: page size + 1. */
  take: number;
  after: { openedOn: string; id: number } | null;
  product: FinancingProduct | null;
}

const pageArgs = (k: Omit<CasePageKey, 'uscc'>) => JSON.stringify([k.take, k.after, k.product]);

/**
 * A page of each enterprise's visible cases. Keys asking for the same page arguments (the usual case:
 * one `financing(first:)` under a list of enterprises) share ONE statement, whatever the number of
 * enterprises; the visibility of all of them comes from one more (the consents, for institutions).
 */
export const financingCasePageLoader = (scope: LoaderScope) => {
  const at = new Date();
  return new DataLoader<CasePageKey, CasePage & { view: FinancingView }, string>(
    async (keys) => {
      const { runtime, principal } = scope;
      if (principal === null) throw new Error('financing reads need a principal');
      const views = await financingViews(runtime.db, principal, [...new Set(keys.map((k) => k.uscc))], at);
      const groups = new Map<string, CasePageKey[]>();
      for (const k of keys) {
        const g = pageArgs(k);
        groups.set(g, [...(groups.get(g) ?? []), k]);
      }
      const results = new Map<string, CasePage>();
      for (const [g, members] of groups) {
        const { take, after, product } = members[0]!;
        const pages = await casePages(
          runtime.db,
          [...new Set(members.map((m) => m.uscc))].map((uscc) => ({ uscc, all: views.get(uscc)!.all })),
          { take, after, product, institutionId: principal?.institutionId ?? null },
        );
        for (const [uscc, page] of pages) results.set(`${uscc}|${g}`, page);
      }
      return keys.map((k) => ({ ...results.get(`${k.uscc}|${pageArgs(k)}`)!, view: views.get(k.uscc)! }));
    },
    { cacheKeyFn: (k) => `${k.uscc}|${pageArgs(k)}` },
  );
};

export interface EventPageKey {
  caseId: number;
  take: number;
  afterId: string | null;
}

/** A page of each case's events, newest first; one statement per distinct page arguments. */
export const financingEventPageLoader = ({ runtime }: LoaderScope) =>
  new DataLoader<EventPageKey, { rows: FinancingEventRow[]; total: number }, string>(
    async (keys) => {
      const groups = new Map<string, EventPageKey[]>();
      for (const k of keys) {
        const g = JSON.stringify([k.take, k.afterId]);
        groups.set(g, [...(groups.get(g) ?? []), k]);
      }
      const results = new Map<string, { rows: FinancingEventRow[]; total: number }>();
      for (const [g, members] of groups) {
        const pages = await eventPages(runtime.db, [...new Set(members.map((m) => m.caseId))], { take: members[0]!.take, afterId: members[0]!.afterId });
        for (const [caseId, page] of pages) results.set(`${caseId}|${g}`, page);
      }
      return keys.map((k) => results.get(`${k.caseId}|${JSON.stringify([k.take, k.afterId])}`) ?? { rows: [], total: 0 });
    },
    { cacheKeyFn: (k) => `${k.caseId}|${JSON.stringify([k.take, k.afterId])}` },
  );
