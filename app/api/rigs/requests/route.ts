import { NextResponse } from 'next/server';
import { getAppDb } from '../../../../lib/db/app-db';
import { recordDeviceRequest } from '../../../../lib/db/mutations/device-requests';
import { siteExists } from '../../../../lib/db/queries/rigs';
import { parseDeviceRequestInput } from '../../../../lib/rigs/device-request-input';
import { jsonBody, refused } from '../../request';

export const dynamic = 'force-dynamic';

/**
 * Asks the collector to probe one address (`{ kind: 'probe', address, port?, siteId }`) or scan a range
 * (`{ kind: 'scan', range, ports?, siteId }`); 202 with the request to poll at /api/rigs/requests/{id}.
 */
export async function POST(request: Request) {
  const parsed = await jsonBody(request);
  if (parsed instanceof NextResponse) return parsed;
  const db = getAppDb();
  const input = parseDeviceRequestInput(parsed.body, (id) => siteExists(db, id));
  if (!input.ok) return refused(input.error);
  return NextResponse.json({ ok: true, request: recordDeviceRequest(db, input.value, Date.now()) }, { status: 202 });
}
