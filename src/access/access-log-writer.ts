import type { DataSource } from 'typeorm';
import { recordAccess, type AccessEntry } from './access-log.service';

interface Waiting {
  entries: readonly AccessEntry[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Writes the access log for concurrent requests together: entries that arrive while an INSERT is in
 * flight go out in the next one, so under load many requests share one statement (and one commit)
 * instead of each paying its own. Each caller's promise settles only when its rows are committed, so
 * a response never leaves before its access-log rows exist.
 */
export class AccessLogWriter {
  private waiting: Waiting[] = [];
  private writing = false;

  constructor(private readonly db: DataSource) {}

  write(entries: readonly AccessEntry[]): Promise<void> {
    if (entries.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ entries, resolve, reject });
      if (!this.writing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.writing = true;
    try {
      while (this.waiting.length > 0) {
        const batch = this.waiting;
        this.waiting = [];
        try {
          await recordAccess(this.db, batch.flatMap((w) => w.entries));
          for (const w of batch) w.resolve();
        } catch (error) {
          for (const w of batch) w.reject(error);
        }
      }
    } finally {
      this.writing = false;
    }
  }
}
