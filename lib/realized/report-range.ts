/**
 * A report request's range from its query parameters (pure): period (day, week, month; default day),
 * from and to (YYYY-MM-DD, inclusive; default the last 31 days, 12 weeks or 12 months up to today in the
 * report's time zone), widened to whole periods. A malformed value is refused naming the parameter.
 */
import { z } from 'zod';
import { describeValue } from '../util/describe-value';
import { err, ok, type Result } from '../util/result';
import { issueMessages, type IssueWording } from '../util/zod-issues';
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

/** A day parameter: YYYY-MM-DD, a real calendar day. */
const daySchema = z.string().refine(isDay).optional();

/** The query parameters a range is read from (absent: undefined); checked in this order, the first problem refused. */
const rangeParamsSchema = z.object({
  period: z.enum(REPORT_PERIODS as unknown as [ReportPeriod, ...ReportPeriod[]]).default('day'),
  from: daySchema,
  to: daySchema,
});

/** The period's message is the house wording (quoted up to 80 characters); a day's names the format, quoted up to 40. */
const RANGE_WORDING: IssueWording = {
  subject: 'the range',
  quoteChars: 80,
  custom: (issue, where, input) =>
    where === 'from' || where === 'to' ? `${where} must be a day written YYYY-MM-DD (got ${describeValue(input, 40)})` : undefined,
};

/** The range of `params`, with `today` the current local day of the report's time zone; or why not. */
export function parseReportRange(params: URLSearchParams, today: string): Result<ReportRange, string> {
  const parsed = rangeParamsSchema.safeParse(
    { period: params.get('period') ?? undefined, from: params.get('from') ?? undefined, to: params.get('to') ?? undefined },
    { reportInput: true },
  );
  if (!parsed.success) return err(issueMessages(parsed.error.issues, RANGE_WORDING)[0]);
  const p = parsed.data.period;
  const to = parsed.data.to ?? today;
  const defaultFrom = p === 'day' ? addDays(to, -30) : p === 'week' ? addDays(to, -7 * 11) : `${shiftMonths(to, -11)}-01`;
  const from = parsed.data.from ?? defaultFrom;
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
