/**
 * `hashwatt profit` and `hashwatt tariff` as an operator runs them: the worked example from flags, values
 * filled from a real database (stored network state, a site's tariff, PUE and pool fee), one-line errors
 * for bad flags, and tariffs set, refused and shown.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { recordSourceSuccess } from '../../../lib/db/mutations/source-state';
import { siteTariff } from '../../../lib/db/queries/sites';
import type { NetworkState } from '../../../lib/domain/network';
import { tempDb, tempDir } from '../../support/temp';

const BIN = fileURLToPath(new URL('../../../bin/hashwatt.mjs', import.meta.url));
let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  cleanup = undefined;
});

function hashwatt(args: string[], env: Record<string, string> = {}) {
  const res = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 30_000 });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr.replace(/^npm warn.*\n/gm, '') };
}

/** economics.md's table, to its 5 significant figures. */
const TABLE = {
  btcPerDay: 8.4212e-5,
  revenuePerDay: 7.5791,
  kwhPerDay: 84,
  costPerDay: 4.2,
  profitPerDay: 3.3791,
  revenuePerKwh: 0.090227,
  profitPerKwh: 0.040227,
  breakevenPricePerKwh: 0.090227,
  breakevenBtcPrice: 49874,
  hashpricePerThDay: 0.038669,
  subsidyBtc: 3.125,
  // The two bases by name: now (7.5791 / 24 - 3.5 kW x 0.05) and the mean price of the next 24 h.
  pricePerKwhNow: 0.05,
  profitPerHourNow: 0.14079,
  meanPricePerKwhNext24h: 0.05,
};
const KEYS = Object.keys(TABLE).sort();

function sig5(json: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(json).map(([k, v]) => [k, Number(v.toPrecision(5))]));
}

const EXAMPLE = [
  '--hashrate',
  '200',
  '--power',
  '3500',
  '--tariff',
  '0.05',
  '--difficulty',
  '1.48e14',
  '--price',
  '90000',
  '--fees',
  '0.036',
];
const NO_DB = { HASHWATT_DB: '/nonexistent/hashwatt-test/never.db' };

const NETWORK: NetworkState = {
  tipHeight: 850_000,
  subsidySats: 312_500_000,
  difficulty: 1.48e14,
  feesPerBlockSats: 3_600_000,
  networkHashrateThs: null,
  nextAdjustment: null,
  halving: { height: 1_050_000, blocksLeft: 200_000, estimatedDateMs: 0 },
};

/** A migrated database with one site, optionally with a stored network state and BTC price. */
function siteDb(opts: { network?: boolean } = {}) {
  const t = tempDb();
  cleanup = t.cleanup;
  t.db.sqlite
    .prepare(
      "insert into sites (name, time_zone, currency, pue, pool_fee_pct, created_at_ms) values ('Rockdale TX', 'America/Chicago', 'USD', 1, 2, 1)",
    )
    .run();
  if (opts.network) {
    recordSourceSuccess(t.db, 'network', 'test', NETWORK, Date.now());
    recordSourceSuccess(t.db, 'price', 'test', { USD: 90_000, EUR: 83_000 }, Date.now());
  }
  return { ...t, env: { HASHWATT_DB: t.path } };
}

