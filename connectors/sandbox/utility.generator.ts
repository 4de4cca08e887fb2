import { cstDate, periodString } from './calendar';
import { nameVariant } from './enterprise-names';
import type { Enterprise } from './enterprise.types';
import { yuan } from './finance.model';
import type { Payload, StreamGenerator, VersionSink } from './stream.types';
import { type Account, BILL_HISTORY_MONTHS, BILL_MONTH_SLOTS, UtilityModel } from './utility.model';
import type { World } from './world';

// Module bindings, not `Math.x`: global lookups cost ~100× under Jest (jestjs/jest#15502).
const { floor, max } = Math;

/** Version steps of an account: opened, holder renamed (optional), closed (optional). */
function accountSteps(a: Account): Array<{ at: number; kind: 'opened' | 'renamed' | 'closed' }> {
  const steps: Array<{ at: number; kind: 'opened' | 'renamed' | 'closed' }> = [{ at: a.openedAt, kind: 'opened' }];
  if (a.renamedAt !== null) steps.push({ at: a.renamedAt, kind: 'renamed' });
  if (a.closedAt !== null) steps.push({ at: a.closedAt, kind: 'closed' });
  return steps;
}

/** `accounts`: power and water accounts; the holder name is the registered name as a clerk typed it. */
export class AccountsGenerator implements StreamGenerator {
  readonly agency = 'utility';
  readonly name = 'accounts';
  readonly idField = 'account_no';
  readonly breakable = {
    required: ['holder_name', 'utility', 'opened_on'],
    numeric: [],
    uscc: [],
    dates: ['opened_on'],
    amounts: [],
    enums: { utility: ['electricity', 'gas'], category: ['residential', '工业'], status: ['suspended', '销户'] },
  } as const;

  constructor(
    private readonly world: World,
    private readonly model: UtilityModel,
  ) {}

  versions(e: Enterprise, emit: VersionSink): void {
    for (const a of this.model.accounts(e)) {
      if (a === null) continue;
      accountSteps(a).forEach((s, v) => emit(a.slot, v, s.at));
    }
  }

  id(e: Enterprise, record: number): string {
    return this.model.accountNo(e, record);
  }

  payload(e: Enterprise, record: number, version: number): Payload {
    const a = this.model.account(e, record)!;
    const steps = accountSteps(a);
    const renamed = steps.slice(0, version + 1).some((s) => s.kind === 'renamed');
    const closed = steps[version]!.kind === 'closed';
    const registeredName = this.world.nameAt(e, renamed ? a.renamedAt! : a.openedAt);
    return {
      account_no: a.accountNo,
      utility: a.utility,
      holder_name: nameVariant(registeredName, a.variant, a.variantDraw),
      address: a.address,
      category: a.category,
      opened_on: cstDate(a.openedAt),
      status: closed ? 'closed' : 'active',
    };
  }
}

/** `bills`: monthly bills for up to 24 months back; a bill appears at issue and changes when paid. */
export class BillsGenerator implements StreamGenerator {
  readonly agency = 'utility';
  readonly name = 'bills';
  readonly idField = 'bill_id';
  readonly breakable = {
    required: ['account_no', 'period', 'amount_yuan', 'due_on'],
    numeric: ['consumption', 'amount_yuan', 'arrears_yuan'],
    uscc: [],
    dates: ['due_on', 'paid_on'],
    amounts: ['amount_yuan', 'arrears_yuan'],
    enums: { unit: ['kwh', '度'], utility: ['electricity', 'gas'] },
  } as const;

  constructor(
    private readonly world: World,
    private readonly model: UtilityModel,
  ) {}

  private monthOf(record: number): number {
    return this.world.horizon.startMonth - BILL_HISTORY_MONTHS + (record % BILL_MONTH_SLOTS);
  }

  versions(e: Enterprise, emit: VersionSink): void {
    const base = this.world.horizon.startMonth - BILL_HISTORY_MONTHS;
    for (const a of this.model.accounts(e)) {
      if (a === null) continue;
      const months = this.model.billMonths(a);
      if (months === null) continue;
      for (let m = months.first; m <= months.last; m++) {
        const p = this.model.payment(e, a, m);
        const record = a.slot * BILL_MONTH_SLOTS + (m - base);
        emit(record, 0, p.issuedAt);
        if (p.paidAt !== null) emit(record, 1, p.paidAt);
      }
    }
  }

  id(e: Enterprise, record: number): string {
    return `${this.model.accountNo(e, floor(record / BILL_MONTH_SLOTS))}-${periodString(this.monthOf(record)).replace('-', '')}`;
  }

  payload(e: Enterprise, record: number, version: number): Payload {
    const a = this.model.account(e, floor(record / BILL_MONTH_SLOTS))!;
    const month = this.monthOf(record);
    const p = this.model.payment(e, a, month);
    const c = this.model.consumption(e, a, month);
    const paid = version >= 1 && p.paidAt !== null;
    // Arrears: earlier bills of this account still unpaid when this one was issued (up to a year back).
    let arrears = 0;
    const first = this.model.billMonths(a)!.first;
    for (let m = max(first, month - 12); m < month; m++) {
      const q = this.model.payment(e, a, m);
      if (q.paidAt === null || q.paidAt > p.issuedAt) arrears += this.model.consumption(e, a, m).amountFen;
    }
    return {
      bill_id: `${a.accountNo}-${periodString(month).replace('-', '')}`,
      account_no: a.accountNo,
      utility: a.utility,
      period: periodString(month),
      consumption: yuan(c.hundredths),
      unit: a.utility === 'power' ? 'kWh' : 'm3',
      amount_yuan: yuan(c.amountFen),
      due_on: cstDate(p.dueAt),
      paid_on: paid ? cstDate(p.paidAt!) : null,
      late: paid ? p.paidAt! > p.dueAt : false,
      arrears_yuan: yuan(arrears),
    };
  }
}
