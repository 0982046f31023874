/**
 * Realized reports from the stored buckets in a real SQLite file with two sites in two zones and
 * currencies: site rows sum to the fleet row, a site-limited principal gets only their site (another
 * site's id is unknown, the fleet is theirs alone), a range before the first kept day says how far back
 * data goes, and the CSV of a site whose name starts with "=" is safe.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addRealized } from '../../../lib/db/mutations/write-realized';
import { addRigsToSite } from '../../../lib/db/mutations/add-rigs';
import { createSite } from '../../../lib/db/mutations/sites';
import { realizedReport, reportCsv } from '../../../lib/db/queries/realized-report';
import { realizedHistory } from '../../../lib/db/queries/realized-history';
import { setFleetTimeZone } from '../../../lib/db/mutations/fleet-time-zone';
import { rigsByEndpoint } from '../../../lib/db/queries/rigs';
import { realizedPieces, type RealizedSite } from '../../../lib/realized/accumulate';
import type { Reading } from '../../../lib/domain/reading';
import { NEW_SITE_DEFAULTS } from '../../../lib/settings/site-input';
import { writeTransaction } from '../../../lib/db/transactions';
import { tempDb } from '../../support/temp';

const t = tempDb();
const db = t.db;
let texas = 0;
let quebec = 0;
let texasRig = 0;
let quebecRig = 0;
const NOW = Date.parse('2026-12-07T18:00:00Z');
const MIN = 60_000;

const reading = (powerW: number): Reading => ({
  driver: 'antminer',
  make: 'Bitmain',
  model: 'S21',
  firmware: 'x',
  status: 'mining',
  hashrateThs: 200,
  expectedHashrateThs: 200,
  powerW,
  powerSource: 'meter',
  efficiencyJth: null,
  boards: [],
  tempMaxC: 60,
  fansRpm: [],
  pools: [],
  uptimeS: 1,
  hardwareErrors: 0,
});

beforeAll(() => {
  const site = (name: string, timeZone: string, currency: string) => {
    const res = createSite(db, { ...NEW_SITE_DEFAULTS, name, timeZone, currency }, 1);
    if (!res.ok) throw new Error(res.error.message);
    return res.value;
  };
  texas = site('=Texas', 'America/Chicago', 'USD');
  quebec = site('Quebec', 'America/Toronto', 'CAD');
  const rig = (siteId: number, address: string) => {
    addRigsToSite(db, siteId, [{ address, port: 4028, driver: 'antminer', model: null, algorithm: 'sha256' }], {
      nowMs: 1,
      defaultPorts: {},
    });
    return rigsByEndpoint(db).get(`${address}:4028`)!.id;
  };
  texasRig = rig(texas, '10.0.0.1');
  quebecRig = rig(quebec, '10.0.0.2');
  const sites = new Map<number, RealizedSite>([
    [
      texas,
      { id: texas, timeZone: 'America/Chicago', currency: 'USD', pue: 1, poolFeePct: 2, tariff: { kind: 'flat', pricePerKwh: 0.05 } },
    ],
    [
      quebec,
      { id: quebec, timeZone: 'America/Toronto', currency: 'CAD', pue: 1.2, poolFeePct: 2, tariff: { kind: 'flat', pricePerKwh: 0.06 } },
    ],
  ]);
  const market = {
    network: { difficulty: 1.48e14, subsidySats: 312_500_000, feesPerBlockSats: 3_600_000 },
    prices: { USD: 90_000, CAD: 120_000 },
    fleetCurrency: 'USD',
  };
  // Two days of minutes: 2026-12-05 18:00 UTC to 2026-12-07 18:00 UTC, 1 kW in Texas, 2 kW in Quebec.
  writeTransaction(db, () => {
    for (let ts = NOW - 2 * 86_400_000; ts < NOW; ts += MIN) {
      const rigs = [
        { rigId: texasRig, siteId: texas, pollMs: ts + MIN, reading: reading(1000), poolFeePct: null, prevReadingMs: ts, prevPollMs: ts },
        { rigId: quebecRig, siteId: quebec, pollMs: ts + MIN, reading: reading(2000), poolFeePct: null, prevReadingMs: ts, prevPollMs: ts },
      ];
      addRealized(db, realizedPieces(rigs, sites, market, 3 * MIN), [], 'USD');
    }
  });
});
afterAll(() => t.cleanup());

const q = (s: string) => new URLSearchParams(s);

describe('realized reports', () => {
  it('a site per day in its own zone: hand-computed kWh and cost', () => {
    const out = realizedReport(db, null, { kind: 'site', raw: String(texas) }, q('from=2026-12-05&to=2026-12-07'), NOW, 'USD');
    if (!out.ok) throw new Error(out.error.message);
    const { rows, total } = out.value;
    // Chicago is UTC-6: 12:00 to 24:00 on the 5th, all of the 6th, 00:00 to 12:00 on the 7th.
    expect(rows.map((r) => [r.period, r.start, Number(r.kwh.toFixed(6))])).toEqual([
      ['2026-12-05', '2026-12-05T00:00:00-06:00', 12],
      ['2026-12-06', '2026-12-06T00:00:00-06:00', 24],
      ['2026-12-07', '2026-12-07T00:00:00-06:00', 12],
    ]);
    expect(total.cost).toBeCloseTo(48 * 0.05, 9);
    expect(total.avgPricePerKwh).toBeCloseTo(0.05, 12);
    expect(total.uptimePct).toBeCloseTo(100, 9);
    expect(total.mixPct).toEqual({ meter: 100, firmware: 0, override: 0, estimate: 0 });
  });

  it('site rows sum to the fleet row (energy; money in the fleet currency)', () => {
    const fleet = realizedReport(db, null, { kind: 'fleet' }, q('from=2026-12-01&to=2026-12-07&period=week'), NOW, 'USD');
    if (!fleet.ok) throw new Error(fleet.error.message);
    // 2 days x 24 h x (1 kW + 2 kW x PUE 1.2) = 163.2 kWh; cost 48 x 0.05 USD + 115.2 x 0.06 CAD at 90/120.
    expect(fleet.value.total.kwh).toBeCloseTo(163.2, 9);
    expect(fleet.value.total.cost).toBeCloseTo(2.4 + 115.2 * 0.06 * 0.75, 9);
    const sites = [texas, quebec].map((id) =>
      realizedReport(db, null, { kind: 'site', raw: String(id) }, q('from=2026-12-01&to=2026-12-07'), NOW, 'USD'),
    );
    const kwh = sites.reduce((s, o) => s + (o.ok ? o.value.total.kwh : NaN), 0);
    expect(fleet.value.total.kwh).toBeCloseTo(kwh, 9);
  });

  it('a site-limited principal gets their site only: another site is unknown, the fleet is theirs', () => {
    const other = realizedReport(db, [texas], { kind: 'site', raw: String(quebec) }, q(''), NOW, 'USD');
    const missing = realizedReport(db, [texas], { kind: 'site', raw: '999' }, q(''), NOW, 'USD');
    expect(other).toEqual({
      ok: false,
      error: { reason: 'invalid', message: `unknown site "${quebec}": site must be the id of one of your sites or "fleet"` },
    });
    expect(missing).toEqual({
      ok: false,
      error: { reason: 'invalid', message: other.ok ? '' : other.error.message.replace(String(quebec), '999') },
    });
    const fleet = realizedReport(db, [texas], { kind: 'fleet' }, q('from=2026-12-01&to=2026-12-07'), NOW, 'USD');
    if (!fleet.ok) throw new Error(fleet.error.message);
    expect(fleet.value.sites).toEqual([{ id: texas, name: '=Texas' }]);
    expect(fleet.value.total.kwh).toBeCloseTo(48, 9);
    expect(JSON.stringify(fleet.value)).not.toContain('Quebec');
    expect(realizedReport(db, [texas], { kind: 'rig', rigId: quebecRig }, q(''), NOW, 'USD')).toMatchObject({
      ok: false,
      error: { reason: 'not-found' },
    });
  });

  it('a range before the first kept day says how far back data goes', () => {
    expect(realizedReport(db, null, { kind: 'site', raw: String(texas) }, q('from=2025-01-01&to=2025-01-31'), NOW, 'USD')).toEqual({
      ok: false,
      error: { reason: 'invalid', message: 'the range ends before the first day kept: realized data goes back to 2026-12-05' },
    });
    const partly = realizedReport(db, null, { kind: 'site', raw: String(texas) }, q('from=2026-11-01&to=2026-12-07'), NOW, 'USD');
    expect(partly).toMatchObject({ ok: true, value: { dataSince: '2026-12-05', notice: 'realized data goes back to 2026-12-05' } });
  });

  it('CSV: units in the header, ISO times with offset, a name starting with = made text', () => {
    const out = realizedReport(db, null, { kind: 'rig', rigId: texasRig }, q('from=2026-12-06&to=2026-12-06'), NOW, 'USD');
    if (!out.ok) throw new Error(out.error.message);
    const lines = reportCsv(out.value).split('\r\n');
    expect(lines[0]).toBe(
      'subject,period,start,end,energy_kwh,cost_USD,btc,revenue_USD,profit_USD,avg_price_USD_per_kwh,uptime_pct,losing_rig_hours,mix_meter_pct,mix_firmware_pct,mix_override_pct,mix_estimate_pct,revenue_unknown_kwh,revenue_unknown_cost_USD,unpriced_kwh',
    );
    expect(lines[1], lines[1]).toMatch(/^texas-10-0-0-1,2026-12-06,2026-12-06T00:00:00-06:00,2026-12-07T00:00:00-06:00,24,1.2,/);
    const site = realizedReport(db, null, { kind: 'site', raw: String(texas) }, q('from=2026-12-06&to=2026-12-06'), NOW, 'USD');
    if (!site.ok) throw new Error(site.error.message);
    expect(reportCsv(site.value).split('\r\n')[1].startsWith("'=Texas,2026-12-06,")).toBe(true);
  });

  it('history for charts: hourly over 24 h, daily over 30 d; the fleet of a site-limited principal is their site', () => {
    const fleet = realizedHistory(db, null, 'fleet', '24h', NOW, 'USD');
    if (!fleet.ok) throw new Error(fleet.error.message);
    expect(fleet.value.points).toHaveLength(24);
    expect([fleet.value.fromMs, fleet.value.toMs]).toEqual([NOW - 86_400_000, NOW]);
    // 200 TH/s at each site; 1 kW + 2 kW x PUE 1.2 = 3.4 kW.
    for (const p of fleet.value.points) {
      expect(p.hashrateThs).toBeCloseTo(400, 6);
      expect(p.powerKw).toBeCloseTo(3.4, 9);
    }
    const mine = realizedHistory(db, [texas], 'fleet', '30d', NOW, 'USD');
    if (!mine.ok) throw new Error(mine.error.message);
    expect(mine.value.bucket).toBe('day');
    // Chicago days 5, 6 and 7 December; the 6th whole: 1 kW at 0.05 USD/kWh.
    expect(mine.value.points).toHaveLength(3);
    expect(mine.value.points[1].powerKw).toBeCloseTo(1, 9);
    expect(mine.value.points[1].pricePaidPerKwh).toBeCloseTo(0.05, 12);
    expect(realizedHistory(db, [texas], String(quebec), '24h', NOW, 'USD')).toMatchObject({
      ok: false,
      error: { reason: 'invalid', message: expect.stringContaining('unknown site') },
    });
    expect(realizedHistory(db, null, 'fleet', '2d', NOW, 'USD')).toEqual({
      ok: false,
      error: { reason: 'invalid', message: 'range must be one of 24h, 7d, 30d, 1y (got "2d")' },
    });
  });

  it("fleet days follow the fleet time zone setting, the first site's by default; a zone that is not IANA is refused", () => {
    const days = (tz: string | null) => {
      expect(setFleetTimeZone(db, tz, NOW)).toMatchObject({ ok: true });
      const out = realizedReport(db, null, { kind: 'fleet' }, q('from=2026-12-01&to=2026-12-08'), NOW, 'USD');
      if (!out.ok) throw new Error(out.error.message);
      return out.value.rows.map((r) => [r.period, r.start]);
    };
    expect(days(null)[0]).toEqual(['2026-12-05', '2026-12-05T00:00:00-06:00']); // Chicago, the first site's
    // In Tokyo (UTC+9) the data starts on the 6th at 03:00 local time: the 6th is the first fleet day.
    expect(days('Asia/Tokyo')[0]).toEqual(['2026-12-06', '2026-12-06T00:00:00+09:00']);
    expect(setFleetTimeZone(db, 'Mars/Olympus', NOW)).toEqual({
      ok: false,
      error:
        'fleetTimeZone must be an IANA time zone such as Europe/Berlin, America/Chicago or UTC, or null for the first site\'s (got "Mars/Olympus")',
    });
    setFleetTimeZone(db, null, NOW);
  });
});
