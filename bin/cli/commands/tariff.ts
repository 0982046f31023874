import type { Db } from '../../../lib/db/client';
import { setSiteTariff } from '../../../lib/db/mutations/site-settings';
import { siteTariff } from '../../../lib/db/queries/sites';
import { siteFeedValue } from '../../../lib/db/queries/site-price';
import type { Site } from '../../../lib/db/schema';
import { currentPrice, feedFallbackAfterS, parseTariff, tariffWarnings, WEEKDAYS, type Tariff, type Weekday } from '../../../lib/economics';
import { parseFlags } from '../args';
import { CliError } from '../cli-error';
import { openSite } from '../open-site';
import { formatBytes } from '../../../lib/format/units';
import { readFileCapped } from '../../../lib/util/read-file-capped';
import { jsonNestsDeeperThan, MAX_JSON_DEPTH } from '../../../lib/util/json-depth';
import { joinNegativeValues, numberFlag } from './profit';

const USAGE =
  'Usage: hashwatt tariff set --site NAME --flat <price per kWh>\n' +
  '       hashwatt tariff set --site NAME --tou FILE.json\n' +
  '       hashwatt tariff set --site NAME --realtime-url URL --price-field F [--time-field T] [--format json|csv]\n' +
  '                           [--unit kWh|MWh] [--stale-after-s N] [--fallback-after-s N] --fallback <price per kWh>\n' +
  '       hashwatt tariff show --site NAME [--json]\n' +
  '  Prices are in the site\'s currency. A --tou file holds { "bands": [{ "days": ["mon", ...], "fromHour": 0,\n' +
  '  "toHour": 24, "pricePerKwh": 0.05 }, ...] } covering every hour of the week exactly once, in the site\'s time zone.';

/** The largest --tou file read: a whole week of bands is about 15 kB; anything near this is not a tariff. */
export const TOU_FILE_MAX_BYTES = 1024 * 1024;

