/** The alert an ack or snooze request names, checked before the request is recorded for the collector. */
import { NextResponse } from 'next/server';
import type { Db } from '../../../lib/db/client';
import { getAlert } from '../../../lib/db/queries/alerts';
import type { AlertView } from '../../../lib/views/alert-contracts';
import { problem } from '../request';
import { can } from '../../../lib/auth/roles';
import { viewer } from '../../principal';

/**
 * The firing alert `rawId` names, or the 404/409 reply: 404 too for an alert the caller may not act on
 * (another site's, or a fleet-wide one for a caller limited to some sites), so its existence is not told.
 */
export async function firingAlert(db: Db, rawId: string): Promise<AlertView | NextResponse> {
  const id = decodeURIComponent(rawId);
  const alert = getAlert(db, id);
  if (!alert || !can(await viewer(), 'acknowledge', alert.siteId)) return problem(404, `no alert ${JSON.stringify(id)}`);
  if (alert.resolvedAtMs !== null) return problem(409, `alert ${JSON.stringify(id)} is already resolved`);
  return alert;
}

/** 202: recorded, the collector acts on it within a second or so. */
export function accepted(request: unknown) {
  return NextResponse.json({ ok: true, request }, { status: 202 });
}
