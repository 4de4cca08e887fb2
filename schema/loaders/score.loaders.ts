import DataLoader from 'dataloader';
import { loadScores, scoreHistoryPages, scoresAsOf, type ScoreHistoryPage, type StoredScore } from '../../src/scoring/store/score-read.service';
import type { LoaderScope } from './request-loaders';

/** Current scores by USCC: one statement per batch. */
export const scoreLoader = ({ runtime }: LoaderScope) =>
  new DataLoader<string, StoredScore | null>(async (usccs) => {
    const found = await loadScores(runtime.db, usccs);
    return usccs.map((u) => found.get(u) ?? null);
  });

export interface ScoreHistoryKey {
  uscc: string;
  /** History id the page starts after (newest first); null for the first page. */
  afterId: string | null;
  /** Rows per enterprise (a page plus one). */
  limit: number;
}

const windowOf = (k: ScoreHistoryKey) => `${k.afterId ?? ''}|${k.limit}`;

/** Score-history pages; keys with the same window (the same field of the query) share two statements. */
export const scoreHistoryLoader = ({ runtime }: LoaderScope) =>
  new DataLoader<ScoreHistoryKey, ScoreHistoryPage, string>(
    async (keys) => {
      const byWindow = new Map<string, ScoreHistoryKey[]>();
      for (const k of keys) byWindow.set(windowOf(k), [...(byWindow.get(windowOf(k)) ?? []), k]);
      const pages = new Map<string, ScoreHistoryPage>();
      await Promise.all(
        [...byWindow].map(async ([w, group]) => {
          const found = await scoreHistoryPages(runtime.db, [...new Set(group.map((k) => k.uscc))], { afterId: group[0]!.afterId, limit: group[0]!.limit });
          for (const k of group) pages.set(`${k.uscc}|${w}`, found.get(k.uscc) ?? { scores: [], total: 0 });
        }),
      );
      return keys.map((k) => pages.get(`${k.uscc}|${windowOf(k)}`)!);
    },
    { cacheKeyFn: (k) => `${k.uscc}|${windowOf(k)}` },
  );

/** Scores recomputed as of a past date; the enterprises asked about with the same date share one read of their records. */
export const scoreAsOfLoader = ({ runtime }: LoaderScope) =>
  new DataLoader<{ uscc: string; asOf: string }, StoredScore, string>(
    async (keys) => {
      const byDate = new Map<string, string[]>();
      for (const k of keys) byDate.set(k.asOf, [...(byDate.get(k.asOf) ?? []), k.uscc]);
      const out = new Map<string, StoredScore>();
      await Promise.all(
        [...byDate].map(async ([asOf, usccs]) => {
          for (const [uscc, s] of await scoresAsOf(runtime.db, [...new Set(usccs)], asOf)) out.set(`${uscc}|${asOf}`, s);
        }),
      );
      return keys.map((k) => out.get(`${k.uscc}|${k.asOf}`) ?? new Error(`no records of ${k.uscc}`));
    },
    { cacheKeyFn: (k) => `${k.uscc}|${k.asOf}` },
  );
