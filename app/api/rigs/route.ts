import { NextResponse } from 'next/server';
import { getAppDb } from '../../../lib/db/app-db';
import { latestEconomics } from '../../../lib/db/queries/economics';
import { lastSweepEndMs } from '../../../lib/db/queries/fleet';
import { addRigsToSite, RigConflictError } from '../../../lib/db/mutations/add-rigs';
import { listRigViews, siteExists } from '../../../lib/db/queries/rigs';
import { parseNewRigs } from '../../../lib/rigs/rig-input';
import { viewer } from '../../principal';
import { visibleTo } from '../../../lib/auth/site-scope';
import { jsonBody, problem, refused } from '../request';
import { DRIVER_DEFAULT_PORTS as DEFAULT_PORTS, DRIVER_NAMES } from '../../../lib/domain/driver-kinds';
import { readTransaction } from '../../../lib/db/transactions';

export const dynamic = 'force-dynamic';

/** Every rig of the caller's sites with connectivity, last seen, last error, its latest normalized reading and economics. */
export async function GET() {
  const db = getAppDb();
  const who = await viewer();
  const body = readTransaction(db, () => {
    const economics = latestEconomics(db).rigs;
    // Each rig carries its latest economics in its site's currency (null while none were computed).
    const rigs = visibleTo(who, listRigViews(db), (rig) => rig.siteId).map((rig) => ({ ...rig, economics: economics[rig.id] ?? null }));
    return { rigs, updatedAtMs: lastSweepEndMs(db) };
  });
  return NextResponse.json(body);
}

/**
 * Adds rigs to a site, from probe or scan results or typed in: `{ siteId, rigs: [{ address, port, driver,
 * name?, model?, algorithm? }] }`. All or nothing: an address:port already registered (or given twice) or a
 * name already taken is a 409 naming it, and nothing is added.
 */
export async function POST(request: Request) {
  const parsed = await jsonBody(request);
  if (parsed instanceof NextResponse) return parsed;
  const db = getAppDb();
  const input = parseNewRigs(parsed.body, { siteExists: (id) => siteExists(db, id), driverNames: DRIVER_NAMES });
  if (!input.ok) return refused(input.error);
  try {
    const result = addRigsToSite(db, input.value.siteId, input.value.rigs, {
      nowMs: Date.now(),
      defaultPorts: DEFAULT_PORTS,
      allOrNothing: true,
    });
    if (!result) return problem(400, `siteId: there is no site ${input.value.siteId}`);
    return NextResponse.json({ ok: true, added: result.added }, { status: 201 });
  } catch (err) {
    if (err instanceof RigConflictError)
      return problem(
        409,
        err.message,
        err.skipped.map((s) => `${s.address}:${s.port}: ${s.reason}`),
      );
    throw err;
  }
}