/** Reads a time-of-use file (at most TOU_FILE_MAX_BYTES): a whole tariff, `{ bands }` or just the array of bands. */
async function touFromFile(path: string): Promise<unknown> {
  let read: Awaited<ReturnType<typeof readFileCapped>>;
  try {
    read = await readFileCapped(path, TOU_FILE_MAX_BYTES);
  } catch (err) {
    throw new CliError(`cannot read ${path}: ${(err as { code?: string }).code ?? String(err)}`);
  }
  if (!read.ok) throw new CliError(`${path} is larger than the ${formatBytes(TOU_FILE_MAX_BYTES)} a tariff file may be`);
  if (jsonNestsDeeperThan(read.value, MAX_JSON_DEPTH))
    throw new CliError(`${path} nests deeper than ${MAX_JSON_DEPTH} levels: not a tariff`);
  let json: unknown;
  try {
    json = JSON.parse(read.value);
  } catch (err) {
    throw new CliError(`${path} is not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (Array.isArray(json)) return { kind: 'tou', bands: json };
  if (typeof json === 'object' && json !== null && !('kind' in json)) return { kind: 'tou', ...json };
  return json;
}

/** The tariff the `set` flags describe, not yet validated. */
async function tariffFromFlags(v: Record<string, string | undefined>): Promise<unknown> {
  const chosen = (['flat', 'tou', 'realtime-url'] as const).filter((k) => v[k] !== undefined);
  if (chosen.length !== 1) throw new CliError('pass exactly one of --flat <price>, --tou FILE or --realtime-url URL');
  const feedFlags = ['price-field', 'time-field', 'format', 'unit', 'stale-after-s', 'fallback-after-s', 'fallback'].filter(
    (k) => v[k] !== undefined,
  );
  if (chosen[0] !== 'realtime-url' && feedFlags.length > 0) throw new CliError(`--${feedFlags[0]} only applies with --realtime-url`);
  if (chosen[0] === 'flat') return { kind: 'flat', pricePerKwh: numberFlag('flat', v.flat, { min: Number.NEGATIVE_INFINITY }) };
  if (chosen[0] === 'tou') return touFromFile(v.tou!);
  if (v['price-field'] === undefined) throw new CliError('--realtime-url needs --price-field (the JSON path or CSV column of the price)');
  if (v.fallback === undefined) throw new CliError('--realtime-url needs --fallback <price per kWh> for when the feed stops');
  return {
    kind: 'realtime',
    url: v['realtime-url'],
    priceField: v['price-field'],
    ...(v['time-field'] !== undefined && { timeField: v['time-field'] }),
    ...(v.format !== undefined && { format: v.format }),
    ...(v.unit !== undefined && { unit: v.unit }),
    ...(v['stale-after-s'] !== undefined && {
      staleAfterS: numberFlag('stale-after-s', v['stale-after-s'], { min: Number.NEGATIVE_INFINITY }),
    }),
    ...(v['fallback-after-s'] !== undefined && {
      fallbackAfterS: numberFlag('fallback-after-s', v['fallback-after-s'], { min: Number.NEGATIVE_INFINITY }),
    }),
    fallbackPricePerKwh: numberFlag('fallback', v.fallback, { min: Number.NEGATIVE_INFINITY }),
  };
}

function dayName(d: Weekday): string {
  return d[0].toUpperCase() + d.slice(1);
}

/** "Mon-Fri", "Sat, Sun", "Mon, Wed": runs of three or more days shortened. */
function daysText(days: readonly Weekday[]): string {
  const idx = [...new Set(days)].map((d) => WEEKDAYS.indexOf(d)).sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < idx.length; i++) {
    let j = i;
    while (j + 1 < idx.length && idx[j + 1] === idx[j] + 1) j++;
    if (j - i >= 2) parts.push(`${dayName(WEEKDAYS[idx[i]])}-${dayName(WEEKDAYS[idx[j]])}`);
    else for (let k = i; k <= j; k++) parts.push(dayName(WEEKDAYS[idx[k]]));
    i = j;
  }
  return parts.join(', ');
}

/** A tariff as lines an operator reads. */
export function describeTariff(t: Tariff, site: Pick<Site, 'currency' | 'timeZone'>): string[] {
  const per = `${site.currency}/kWh`;
  const hh = (h: number) => `${String(h).padStart(2, '0')}:00`;
  if (t.kind === 'flat') return [`flat ${t.pricePerKwh} ${per}`];
  if (t.kind === 'tou') {
    const rows = t.bands.map((b) => [daysText(b.days), `${hh(b.fromHour)}-${hh(b.toHour)}`, `${b.pricePerKwh} ${per}`]);
    const w = rows.reduce((m, r) => Math.max(m, r[0].length), 0);
    return [`time of use, in ${site.timeZone}:`, ...rows.map((r) => `  ${r[0].padEnd(w)}  ${r[1]}  ${r[2]}`)];
  }
  return [
    `real time from ${t.url}`,
    `  ${t.format.toUpperCase()} ${t.format === 'csv' ? 'column' : 'field'} ${JSON.stringify(t.priceField)} in ${site.currency}/${t.unit}` +
      (t.timeField ? `, time in ${JSON.stringify(t.timeField)}` : ''),
    `  stale after ${t.staleAfterS} s (its last price holds, flagged), after ${feedFallbackAfterS(t)} s the fallback ${t.fallbackPricePerKwh} ${per}`,
  ];
}

function priceNowText(db: Db, site: Site, tariff: Tariff): string {
  const p = currentPrice(tariff, { nowMs: Date.now(), timeZone: site.timeZone, feed: siteFeedValue(db, site.id) });
  const per = `${site.currency}/kWh`;
  const stale = p.fallback
    ? ' (stale: the feed stopped, its fallback price applies)'
    : p.stale
      ? ' (stale: the feed stopped, its last price holds)'
      : '';
  return `now ${Number(p.pricePerKwh.toPrecision(5))} ${per}, next 24 h mean ${Number(p.dayAvgPricePerKwh.toPrecision(5))} ${per}${stale}`;
}

/** `hashwatt tariff set|show`: a site's electricity tariff, validated before it is stored. */
export const tariffCommand = {
  summary: "Set or show a site's electricity tariff (flat, time of use, or a real-time price feed).",
  usage: USAGE,
  async run(argv: string[]): Promise<number> {
    const [sub, ...rest] = argv;
    if (sub === 'show') {
      const { values } = parseFlags(rest, { site: { type: 'string' }, json: { type: 'boolean' } });
      const { db, site } = openSite(values.site, true);
      try {
        const tariff = siteTariff(db, site.id);
        if (values.json) {
          console.log(JSON.stringify({ site: site.name, timeZone: site.timeZone, currency: site.currency, tariff }, null, 2));
        } else if (!tariff) {
          console.log(`${site.name}: no tariff set (set one with hashwatt tariff set --site ${JSON.stringify(site.name)} ...)`);
        } else {
          const lines = describeTariff(tariff, site);
          console.log([`${site.name}: ${lines[0]}`, ...lines.slice(1), priceNowText(db, site, tariff)].join('\n'));
        }
        return 0;
      } finally {
        db.close();
      }
    }
    if (sub !== 'set') throw new CliError('tariff needs a subcommand: set or show (hashwatt tariff --help)');
    const s = { type: 'string' } as const;
    const { values } = parseFlags(joinNegativeValues(rest), {
      site: s,
      flat: s,
      tou: s,
      'realtime-url': s,
      'price-field': s,
      'time-field': s,
      format: s,
      unit: s,
      'stale-after-s': s,
      'fallback-after-s': s,
      fallback: s,
    });
    if (values.site === undefined) throw new CliError('pass --site NAME');
    const parsed = parseTariff(await tariffFromFlags(values));
    if (!parsed.ok) throw new CliError(`invalid tariff: ${parsed.error.join('; ')}`);
    const { db, site } = openSite(values.site, false);
    try {
      setSiteTariff(db, site.id, parsed.value, Date.now());
      const lines = describeTariff(parsed.value, site);
      console.log([`tariff: ${site.name} is now on ${lines[0]}`, ...lines.slice(1)].join('\n'));
      for (const warning of tariffWarnings(parsed.value, site.currency)) console.error(`hashwatt tariff: warning: ${warning}`);
      return 0;
    } finally {
      db.close();
    }
  },
};
