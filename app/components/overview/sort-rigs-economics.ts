/**
 * Problems-first ordering that also counts money: a rig losing money is a problem an operator should
 * meet before the healthy rigs, but after the ones that are not answering or are failing (whose figures
 * are only last known). Builds on lib/format/sort-rigs so both orders agree on everything else.
 */
import type { RigView } from '../../../lib/realtime/contracts';
import { rigProblemRank } from '../../../lib/format/sort-rigs';

const byName = new Intl.Collator('en-US', { numeric: true, sensitivity: 'base' });

/** Between "throttled" (3) and healthy (4) in rigProblemRank's scale. */
const LOSING_RANK = 3.5;

/** A new array: offline, stale, error, throttled, losing money, then the rest; by name, then id. */
export function sortRigsWithLosses(rigs: readonly RigView[], isLosing: (rigId: number) => boolean): RigView[] {
  const rank = (r: RigView) => {
    const base = rigProblemRank(r);
    return base === 4 && isLosing(r.id) ? LOSING_RANK : base;
  };
  return [...rigs].sort((a, b) => rank(a) - rank(b) || byName.compare(a.name, b.name) || a.id - b.id);
}
