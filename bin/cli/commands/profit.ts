import { existsSync } from 'node:fs';
import type { Config } from '../../../lib/config';
import { openDb, type Db } from '../../../lib/db/client';
import { getSiteByName, listSites, siteTariff } from '../../../lib/db/queries/sites';
import { MAX_POOL_FEE_PCT } from '../../../lib/settings/pool-fee';
import { siteFeedValue } from '../../../lib/db/queries/site-price';
import { getSourced } from '../../../lib/db/queries/source-state';
import type { Site } from '../../../lib/db/schema';
import type { BtcPrices, NetworkState, Sourced } from '../../../lib/domain/network';
import {
  currentPrice,
  PRICE_WARN_ABOVE_PER_KWH,
  rigEconomics,
  SATS_PER_BTC,
  subsidySatsAt,
  type EconomicsFigures,
  type TariffPrice,
} from '../../../lib/economics';
import { parseFlags } from '../args';
import { CliError } from '../cli-error';
import { cliConfig } from '../cli-config';

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * `--power -5` reads to node's parseArgs as a missing value followed by a flag; rewritten as `--power=-5`
 * the value reaches our own check, which says what is wrong with it.
 */
export function joinNegativeValues(argv: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (/^--[a-z-]+$/.test(argv[i]) && /^-(\d|\.\d)/.test(argv[i + 1] ?? '')) out.push(`${argv[i]}=${argv[++i]}`);
    else out.push(argv[i]);
  }
  return out;
}

/** A numeric flag within its range (undefined when absent), or a usage error naming the flag, the rule and the value. */
export function numberFlag(
  name: string,
  raw: string | undefined,
  rule: { min?: number; above?: number; max?: number; unit?: string; integer?: boolean } = {},
): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw.trim());
  if (!NUMBER.test(raw.trim()) || !Number.isFinite(n)) throw new CliError(`--${name} ${JSON.stringify(raw)} is not a number`);
  const unit = rule.unit ? ` ${rule.unit}` : '';
  if (n < 0 && (rule.min ?? 0) >= 0 && (rule.above ?? 0) >= 0) throw new CliError(`--${name} must not be negative (got ${raw})`);
  if (rule.integer && !Number.isInteger(n)) throw new CliError(`--${name} must be a whole number (got ${raw})`);
  if (rule.above !== undefined && !(n > rule.above)) throw new CliError(`--${name} must be above ${rule.above}${unit} (got ${raw})`);
  if ((rule.min !== undefined && n < rule.min) || (rule.max !== undefined && n > rule.max)) {
    throw new CliError(`--${name} must be from ${rule.min ?? 0} to ${rule.max}${unit} (got ${raw})`);
  }
  return n;
}

function missing(what: string, hint: string): never {
  throw new CliError(`no ${what}: ${hint}`);
}

const S = { type: 'string' } as const;
const OPTIONS = {
  hashrate: S,
  power: S,
  tariff: S,
  difficulty: S,
  price: S,
  fees: S,
  height: S,
  subsidy: S,
  'pool-fee': S,
  pue: S,
  site: S,
  currency: S,
  json: { type: 'boolean' },
} as const;

/** Every flag checked before anything is opened: a typo never waits on the database. */
function readFlags(argv: string[]) {
  const { values: v } = parseFlags(joinNegativeValues(argv), OPTIONS);
  const flags = {
    hashrateThs: numberFlag('hashrate', v.hashrate, { above: 0, unit: 'TH/s' }) ?? missing('hash rate', 'pass --hashrate <TH/s>'),
    powerW: numberFlag('power', v.power, { min: 0, unit: 'W' }) ?? missing('power', 'pass --power <W>'),
    tariff: numberFlag('tariff', v.tariff, { min: 0 }),
    difficulty: numberFlag('difficulty', v.difficulty, { above: 0 }),
    price: numberFlag('price', v.price, { min: 0 }),
    feesBtc: numberFlag('fees', v.fees, { min: 0, unit: 'BTC' }),
    height: numberFlag('height', v.height, { min: 0, integer: true }),
    subsidyBtc: numberFlag('subsidy', v.subsidy, { min: 0, max: 50, unit: 'BTC' }),
    poolFeePct: numberFlag('pool-fee', v['pool-fee'], { min: 0, max: MAX_POOL_FEE_PCT, unit: 'percent' }),
    pue: numberFlag('pue', v.pue, { min: 1, max: 3 }),
    site: v.site,
    currency: v.currency?.toUpperCase(),
    json: v.json ?? false,
  };
  if (flags.height !== undefined && flags.subsidyBtc !== undefined) throw new CliError('pass --height or --subsidy, not both');
  return flags;
}
type Flags = ReturnType<typeof readFlags>;

