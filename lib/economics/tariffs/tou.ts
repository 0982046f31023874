/**
 * Time-of-use tariffs: price bands by weekday and hour in the site's time zone. The bands must cover the
 * 168 hours of the week exactly once. Lookups read the local weekday and hour of an instant through
 * Intl, so a DST change moves the band boundaries with the wall clock: the repeated autumn hour is priced
 * twice at its band, the skipped spring hour never.
 */
import { MessageList } from '../../util/message-list';
import type { TouBand, TouTariff, Weekday } from './schema';

const DAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const SHORT_DAY_INDEX: Record<string, number> = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };
/** Hours in a week: a time-of-use tariff has at most one band per weekday-hour. */
export const HOURS_PER_WEEK = 168;

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
 * twice, overlap, or leave hours uncovered. Empty when the bands are valid. Linear in the bands (each
 * weekday-hour remembers the first band that claimed it) and at most MAX_MESSAGES lines, however many
 * bands there are.
 */
export function touBandErrors(bands: readonly TouBand[]): string[] {
  const shape = new MessageList();
  bands.forEach((b, i) => {
    if (b.fromHour >= b.toHour) {
      shape.add(() => `bands[${i}] runs from ${hh(b.fromHour)} to ${hh(b.toHour)}: fromHour must be before toHour (split a band across midnight into two)`);
    }
    const seen = new Set<Weekday>();
    const twice = new Set<Weekday>();
    for (const d of b.days) (seen.has(d) ? twice : seen).add(d);
    if (twice.size > 0) shape.add(() => `bands[${i}].days lists ${[...twice].join(', ')} more than once`);
  });
  if (shape.count > 0) return shape.lines();

  const errors = new MessageList();
  // owner[hour of week]: the first band that covers it; a later band there overlaps it.
  const owner = new Int32Array(HOURS_PER_WEEK).fill(-1);
  bands.forEach((b, j) => {
    // Days (a bit per weekday) on which band j overlaps each earlier band.
    const overlapDays = new Map<number, number>();
    for (const d of b.days) {
      const day = DAYS.indexOf(d);
      for (let h = b.fromHour; h < b.toHour; h++) {
        const cell = day * 24 + h;
        const i = owner[cell];
        if (i < 0) owner[cell] = j;
        else overlapDays.set(i, (overlapDays.get(i) ?? 0) | (1 << day));
      }
    }
    for (const i of [...overlapDays.keys()].sort((x, y) => x - y)) {
      errors.add(() => {
        const shared = DAYS.filter((_, day) => (overlapDays.get(i)! & (1 << day)) !== 0);
        const also = shared.length > 1 ? ` (also on ${shared.slice(1).map(dayName).join(', ')})` : '';
        return `bands overlap: ${bandRange(shared[0], bands[i])} and ${bandRange(shared[0], b)}${also}`;
      });
    }
  });

  // Uncovered runs, grouped by hours so a missing weekend reads as one line.
  const gaps = new Map<string, Weekday[]>();
  DAYS.forEach((day, d) => {
    for (let h = 0; h < 24; h++) {
      if (owner[d * 24 + h] >= 0) continue;
      const from = h;
      while (h < 24 && owner[d * 24 + h] < 0) h++;
      const key = `${hh(from)}-${hh(h)}`;
      gaps.set(key, [...(gaps.get(key) ?? []), day]);
    }
  });
  for (const [range, days] of gaps) errors.add(`hours ${range} on ${days.map(dayName).join(', ')} are not covered by any band`);
  return errors.lines();
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
