/**
 * Time-of-use tariffs: price bands by weekday and hour in the site's time zone. The bands must cover the
 * 168 hours of the week exactly once. Lookups read the local weekday and hour of an instant through
 * Intl, so a DST change moves the band boundaries with the wall clock: the repeated autumn hour is priced
 * twice at its band, the skipped spring hour never.
 */
import type { TariffPricing } from './contract';
import type { TouBand, TouTariff, Weekday } from './schema';

const DAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const SHORT_DAY_INDEX: Record<string, number> = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };
const HOURS_PER_WEEK = 168;
const MS_PER_HOUR = 3_600_000;

function dayName(day: Weekday): string {
  return day[0].toUpperCase() + day.slice(1);
}

function hh(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}

function bandRange(day: Weekday, band: TouBand): string {
  return `${dayName(day)} ${hh(band.fromHour)}-${hh(band.toHour)}`;
}

/**
 * Why a list of bands does not cover the week exactly once: bands that end before they start, list a day
 * twice, overlap, or leave hours uncovered. Empty when the bands are valid.
 */
export function touBandErrors(bands: readonly TouBand[]): string[] {
  const shape: string[] = [];
  bands.forEach((b, i) => {
    if (b.fromHour >= b.toHour) {
      shape.push(`bands[${i}] runs from ${hh(b.fromHour)} to ${hh(b.toHour)}: fromHour must be before toHour (split a band across midnight into two)`);
    }
    const twice = b.days.filter((d, j) => b.days.indexOf(d) !== j);
    if (twice.length > 0) shape.push(`bands[${i}].days lists ${[...new Set(twice)].join(', ')} more than once`);
  });
  if (shape.length > 0) return shape;

  const errors: string[] = [];
  for (let i = 0; i < bands.length; i++) {
    for (let j = i + 1; j < bands.length; j++) {
      const [a, b] = [bands[i], bands[j]];
      if (a.fromHour >= b.toHour || b.fromHour >= a.toHour) continue;
      const shared = DAYS.filter((d) => a.days.includes(d) && b.days.includes(d));
      if (shared.length === 0) continue;
      const also = shared.length > 1 ? ` (also on ${shared.slice(1).map(dayName).join(', ')})` : '';
      errors.push(`bands overlap: ${bandRange(shared[0], a)} and ${bandRange(shared[0], b)}${also}`);
    }
  }

  // Uncovered runs, grouped by hours so a missing weekend reads as one line.
  const gaps = new Map<string, Weekday[]>();
  for (const day of DAYS) {
    const covered = new Array<boolean>(24).fill(false);
    for (const b of bands) if (b.days.includes(day)) for (let h = b.fromHour; h < b.toHour; h++) covered[h] = true;
    for (let h = 0; h < 24; h++) {
      if (covered[h]) continue;
      const from = h;
      while (h < 24 && !covered[h]) h++;
      const key = `${hh(from)}-${hh(h)}`;
      gaps.set(key, [...(gaps.get(key) ?? []), day]);
    }
  }
  for (const [range, days] of gaps) errors.push(`hours ${range} on ${days.map(dayName).join(', ')} are not covered by any band`);
  return errors;
}

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
    for (const d of b.days) for (let h = b.fromHour; h < b.toHour; h++) prices[DAYS.indexOf(d) * 24 + h] = b.pricePerKwh;
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

/** Mean price over the 24 elapsed hours from `startMs` (hourly steps in real time, so DST days stay 24 h). */
export function touDayAvgPrice(tariff: TouTariff, startMs: number, timeZone: string): number {
  let sum = 0;
  for (let k = 0; k < 24; k++) sum += touPriceAt(tariff, startMs + k * MS_PER_HOUR, timeZone);
  return sum / 24;
}

/** Time-of-use pricing: the band now, and the mean of the next 24 hours for the day's cost. */
export const touPricing: TariffPricing<TouTariff> = {
  price: (tariff, ctx) => ({
    pricePerKwh: touPriceAt(tariff, ctx.nowMs, ctx.timeZone),
    dayAvgPricePerKwh: touDayAvgPrice(tariff, ctx.nowMs, ctx.timeZone),
    stale: false,
  }),
};
