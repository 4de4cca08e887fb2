import { type Horizon, horizonFor } from './calendar';
import { EnterpriseFactory } from './enterprise.generator';
import type { Enterprise } from './enterprise.types';
import { FinanceModel } from './finance.model';

/**
 * The simulated population: enterprises 0…size−1, each built from hash(seed, i) on first use and
 * cached (a few hundred bytes each), plus the models every agency generator shares.
 */
export class World {
  readonly horizon: Horizon;
  readonly finance: FinanceModel;
  private readonly factory: EnterpriseFactory;
  private readonly cache: Array<Enterprise | undefined>;

  constructor(
    readonly seed: number,
    readonly size: number,
    start: Date,
  ) {
    this.horizon = horizonFor(start);
    this.finance = new FinanceModel(seed, this.horizon.startMonth);
    this.factory = new EnterpriseFactory({ seed, horizon: this.horizon });
    this.cache = new Array<Enterprise | undefined>(size);
  }

  enterprise(i: number): Enterprise {
    let e = this.cache[i];
    if (e === undefined) {
      e = this.factory.create(i, (j) => this.enterprise(j));
      if (i < this.size) this.cache[i] = e;
    }
    return e;
  }

  /** The registered name in force at t (the former name before a rename). */
  nameAt(e: Enterprise, t: number): string {
    return e.nameChangedAt !== null && t >= e.nameChangedAt ? e.names[1]! : e.names[0]!;
  }

  /** Index of the registry state in force at t (states change at their events). */
  registryIndexAt(e: Enterprise, t: number): number {
    let k = 0;
    while (k < e.events.length && e.events[k]!.at <= t) k++;
    return k;
  }
}
