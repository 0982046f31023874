/**
 * Time axis ticks for a linear x axis of epoch milliseconds (no date adapter): steps from a minute to a
 * year chosen so the labels fit the width, placed on round local times (12:00, midnight, Mondays, the
 * 1st of a month) rather than wherever the data starts, and labelled for the step ("14:30", "Apr 3",
 * "Apr", "Jan 2029"). Pure: the viewer's offset from UTC and time zone are arguments.
 */
import { formatClockTime } from '../../../lib/format/units';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
/** Exported for the tests' expected values. */
export const DAY_MS = 24 * HOUR_MS;
/** 1970-01-05 was a Monday: week ticks count from it. */
const MONDAY_MS = 4 * DAY_MS;

const FIXED_STEPS_MS: readonly number[] = [
  ...[1, 2, 5, 10, 15, 30].map((m) => m * MINUTE_MS),
  ...[1, 2, 3, 6, 12].map((h) => h * HOUR_MS),
  ...[1, 2, 7, 14].map((d) => d * DAY_MS),
];
const MONTH_STEPS = [1, 2, 3, 6, 12] as const;
/** A month, roughly, for deciding how many month ticks fit. */
const MONTH_MS = 30.44 * DAY_MS;

/** Tick positions and the step they were chosen with. */
export interface TimeTicks {
  /** Fixed step in ms, or for calendar months the number of months. */
  step: number;
  monthly: boolean;
  values: number[];
}

/**
 * Ticks within [minMs, maxMs], at most `maxTicks` of them, on round times of a zone `offsetMs` ahead of
 * UTC (what `-new Date().getTimezoneOffset() * 60_000` gives). Weeks start on Monday.
 */
export function timeTicks(minMs: number, maxMs: number, maxTicks: number, offsetMs = 0): TimeTicks {
  const spanMs = Math.max(0, maxMs - minMs);
  const fit = Math.max(1, maxTicks);
  const stepMs = FIXED_STEPS_MS.find((s) => spanMs / s <= fit);
  if (stepMs !== undefined) {
    const originMs = stepMs >= 7 * DAY_MS ? MONDAY_MS : 0;
    const values: number[] = [];
    const first = Math.ceil((minMs + offsetMs - originMs) / stepMs) * stepMs + originMs - offsetMs;
    for (let t = first; t <= maxMs; t += stepMs) values.push(t);
    return { step: stepMs, monthly: false, values };
  }
  const months = MONTH_STEPS.find((m) => spanMs / (m * MONTH_MS) <= fit) ?? 12;
  // Month starts in the viewer's zone: do the calendar in UTC on times shifted by the offset.
  const start = new Date(minMs + offsetMs);
  let year = start.getUTCFullYear();
  // The first month of the step at or after the start; one before minMs is skipped below.
  let month = Math.ceil(start.getUTCMonth() / months) * months;
  const values: number[] = [];
  for (;;) {
    year += Math.floor(month / 12);
    month %= 12;
    const t = Date.UTC(year, month, 1) - offsetMs;
    if (t > maxMs) break;
    if (t >= minMs) values.push(t);
    month += months;
  }
  return { step: months, monthly: true, values };
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

function calendarLabel(tsMs: number, withDay: boolean, timeZone: string | undefined): string {
  const key = `${timeZone ?? ''}|${withDay}`;
  let df = dayFormats.get(key);
  if (!df) {
    df = withDay
      ? new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone })
      : new Intl.DateTimeFormat('en-US', { month: 'short', timeZone });
    dayFormats.set(key, df);
  }
  return df.format(tsMs);
}

/**
 * A tick's label for its step: clock time below a day (with the date instead at midnight, so a 24 h
 * chart says where the day changes), "Apr 3" for day and week steps, the month for month steps, with
 * the year at each January.
 */
export function timeTickLabel(tsMs: number, ticks: Pick<TimeTicks, 'step' | 'monthly'>, timeZone?: string): string {
  if (ticks.monthly) {
    const month = calendarLabel(tsMs, false, timeZone);
    if (month !== 'Jan') return month;
    const year = new Intl.DateTimeFormat('en-US', { year: 'numeric', timeZone }).format(tsMs);
    return `${month} ${year}`;
  }
  if (ticks.step >= DAY_MS) return calendarLabel(tsMs, true, timeZone);
  const clock = formatClockTime(tsMs, timeZone);
  return clock === '00:00' ? calendarLabel(tsMs, true, timeZone) : clock;
}
