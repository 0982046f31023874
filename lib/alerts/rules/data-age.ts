/** What network-stale and price-stale share: fleet-wide data older than its limit. Pure. */
import { FLEET_SUBJECT_ID, type RuleVerdict } from './rule';
import type { afterSchema } from './threshold-fields';
import type { z } from 'zod';

/** The verdict on data of `what` fetched at `fetchedAtMs`: null never fetched, undefined not used (not judged). */
export function dataAgeVerdicts(
  what: string,
  fetchedAtMs: number | null | undefined,
  nowMs: number,
  t: z.output<typeof afterSchema>,
): RuleVerdict[] {
  if (fetchedAtMs === undefined || !t.enabled) return [];
  const base = { subjectId: FLEET_SUBJECT_ID, siteId: null };
  if (fetchedAtMs === null) return [{ ...base, breached: true, value: null, detail: `${what} data never fetched` }];
  const ageMs = nowMs - fetchedAtMs;
  const detail = `${what} data ${Math.round(ageMs / 60_000)} min old (limit ${t.afterMs / 60_000} min)`;
  return [{ ...base, breached: ageMs > t.afterMs, value: ageMs, detail }];
}