describe('hashwatt profit', () => {
  it('reproduces the worked example with every flag given, as JSON with exactly the documented keys', () => {
    const res = hashwatt(['profit', ...EXAMPLE, '--subsidy', '3.125', '--pool-fee', '2', '--pue', '1', '--json'], NO_DB);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    const json = JSON.parse(res.stdout);
    expect(Object.keys(json).sort()).toEqual(KEYS);
    expect(sig5(json)).toEqual(TABLE);
  });

  it('derives the subsidy from --height: 3.125 BTC at 840,000', () => {
    const res = hashwatt(['profit', ...EXAMPLE, '--height', '840000', '--json'], NO_DB);
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout).subsidyBtc).toBe(3.125);
    expect(JSON.parse(hashwatt(['profit', ...EXAMPLE, '--height', '839999', '--json'], NO_DB).stdout).subsidyBtc).toBe(6.25);
  });

  it('prints a readable table with units', () => {
    const res = hashwatt(['profit', ...EXAMPLE, '--height', '840000'], NO_DB);
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/^ {2}Profit per day +3\.3791 USD$/m);
    expect(res.stdout).toMatch(/^ {2}Breakeven electricity price +0\.090227 USD\/kWh$/m);
    expect(res.stdout).toMatch(/^ {2}Breakeven BTC price +49,874 USD$/m);
    expect(res.stdout).toMatch(/^ {2}Energy per day +84\.000 kWh$/m);
  });

  it('prints both bases under headings that name them, and the profit per kWh now as breakeven - price now', () => {
    const res = hashwatt(['profit', ...EXAMPLE.map((a) => (a === '0.05' ? '0.11' : a)), '--height', '840000'], NO_DB);
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/^Now \(at the price in force now\):$/m);
    expect(res.stdout).toMatch(/^Per day at today's tariff \(/m);
    expect(res.stdout).toMatch(/^ {2}Price in force now +0\.11000 USD\/kWh$/m);
    expect(res.stdout).toMatch(/^ {2}Profit per kWh now +-0\.019773 USD\/kWh \(breakeven - price now\)$/m);
    expect(res.stdout.indexOf('Profit per kWh now')).toBeLessThan(res.stdout.indexOf("Per day at today's tariff"));
    expect(res.stdout.indexOf('Profit per day')).toBeGreaterThan(res.stdout.indexOf("Per day at today's tariff"));
  });

  it('warns when --tariff looks like a unit slip (above 1 per kWh), and still computes', () => {
    const res = hashwatt(['profit', ...EXAMPLE.map((a) => (a === '0.05' ? '5' : a)), '--height', '840000', '--json'], NO_DB);
    expect(res.code).toBe(0);
    expect(res.stderr).toBe(
      'hashwatt profit: warning: --tariff 5 USD/kWh is above 1 USD per kWh: a price per MWh (0.005) or in cents (0.05)? Used as given.\n',
    );
    expect(JSON.parse(res.stdout).pricePerKwhNow).toBe(5);
    const fine = hashwatt(['profit', ...EXAMPLE, '--height', '840000', '--json'], NO_DB);
    expect(fine.stderr).toBe('');
  });

  it.each([
    [['--hashrate', '0', '--power', '3500'], '--hashrate must be above 0 TH/s (got 0)'],
    [['--hashrate', '200', '--power', '-5'], '--power must not be negative (got -5)'],
    [[...EXAMPLE, '--price', 'abc'], '--price "abc" is not a number'],
    [[...EXAMPLE, '--height', '840000', '--subsidy', '3.125'], 'pass --height or --subsidy, not both'],
    [[...EXAMPLE, '--height', '8.5'], '--height must be a whole number (got 8.5)'],
    [[...EXAMPLE, '--pool-fee', '12'], '--pool-fee must be from 0 to 10 percent (got 12)'],
    [[...EXAMPLE, '--pue', '0.8'], '--pue must be from 1 to 3 (got 0.8)'],
    [['--power', '3500'], 'no hash rate: pass --hashrate <TH/s>'],
  ])('refuses %j with one line and exit code 2', (args, message) => {
    const res = hashwatt(['profit', ...args], NO_DB);
    expect(res.code).toBe(2);
    expect(res.stderr).toBe(`hashwatt profit: ${message}\n`);
  });

  it('names the missing flag when nothing is stored', () => {
    const { env } = siteDb();
    const res = hashwatt(['profit', '--hashrate', '200', '--power', '3500', '--tariff', '0.05'], env);
    expect(res.code).toBe(2);
    expect(res.stderr).toBe('hashwatt profit: no difficulty: pass --difficulty or let the collector fetch the network state first\n');
    const noPrice = hashwatt(
      ['profit', '--hashrate', '200', '--power', '3500', '--tariff', '0.05', '--difficulty', '1e14', '--fees', '0', '--height', '1'],
      env,
    );
    expect(noPrice.stderr).toBe('hashwatt profit: no BTC price in USD: pass --price or let the collector fetch the price first\n');
  });

  it('takes difficulty, subsidy, fees and price from the stored network state', () => {
    const { env } = siteDb({ network: true });
    const res = hashwatt(['profit', '--hashrate', '200', '--power', '3500', '--tariff', '0.05', '--json'], env);
    expect(res.stderr).toBe('');
    expect(sig5(JSON.parse(res.stdout))).toEqual(TABLE);
  });

  it('takes the tariff, PUE and pool fee from --site, and says when the site has no tariff', () => {
    const { env } = siteDb({ network: true });
    const none = hashwatt(['profit', '--hashrate', '200', '--power', '3500', '--site', 'Rockdale TX'], env);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/^hashwatt profit: no tariff: site "Rockdale TX" has none; pass --tariff or run hashwatt tariff set/);
    expect(hashwatt(['tariff', 'set', '--site', 'Rockdale TX', '--flat', '0.05'], env).code).toBe(0);
    const res = hashwatt(['profit', '--hashrate', '200', '--power', '3500', '--site', 'Rockdale TX', '--json'], env);
    expect(res.stderr).toBe('');
    expect(sig5(JSON.parse(res.stdout))).toEqual(TABLE);
    const missing = hashwatt(['profit', '--hashrate', '200', '--power', '3500', '--site', 'Nowhere'], env);
    expect(missing.stderr).toBe('hashwatt profit: no site named "Nowhere" (sites: Rockdale TX)\n');
  });
});

