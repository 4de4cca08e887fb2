/**
 * Simulated time. It starts at `SANDBOX_START`, moves only forward (by command, or continuously at
 * `daysPerMinute` simulated days per real minute) and is read once per request.
 */

// Module bindings, not `Math.x`: global lookups cost ~100× under Jest (jestjs/jest#15502).
const { floor, round } = Math;

export class SimulatedClock {
  private baseMs: number;
  private anchorRealMs: number;

  constructor(
    start: Date,
    private readonly daysPerMinute: number,
    private readonly realNow: () => number = Date.now,
  ) {
    this.baseMs = start.getTime();
    this.anchorRealMs = realNow();
  }

  nowMs(): number {
    if (this.daysPerMinute <= 0) return this.baseMs;
    const elapsedMinutes = (this.realNow() - this.anchorRealMs) / 60_000;
    return this.baseMs + floor(elapsedMinutes * this.daysPerMinute * 86_400_000);
  }

  now(): Date {
    return new Date(this.nowMs());
  }

  advanceDays(days: number): void {
    if (!Number.isFinite(days) || days < 0) throw new RangeError('advance_days must be a non-negative number (time never goes back)');
    this.rebase(this.nowMs() + round(days * 86_400_000));
  }

  set(at: Date): void {
    const t = at.getTime();
    if (Number.isNaN(t)) throw new RangeError('set must be a valid ISO-8601 instant');
    if (t < this.nowMs()) throw new RangeError(`time never goes back: ${at.toISOString()} is before ${this.now().toISOString()}`);
    this.rebase(t);
  }

  private rebase(ms: number): void {
    this.baseMs = ms;
    this.anchorRealMs = this.realNow();
  }
}
