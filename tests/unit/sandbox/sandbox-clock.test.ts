import { SimulatedClock } from '../../../connectors/sandbox/clock';
import { createSandbox } from '../../../connectors/sandbox/sandbox';

describe('simulated clock', () => {
  const start = new Date('2026-10-01T00:00:00Z');

  it('stands still by default and moves only forward', () => {
    const clock = new SimulatedClock(start, 0);
    expect(clock.now()).toEqual(start);
    clock.advanceDays(1.5);
    expect(clock.now().toISOString()).toBe('2026-10-02T12:00:00.000Z');
    expect(() => clock.set(start)).toThrow(RangeError);
    expect(() => clock.advanceDays(-1)).toThrow(RangeError);
    clock.set(new Date('2027-01-01T00:00:00Z'));
    expect(clock.now().toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });

  it('advances continuously at daysPerMinute', () => {
    let real = 1_000_000;
    const clock = new SimulatedClock(start, 2, () => real);
    real += 30_000; // half a real minute = one simulated day
    expect(clock.now().toISOString()).toBe('2026-10-02T00:00:00.000Z');
    clock.advanceDays(1);
    real += 60_000;
    expect(clock.now().toISOString()).toBe('2026-10-05T00:00:00.000Z');
  });

  it('shows new records as simulated time passes', () => {
    const sandbox = createSandbox({ enterprises: 30, invalidRate: 0 });
    const before = sandbox.truth.stats()['tax/declarations']!.visible;
    sandbox.clock.advanceDays(90);
    expect(sandbox.truth.stats()['tax/declarations']!.visible).toBeGreaterThan(before);
  });

  it('refuses a start outside the supported range', () => {
    expect(() => createSandbox({ start: new Date('1999-01-01T00:00:00Z') })).toThrow(RangeError);
  });
});