/** What the database holds for this run; everything null without one (or before it is migrated). */
class Store {
  private constructor(
    readonly db: Db | null,
    readonly config: Config,
  ) {}

  static open(): Store {
    const config = cliConfig();
    return new Store(existsSync(config.dbPath) ? openDb(config.dbPath, { readonly: true }) : null, config);
  }

  sourced<T>(key: string): Sourced<T> | null {
    try {
      return this.db ? getSourced<T>(this.db, key) : null;
    } catch {
      return null;
    }
  }

  site(name: string): Site {
    if (!this.db) throw new CliError(`no database at ${this.config.dbPath} to read site ${JSON.stringify(name)} from (set HASHWATT_DB)`, 1);
    const site = getSiteByName(this.db, name);
    if (site) return site;
    const names = listSites(this.db).map((s) => s.name);
    throw new CliError(`no site named ${JSON.stringify(name)} (${names.length ? `sites: ${names.join(', ')}` : 'no sites configured'})`);
  }

  /** The site's price now from its tariff and its last fetched feed value. */
  tariffPrice(site: Site, nowMs: number): TariffPrice {
    const tariff = this.db ? siteTariff(this.db, site.id) : null;
    const name = JSON.stringify(site.name);
    if (!tariff) missing('tariff', `site ${name} has none; pass --tariff or run hashwatt tariff set --site ${name}`);
    return currentPrice(tariff, { nowMs, timeZone: site.timeZone, feed: this.db ? siteFeedValue(this.db, site.id) : null });
  }

  /** A note when a stored value used in the figures is older than its staleness limit. */
  staleNote(what: string, s: Sourced<unknown> | null, maxAgeS: number, nowMs: number): string[] {
    if (s?.fetchedAtMs == null || nowMs - s.fetchedAtMs <= maxAgeS * 1000) return [];
    const ageMin = Math.round((nowMs - s.fetchedAtMs) / 60_000);
    return [`stale: the stored ${what} is ${ageMin} min old; the figures use it`];
  }
}

