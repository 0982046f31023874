import { NextResponse } from 'next/server';
import { getAppDb } from '../../../lib/db/app-db';
import { latestEconomics } from '../../../lib/db/queries/economics';
import { lastSweepEndMs } from '../../../lib/db/queries/fleet';
import { listRigViews } from '../../../lib/db/queries/rigs';
import { visibleSiteIds } from '../../principal';

export const dynamic = 'force-dynamic';

/** Every rig with connectivity, last seen, last error, its latest normalized reading and economics. */
export async function GET() {
  const db = getAppDb();
  const siteIds = await visibleSiteIds();
  const body = db.sqlite.transaction(() => {
    const economics = latestEconomics(db).rigs;
    // Each rig carries its latest economics in its site's currency (null while none were computed).
    const rigs = listRigViews(db).filter((rig) => siteIds === null || siteIds.includes(rig.siteId)).map((rig) => ({ ...rig, economics: economics[rig.id] ?? null }));
    return { rigs, updatedAtMs: lastSweepEndMs(db) };
  })();
  return NextResponse.json(body);
}
