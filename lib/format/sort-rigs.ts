/**
 * Problems-first ordering of rigs for tables: an operator scanning a wall display should meet the rigs
 * that need attention before the healthy ones.
 */
import type { RigView } from '../domain/fleet';

/**
 * Rank of a rig's problem, lower is worse: 0 offline, 1 stale, 2 error, 3 throttled, 4 anything else.
 * Connectivity outranks the miner status because a stale rig's status is only the last known one.
 */
export function rigProblemRank(rig: RigView): number {
  if (rig.connectivity === 'offline') return 0;
  if (rig.connectivity === 'stale') return 1;
  const status = rig.reading?.status;
  if (status === 'error') return 2;
  if (status === 'throttled') return 3;
  return 4;
}

// numeric: true so "rig-2" sorts before "rig-10"; a fixed locale keeps server and browser in agreement.
/** How rig tables compare text: case-insensitive, digits by value ("rig-2" before "rig-10"). */
export const rigTextCollator = new Intl.Collator('en-US', { numeric: true, sensitivity: 'base' });

/** The tie-break every rig order ends with: by name, then by id (so equal names keep a fixed order). */
export function compareRigNames(a: RigView, b: RigView): number {
  return rigTextCollator.compare(a.name, b.name) || a.id - b.id;
}

/** A new array: offline, stale, error, throttled, then the rest; by name within each group, then by id. */
export function sortRigsProblemsFirst(rigs: readonly RigView[]): RigView[] {
  return [...rigs].sort((a, b) => rigProblemRank(a) - rigProblemRank(b) || compareRigNames(a, b));
}
