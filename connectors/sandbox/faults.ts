import { hash, tag } from './prng';

export interface FaultSettings {
  /** Share of stream requests answered 429 with Retry-After (default 0). */
  rate429: number;
  /** Share answered 500, 502 or 503 (default 0). */
  rate5xx: number;
  /** Share delayed by `slowMs` before the normal answer (default 0). */
  rateSlow: number;
  /** Delay of a slow response in ms (default 1500). */
  slowMs: number;
  /** Retry-After of a 429 in whole seconds (default 1). */
  retryAfterS: number;
}

export const DEFAULT_FAULTS: FaultSettings = { rate429: 0, rate5xx: 0, rateSlow: 0, slowMs: 1500, retryAfterS: 1 };

export type FaultDecision = { kind: 'none' } | { kind: 'rate_limited'; retryAfterS: number } | { kind: 'server_error'; status: 500 | 502 | 503 } | { kind: 'slow'; delayMs: number };

const T_FAULT = tag('faults/request');
const SERVER_ERRORS: ReadonlyArray<500 | 502 | 503> = [500, 502, 503];

/**
 * Decides each stream request's fault from hash(seed, request counter): the same seed and request
 * sequence give the same faults. Health and `/_sandbox` requests do not consume the counter.
 */
export class FaultInjector {
  private settings: FaultSettings;
  private counter = 0;

  constructor(
    private readonly seed: number,
    initial: FaultSettings,
  ) {
    this.settings = validated({ ...initial });
  }

  get(): FaultSettings {
    return { ...this.settings };
  }

  set(partial: Partial<FaultSettings>): void {
    this.settings = validated({ ...this.settings, ...partial });
  }

  next(): FaultDecision {
    const n = this.counter++;
    const s = this.settings;
    const u = hash(this.seed, T_FAULT, n) / 4294967296;
    if (u < s.rate429) return { kind: 'rate_limited', retryAfterS: s.retryAfterS };
    if (u < s.rate429 + s.rate5xx) return { kind: 'server_error', status: SERVER_ERRORS[hash(this.seed, T_FAULT, n, 1) % 3]! };
    if (u < s.rate429 + s.rate5xx + s.rateSlow) return { kind: 'slow', delayMs: s.slowMs };
    return { kind: 'none' };
  }
}

function validated(s: FaultSettings): FaultSettings {
  for (const key of ['rate429', 'rate5xx', 'rateSlow'] as const) {
    if (!(s[key] >= 0 && s[key] <= 1)) throw new RangeError(`${key} must be between 0 and 1`);
  }
  if (s.rate429 + s.rate5xx + s.rateSlow > 1) throw new RangeError('fault rates must sum to at most 1');
  if (!(Number.isInteger(s.slowMs) && s.slowMs >= 0)) throw new RangeError('slowMs must be a non-negative integer');
  if (!(Number.isInteger(s.retryAfterS) && s.retryAfterS >= 0)) throw new RangeError('retryAfterS must be a non-negative integer');
  return s;
}