/** The flags completed from the store: the market, the rig, and notes on stale inputs. */
function resolve(f: Flags, store: Store | null, nowMs: number) {
  const site = f.site !== undefined ? store!.site(f.site) : null;
  const currency = f.currency ?? site?.currency ?? 'USD';
  if (site && currency !== site.currency) {
    throw new CliError(
      `--currency ${currency} differs from site ${JSON.stringify(site.name)}'s currency ${site.currency}, which its tariff is in`,
    );
  }
  const network = store?.sourced<NetworkState>('network') ?? null;
  const net = network?.value;
  const hint = (flag: string) => `pass ${flag} or let the collector fetch the network state first`;
  const difficulty = f.difficulty ?? net?.difficulty ?? missing('difficulty', hint('--difficulty'));
  const feesPerBlockSats =
    f.feesBtc !== undefined
      ? Math.round(f.feesBtc * SATS_PER_BTC)
      : (net?.feesPerBlockSats ?? missing('fees', hint('--fees <BTC per block>')));
  let subsidySats = net?.subsidySats;
  if (f.subsidyBtc !== undefined) subsidySats = Math.round(f.subsidyBtc * SATS_PER_BTC);
  else if (f.height !== undefined) subsidySats = subsidySatsAt(f.height);
  else if (subsidySats === undefined) missing('subsidy', hint('--height or --subsidy'));

  const prices = store?.sourced<BtcPrices>('price') ?? null;
  const btcPrice =
    f.price ?? prices?.value?.[currency] ?? missing(`BTC price in ${currency}`, 'pass --price or let the collector fetch the price first');
  let power: TariffPrice = { pricePerKwh: f.tariff ?? 0, dayAvgPricePerKwh: f.tariff ?? 0, stale: false, fallback: false };
  if (f.tariff === undefined) {
    if (!site) missing('tariff', 'pass --tariff <price per kWh> or --site NAME of a site with a tariff');
    power = store!.tariffPrice(site, nowMs);
  }

  const notes: string[] = [];
  const usedNetwork = f.difficulty === undefined || f.feesBtc === undefined || (f.height ?? f.subsidyBtc) === undefined;
  if (store && usedNetwork) notes.push(...store.staleNote('network state', network, store.config.networkStaleAfterS, nowMs));
  if (store && f.price === undefined) notes.push(...store.staleNote('BTC price', prices, store.config.priceStaleAfterS, nowMs));
  if (power.fallback) notes.push("stale: the site's real-time price feed stopped past its fallback time; its fallback price is used");
  else if (power.stale) notes.push("stale: the site's real-time price feed stopped; its last price is used");
  if (f.tariff !== undefined && f.tariff > PRICE_WARN_ABOVE_PER_KWH) {
    const c = currency;
    notes.push(
      `warning: --tariff ${plain(f.tariff)} ${c}/kWh is above ${PRICE_WARN_ABOVE_PER_KWH} ${c} per kWh: a price per MWh (${plain(f.tariff / 1000)}) or in cents (${plain(f.tariff / 100)})? Used as given.`,
    );
  }
  const market = { difficulty, subsidySats, feesPerBlockSats, btcPrice, currency };
  const rig = {
    hashrateThs: f.hashrateThs,
    powerW: f.powerW,
    powerEstimated: false,
    poolFeeFraction: (f.poolFeePct ?? site?.poolFeePct ?? 2) / 100,
    pue: f.pue ?? site?.pue ?? 1,
    pricePerKwh: power.pricePerKwh,
    dayAvgPricePerKwh: power.dayAvgPricePerKwh,
  };
  return { site, market, rig, notes };
}

/** 5 significant figures (the precision of economics.md's table); from 1,000 up grouped and whole. */
function num(n: number | null): string {
  if (n === null) return 'n/a';
  return Math.abs(n) >= 1000 ? Math.round(n).toLocaleString('en-US') : n.toPrecision(5);
}

/** An input as given, without padding zeros: "200", "3,500", "0.05". */
function plain(n: number): string {
  return Number(n.toPrecision(6)).toLocaleString('en-US', { maximumFractionDigits: 8 });
}

