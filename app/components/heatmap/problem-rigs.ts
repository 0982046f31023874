/**
 * The rigs needing attention first, from the heat-map cells alone (so it works at 10,000 rigs without their
 * full views): worst state first, then graded temperature above the site's warning level, then money. A rig
 * mining cool at a profit, or sleeping on purpose, is not a problem. Pure.
 */
import type { RigCell } from '../../../lib/domain/rig-cell';
import { rigTextCollator } from '../../../lib/format/sort-rigs';

/** Why a rig is on the list, worst first. */
export const PROBLEMS = ['offline', 'error', 'critical', 'stale', 'very-hot', 'throttled', 'losing', 'hot'] as const;
export type Problem = (typeof PROBLEMS)[number];

/** The words of each problem's badge. */
export const PROBLEM_LABEL: Record<Problem, string> = {
  offline: 'Offline',
  error: 'Error',
  critical: 'Critical temp',
  stale: 'Stale',
  'very-hot': 'Very hot',
  throttled: 'Throttled',
  losing: 'Losing money',
  hot: 'Hot',
};

/** How bad a problem is, for its badge's colour: bad (red), warn (amber) or note. */
export const PROBLEM_SEVERITY: Record<Problem, 'bad' | 'warn' | 'note'> = {
  offline: 'bad',
  error: 'bad',
  critical: 'bad',
  stale: 'warn',
  'very-hot': 'warn',
  throttled: 'warn',
  losing: 'bad',
  hot: 'note',
};

/** The worst problem of a cell, or null when it has none. */
export function problemOf(cell: Pick<RigCell, 'state' | 'profitBand' | 'tempBand'>): Problem | null {
  if (cell.state === 'offline' || cell.state === 'error') return cell.state;
  if (cell.tempBand === 'critical') return 'critical';
  if (cell.state === 'stale') return 'stale';
  if (cell.tempBand === 'very-hot') return 'very-hot';
  if (cell.state === 'throttled') return 'throttled';
  if (cell.profitBand === 'losing') return 'losing';
  if (cell.tempBand === 'hot') return 'hot';
  return null;
}

/** One line of the list. */
export interface ProblemRig {
  cell: RigCell;
  problem: Problem;
}

/** The worst `limit` rigs (by problem, then name), and how many have a problem in all. */
export function topProblemRigs(cells: readonly RigCell[], limit: number): { rigs: ProblemRig[]; total: number } {
  const rank = new Map(PROBLEMS.map((p, i) => [p, i]));
  const lines: ProblemRig[] = [];
  for (const cell of cells) {
    const problem = problemOf(cell);
    if (problem) lines.push({ cell, problem });
  }
  lines.sort(
    (a, b) => rank.get(a.problem)! - rank.get(b.problem)! || rigTextCollator.compare(a.cell.name, b.cell.name) || a.cell.id - b.cell.id,
  );
  return { rigs: lines.slice(0, Math.max(0, limit)), total: lines.length };
}
