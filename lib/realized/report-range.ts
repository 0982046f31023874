/**
 * A report request's range from its query parameters (pure): period (day, week, month; default day),
 * from and to (YYYY-MM-DD, inclusive; default the last 31 days, 12 weeks or 12 months up to today in the
 * report's time zone), widened to whole periods. A malformed value is refused naming the parameter.
 */
import { describeValue } from '../util/describe-value';
import { err, ok, type Result } from '../util/result';
import { addDays, isDay } from './local-time';
import { periodOf, REPORT_PERIODS, type ReportPeriod } from './periods';

/** The longest range one report covers, days (ten years). */
export const MAX_REPORT_DAYS = 3660;

/** A parsed range: whole periods from firstDay to lastDay (inclusive). */
export interface ReportRange {
  period: ReportPeriod;
  firstDay: string;
  lastDay: string;
}

/** The range of `params`, with `today` the current local day of the report's time zone; or why not. */
export function parseReportRange(params: URLSearchParams, today: string): Result<ReportRange, string> {
  const period = params.get('period') ?? 'day';
  if (!(REPORT_PERIODS as readonly string[]).includes(period))
    return err(`period must be one of ${REPORT_PERIODS.join(', ')} (got ${describeValue(period)})`);
  const p = period as ReportPeriod;
  for (const name of ['from', 'to'] as const) {
    const v = params.get(name);
    if (v !== null && !isDay(v)) return err(`${name} must be a day written YYYY-MM-DD (got ${describeValue(v, 40)})`);
  }
  const to = params.get('to') ?? today;
  const defaultFrom = p === 'day' ? addDays(to, -30) : p === 'week' ? addDays(to, -7 * 11) : `${shiftMonths(to, -11)}-01`;
  const from = params.get('from') ?? defaultFrom;
  if (from > to) return err(`from (${from}) must not be after to (${to})`);
  const firstDay = periodOf(from, p).firstDay;
  const lastDay = periodOf(to, p).lastDay;
  if (Date.parse(lastDay) - Date.parse(firstDay) > MAX_REPORT_DAYS * 86_400_000)
    return err(`the range from ${from} to ${to} is longer than ${MAX_REPORT_DAYS} days`);
  return ok({ period: p, firstDay, lastDay });
}

/** "YYYY-MM" `n` months from the month of `day`. */
function shiftMonths(day: string, n: number): string {
  const d = new Date(Date.parse(`${day.slice(0, 7)}-01T00:00:00Z`));
  d.setUTCMonth(d.getUTCMonth() + n);
  return d.toISOString().slice(0, 7);
}
