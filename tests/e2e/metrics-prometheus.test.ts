/**
 * GET /metrics against `hashwatt start` with the demo, scraped by a real Prometheus (Debian's binary, on
 * a free loopback port with its own config and data folder) with Bearer tokens from files, as an
 * operator would set it up: Prometheus holds every rig at the values the Hashwatt API reports, promtool
 * accepts the exposition, a token limited to one site scrapes that site only, and without a token the
 * route answers 401.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_ADMIN, apiFetch } from '../support/session';
import { startPrometheus, promtoolCheckMetrics, type PromSample, type RunningPrometheus } from '../support/prometheus';
import { freePort, startSystem, type RunningSystem } from '../support/system';
import { tempDir } from '../support/temp';

type ApiRig = {
  id: number;
  name: string;
  siteId: number;
  siteName: string;
  connectivity: string;
  reading: {
    hashrateThs: number;
    powerW: number | null;
    powerSource: string | null;
    tempMaxC: number | null;
    algorithm?: string | null;
  } | null;
  economics: { profitPerKwh: number | null; breakevenPricePerKwh: number | null; currency: string } | null;
};

let dir: ReturnType<typeof tempDir>;
let system: RunningSystem;
let prom: RunningPrometheus;
let base: string;
let fleetToken: string;
let siteToken: string;
let rockdale: { id: number; name: string };

const admin = (path: string, method = 'GET', body?: unknown) =>
  apiFetch(
    base,
    path,
    { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) },
    TEST_ADMIN,
  );
const rigsNow = async () => ((await (await admin('/api/rigs')).json()) as { rigs: ApiRig[] }).rigs;
const scrape = (token?: string) => fetch(`${base}/metrics`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

async function until<T>(what: string, timeoutMs: number, probe: () => Promise<T | null>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const got = await probe();
    if (got !== null) return got;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function newToken(body: Record<string, unknown>): Promise<string> {
  const res = await admin('/api/tokens', 'POST', body);
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { secret: string }).secret;
}

beforeAll(async () => {
  dir = tempDir('hashwatt-metrics-');
  // A sweep every 4 s against a scrape every second: most scrapes see the sweep the API shows.
  system = await startSystem({
    PORT: String(await freePort()),
    HASHWATT_DB: `${dir.dir}/hashwatt.db`,
    HASHWATT_DEMO: '1',
    HASHWATT_DEMO_MINERS: '6',
    HASHWATT_POLL_INTERVAL_S: '4',
    HASHWATT_SIM_SUBNET: '127.0.151',
  });
  base = system.baseUrl;
  // Every online rig priced (the network state and BTC price are in), so the money series exist.
  const rigs = await until('every demo rig online with its economics', 120_000, async () => {
    const all = await rigsNow();
    return all.length === 6 && all.every((r) => r.connectivity === 'online' && r.economics?.profitPerKwh != null) ? all : null;
  });
  const site = rigs.find((r) => /rockdale/i.test(r.siteName))!;
  rockdale = { id: site.siteId, name: site.siteName };
  fleetToken = await newToken({ kind: 'api', role: 'viewer', name: 'prometheus' });
  siteToken = await newToken({ kind: 'api', role: 'viewer', name: 'prometheus rockdale', siteId: rockdale.id });
  const target = new URL(base).host;
  prom = await startPrometheus([
    { name: 'hashwatt', target, token: fleetToken },
    { name: 'hashwatt-rockdale', target, token: siteToken },
  ]);
  await until('Prometheus scraping both jobs', 60_000, async () => {
    const up = await prom.query('up');
    return up.length === 2 && up.every((s) => s.value === 1) ? true : null;
  });
}, 240_000);

afterAll(async () => {
  await prom?.stop();
  await system?.interrupt();
  dir?.cleanup();
});

/** The reading's power source as the series labels it (the words). */
const SOURCE_LABEL: Record<string, string> = { meter: 'meter', firmware: 'firmware', override: 'override', estimated: 'estimate' };
const byRig = (samples: PromSample[]) => new Map(samples.map((s) => [Number(s.metric.rig_id), s]));
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

