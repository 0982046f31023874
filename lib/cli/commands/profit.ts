import { existsSync } from 'node:fs';
import { loadConfig } from '../../config';
import { openDb, type Db } from '../../db/client';
import { getSiteByName, listSites, siteTariff } from '../../db/queries/sites';
import { getSourced } from '../../db/queries/source-state';
import type { Site } from '../../db/schema';
import type { BtcPrices, NetworkState } from '../../domain/network';
import { currentPrice, rigEconomics, SATS_PER_BTC, subsidySatsAt, type TariffPrice } from '../../economics';
import { parseFlags } from '../args';
import { CliError } from '../cli-error';

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

/** A numeric flag within its range, or a usage error naming the flag, the rule and the value. */
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

/** Opens HASHWATT_DB read-only when it exists; null when there is none (then nothing is stored). */
function openStore(): { db: Db | null; config: ReturnType<typeof loadConfig> } {
  const config = loadConfig();
  return { db: existsSync(config.dbPath) ? openDb(config.dbPath, { readonly: true }) : null, config };
}

/** A stored value, or null when the database or its table is missing (not migrated yet). */
function stored<T>(db: Db | null, key: string) {
  if (!db) return null;
  try {
    return getSourced<T>(db, key);
  } catch {
    return null;
  }
}

function findSite(db: Db | null, name: string, dbPath: string): Site {
  if (!db) throw new CliError(`no database at ${dbPath} to read site ${JSON.stringify(name)} from (set HASHWATT_DB)`, 1);
  const site = getSiteByName(db, name);
  if (site) return site;
  const names = listSites(db).map((s) => s.name);
  throw new CliError(`no site named ${JSON.stringify(name)} (${names.length ? `sites: ${names.join(', ')}` : 'no sites configured'})`);
}

function missing(what: string, hint: string): never {
  throw new CliError(`no ${what}: ${hint}`);
}

/** 5 significant figures (the precision of economics.md's table); amounts from 1,000 up grouped and whole. */
function num(n: number | null): string {
  if (n === null) return 'n/a';
  if (Math.abs(n) >= 1000) return Math.round(n).toLocaleString('en-US');
  return n.toPrecision(5);
}

/** An input as given, without padding zeros: "200", "3,500", "0.05". */
function plain(n: number): string {
  return Number(n.toPrecision(6)).toLocaleString('en-US', { maximumFractionDigits: 8 });
}

function ageText(ms: number): string {
  return ms < 90 * 60_000 ? `${Math.round(ms / 60_000)} min` : `${(ms / 3_600_000).toFixed(1)} h`;
}

