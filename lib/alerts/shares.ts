/**
 * When each rig's accepted-share count last went up, carried from sweep to sweep by the collector for the
 * no-shares rule. Pure.
 *
 * - The first sighting is a baseline counted as "seen now": after a collector restart a rig gets the full
 *   no-shares window before it can alert, instead of alerting at once.
 * - A count that drops (the miner restarted and its counters reset) becomes the new baseline; the time of
 *   the last rise is kept.
 * - A rig without a reading keeps its entry (offline has its own rule); a rig without pools is not tracked.
 */

export interface SharesSeen {
  accepted: number;
  /** When the count last rose (or the baseline was taken). */
  atMs: number;
}

export interface SharesRig {
  id: number;
  reading: { pools: readonly { accepted: number }[] } | null;
}

/** The next tracker state after a sweep; rigs no longer listed are dropped. */
export function trackShares(previous: ReadonlyMap<number, SharesSeen>, rigs: readonly SharesRig[], nowMs: number): Map<number, SharesSeen> {
  const next = new Map<number, SharesSeen>();
  for (const rig of rigs) {
    const prev = previous.get(rig.id);
    if (!rig.reading) {
      if (prev) next.set(rig.id, prev);
      continue;
    }
    if (rig.reading.pools.length === 0) continue;
    const accepted = rig.reading.pools.reduce((sum, p) => sum + (Number.isFinite(p.accepted) ? p.accepted : 0), 0);
    if (!prev) next.set(rig.id, { accepted, atMs: nowMs });
    else if (accepted > prev.accepted) next.set(rig.id, { accepted, atMs: nowMs });
    else next.set(rig.id, { accepted, atMs: prev.atMs });
  }
  return next;
}

/** The no-shares input of a rig: when its count last rose, or undefined when not tracked. */
export function sharesAcceptedAtMs(seen: ReadonlyMap<number, SharesSeen>, rigId: number): number | undefined {
  return seen.get(rigId)?.atMs;
}
