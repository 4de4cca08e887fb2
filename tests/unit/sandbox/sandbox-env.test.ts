import { sandboxConfigFromEnv } from '../../../connectors/sandbox/sandbox-env';

describe('sandbox environment', () => {
  it('uses the documented defaults', () => {
    const c = sandboxConfigFromEnv({});
    expect(c.port).toBe(4100);
    expect(c.host).toBe('127.0.0.1');
    expect(c.options).toMatchObject({ seed: 42, enterprises: 2000, invalidRate: 0.01, daysPerMinute: 0 });
    expect(c.options.start?.toISOString()).toBe('2026-10-01T00:00:00.000Z');
    expect(c.options.faults).toEqual({ rate429: 0, rate5xx: 0, rateSlow: 0, slowMs: 1500, retryAfterS: 1 });
  });

  it('reads every variable', () => {
    const c = sandboxConfigFromEnv({
      SANDBOX_PORT: '0',
      SANDBOX_HOST: '0.0.0.0',
      SANDBOX_SEED: '7',
      SANDBOX_ENTERPRISES: '100000',
      SANDBOX_INVALID_RATE: '0',
      SANDBOX_START: '2027-01-01T00:00:00+08:00',
      SANDBOX_FAULT_RATE_429: '0.1',
      SANDBOX_FAULT_RATE_5XX: '0.05',
      SANDBOX_FAULT_RATE_SLOW: '0.02',
      SANDBOX_DAYS_PER_MINUTE: '1.5',
    });
    expect(c).toMatchObject({ port: 0, host: '0.0.0.0', options: { seed: 7, enterprises: 100000, invalidRate: 0, daysPerMinute: 1.5 } });
    expect(c.options.start?.toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(c.options.faults).toMatchObject({ rate429: 0.1, rate5xx: 0.05, rateSlow: 0.02 });
  });

  it.each([
    ['SANDBOX_PORT', 'eighty'],
    ['SANDBOX_ENTERPRISES', '0'],
    ['SANDBOX_INVALID_RATE', '1.5'],
    ['SANDBOX_START', '2026-13-01'],
    ['SANDBOX_FAULT_RATE_429', '-0.1'],
    ['SANDBOX_DAYS_PER_MINUTE', '-1'],
  ])('names the bad variable %s=%s', (name, value) => {
    expect(() => sandboxConfigFromEnv({ [name]: value })).toThrow(new RegExp(name));
  });

  it('refuses fault rates that sum above 1', () => {
    expect(() => sandboxConfigFromEnv({ SANDBOX_FAULT_RATE_429: '0.6', SANDBOX_FAULT_RATE_5XX: '0.6' })).toThrow(/SANDBOX_FAULT_RATE_429 \+ SANDBOX_FAULT_RATE_5XX/);
  });
});
