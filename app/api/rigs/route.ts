import { NextResponse } from 'next/server';
import { getAppDb } from '../../../lib/db/app-db';
import { lastSweepEndMs } from '../../../lib/db/queries/fleet';
import { listRigViews } from '../../../lib/db/queries/rigs';

export const dynamic = 'force-dynamic';

/** Every rig with connectivity, last seen, last error and its latest normalized reading. */
export function GET() {
  const db = getAppDb();
  const rigs = db.sqlite.transaction(() => ({ rigs: listRigViews(db), updatedAtMs: lastSweepEndMs(db) }))();
  return NextResponse.json(rigs);
}
