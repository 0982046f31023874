/**
 * The latest economics as the live path sends them: fleet and sites always, rigs only those asked for (a
 * page or socket watching them), so a delta does not carry 10,000 rigs' figures.
 */
import { and, eq, inArray, ne } from 'drizzle-orm';
import type { EconomicsSnapshot, EconomicsView } from '../../views/contracts';
import type { Db } from '../client';
import { economics, rigEconomics as rigEconomicsTable } from '../schema';
import { economicsOfSweep, latestEconomicsSweepId, toEconomicsView } from './economics';

/** Which rigs' economics to include: a list of ids, or every rig (pages that still list the whole fleet). */
export type RigSelection = readonly number[] | 'all';

/** Economics of sweep `sweepId` (latest when omitted): fleet, sites and the selected rigs. */
export function economicsFor(db: Db, rigIds: RigSelection, sweepId: number | null = latestEconomicsSweepId(db)): EconomicsSnapshot {
  if (rigIds === 'all') return economicsOfSweep(db, sweepId);
  const out: EconomicsSnapshot = { fleet: null, sites: {}, rigs: {} };
  if (sweepId === null) return out;
  for (const row of db.orm
    .select()
    .from(economics)
    .where(and(eq(economics.sweepId, sweepId), ne(economics.scope, 'rig')))
    .all()) {
    if (row.scope === 'fleet') out.fleet = toEconomicsView(row);
    else out.sites[row.scopeId] = toEconomicsView(row);
  }
  out.rigs = rigEconomics(db, rigIds, sweepId);
  return out;
}

/** The selected rigs' economics of sweep `sweepId`, by rig id. */
export function rigEconomics(db: Db, rigIds: readonly number[], sweepId: number | null): Record<number, EconomicsView> {
  const out: Record<number, EconomicsView> = {};
  if (sweepId === null || rigIds.length === 0) return out;
  for (const row of db.orm
    .select()
    .from(rigEconomicsTable)
    .where(and(eq(rigEconomicsTable.sweepId, sweepId), inArray(rigEconomicsTable.rigId, [...rigIds])))
    .all())
    out[row.rigId] = toEconomicsView(row);
  return out;
}
