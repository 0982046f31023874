/**
 * Rig, site and fleet series of /metrics from the rig views and the latest sweep's economics. Readings
 * count only while a rig is online (a stale or offline rig's series disappear, so Prometheus marks them
 * stale instead of keeping a last value), and only when they pass the plausibility table, like the fleet
 * totals. Site and fleet figures are sums over the rigs given (the caller passes only what the principal
 * sees). Pure.
 */
import { fleetTotals } from '../domain/fleet';
import { gpuAlgorithmBound, summable } from '../domain/plausibility';
import { hashesSha256, type Connectivity, type PowerSource, type Reading } from '../domain/reading';
import type { EconomicsFigures } from '../economics/types';
import type { EconomicsSnapshot, RigView } from '../views/contracts';
import { gaugeFamily, type FamilyBuilder, type Labels, type MetricFamily } from './families';

/** A site as /metrics labels and prices it. */
export interface MetricsSite {
  id: number;
  name: string;
  currency: string;
  /** The price in force now per kWh, in the site currency; null when the site has no valid tariff. */
  pricePerKwh: number | null;
}

const TH = 1e12;
const STATES: readonly Connectivity[] = ['online', 'stale', 'offline'];
/** The words for where a power figure comes from (the reading says "estimated"). */
const SOURCE: Readonly<Record<PowerSource, string>> = { meter: 'meter', firmware: 'firmware', override: 'override', estimated: 'estimate' };

const RIG_LABELS = ['rig_id', 'rig', 'site_id', 'site', 'model', 'driver'] as const;
const SITE_LABELS = ['site_id', 'site'] as const;

/** The reading of an online rig that may be summed, else null. */
function liveReading(rig: RigView): Reading | null {
  return rig.connectivity === 'online' && rig.reading && summable(rig.reading, rig.model) ? rig.reading : null;
}

/** What a hash rate is of: "sha256", a GPU algorithm family of the plausibility table, or null (unknown). */
function algorithmOf(r: Reading): string | null {
  if (hashesSha256(r)) return 'sha256';
  return gpuAlgorithmBound(r.algorithm)?.family ?? null;
}

/** Power by source over rigs (a rig without a source counts as "unknown"). */
function powerBySource(rigs: readonly RigView[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const rig of rigs) {
    const r = liveReading(rig);
    if (r?.powerW == null) continue;
    const source = r.powerSource ? SOURCE[r.powerSource] : 'unknown';
    out.set(source, (out.get(source) ?? 0) + r.powerW);
  }
  return out;
}

function maxTempC(rigs: readonly RigView[]): number | null {
  let max: number | null = null;
  for (const rig of rigs) {
    const t = rig.connectivity === 'online' ? rig.reading?.tempMaxC : null;
    if (typeof t === 'number' && Number.isFinite(t) && (max === null || t > max)) max = t;
  }
  return max;
}

/** The families of one level (rig, site or fleet) that share their shape. */
function levelFamilies(level: 'rig' | 'site' | 'fleet', labelNames: readonly string[], what: string) {
  const f = (name: string, help: string, extra: string[] = []) =>
    gaugeFamily(`hashwatt_${level}_${name}`, `${help} (${what}).`, [...labelNames, ...extra]);
  return {
    hashrate: f(
      'hashrate_hashes_per_second',
      'Hash rate in hashes per second of its algorithm; only SHA-256 counts in site and fleet sums',
      level === 'rig' ? ['algorithm'] : [],
    ),
    power: f('power_watts', 'Wall power in watts by where the figure comes from (meter, firmware, override, estimate)', ['source']),
    temp: f('temperature_max_celsius', 'Hottest chip or board sensor, degrees Celsius'),
    profit: f('profit_per_kilowatt_hour', 'Profit per kWh now in the currency label (breakeven minus the price of power)', ['currency']),
    breakeven: f('breakeven_price_per_kilowatt_hour', 'Power price per kWh at which revenue equals cost, in the currency label', [
      'currency',
    ]),
  };
}

type Level = ReturnType<typeof levelFamilies>;

function setEconomics(fams: Level, labels: Labels, e: EconomicsFigures | null | undefined) {
  if (!e) return;
  fams.profit.set({ ...labels, currency: e.currency }, e.profitPerKwh);
  fams.breakeven.set({ ...labels, currency: e.currency }, e.breakevenPricePerKwh);
}

