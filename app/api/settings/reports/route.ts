import { NextResponse } from 'next/server';
import { getAppDb } from '../../../../lib/db/app-db';
import { setFleetTimeZone } from '../../../../lib/db/mutations/fleet-time-zone';
import { fleetTimeZone, FLEET_TIME_ZONE_KEY } from '../../../../lib/db/queries/realized';
import { jsonBody, problem } from '../../request';

export const dynamic = 'force-dynamic';

/** `{ fleetTimeZone, setting }`: the zone fleet reports follow, and the stored setting (null: the first site's). */
function current() {
  const db = getAppDb();
  const row = db.sqlite.prepare('select value_json from app_settings where key = ?').get(FLEET_TIME_ZONE_KEY) as
    { value_json: string } | undefined;
  return { fleetTimeZone: fleetTimeZone(db), setting: row ? (JSON.parse(row.value_json) as string) : null };
}

/** The fleet reports' time zone setting. */
export function GET() {
  return NextResponse.json(current());
}

/** Body `{ fleetTimeZone: "America/Chicago" }`, or null for the first site's; `400` naming a zone that is not IANA. */
export async function PUT(request: Request) {
  const parsed = await jsonBody(request);
  if (parsed instanceof NextResponse) return parsed;
  const body = parsed.body;
  if (typeof body !== 'object' || body === null || !('fleetTimeZone' in body))
    return problem(400, 'the body must be { "fleetTimeZone": "<IANA zone>" | null }');
  const out = setFleetTimeZone(getAppDb(), (body as { fleetTimeZone: unknown }).fleetTimeZone, Date.now());
  return out.ok ? NextResponse.json(current()) : problem(400, out.error);
}
