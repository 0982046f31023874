/**
 * The fleet time zone setting (app_settings 'fleet-time-zone'): the calendar fleet reports follow.
 * Validated here (an IANA zone, stored in its canonical spelling); null clears it (back to the first site's).
 */
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { canonicalTimeZone } from '../../settings/site-input';
import { describeValue } from '../../util/describe-value';
import type { Db } from '../client';
import { FLEET_TIME_ZONE_KEY } from '../queries/realized';
import { appSettings } from '../schema';
import { writeTransaction } from '../transactions';
import { err, ok, type Result } from '../../util/result';
import { issueMessages, type IssueWording } from '../../util/zod-issues';

/** An IANA zone, read into its canonical spelling (null: not a zone), or null to clear the setting. */
const fleetTimeZoneSchema = z.union([z.null(), z.string().transform(canonicalTimeZone).pipe(z.string())]);

/** Whatever is wrong, one message: what is accepted, and the value given. */
function fleetTimeZoneWording(value: unknown): IssueWording {
  return {
    subject: 'fleetTimeZone',
    custom: () =>
      `fleetTimeZone must be an IANA time zone such as Europe/Berlin, America/Chicago or UTC, or null for the first site's (got ${describeValue(value, 60)})`,
  };
}

/** Sets (or with null clears) the fleet time zone; refuses a value that is not an IANA zone, naming it. */
export function setFleetTimeZone(db: Db, value: unknown, nowMs: number): Result<string | null, string> {
  const parsed = fleetTimeZoneSchema.safeParse(value);
  if (!parsed.success) return err(issueMessages(parsed.error.issues, fleetTimeZoneWording(value))[0]);
  const tz = parsed.data;
  if (tz === null) {
    writeTransaction(db, () => db.orm.delete(appSettings).where(eq(appSettings.key, FLEET_TIME_ZONE_KEY)).run());
    return ok(null);
  }
  const valueJson = JSON.stringify(tz);
  writeTransaction(db, () =>
    db.orm
      .insert(appSettings)
      .values({ key: FLEET_TIME_ZONE_KEY, valueJson, updatedAtMs: nowMs })
      .onConflictDoUpdate({ target: appSettings.key, set: { valueJson, updatedAtMs: nowMs } })
      .run(),
  );
  return ok(tz);
}
