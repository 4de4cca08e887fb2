import { daysBetween, withinMonths } from './calendar';
import type { DeriveContext } from './derive-context';
import type { DeclarationRecord } from './enterprise-records';
import { declarationsFiled } from './tax-declarations';

/** VAT and CIT declarations filed in (asOf − n months, asOf]. */
export const declarationsFiledWithin = (ctx: DeriveContext, months: number): readonly DeclarationRecord[] =>
  ctx.memo(`compliance:filed:${months}m`, () => declarationsFiled(ctx).filter((d) => withinMonths(d.data.filed_on, ctx.asOf, months)));

/** Of those, the ones the tax bureau flagged late. */
export const lateFiledWithin = (ctx: DeriveContext, months: number): readonly DeclarationRecord[] =>
  ctx.memo(`compliance:late:${months}m`, () => declarationsFiledWithin(ctx, months).filter((d) => d.data.late));

/** Days a declaration was filed after its due date (0 when on time). */
export const filingDelayDays = (d: DeclarationRecord): number => Math.max(0, daysBetween(d.data.due_on, d.data.filed_on));
