/**
 * Time-of-use tariffs: price bands by weekday and hour in the site's time zone. The bands must cover the
 * 168 hours of the week exactly once. Lookups read the local weekday and hour of an instant through
 * Intl, so a DST change moves the band boundaries with the wall clock: the repeated autumn hour is priced
 * twice at its band, the skipped spring hour never.
 */
import type { TouTariff } from './schema';
import { HOURS_PER_WEEK, WEEKDAYS } from './tou-bands';

const SHORT_DAY_INDEX: Record<string, number> = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Hour of the week (0 = Monday 00:00-01:00) at `tsMs` in `timeZone`, by the local wall clock. */
export function hourOfWeek(tsMs: number, timeZone: string): number {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: 'numeric', hourCycle: 'h23' });
    formatters.set(timeZone, f);
  }
  let day = -1;
  let hour = -1;
  for (const part of f.formatToParts(tsMs)) {
    if (part.type === 'weekday') day = SHORT_DAY_INDEX[part.value] ?? -1;
    else if (part.type === 'hour') hour = Number(part.value) % 24;
  }
  if (day < 0 || !(hour >= 0)) throw new Error(`cannot read the local weekday and hour in time zone ${timeZone}`);
  return day * 24 + hour;
}

/** The price of each hour of the week, built once per tariff object. */
const weekPrices = new WeakMap<TouTariff, number[]>();
function pricesOfWeek(tariff: TouTariff): number[] {
  let prices = weekPrices.get(tariff);
  if (prices) return prices;
  prices = new Array<number>(HOURS_PER_WEEK).fill(Number.NaN);
  for (const b of tariff.bands) {
    for (const d of b.days) for (let h = b.fromHour; h < b.toHour; h++) prices[WEEKDAYS.indexOf(d) * 24 + h] = b.pricePerKwh;
  }
  weekPrices.set(tariff, prices);
  return prices;
}

/** The band price at instant `tsMs` in `timeZone`. */
export function touPriceAt(tariff: TouTariff, tsMs: number, timeZone: string): number {
  const price = pricesOfWeek(tariff)[hourOfWeek(tsMs, timeZone)];
  // Only reachable with a tariff that skipped parseTariff.
  if (Number.isNaN(price)) throw new Error('time-of-use tariff does not cover every hour of the week');
  return price;
}
