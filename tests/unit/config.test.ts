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
    expect(c.host).toBeNull();
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT="eighty" is not a whole number/],
    [{ HASHWATT_POLL_INTERVAL_S: '0' }, /HASHWATT_POLL_INTERVAL_S="0"/],
    [{ HASHWATT_DEMO: 'maybe' }, /HASHWATT_DEMO="maybe" must be 1/],
    [{ HASHWATT_STALE_AFTER_POLLS: '5', HASHWATT_OFFLINE_AFTER_POLLS: '3' }, /must not be less than/],
    [{ HASHWATT_NETWORK_STALE_AFTER_S: '-1' }, /HASHWATT_NETWORK_STALE_AFTER_S="-1"/],
    [{ HASHWATT_CURRENCY: 'DOGE' }, /HASHWATT_CURRENCY="DOGE" must be one of USD, EUR/],
    [{ HASHWATT_HOST: 'hashwatt.example.com' }, /HASHWATT_HOST="hashwatt.example.com" is not an IP address: use 127.0.0.1/],
    [{ HASHWATT_HOST: '192.168.1.300' }, /HASHWATT_HOST="192.168.1.300" is not an IP address/],
  ])('refuses %o with a message naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('reads demo on and off', () => {
    expect(loadConfig({ HASHWATT_DEMO: '1' }).demo).toBe('on');
    expect(loadConfig({ HASHWATT_DEMO: '0' }).demo).toBe('off');
  });

  it('reads the listen address: an IPv4 or IPv6 address (brackets allowed) or localhost', () => {
    expect(loadConfig({ HASHWATT_HOST: ' 127.0.0.1 ' }).host).toBe('127.0.0.1');
    expect(loadConfig({ HASHWATT_HOST: '192.168.1.10' }).host).toBe('192.168.1.10');
    expect(loadConfig({ HASHWATT_HOST: '[::1]' }).host).toBe('::1');
    expect(loadConfig({ HASHWATT_HOST: 'localhost' }).host).toBe('localhost');
    expect(loadConfig({ HASHWATT_HOST: '' }).host).toBeNull();
  });
});
