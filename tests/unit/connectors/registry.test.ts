import { join } from 'node:path';
import { connectorIds, loadConnectorModules } from '../../../connectors/registry';
import { HttpClient } from '../../../connectors/sdk/http-client';

const FOLDERS = join(__dirname, '../../fixtures/connector-folders');

describe('connector registry', () => {
  const http = new HttpClient();
  afterAll(() => http.close());

  it('finds exactly the four connectors, sorted by id', () => {
    expect(connectorIds()).toEqual(['market-regulation', 'patent', 'tax', 'utility']);
  });

  it('creates each connector with the streams of docs/sandbox-api.md', () => {
    const streams = Object.fromEntries(
      loadConnectorModules().map((m) => {
        const connector = m.create({ baseUrl: `http://127.0.0.1:4100/${m.id}`, http });
        expect(connector.id).toBe(m.id);
        expect(connector.title).toBe(m.title);
        return [m.id, connector.streams.map((s) => s.name)];
      }),
    );
    expect(streams).toEqual({
      'market-regulation': ['registrations', 'changes', 'shareholders', 'penalties', 'abnormal_operations', 'annual_reports'],
      tax: ['declarations', 'arrears', 'credit_grades', 'rd_deductions'],
      utility: ['accounts', 'bills'],
      patent: ['patents', 'legal_events'],
    });
  });

  it('gives every stream a key, a cursor and its own minute in the hour', () => {
    const all = loadConnectorModules().flatMap((m) => m.create({ baseUrl: 'http://127.0.0.1:1', http }).streams);
    for (const s of all) {
      expect(s.primaryKey.length).toBeGreaterThan(0);
      expect(s.cursorField).toBe('updated_at');
      expect(s.defaultSchedule.split(' ')).toHaveLength(5);
    }
    const minutes = all.map((s) => s.defaultSchedule.split(' ')[0]);
    expect(new Set(minutes).size).toBe(all.length);
  });

  it('skips sdk, sandbox and folders without an index module', () => {
    expect(loadConnectorModules(join(FOLDERS, 'good')).map((m) => m.id)).toEqual(['a-source', 'b-source']);
  });

  it('rejects a module whose id is not its folder name', () => {
    expect(() => loadConnectorModules(join(FOLDERS, 'mismatched-id'))).toThrow("connectors/wrong-name/index: id 'other-name' must equal its folder name 'wrong-name'");
  });

  it('rejects a folder without a default-exported ConnectorModule', () => {
    expect(() => loadConnectorModules(join(FOLDERS, 'no-default'))).toThrow('connectors/thing/index must default-export a ConnectorModule');
  });

  it('rejects a module without a title', () => {
    expect(() => loadConnectorModules(join(FOLDERS, 'bad-title'))).toThrow('title must be a non-empty string');
  });
});