/** Sums of a group of rigs: SHA-256 hash rate, power by source, hottest sensor, rigs by connectivity. */
function setSums(fams: Level, rigsFam: FamilyBuilder, labels: Labels, rigs: readonly RigView[]) {
  const totals = fleetTotals(rigs, null);
  fams.hashrate.set(labels, totals.hashrateThs * TH);
  for (const [source, w] of powerBySource(rigs)) fams.power.set({ ...labels, source }, w);
  fams.temp.set(labels, maxTempC(rigs));
  const count: Record<Connectivity, number> = { online: totals.rigsOnline, stale: totals.rigsStale, offline: totals.rigsOffline };
  for (const state of STATES) rigsFam.set({ ...labels, state }, count[state]);
}

/**
 * Every rig, site and fleet family for `rigs` and `sites` (already limited to what the principal sees),
 * with `economics` for rigs and sites and `fleetEconomics` for the totals (null: none computed).
 */
export function fleetFamilies(
  rigs: readonly RigView[],
  sites: readonly MetricsSite[],
  economics: EconomicsSnapshot,
  fleetEconomics: EconomicsFigures | null,
): MetricFamily[] {
  const rig = levelFamilies('rig', RIG_LABELS, 'per rig, while it is online');
  const connectivity = gaugeFamily(
    'hashwatt_rig_connectivity',
    'Whether the collector hears from the rig: 1 for its state (online, stale, offline), 0 for the others.',
    [...RIG_LABELS, 'state'],
  );
  const lastSeen = gaugeFamily('hashwatt_rig_last_seen_timestamp_seconds', 'When the rig last answered a poll, Unix seconds.', RIG_LABELS);
  const site = levelFamilies('site', SITE_LABELS, 'per site, sums over its online rigs');
  const siteRigs = gaugeFamily('hashwatt_site_rigs', 'Rigs of the site by connectivity (online, stale, offline).', [
    ...SITE_LABELS,
    'state',
  ]);
  const sitePrice = gaugeFamily(
    'hashwatt_site_price_per_kilowatt_hour',
    "The site's power price in force now per kWh, in the currency label.",
    [...SITE_LABELS, 'currency'],
  );
  const fleet = levelFamilies('fleet', [], 'the fleet, sums over the sites the token sees');
  const fleetRigs = gaugeFamily('hashwatt_fleet_rigs', 'Rigs by connectivity (online, stale, offline) over the sites the token sees.', [
    'state',
  ]);
  const fleetPrice = gaugeFamily(
    'hashwatt_fleet_price_per_kilowatt_hour',
    'Energy-weighted power price now per kWh over the sites the token sees, in the currency label.',
    ['currency'],
  );
  const sitesById = new Map(sites.map((s) => [s.id, s]));

  for (const r of rigs) {
    const labels: Labels = {
      rig_id: String(r.id),
      rig: r.name,
      site_id: String(r.siteId),
      site: sitesById.get(r.siteId)?.name ?? r.siteName,
      model: r.model ?? '',
      driver: r.driver,
    };
    for (const state of STATES) connectivity.set({ ...labels, state }, state === r.connectivity ? 1 : 0);
    lastSeen.set(labels, r.lastSeenMs === null ? null : r.lastSeenMs / 1000);
    const reading = liveReading(r);
    if (!reading) continue;
    const algorithm = algorithmOf(reading);
    if (algorithm !== null) rig.hashrate.set({ ...labels, algorithm }, reading.hashrateThs * TH);
    if (reading.powerW !== null)
      rig.power.set({ ...labels, source: reading.powerSource ? SOURCE[reading.powerSource] : 'unknown' }, reading.powerW);
    rig.temp.set(labels, reading.tempMaxC);
    setEconomics(rig, labels, economics.rigs[r.id]);
  }

  for (const s of sites) {
    const labels: Labels = { site_id: String(s.id), site: s.name };
    setSums(
      site,
      siteRigs,
      labels,
      rigs.filter((r) => r.siteId === s.id),
    );
    setEconomics(site, labels, economics.sites[s.id]);
    sitePrice.set({ ...labels, currency: s.currency }, s.pricePerKwh);
  }

  setSums(fleet, fleetRigs, {}, rigs);
  setEconomics(fleet, {}, fleetEconomics);
  if (fleetEconomics) fleetPrice.set({ currency: fleetEconomics.currency }, fleetEconomics.pricePerKwh);

  const levels = [rig, site, fleet].flatMap((l) => Object.values(l));
  return [...levels, connectivity, lastSeen, siteRigs, sitePrice, fleetRigs, fleetPrice].map((b) => b.family);
}
