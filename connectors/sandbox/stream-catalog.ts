import { isoUtcMs } from './calendar';
import { type CursorKey, encodeCursor } from './cursor';
import { breakRecord } from './invalid-records';
import { hash, tag } from './prng';
import { createGenerators } from './stream-registry';
import { StreamIndex } from './stream-index';
import type { Payload, StreamGenerator } from './stream.types';
import type { World } from './world';

/** A record version exactly as served, with what the truth API knows about it. */
export interface RenderedRecord {
  readonly id: string;
  readonly valid: boolean;
  /** Epoch ms of `updated_at`. */
  readonly atMs: number;
  readonly record: Payload;
  /** USCC of the enterprise the record belongs to (ground truth for entity resolution). */
  readonly subject: string;
}

export interface PageRequest {
  readonly limit: number;
  readonly since: CursorKey | null;
  /** Used only without `since`. */
  readonly updatedSinceMs: number | null;
}

export interface PageResult {
  /** Each record already serialised. */
  readonly records: string[];
  /** Cursor after the last record, or null when `data` is empty (the caller echoes `since`). */
  readonly nextCursor: string | null;
  readonly hasMore: boolean;
}

/**
 * All streams over one world: the generators, their lazily built indexes, and rendering of a
 * version into the served JSON (broken, when the version is one of the invalid share).
 */
export class StreamCatalog {
  private readonly generators: Map<string, StreamGenerator>;
  private readonly indexes = new Map<string, StreamIndex>();
  private readonly tags = new Map<string, number>();

  constructor(
    readonly world: World,
    private readonly invalidRate: number,
  ) {
    this.generators = createGenerators(world);
    for (const key of this.generators.keys()) this.tags.set(key, tag(key));
  }

  /** `${agency}/${stream}` keys in contract order. */
  keys(): string[] {
    return [...this.generators.keys()];
  }

  has(key: string): boolean {
    return this.generators.has(key);
  }

  generator(key: string): StreamGenerator {
    const g = this.generators.get(key);
    if (!g) throw new RangeError(`unknown stream ${key}`);
    return g;
  }

  index(key: string): StreamIndex {
    let idx = this.indexes.get(key);
    if (!idx) {
      idx = StreamIndex.build(this.world, this.generator(key), this.invalidRate);
      this.indexes.set(key, idx);
    }
    return idx;
  }

  render(key: string, pos: number): RenderedRecord {
    const gen = this.generator(key);
    const idx = this.index(key);
    const x = idx.entry(pos);
    const e = this.world.enterprise(x.entity);
    const record = gen.payload(e, x.record, x.version);
    const id = record[gen.idField] as string;
    record.updated_at = isoUtcMs(x.atMs);
    if (!x.invalid) return { id, valid: true, atMs: x.atMs, record, subject: e.uscc };
    const broken = breakRecord(record, gen.breakable, hash(this.world.seed, this.tags.get(key)!, x.entity, x.record, x.version));
    return { id, valid: false, atMs: x.atMs, record: broken.record, subject: e.uscc };
  }

  page(key: string, req: PageRequest, nowMs: number): PageResult {
    const idx = this.index(key);
    let pos = 0;
    if (req.since !== null) pos = idx.positionAfter(req.since.atMs, req.since.id);
    else if (req.updatedSinceMs !== null) pos = idx.lowerBound(req.updatedSinceMs);
    const records: string[] = [];
    let last = -1;
    while (records.length < req.limit) {
      const p = idx.nextVisible(pos, nowMs);
      if (p < 0) break;
      records.push(JSON.stringify(this.render(key, p).record));
      last = p;
      pos = p + 1;
    }
    const hasMore = records.length === req.limit && idx.nextVisible(pos, nowMs) >= 0;
    const nextCursor = last >= 0 ? encodeCursor({ stream: key, atMs: idx.atMs(last), id: idx.id(last) }) : null;
    return { records, nextCursor, hasMore };
  }

  /** Newest visible version of every record at `nowMs`, in served order. */
  visible(key: string, nowMs: number): RenderedRecord[] {
    const idx = this.index(key);
    const out: RenderedRecord[] = [];
    for (let p = idx.nextVisible(0, nowMs); p >= 0; p = idx.nextVisible(p + 1, nowMs)) out.push(this.render(key, p));
    return out;
  }

  /** Newest version (as of `toMs`) of each record that changed in (fromMs, toMs]. */
  changedBetween(key: string, fromMs: number, toMs: number): RenderedRecord[] {
    return this.index(key).changedBetween(fromMs, toMs).map((p) => this.render(key, p));
  }

  counts(key: string, nowMs: number): { visible: number; valid: number; invalid: number } {
    const { visible, invalid } = this.index(key).counts(nowMs);
    return { visible, valid: visible - invalid, invalid };
  }
}
