import { ConfigError, loadConfig } from '../../src/config/config';

describe('config', () => {
  it('has working defaults for a newcomer', () => {
    const config = loadConfig({});
    expect(config.database.url).toBe('mysql://root@127.0.0.1:3306/techfin_hub');
    expect(config.redis.url).toBe('redis://127.0.0.1:6379');
    expect(config.http.port).toBe(4000);
    expect(config.connectors.baseUrl('tax')).toBe('http://127.0.0.1:4100/tax');
  });

  it('names the wrong variable and what it should look like', () => {
    expect(() => loadConfig({ PORT: 'forty', DATABASE_URL: 'postgres://x/y' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'forty', DATABASE_URL: 'postgres://x/y' });
    } catch (error) {
      const message = (error as ConfigError).message;
      expect(message).toContain('PORT="forty"');
      expect(message).toContain('DATABASE_URL="postgres://x/y": must be a URL like mysql://');
    }
  });

  it('reads per-connector URLs and cron overrides, and rejects a bad cron', () => {
    const config = loadConfig({
      CONNECTOR_URL_MARKET_REGULATION: 'https://registry.example/api/',
      CONNECTOR_SCHEDULES: '{"tax": "0 * * * *", "tax/declarations": "*/5 * * * *"}',
    });
    expect(config.connectors.baseUrl('market-regulation')).toBe('https://registry.example/api');
    expect(config.connectors.schedules).toEqual({ tax: '0 * * * *', 'tax/declarations': '*/5 * * * *' });
    expect(() => loadConfig({ CONNECTOR_SCHEDULES: '{"tax": "every hour"}' })).toThrow(/cron expression/);
    expect(() => loadConfig({ CONNECTOR_SCHEDULES: 'tax=hourly' })).toThrow(/must be JSON/);
    expect(() => loadConfig({ CONNECTOR_URL_TAX: 'ftp://x' })).toThrow(/CONNECTOR_URL_TAX/);
  });
});
