/**
 * Problems-first ordering that also counts money: a rig losing money is a problem an operator should
 * meet before the healthy rigs, but after the ones that are not answering or are failing (whose figures
 * are only last known). Builds on lib/format/sort-rigs so both orders agree on everything else.
 */
import type { RigView } from '../../../lib/views/contracts';
import { compareRigNames, rigProblemRank } from '../../../lib/format/sort-rigs';

/** Between "throttled" (3) and healthy (4) in rigProblemRank's scale. */
const LOSING_RANK = 3.5;

/** rigProblemRank with "losing money" slotted in between throttled and healthy; lower is worse. */
export function rigRankWithLosses(rig: RigView, losing: boolean): number {
  const base = rigProblemRank(rig);
  return base === 4 && losing ? LOSING_RANK : base;
}

/** A new array: offline, stale, error, throttled, losing money, then the rest; by name, then id. */
export function sortRigsWithLosses(rigs: readonly RigView[], isLosing: (rigId: number) => boolean): RigView[] {
  const rank = (r: RigView) => rigRankWithLosses(r, isLosing(r.id));
  return [...rigs].sort((a, b) => rank(a) - rank(b) || compareRigNames(a, b));
}
