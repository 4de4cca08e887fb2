import type { Principal } from './principal';

/**
 * Principals of recently used API keys, by key hash, so that a busy client does not cost a key lookup
 * per request. Entries live `ttlMs` (default 5 s): a key revoked in this process is forgotten at once;
 * one revoked through another API process stops working here within `ttlMs`. Unknown keys are never
 * cached, so a new key works at once everywhere.
 */
export class PrincipalCache {
  private readonly entries = new Map<string, { principal: Principal; until: number }>();

  constructor(
    private readonly ttlMs = 5_000,
    private readonly maxEntries = 10_000,
  ) {}

  get(keyHash: string, now = Date.now()): Principal | null {
    const entry = this.entries.get(keyHash);
    if (!entry) return null;
    if (entry.until <= now) {
      this.entries.delete(keyHash);
      return null;
    }
    return entry.principal;
  }

  set(keyHash: string, principal: Principal, now = Date.now()): void {
    if (this.ttlMs <= 0) return;
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(keyHash, { principal, until: now + this.ttlMs });
  }

  /** Drops a revoked key's entry. */
  forgetKey(keyId: number): void {
    for (const [hash, entry] of this.entries) if (entry.principal.keyId === keyId) this.entries.delete(hash);
  }
}