function table(r: ReturnType<typeof resolve>, f: EconomicsFigures): string {
  const { market: m, rig, site } = r;
  const c = m.currency;
  const feePct = plain(rig.poolFeeFraction * 100);
  const jPerTh = plain(rig.powerW / rig.hashrateThs);
  const inputs = [
    `${plain(rig.hashrateThs)} TH/s at ${plain(rig.powerW)} W (${jPerTh} J/TH), PUE ${rig.pue}, pool fee ${feePct} %${site ? `, site ${site.name}` : ''}`,
    `difficulty ${m.difficulty.toExponential(4)}, subsidy ${m.subsidySats / SATS_PER_BTC} BTC, fees ${plain(m.feesPerBlockSats / SATS_PER_BTC)} BTC/block`,
    `BTC price ${plain(m.btcPrice)} ${c}, electricity ${plain(rig.pricePerKwh)} ${c}/kWh now, ${plain(rig.dayAvgPricePerKwh)} ${c}/kWh over the next 24 h`,
  ];
  const now: [string, string][] = [
    ['Price in force now', `${num(rig.pricePerKwh)} ${c}/kWh`],
    ['Breakeven electricity price', `${num(f.breakevenPricePerKwh)} ${c}/kWh`],
    ['Profit per kWh now', `${num(f.profitPerKwh)} ${c}/kWh (breakeven - price now)`],
    ['Profit per hour now', `${num(profitPerHourNow(f, rig.pricePerKwh))} ${c}`],
  ];
  const perDay: [string, string][] = [
    ['Mean price, next 24 h', `${num(rig.dayAvgPricePerKwh)} ${c}/kWh`],
    [
      `BTC per day (after ${feePct} % pool fee)`,
      `${num(f.btcPerDay)} BTC (${Math.round(f.btcPerDay * SATS_PER_BTC).toLocaleString('en-US')} sats)`,
    ],
    ['Revenue per day', `${num(f.revenuePerDay)} ${c}`],
    ['Energy per day', `${num(f.kwhPerDay)} kWh`],
    ['Cost per day', `${num(f.costPerDay)} ${c}`],
    ['Profit per day', `${num(f.profitPerDay)} ${c}`],
    ['Revenue per kWh', `${num(f.revenuePerKwh)} ${c}/kWh`],
    ['Breakeven BTC price', `${num(f.breakevenBtcPrice)} ${c}`],
    ['Hashprice (before pool fee)', `${num(f.hashpricePerThDay)} ${c} per TH/s per day (${num(f.hashpricePerThDay * 1000)} ${c} per PH/s)`],
  ];
  const width = Math.max(...[...now, ...perDay].map(([label]) => label.length));
  const rows = (list: [string, string][]) => list.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`);
  const lines = [
    `Inputs: ${inputs.join('\n        ')}`,
    '',
    'Now (at the price in force now):',
    ...rows(now),
    '',
    "Per day at today's tariff (the next 24 h at today's network figures and the tariff's mean):",
    ...rows(perDay),
  ];
  return [...lines, ...r.notes.map((n) => `\n${n}`)].join('\n');
}

/** Profit per hour now: (rev / 24) - P * PUE / 1000 * c_now, i.e. profit per kWh now times the kWh of an hour. */
function profitPerHourNow(f: EconomicsFigures, pricePerKwhNow: number): number {
  return f.revenuePerDay / 24 - (f.kwhPerDay / 24) * pricePerKwhNow;
}

/** The --json keys the issue documents (plus subsidyBtc), in that order. */
const JSON_KEYS = [
  'btcPerDay',
  'revenuePerDay',
  'kwhPerDay',
  'costPerDay',
  'profitPerDay',
  'revenuePerKwh',
  'profitPerKwh',
  'breakevenPricePerKwh',
  'breakevenBtcPrice',
  'hashpricePerThDay',
] as const;

/** `hashwatt profit`: one rig's economics from flags, the rest filled from the stored network state and a site. */
export const profitCommand = {
  summary:
    "Profit now (per kWh, per hour) and per day at today's tariff, breakevens and hashprice for a hash rate and power (economics.md).",
  usage:
    'Usage: hashwatt profit --hashrate <TH/s> --power <W> [--tariff <price per kWh>] [--difficulty D] [--price P]\n' +
    '         [--fees <BTC per block>] [--height H | --subsidy BTC] [--pool-fee <percent>] [--pue X]\n' +
    '         [--site NAME] [--currency CODE] [--json]\n' +
    '  Values not given come from the stored network state and BTC price (HASHWATT_DB) and, with --site, that\n' +
    "  site's current tariff, PUE and pool fee. Without a site: pool fee 2 %, PUE 1, BTC price in USD.",
  async run(argv: string[]): Promise<number> {
    const f = readFlags(argv);
    const complete = f.site === undefined && ![f.difficulty, f.price, f.feesBtc, f.tariff, f.height ?? f.subsidyBtc].includes(undefined);
    // Only open the database for what the flags left out.
    const store = complete ? null : Store.open();
    try {
      const r = resolve(f, store, Date.now());
      const e = rigEconomics(r.market, r.rig);
      if (!f.json) {
        console.log(table(r, e));
        return 0;
      }
      const out = {
        ...Object.fromEntries(JSON_KEYS.map((k) => [k, e[k]])),
        subsidyBtc: r.market.subsidySats / SATS_PER_BTC,
        // The two bases by name: per-kWh figures are now, per-day figures at today's tariff.
        pricePerKwhNow: r.rig.pricePerKwh,
        profitPerHourNow: profitPerHourNow(e, r.rig.pricePerKwh),
        meanPricePerKwhNext24h: r.rig.dayAvgPricePerKwh,
      };
      console.log(JSON.stringify(out, null, 2));
      // stdout stays exactly the documented JSON; staleness goes to stderr.
      for (const note of r.notes) console.error(`hashwatt profit: ${note}`);
      return 0;
    } finally {
      store?.db?.close();
    }
  },
};
