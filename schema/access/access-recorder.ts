import type { AccessEntry } from '../../src/access/access-log.service';
import type { AccessLogWriter } from '../../src/access/access-log-writer';
import type { Principal } from '../../src/access/principal';
import type { SectionKey } from '../../src/profile/catalog/field.types';

/**
 * Collects the profile reads of one request, one entry per enterprise, and writes them to the access
 * log before the response leaves (see access-log.plugin.ts).
 */
export class AccessRecorder {
  private readonly byUscc = new Map<string, { served: Set<SectionKey>; withheld: Set<SectionKey>; purposes: Set<string> }>();

  /** Notes that sections of an enterprise's profile were served to (or withheld from) the principal. */
  note(uscc: string, served: readonly SectionKey[], withheld: readonly SectionKey[], purposes: readonly string[]): void {
    let entry = this.byUscc.get(uscc);
    if (!entry) this.byUscc.set(uscc, (entry = { served: new Set(), withheld: new Set(), purposes: new Set() }));
    for (const s of served) entry.served.add(s);
    for (const s of withheld) entry.withheld.add(s);
    for (const p of purposes) entry.purposes.add(p);
  }

  get size(): number {
    return this.byUscc.size;
  }

  async flush(writer: Pick<AccessLogWriter, 'write'>, principal: Principal, operation: string, at = new Date()): Promise<void> {
    const entries: AccessEntry[] = [...this.byUscc].map(([uscc, e]) => ({
      at,
      principal,
      uscc,
      sections: [...e.served].sort(),
      withheld: [...e.withheld].filter((s) => !e.served.has(s)).sort(),
      // `public` names reads no consent opened: it goes once a consent's purpose is there.
      purposes: e.purposes.size > 1 ? [...e.purposes].filter((p) => p !== 'public').sort() : [...e.purposes],
      operation,
    }));
    this.byUscc.clear();
    await writer.write(entries);
  }
}
