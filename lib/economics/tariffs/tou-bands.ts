/**
 * The week of a time-of-use tariff: weekday names and the rule that bands cover the 168 hours of the week
 * exactly once. Apart from the schema (schema.ts validates with it) and the price lookup (tou.ts), so
 * neither needs the other.
 */
import { MessageList } from '../../util/message-list';

/** Days of the week as tariffs name them, Monday first. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** What the coverage rule reads of a band (a TouBand, before or after parsing). */
export interface TouBandHours {
  days: readonly Weekday[];
  fromHour: number;
  toHour: number;
}

/** Hours in a week: a time-of-use tariff has at most one band per weekday-hour. */
export const HOURS_PER_WEEK = 168;

function dayName(day: Weekday): string {
  return day[0].toUpperCase() + day.slice(1);
}

function hh(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}

function bandRange(day: Weekday, band: TouBandHours): string {
  return `${dayName(day)} ${hh(band.fromHour)}-${hh(band.toHour)}`;
}

/**
 * Why a list of bands does not cover the week exactly once: bands that end before they start, list a day
 * twice, overlap, or leave hours uncovered. Empty when the bands are valid. Linear in the bands (each
 * weekday-hour remembers the first band that claimed it) and at most MAX_MESSAGES lines, however many
 * bands there are.
 */
export function touBandErrors(bands: readonly TouBandHours[]): string[] {
  const shape = new MessageList();
  bands.forEach((b, i) => {
    if (b.fromHour >= b.toHour) {
      shape.add(
        () =>
          `bands[${i}] runs from ${hh(b.fromHour)} to ${hh(b.toHour)}: fromHour must be before toHour (split a band across midnight into two)`,
      );
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
      const day = WEEKDAYS.indexOf(d);
      for (let h = b.fromHour; h < b.toHour; h++) {
        const cell = day * 24 + h;
        const i = owner[cell];
        if (i < 0) owner[cell] = j;
        else overlapDays.set(i, (overlapDays.get(i) ?? 0) | (1 << day));
      }
    }
    for (const i of [...overlapDays.keys()].sort((x, y) => x - y)) {
      errors.add(() => {
        const shared = WEEKDAYS.filter((_, day) => (overlapDays.get(i)! & (1 << day)) !== 0);
        const also = shared.length > 1 ? ` (also on ${shared.slice(1).map(dayName).join(', ')})` : '';
        return `bands overlap: ${bandRange(shared[0], bands[i])} and ${bandRange(shared[0], b)}${also}`;
      });
    }
  });

  // Uncovered runs, grouped by hours so a missing weekend reads as one line.
  const gaps = new Map<string, Weekday[]>();
  WEEKDAYS.forEach((day, d) => {
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