describe('hashwatt tariff', () => {
  const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri'];

  it('sets a flat tariff, then a time-of-use file, and shows it', () => {
    const { db, dir, env } = siteDb();
    const flat = hashwatt(['tariff', 'set', '--site', 'Rockdale TX', '--flat', '0.05'], env);
    expect(flat.stderr).toBe('');
    expect(flat.stdout).toBe('tariff: Rockdale TX is now on flat 0.05 USD/kWh\n');
    expect(siteTariff(db, 1)).toEqual({ kind: 'flat', pricePerKwh: 0.05 });

    const file = join(dir, 'tou.json');
    writeFileSync(
      file,
      JSON.stringify({
        bands: [
          { days: WEEKDAYS, fromHour: 0, toHour: 14, pricePerKwh: 0.042 },
          { days: WEEKDAYS, fromHour: 14, toHour: 20, pricePerKwh: 0.11 },
          { days: WEEKDAYS, fromHour: 20, toHour: 24, pricePerKwh: 0.042 },
          { days: ['sat', 'sun'], fromHour: 0, toHour: 24, pricePerKwh: 0.038 },
        ],
      }),
    );
    const tou = hashwatt(['tariff', 'set', '--site', 'Rockdale TX', '--tou', file], env);
    expect(tou.code).toBe(0);
    expect(siteTariff(db, 1)?.kind).toBe('tou');
    const changes = db.sqlite.prepare("select count(*) from changes where kind = 'site-settings' and site_id = 1").pluck().get();
    expect(changes).toBe(2);

    const show = hashwatt(['tariff', 'show', '--site', 'Rockdale TX'], env);
    expect(show.code).toBe(0);
    expect(show.stdout).toMatch(
      /^Rockdale TX: time of use, in America\/Chicago:\n {2}Mon-Fri +00:00-14:00 {2}0\.042 USD\/kWh\n {2}Mon-Fri +14:00-20:00 {2}0\.11 USD\/kWh\n/,
    );
    expect(show.stdout).toMatch(/^now 0\.\d+ USD\/kWh, next 24 h mean 0\.\d+ USD\/kWh$/m);
    const json = JSON.parse(hashwatt(['tariff', 'show', '--site', 'Rockdale TX', '--json'], env).stdout);
    expect(json.tariff.bands).toHaveLength(4);
  });

  it('refuses an overlapping time-of-use file with the reason, and keeps the old tariff', () => {
    const { db, dir, env } = siteDb();
    hashwatt(['tariff', 'set', '--site', 'Rockdale TX', '--flat', '0.05'], env);
    const file = join(dir, 'overlap.json');
    writeFileSync(
      file,
      JSON.stringify([
        { days: ['mon'], fromHour: 0, toHour: 17, pricePerKwh: 0.04 },
        { days: ['mon'], fromHour: 17, toHour: 21, pricePerKwh: 0.12 },
        { days: ['mon'], fromHour: 20, toHour: 23, pricePerKwh: 0.08 },
        { days: ['mon'], fromHour: 23, toHour: 24, pricePerKwh: 0.04 },
        { days: ['tue', 'wed', 'thu', 'fri', 'sat', 'sun'], fromHour: 0, toHour: 24, pricePerKwh: 0.04 },
      ]),
    );
    const res = hashwatt(['tariff', 'set', '--site', 'Rockdale TX', '--tou', file], env);
    expect(res.code).toBe(2);
    expect(res.stderr).toBe('hashwatt tariff: invalid tariff: bands overlap: Mon 17:00-21:00 and Mon 20:00-23:00\n');
    expect(siteTariff(db, 1)).toEqual({ kind: 'flat', pricePerKwh: 0.05 });
  });

  it.each([
    // 100,000 bands (about 5 MB): larger than any tariff file, refused before it is read or parsed.
    [100_000, /^hashwatt tariff: \S+huge\.json is larger than the 1\.0 MiB a tariff file may be\n$/],
    // 2,000 bands fit the file cap: refused by the band count, in one message (it took 14 s and printed millions).
    [2_000, /^hashwatt tariff: invalid tariff: bands must list at most 168 items, one per weekday-hour at most \(got 2000\)\n$/],
  ])('refuses a time-of-use file of %i bands at once, in one line of at most 20 messages', (n, message) => {
    const { db, dir, env } = siteDb();
    hashwatt(['tariff', 'set', '--site', 'Rockdale TX', '--flat', '0.05'], env);
    const file = join(dir, 'huge.json');
    const band = { days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], fromHour: 0, toHour: 24, pricePerKwh: 0.05 };
    writeFileSync(file, JSON.stringify(Array.from({ length: n }, () => band)));
    const started = Date.now();
    const res = hashwatt(['tariff', 'set', '--site', 'Rockdale TX', '--tou', file], env);
    expect(Date.now() - started).toBeLessThan(25_000); // generous: node's start-up on a busy machine; it used to run out of memory
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(message);
    expect(res.stderr.split('; ').length).toBeLessThanOrEqual(20);
    expect(siteTariff(db, 1)).toEqual({ kind: 'flat', pricePerKwh: 0.05 });
  });

  it('lists at most 20 problems of a file with many, and says how many more', () => {
    const { dir, env } = siteDb();
    const file = join(dir, 'overlaps.json');
    // 168 one-day bands over Monday: 167 overlaps.
    writeFileSync(file, JSON.stringify(Array.from({ length: 168 }, () => ({ days: ['mon'], fromHour: 0, toHour: 24, pricePerKwh: 0.05 }))));
    const res = hashwatt(['tariff', 'set', '--site', 'Rockdale TX', '--tou', file], env);
    expect(res.code).toBe(2);
    const messages = res.stderr.trim().replace('hashwatt tariff: invalid tariff: ', '').split('; ');
    expect(messages).toHaveLength(20);
    expect(messages[0]).toBe('bands overlap: Mon 00:00-24:00 and Mon 00:00-24:00');
    expect(messages[19]).toBe('... and 149 more');
  });

  it.each([
    [['set', '--site', 'Rockdale TX', '--flat', '-0.1'], 'invalid tariff: pricePerKwh must be >= 0 (got -0.1)'],
    [['set', '--site', 'Rockdale TX'], 'pass exactly one of --flat <price>, --tou FILE or --realtime-url URL'],
    [['set', '--site', 'Rockdale TX', '--flat', '0.05', '--unit', 'MWh'], '--unit only applies with --realtime-url'],
    [['set', '--site', 'Nowhere', '--flat', '0.05'], 'no site named "Nowhere" (sites: Rockdale TX)'],
    [
      ['set', '--site', 'Rockdale TX', '--realtime-url', 'https://grid.example/p.json', '--price-field', 'price'],
      '--realtime-url needs --fallback <price per kWh> for when the feed stops',
    ],
    [['frob'], 'tariff needs a subcommand: set or show (hashwatt tariff --help)'],
  ])('refuses %j with one line and exit code 2', (args, message) => {
    const { env } = siteDb();
    const res = hashwatt(['tariff', ...args], env);
    expect(res.code).toBe(2);
    expect(res.stderr).toBe(`hashwatt tariff: ${message}\n`);
  });

  it('sets a real-time feed tariff with its unit and staleness, and shows the fallback when no price was fetched', () => {
    const { db, env } = siteDb();
    const args = [
      '--realtime-url',
      'https://grid.example/lmp.csv',
      '--format',
      'csv',
      '--price-field',
      'LMP',
      '--unit',
      'MWh',
      '--stale-after-s',
      '600',
      '--fallback',
      '0.06',
    ];
    const res = hashwatt(['tariff', 'set', '--site', 'Rockdale TX', ...args], env);
    expect(res.stderr).toBe('');
    expect(siteTariff(db, 1)).toEqual({
      kind: 'realtime',
      url: 'https://grid.example/lmp.csv',
      format: 'csv',
      priceField: 'LMP',
      unit: 'MWh',
      staleAfterS: 600,
      fallbackPricePerKwh: 0.06,
    });
    const show = hashwatt(['tariff', 'show', '--site', 'Rockdale TX'], env);
    expect(show.stdout).toMatch(
      /now 0\.06 USD\/kWh, next 24 h mean 0\.06 USD\/kWh \(stale: the feed stopped, its fallback price applies\)/,
    );
  });

  it('says clearly when there is no database', () => {
    const t = tempDir();
    cleanup = t.cleanup;
    const res = hashwatt(['tariff', 'show', '--site', 'X'], { HASHWATT_DB: join(t.dir, 'none.db') });
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/^hashwatt tariff: no database at .*none\.db \(set HASHWATT_DB, or run hashwatt migrate\)\n$/);
  });
});
