/**
 * Where the API lets settings send things, against `hashwatt start` (demo on 127.0.177.x, 4 miners):
 * a file: tariff feed and a bitcoind cookie path are the environment's or the CLI's to set, never the
 * API's; a secret sent back as "<redacted>" is kept only for the destination it was entered for (channel,
 * pool, bitcoind); an alert channel may not point at this machine or a metadata service unless the
 * operator listed the host (HASHWATT_NOTIFY_PRIVATE_HOSTS). Each refusal leaves what was stored as it was.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFetch } from '../support/session';
import { freePort, startSystem, type RunningSystem } from '../support/system';
import { tempDir } from '../support/temp';

let dir: ReturnType<typeof tempDir>;
let system: RunningSystem | null = null;
let base = '';
let cookie = '';

beforeAll(async () => {
  dir = tempDir('hashwatt-outbound-');
  cookie = `${dir.dir}/bitcoin/.cookie`;
  system = await startSystem({
    PORT: String(await freePort()),
    HASHWATT_DB: `${dir.dir}/hashwatt.db`,
    HASHWATT_DEMO: '1',
    HASHWATT_DEMO_MINERS: '4',
    HASHWATT_POLL_INTERVAL_S: '1',
    HASHWATT_SIM_SUBNET: '127.0.177',
    HASHWATT_NOTIFY_PRIVATE_HOSTS: '127.0.177.251',
    HASHWATT_BITCOIND_COOKIE: cookie,
    HASHWATT_BITCOIND_URL: 'http://127.0.0.1:8332/',
  });
  base = system.baseUrl;
});

afterAll(async () => {
  if (system) await system.interrupt();
  dir?.cleanup();
});

async function api<T = Record<string, unknown>>(
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: T & { errors?: string[]; error?: string } }> {
  const res = await apiFetch(base, path, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as T & { errors?: string[]; error?: string } };
}
const errorsOf = (r: { json: { errors?: string[] } }) => (r.json.errors ?? []).join(' | ');

describe('settings that name files on the server', { timeout: 60_000 }, () => {
  it('a file: tariff feed is refused through the API, saying where it can be set; the stored tariff stays', async () => {
    const { json } = await api<{ sites: { id: number; tariff: unknown }[] }>('GET', '/api/sites');
    const site = json.sites[0];
    for (const url of ['file:///etc/passwd', 'file:///proc/self/environ']) {
      const res = await api('PUT', `/api/sites/${site.id}/tariff`, {
        kind: 'realtime',
        url,
        priceField: 'price',
        fallbackPricePerKwh: 0.06,
      });
      expect(res.status).toBe(400);
      expect(errorsOf(res)).toContain(
        'a file: feed can be set only on the command line (`npx hashwatt tariff set --site NAME --realtime-url file:///path ...`), not through the API',
      );
    }
    const after = await api<{ sites: { id: number; tariff: unknown }[] }>('GET', '/api/sites');
    expect(after.json.sites.find((s) => s.id === site.id)!.tariff).toEqual(site.tariff);
    // An http(s) feed is the API's to set.
    expect(
      (
        await api('PUT', `/api/sites/${site.id}/tariff`, {
          kind: 'realtime',
          url: 'https://grid.example/price.json',
          priceField: 'price',
          fallbackPricePerKwh: 0.06,
        })
      ).status,
    ).toBe(200);
  });

  it("a bitcoind cookie path is refused unless it is the environment's, and then only for the environment's node", async () => {
    const settings = (bitcoind: Record<string, unknown>) => ({
      networkSource: 'bitcoind',
      bitcoind: { feeBlocks: 144, ...bitcoind },
      currency: 'USD',
      intervalS: 60,
      timeoutMs: 5000,
    });
    const foreign = await api(
      'PUT',
      '/api/settings/sources',
      settings({ url: 'http://127.0.0.1:8332/', cookiePath: '/proc/self/environ' }),
    );
    expect(foreign.status).toBe(400);
    expect(errorsOf(foreign)).toContain(
      'bitcoind.cookiePath can be set only by HASHWATT_BITCOIND_COOKIE in the environment, not through the API',
    );
    const elsewhere = await api('PUT', '/api/settings/sources', settings({ url: 'http://attacker.example:8332/', cookiePath: cookie }));
    expect(elsewhere.status).toBe(400);
    expect(errorsOf(elsewhere)).toContain(
      'bitcoind.cookiePath (HASHWATT_BITCOIND_COOKIE) is sent only to the node of HASHWATT_BITCOIND_URL (http://127.0.0.1:8332)',
    );
    expect((await api<{ from: string }>('GET', '/api/settings/sources')).json.from).toBe('environment');
    expect((await api('PUT', '/api/settings/sources', settings({ url: 'http://127.0.0.1:8332/', cookiePath: cookie }))).status).toBe(200);
  });
});

describe('a stored secret goes only where it was entered for', { timeout: 60_000 }, () => {
  it('bitcoind: the password sent back as <redacted> is kept for the same node, refused for another', async () => {
    const settings = (url: string, password: string) => ({
      networkSource: 'bitcoind',
      bitcoind: { url, user: 'rpc', password, feeBlocks: 144 },
      currency: 'USD',
      intervalS: 60,
      timeoutMs: 5000,
    });
    expect((await api('PUT', '/api/settings/sources', settings('http://10.0.0.2:8332/', 'rpc-secret-password'))).status).toBe(200);
    const moved = await api('PUT', '/api/settings/sources', settings('http://attacker.example:8332/', '<redacted>'));
    expect(moved.status).toBe(400);
    expect(errorsOf(moved)).toBe(
      'bitcoind.password must be entered again: the stored one was sent to http://10.0.0.2:8332, and these settings send it to http://attacker.example:8332',
    );
    const kept = await api<{ settings: { bitcoind: { url: string; password: string } } }>('PUT', '/api/settings/sources', {
      ...settings('http://10.0.0.2:8332/', '<redacted>'),
      intervalS: 30,
    });
    expect(kept.status).toBe(200);
    expect(kept.json.settings.bitcoind).toMatchObject({ url: 'http://10.0.0.2:8332/', password: '<redacted>' });
  });

  it('a channel: its secret sent back as <redacted> is refused once the URL points elsewhere', async () => {
    const created = await api<{ channel: { id: number } }>('POST', '/api/alerts/channels', {
      name: 'lan hook',
      config: { kind: 'webhook', url: 'http://127.0.177.251:9000/hook', secret: 'a-webhook-secret-of-16+' },
    });
    expect(created.status).toBe(201);
    const id = created.json.channel.id;
    const moved = await api('PUT', `/api/alerts/channels/${id}`, {
      config: { kind: 'webhook', url: 'https://attacker.example/collect', secret: '<redacted>' },
    });
    expect(moved.status).toBe(400);
    expect(errorsOf(moved)).toBe(
      'webhook channel: secret must be entered again: the stored one was sent to http://127.0.177.251:9000, and these settings send it to https://attacker.example',
    );
    expect((await api<{ channel: { config: { url: string } } }>('GET', `/api/alerts/channels/${id}`)).json.channel.config.url).toBe(
      'http://127.0.177.251:9000/hook',
    );
    expect(
      (
        await api('PUT', `/api/alerts/channels/${id}`, {
          config: { kind: 'webhook', url: 'http://127.0.177.251:9000/other', secret: '<redacted>' },
        })
      ).status,
    ).toBe(200);
  });

  it('a pool: its token sent back as <redacted> is refused once baseUrl points elsewhere', async () => {
    const created = await api<{ pool: { id: number } }>('POST', '/api/pools', {
      name: 'Braiins main',
      kind: 'braiins',
      credentials: { token: 'pool-token-secret' },
      matchUrl: 'braiins',
    });
    expect(created.status).toBe(201);
    const moved = await api('PUT', `/api/pools/${created.json.pool.id}`, {
      name: 'Braiins main',
      kind: 'braiins',
      baseUrl: 'https://collector.attacker.example',
      credentials: { token: '<redacted>' },
      matchUrl: 'braiins',
    });
    expect(moved.status).toBe(400);
    expect(errorsOf(moved)).toBe(
      'credentials.token must be entered again: the stored one was sent to https://pool.braiins.com, and these settings send it to https://collector.attacker.example',
    );
  });
});

describe('where an alert channel may point', { timeout: 60_000 }, () => {
  it.each([
    ['http://127.0.0.1:8332/', '127.0.0.1 is a loopback address: to send there, list it in HASHWATT_NOTIFY_PRIVATE_HOSTS'],
    ['http://10.1.2.3/hook', '10.1.2.3 is a private (RFC 1918) address: to send there, list it in HASHWATT_NOTIFY_PRIVATE_HOSTS'],
    ['http://169.254.169.254/latest/meta-data/', '169.254.169.254 is a cloud metadata service address: never reached'],
    ['http://[::1]:9000/hook', '::1 is a loopback address: to send there, list it in HASHWATT_NOTIFY_PRIVATE_HOSTS'],
  ])('refuses a webhook to %s unless listed', async (url, why) => {
    const res = await api('POST', '/api/alerts/channels', {
      name: `hook ${url}`,
      config: { kind: 'webhook', url, secret: 'a-webhook-secret-of-16+' },
    });
    expect(res.status).toBe(400);
    expect(errorsOf(res)).toBe(
      `webhook channel: ${why}${why.endsWith('PRIVATE_HOSTS') ? ' (host names, addresses or ranges, comma separated)' : ''}`,
    );
  });
});
