import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../lib/config';

describe('loadConfig', () => {
  it('has the documented defaults', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.dbPath.endsWith('data/hashwatt.db')).toBe(true);
    expect(c.demo).toBe('auto');
    expect(c.demoMiners).toBe(48);
    expect(c.pollIntervalS).toBe(10);
    expect(c.staleAfterPolls).toBe(2);
    expect(c.offlineAfterPolls).toBe(6);
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT="eighty" is not a whole number/],
    [{ HASHWATT_POLL_INTERVAL_S: '0' }, /HASHWATT_POLL_INTERVAL_S="0"/],
    [{ HASHWATT_DEMO: 'maybe' }, /HASHWATT_DEMO="maybe" must be 1/],
    [{ HASHWATT_STALE_AFTER_POLLS: '5', HASHWATT_OFFLINE_AFTER_POLLS: '3' }, /must not be less than/],
    [{ HASHWATT_NETWORK_STALE_AFTER_S: '-1' }, /HASHWATT_NETWORK_STALE_AFTER_S="-1"/],
    [{ HASHWATT_CURRENCY: 'DOGE' }, /HASHWATT_CURRENCY="DOGE" must be one of USD, EUR/],
  ])('refuses %o with a message naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('reads demo on and off', () => {
    expect(loadConfig({ HASHWATT_DEMO: '1' }).demo).toBe('on');
    expect(loadConfig({ HASHWATT_DEMO: '0' }).demo).toBe('off');
  });
});