/** `hashwatt profit`: one rig's economics from flags, filling the rest from the stored network state and a site. */
export const profitCommand = {
  summary: 'Profit per day and per kWh, breakevens and hashprice for a hash rate and power (economics.md).',
  usage:
    'Usage: hashwatt profit --hashrate <TH/s> --power <W> [--tariff <price per kWh>] [--difficulty D] [--price P]\n' +
    '         [--fees <BTC per block>] [--height H | --subsidy BTC] [--pool-fee <percent>] [--pue X]\n' +
    '         [--site NAME] [--currency CODE] [--json]\n' +
    '  Values not given come from the stored network state and price (HASHWATT_DB) and, with --site, that\n' +
    "  site's current tariff, PUE and pool fee. Without a site: pool fee 2 %, PUE 1.",
  async run(argv: string[]): Promise<number> {
    const s = { type: 'string' } as const;
    const { values: v } = parseFlags(joinNegativeValues(argv), {
      hashrate: s, power: s, tariff: s, difficulty: s, price: s, fees: s, height: s, subsidy: s,
      'pool-fee': s, pue: s, site: s, currency: s, json: { type: 'boolean' },
    });
    const hashrateThs = numberFlag('hashrate', v.hashrate, { above: 0, unit: 'TH/s' }) ?? missing('hash rate', 'pass --hashrate <TH/s>');
    const powerW = numberFlag('power', v.power, { min: 0, unit: 'W' }) ?? missing('power', 'pass --power <W>');
    const tariffFlag = numberFlag('tariff', v.tariff, { min: 0 });
    const difficultyFlag = numberFlag('difficulty', v.difficulty, { above: 0 });
    const priceFlag = numberFlag('price', v.price, { min: 0 });
    const feesFlag = numberFlag('fees', v.fees, { min: 0, unit: 'BTC' });
    const heightFlag = numberFlag('height', v.height, { min: 0, integer: true });
    const subsidyFlag = numberFlag('subsidy', v.subsidy, { min: 0, max: 50, unit: 'BTC' });
    const poolFeeFlag = numberFlag('pool-fee', v['pool-fee'], { min: 0, max: 100, unit: 'percent' });
    const pueFlag = numberFlag('pue', v.pue, { min: 1, max: 3 });
    if (heightFlag !== undefined && subsidyFlag !== undefined) throw new CliError('pass --height or --subsidy, not both');

    const needStore = v.site !== undefined || [difficultyFlag, priceFlag, feesFlag, tariffFlag].includes(undefined) ||
      (heightFlag === undefined && subsidyFlag === undefined);
    const { db, config } = needStore ? openStore() : { db: null, config: null };
    try {
      const notes: string[] = [];
      const site = v.site !== undefined ? findSite(db, v.site, config!.dbPath) : null;
      const currency = (v.currency ?? site?.currency ?? 'USD').toUpperCase();
      if (site && currency !== site.currency) {
        throw new CliError(`--currency ${currency} differs from site ${JSON.stringify(site.name)}'s currency ${site.currency} (its tariff is in ${site.currency})`);
      }
      const network = stored<NetworkState>(db, 'network');
      const net = network?.value ?? null;
      const fromNet = () => {
        if (config && network?.fetchedAtMs != null && Date.now() - network.fetchedAtMs > config.networkStaleAfterS * 1000) {
          notes.push(`stale: the stored network state is ${ageText(Date.now() - network.fetchedAtMs)} old`);
        }
      };
      const hint = (flag: string) => `pass ${flag} or let the collector fetch the network state first`;
      const difficulty = difficultyFlag ?? net?.difficulty ?? missing('difficulty', hint('--difficulty'));
      const feesPerBlockSats = feesFlag !== undefined ? Math.round(feesFlag * SATS_PER_BTC) : net?.feesPerBlockSats ?? missing('fees', hint('--fees <BTC per block>'));
      const subsidySats =
        subsidyFlag !== undefined ? Math.round(subsidyFlag * SATS_PER_BTC)
        : heightFlag !== undefined ? subsidySatsAt(heightFlag)
        : net?.subsidySats ?? missing('subsidy', hint('--height or --subsidy'));
      if (difficultyFlag === undefined || feesFlag === undefined || (heightFlag ?? subsidyFlag) === undefined) fromNet();

      const prices = stored<BtcPrices>(db, 'price');
      const btcPrice = priceFlag ?? prices?.value?.[currency] ?? missing(`BTC price in ${currency}`, 'pass --price or let the collector fetch the price first');
      if (priceFlag === undefined && config && prices?.fetchedAtMs != null && Date.now() - prices.fetchedAtMs > config.priceStaleAfterS * 1000) {
        notes.push(`stale: the stored BTC price is ${ageText(Date.now() - prices.fetchedAtMs)} old`);
      }
      const power = tariffPrice(db, site, tariffFlag);
      if (power.stale) notes.push("stale: the site's real-time price feed has no recent price; its fallback price is used");

      const poolFeePct = poolFeeFlag ?? site?.poolFeePct ?? 2;
      const pue = pueFlag ?? site?.pue ?? 1;
      const f = rigEconomics(
        { difficulty, subsidySats, feesPerBlockSats, btcPrice, currency },
        { hashrateThs, powerW, powerEstimated: false, poolFeeFraction: poolFeePct / 100, pue, pricePerKwh: power.pricePerKwh, dayAvgPricePerKwh: power.dayAvgPricePerKwh },
      );
      const subsidyBtc = subsidySats / SATS_PER_BTC;
      if (v.json) {
        const { btcPerDay, revenuePerDay, kwhPerDay, costPerDay, profitPerDay, revenuePerKwh, profitPerKwh, breakevenPricePerKwh, breakevenBtcPrice, hashpricePerThDay } = f;
        console.log(JSON.stringify({ btcPerDay, revenuePerDay, kwhPerDay, costPerDay, profitPerDay, revenuePerKwh, profitPerKwh, breakevenPricePerKwh, breakevenBtcPrice, hashpricePerThDay, subsidyBtc }, null, 2));
        for (const note of notes) console.error(`hashwatt profit: ${note}`);
        return 0;
      }
      const c = currency;
      const inputs = [
        `${plain(hashrateThs)} TH/s at ${plain(powerW)} W (${plain(powerW / hashrateThs)} J/TH), PUE ${pue}, pool fee ${poolFeePct} %${site ? `, site ${site.name}` : ''}`,
        `difficulty ${difficulty.toExponential(4)}, subsidy ${subsidyBtc} BTC, fees ${plain(feesPerBlockSats / SATS_PER_BTC)} BTC/block`,
        `BTC price ${plain(btcPrice)} ${c}, electricity ${plain(power.pricePerKwh)} ${c}/kWh now, ${plain(power.dayAvgPricePerKwh)} ${c}/kWh over 24 h`,
      ];
      const rows: [string, string][] = [
        [`BTC per day (after ${poolFeePct} % pool fee)`, `${num(f.btcPerDay)} BTC (${Math.round(f.btcPerDay * SATS_PER_BTC).toLocaleString('en-US')} sats)`],
        ['Revenue per day', `${num(f.revenuePerDay)} ${c}`],
        ['Energy per day', `${num(f.kwhPerDay)} kWh`],
        ['Cost per day', `${num(f.costPerDay)} ${c}`],
        ['Profit per day', `${num(f.profitPerDay)} ${c}`],
        ['Revenue per kWh', `${num(f.revenuePerKwh)} ${c}/kWh`],
        ['Profit per kWh', `${num(f.profitPerKwh)} ${c}/kWh`],
        ['Breakeven electricity price', `${num(f.breakevenPricePerKwh)} ${c}/kWh`],
        ['Breakeven BTC price', `${num(f.breakevenBtcPrice)} ${c}`],
        ['Hashprice (before pool fee)', `${num(f.hashpricePerThDay)} ${c} per TH/s per day (${num(f.hashpricePerThDay * 1000)} ${c} per PH/s)`],
      ];
      const width = Math.max(...rows.map(([label]) => label.length));
      console.log([`Inputs: ${inputs.join('\n        ')}`, '', ...rows.map(([l, val]) => `  ${l.padEnd(width)}  ${val}`), ...notes.map((n) => `\n${n}`)].join('\n'));
      return 0;
    } finally {
      db?.close();
    }
  },
};

/** The electricity price: the flag, else the site's tariff now (its feed value from the store), else a usage error. */
function tariffPrice(db: Db | null, site: Site | null, flag: number | undefined): TariffPrice {
  if (flag !== undefined) return { pricePerKwh: flag, dayAvgPricePerKwh: flag, stale: false };
  if (!site) return missing('tariff', 'pass --tariff <price per kWh> or --site NAME of a site with a tariff');
  const tariff = db ? siteTariff(db, site.id) : null;
  if (!tariff) return missing('tariff', `site ${JSON.stringify(site.name)} has none; pass --tariff or run hashwatt tariff set --site ${JSON.stringify(site.name)}`);
  const feed = stored<{ pricePerKwh: number; atMs?: number | null }>(db, `tariff:${site.id}`);
  const value = feed?.value && feed.fetchedAtMs !== null ? { ...feed.value, fetchedAtMs: feed.fetchedAtMs } : null;
  return currentPrice(tariff, { nowMs: Date.now(), timeZone: site.timeZone, feed: value });
}
