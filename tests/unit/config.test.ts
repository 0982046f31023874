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

  it('reads HASHWATT_SECRET_KEY as hex or base64 of 32 bytes, and never echoes a bad one', () => {
    const key = Buffer.from(Array.from({ length: 32 }, (_, i) => i));
    expect(loadConfig({}).secretKey).toBeNull();
    expect(loadConfig({ HASHWATT_SECRET_KEY: key.toString('hex') }).secretKey).toEqual(key);
    expect(loadConfig({ HASHWATT_SECRET_KEY: ` ${key.toString('base64')}\n` }).secretKey).toEqual(key);
    expect(() => loadConfig({ HASHWATT_SECRET_KEY: 'hunter2-almost-a-key' })).toThrow(/^(?!.*hunter2)/);
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
    [{ HASHWATT_SECRET_KEY: 'too-short' }, /^HASHWATT_SECRET_KEY is not a key: give 32 bytes as 64 hex digits or as base64/],
    [{ HASHWATT_SECRET_KEY: 'ab'.repeat(31) }, /^HASHWATT_SECRET_KEY is not a key/],
    [{ HASHWATT_SECRET_KEY: Buffer.alloc(31, 7).toString('base64') }, /^HASHWATT_SECRET_KEY is not a key/],
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
