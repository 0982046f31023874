import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, getAppConfig, loadAppConfig, loadConfig, loadSimulatorConfig, setAppConfig } from '../../../lib/config';

const HOLDER = Symbol.for('hashwatt.appConfig');

describe('loadAppConfig: the web process reads its environment once', () => {
  it('parses the shared, web and source settings into one typed object', () => {
    const app = loadAppConfig({ PORT: '3100', HASHWATT_TRUSTED_PROXIES: '::ffff:10.0.0.1', HASHWATT_MEMPOOL_URL: 'http://10.0.0.9/api/' });
    expect(app.config.port).toBe(3100);
    expect(app.web.trustedProxies).toEqual(['10.0.0.1']);
    expect(app.sources.settings).toMatchObject({ networkSource: 'mempool', mempoolBaseUrl: 'http://10.0.0.9/api' });
    expect(app.sources.error).toBeNull();
  });

  it.each([
    [{ HASHWATT_POLL_CONCURRENCY: '0' }, 'HASHWATT_POLL_CONCURRENCY="0" is not a whole number from 1 to 4096'],
    [{ HASHWATT_PUBLIC_URL: 'ftp://x' }, 'HASHWATT_PUBLIC_URL="ftp://x" must be an http or https URL'],
    [{ HASHWATT_SIM_SUBNET: '10.0.0' }, 'HASHWATT_SIM_SUBNET="10.0.0" must be three octets of the loopback range, e.g. 127.0.1'],
    [{ HASHWATT_TLS_KEY: '/k.pem' }, 'HASHWATT_TLS_CERT and HASHWATT_TLS_KEY must be set together (PEM certificate and private key files)'],
    [{ HASHWATT_SESSION_TTL_H: '1.5' }, 'HASHWATT_SESSION_TTL_H="1.5" is not a whole number from 1 to 9600'],
    [{ HASHWATT_DEMO_MINERS: '10001' }, 'HASHWATT_DEMO_MINERS="10001" is not a whole number from 1 to 10000'],
    [
      { HASHWATT_DEMO_MINERS: '10000', HASHWATT_SIM_SUBNET: '127.0.230' },
      'HASHWATT_DEMO_MINERS (10000) do not fit in HASHWATT_SIM_SUBNET 127.0.230.x (254 miners per third octet, the last would be 269): choose a lower third octet',
    ],
  ])('refuses %o with the line operators see', (env, message) => {
    expect(() => loadAppConfig(env)).toThrow(ConfigError);
    expect(() => loadAppConfig(env)).toThrow(message);
  });

  it('keeps a malformed source setting as its message for the settings screen instead of refusing to start', () => {
    const app = loadAppConfig({ HASHWATT_NETWORK_SOURCE: 'carrier-pigeon' });
    expect(app.sources.settings).toBeNull();
    expect(app.sources.error).toBe('HASHWATT_NETWORK_SOURCE="carrier-pigeon" must be mempool, bitcoind or none');
  });

  it('derives the defaults that depend on other settings', () => {
    expect(loadConfig({ HASHWATT_POLL_INTERVAL_S: '1' }).requestTimeoutMs).toBe(1000);
    expect(loadConfig({}).requestTimeoutMs).toBe(3000);
    expect(loadConfig({ HASHWATT_POLL_INTERVAL_S: '1', HASHWATT_REQUEST_TIMEOUT_MS: '2500' }).requestTimeoutMs).toBe(2500);
    expect(() => loadConfig({ HASHWATT_REQUEST_TIMEOUT_MS: '50' })).toThrow(
      'HASHWATT_REQUEST_TIMEOUT_MS="50" is not a whole number from 100 to 60000',
    );
    // A 10,000-miner demo on the default subnet: 127.0.1.1 .. 127.0.40.94.
    expect(loadConfig({ HASHWATT_DEMO_MINERS: '10000' }).demoMiners).toBe(10_000);
    expect(loadConfig({ HASHWATT_DB: '/srv/h.db' }).manifestPath).toBe('/srv/h.db.simulator-manifest.json');
  });
});

describe('the holder of the web settings', () => {
  afterEach(() => {
    delete (globalThis as Record<symbol, unknown>)[HOLDER];
  });

  it('refuses to be read before server.ts set it, saying who sets it', () => {
    expect(() => getAppConfig()).toThrow(
      'the web settings are not loaded: server.ts sets them at start (setAppConfig) before any route or page runs',
    );
  });

  it('answers what server.ts set, to every reader', () => {
    const app = loadAppConfig({ HASHWATT_CURRENCY: 'eur' });
    setAppConfig(app);
    expect(getAppConfig()).toBe(app);
    expect(getAppConfig().config.currency).toBe('EUR');
  });
});

describe('loadSimulatorConfig', () => {
  it('has the simulator process defaults', () => {
    expect(loadSimulatorConfig({})).toEqual({
      miners: 48,
      subnet: '127.0.1',
      port: 4028,
      manifestPath: 'data/simulator-manifest.json',
      seed: undefined,
      httpPort: 8999,
    });
    expect(loadSimulatorConfig({ HASHWATT_SIM_SEED: '7', HASHWATT_DEMO_MINERS: '3' })).toMatchObject({ seed: 7, miners: 3 });
  });

  it('refuses a bad count with the message the simulator printed before', () => {
    expect(() => loadSimulatorConfig({ HASHWATT_SIM_PORT: 'x' })).toThrow('HASHWATT_SIM_PORT must be a non-negative integer, got "x"');
    expect(() => loadSimulatorConfig({ HASHWATT_SIM_SEED: '-1' })).toThrow('HASHWATT_SIM_SEED must be a non-negative integer, got "-1"');
  });
});
