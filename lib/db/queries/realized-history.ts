/**
 * Realized history of a site or the fleet (the caller's sites) for the charts: ?range=24h|7d|30d|1y. A
 * site the caller may not see is unknown, as one that does not exist.
 */
import { z } from 'zod';
import { seesSite, type SiteIds } from '../../auth/site-scope';
import { historyPoints, rangeSpan, REALIZED_RANGES, type RealizedPoint, type RealizedRange } from '../../realized/history';
import { describeValue } from '../../util/describe-value';
import { err, ok, type Result } from '../../util/result';
import { issueMessages } from '../../util/zod-issues';
import { refuse, type Refusal } from '../../util/refusal';
import type { Db } from '../client';
import { readTransaction } from '../transactions';
import { fleetTimeZone, siteHours } from './realized';
import { listSites } from './sites';

const realizedRangeSchema = z.enum(REALIZED_RANGES);

/** `range` as a chart's range, or why not (the house wording: "range must be one of 24h, 7d, ... (got ...)"). */
export function parseRealizedRange(range: unknown): Result<RealizedRange, string> {
  const parsed = realizedRangeSchema.safeParse(range, { reportInput: true });
  return parsed.success ? ok(parsed.data) : err(issueMessages(parsed.error.issues, { subject: 'range', quoteChars: 40 })[0]);
}

/** A chart's data: points oldest first, in `currency` per kWh, days of `timeZone`. */
export interface RealizedHistory {
  scope: 'site' | 'fleet';
  name: string;
  range: RealizedRange;
  bucket: 'hour' | 'day';
  currency: string;
  timeZone: string;
  /** The window the chart spans (the x axis), whatever the points cover. */
  fromMs: number;
  toMs: number;
  points: RealizedPoint[];
}

/** The history of `site` ("fleet" or a site id) over `range`, or an 'invalid' refusal naming what is wrong. */
export function realizedHistory(
  db: Db,
  siteIds: SiteIds,
  site: string,
  range: string,
  nowMs: number,
  fleetCurrency: string,
): Result<RealizedHistory, Refusal> {
  const parsed = parseRealizedRange(range);
  if (!parsed.ok) return refuse('invalid', parsed.error);
  const r = parsed.value;
  const { fromMs, bucket } = rangeSpan(r, nowMs);
  return readTransaction(db, (): Result<RealizedHistory, Refusal> => {
    const sites = listSites(db).filter((s) => seesSite({ siteIds }, s.id));
    if (site === 'fleet') {
      const timeZone = fleetTimeZone(db);
      const hours = siteHours(
        db,
        sites.map((s) => s.id),
        fromMs,
        nowMs + 1,
        true,
      );
      return ok({
        scope: 'fleet' as const,
        name: 'Fleet',
        range: r,
        bucket,
        currency: fleetCurrency,
        timeZone,
        fromMs,
        toMs: nowMs,
        points: historyPoints(hours, bucket, timeZone, nowMs),
      });
    }
    const one = sites.find((s) => /^\d{1,9}$/.test(site) && s.id === Number(site));
    if (!one) return refuse('invalid', `unknown site ${describeValue(site, 40)}: site must be the id of one of your sites or "fleet"`);
    const hours = siteHours(db, [one.id], fromMs, nowMs + 1, false);
    return ok({
      scope: 'site' as const,
      name: one.name,
      range: r,
      bucket,
      currency: one.currency,
      timeZone: one.timeZone,
      fromMs,
      toMs: nowMs,
      points: historyPoints(hours, bucket, one.timeZone, nowMs),
    });
  });
}