/** Every difference between what Prometheus holds for the `hashwatt` job and what the API says of `rigs`; empty when they agree. */
async function differences(rigs: ApiRig[]): Promise<string[]> {
  const q = async (name: string) => byRig(await prom.query(`${name}{job="hashwatt"}`));
  const [hash, power, temp, profit, breakeven, online] = await Promise.all([
    q('hashwatt_rig_hashrate_hashes_per_second'),
    q('hashwatt_rig_power_watts'),
    q('hashwatt_rig_temperature_max_celsius'),
    q('hashwatt_rig_profit_per_kilowatt_hour'),
    q('hashwatt_rig_breakeven_price_per_kilowatt_hour'),
    prom.query('hashwatt_rig_connectivity{job="hashwatt",state="online"}').then(byRig),
  ]);
  const out: string[] = [];
  const expectSample = (what: string, got: PromSample | undefined, want: number, labels: Record<string, string> = {}) => {
    if (!got) return out.push(`${what}: missing (want ${want})`);
    if (!close(got.value, want)) out.push(`${what}: ${got.value}, API says ${want}`);
    for (const [k, v] of Object.entries(labels)) if (got.metric[k] !== v) out.push(`${what}: label ${k}=${got.metric[k]}, want ${v}`);
  };
  for (const rig of rigs) {
    const r = rig.reading!;
    const id = `rig ${rig.id} (${rig.name})`;
    const labels = { rig: rig.name, site: rig.siteName, site_id: String(rig.siteId) };
    expectSample(`${id} online`, online.get(rig.id), 1, labels);
    expectSample(`${id} hash rate`, hash.get(rig.id), r.hashrateThs * 1e12, { ...labels, algorithm: 'sha256' });
    if (r.powerW !== null) expectSample(`${id} power`, power.get(rig.id), r.powerW, { source: SOURCE_LABEL[r.powerSource!] });
    if (r.tempMaxC !== null) expectSample(`${id} temperature`, temp.get(rig.id), r.tempMaxC);
    expectSample(`${id} profit per kWh`, profit.get(rig.id), rig.economics!.profitPerKwh!, { currency: rig.economics!.currency });
    expectSample(`${id} breakeven`, breakeven.get(rig.id), rig.economics!.breakevenPricePerKwh!, { currency: rig.economics!.currency });
  }
  if (hash.size !== rigs.length) out.push(`${hash.size} rig hash rate series for ${rigs.length} rigs`);
  return out;
}

describe('GET /metrics scraped by Prometheus', { timeout: 180_000 }, () => {
  it('answers 401 without a token or with a wrong one, and 403 to a kiosk token', async () => {
    const anonymous = await scrape();
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { error: string }).error).toMatch(/sign in required/);
    const wrong = await scrape(`hw_api_${'A'.repeat(43)}`);
    expect(wrong.status).toBe(401);
    expect(((await wrong.json()) as { error: string }).error).toMatch(/Bearer token is unknown, revoked or malformed/);
    const kiosk = ((await (await admin('/api/tokens', 'POST', { kind: 'kiosk' })).json()) as { secret: string }).secret;
    expect((await scrape(kiosk)).status).toBe(403);
  });

  it('is the Prometheus text format that promtool accepts', async () => {
    const res = await scrape(fleetToken);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    expect(text).toContain('# TYPE hashwatt_rig_hashrate_hashes_per_second gauge');
    expect(text).not.toMatch(/\bNaN\b|[+-]Inf\b/);
    const check = promtoolCheckMetrics(text);
    expect(check, check.output).toEqual({ code: 0, output: '' });
  });

  it('holds every rig at the values the Hashwatt API reports', async () => {
    // A scrape may land before the sweep the API shows: compare on a round where the API did not change.
    let last: string[] = [];
    const agreed = await until('Prometheus and the API to agree on one sweep', 60_000, async () => {
      const before = await rigsNow();
      last = await differences(before);
      const after = await rigsNow();
      return last.length === 0 && JSON.stringify(before) === JSON.stringify(after) ? before : null;
    }).catch(() => null);
    expect(last).toEqual([]);
    expect(agreed).not.toBeNull();
    const network = ((await (await admin('/api/network')).json()) as { network: { difficulty: number } }).network;
    expect((await prom.query('hashwatt_network_difficulty{job="hashwatt"}'))[0].value).toBe(network.difficulty);
    expect((await prom.query('hashwatt_collector_last_sweep_age_seconds{job="hashwatt"}'))[0].value).toBeLessThan(60);
  });

  it('gives a token limited to one site only that site: its rigs, its totals, never another site', async () => {
    const series = await prom.query('{job="hashwatt-rockdale"}');
    const sites = new Set(series.filter((s) => s.metric.site !== undefined).map((s) => s.metric.site));
    expect([...sites]).toEqual([rockdale.name]);
    const rigs = await rigsNow();
    const mine = rigs.filter((r) => r.siteId === rockdale.id);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.length).toBeLessThan(rigs.length);
    const seen = await prom.query('hashwatt_rig_connectivity{job="hashwatt-rockdale",state="online"}');
    expect(seen.map((s) => Number(s.metric.rig_id)).sort()).toEqual(mine.map((r) => r.id).sort());
    // Fleet totals over the site only: the same as that site's own sum.
    const [fleet] = await prom.query('hashwatt_fleet_hashrate_hashes_per_second{job="hashwatt-rockdale"}');
    const [site] = await prom.query('hashwatt_site_hashrate_hashes_per_second{job="hashwatt-rockdale"}');
    expect(fleet.value).toBeGreaterThan(0);
    expect(fleet.value).toBe(site.value);
    expect(await prom.query('hashwatt_collector_last_sweep_failed_polls{job="hashwatt-rockdale"}')).toEqual([]);
    const text = await (await scrape(siteToken)).text();
    expect(text).not.toMatch(/baie-comeau/i);
    expect(text).toContain(`site="${rockdale.name}"`);
  });
});
