/**
 * Report periods of local calendar days: the day itself, its ISO week (Monday first, the week-numbering
 * year of ISO 8601) or its month. Pure string arithmetic on YYYY-MM-DD days.
 */
import { addDays } from './local-time';

/** A report's period. */
export type ReportPeriod = 'day' | 'week' | 'month';
export const REPORT_PERIODS: readonly ReportPeriod[] = ['day', 'week', 'month'];

const dayMs = (day: string) => Date.parse(`${day}T00:00:00Z`);

/** ISO weekday, 1 (Monday) to 7 (Sunday). */
function isoWeekday(day: string): number {
  return ((new Date(dayMs(day)).getUTCDay() + 6) % 7) + 1;
}

/** The ISO week of a day, e.g. "2026-W01" (a week belongs to the year of its Thursday). */
export function isoWeek(day: string): string {
  const thursday = addDays(day, 4 - isoWeekday(day));
  const year = thursday.slice(0, 4);
  const week = Math.floor((dayMs(thursday) - dayMs(`${year}-01-01`)) / 86_400_000 / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The period a day falls in: its key and its first and last day (inclusive). */
export function periodOf(day: string, period: ReportPeriod): { key: string; firstDay: string; lastDay: string } {
  if (period === 'day') return { key: day, firstDay: day, lastDay: day };
  if (period === 'week') {
    const firstDay = addDays(day, 1 - isoWeekday(day));
    return { key: isoWeek(day), firstDay, lastDay: addDays(firstDay, 6) };
  }
  const firstDay = `${day.slice(0, 7)}-01`;
  const next = new Date(dayMs(firstDay));
  next.setUTCMonth(next.getUTCMonth() + 1);
  return { key: day.slice(0, 7), firstDay, lastDay: addDays(next.toISOString().slice(0, 10), -1) };
}
