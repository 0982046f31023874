/**
 * Consensus arithmetic of issuance (economics.md formula 4): the subsidy at a height, the halving
 * countdown and the retarget schedule. Satoshis are integers and the halving is a shift, never a float
 * division, so 50 BTC >> 33 is exactly 0 sats (as in Bitcoin Core's GetBlockSubsidy).
 */

/** Blocks between halvings. */
export const HALVING_INTERVAL_BLOCKS = 210_000;
/** Blocks between difficulty retargets. */
export const RETARGET_INTERVAL_BLOCKS = 2016;
/** The genesis subsidy, satoshis. */
const INITIAL_SUBSIDY_SATS = 5_000_000_000n;

function assertHeight(height: number, what: string): void {
  if (!Number.isSafeInteger(height) || height < 0) {
    throw new RangeError(`${what} must be a whole number >= 0 (got ${height})`);
  }
}

/** Block subsidy at `height`, integer satoshis: 50 BTC >> floor(height / 210000), 0 from the 64th halving. */
export function subsidySatsAt(height: number): number {
  assertHeight(height, 'block height');
  const halvings = Math.floor(height / HALVING_INTERVAL_BLOCKS);
  // A shift by >= 64 is undefined behaviour for a 64-bit integer in C++; consensus defines it as 0.
  if (halvings >= 64) return 0;
  return Number(INITIAL_SUBSIDY_SATS >> BigInt(halvings));
}

/** The next halving after a tip, with the subsidy before and after it. */
export interface HalvingInfo {
  /** Height of the first block paying the halved subsidy. */
  height: number;
  blocksLeft: number;
  /** Estimated time of that block at the given average block time. */
  estimatedDateMs: number;
  subsidySatsNow: number;
  subsidySatsAfter: number;
}

/**
 * The next halving after `tipHeight`: the clock is a parameter (pure), and the ETA assumes
 * `avgBlockTimeS` per block (600 s, the target, unless the caller knows the recent pace).
 */
export function halvingInfo(tipHeight: number, nowMs: number, avgBlockTimeS = 600): HalvingInfo {
  assertHeight(tipHeight, 'tip height');
  if (!(avgBlockTimeS > 0) || !Number.isFinite(avgBlockTimeS)) {
    throw new RangeError(`average block time must be > 0 s (got ${avgBlockTimeS})`);
  }
  const height = (Math.floor(tipHeight / HALVING_INTERVAL_BLOCKS) + 1) * HALVING_INTERVAL_BLOCKS;
  const blocksLeft = height - tipHeight;
  return {
    height,
    blocksLeft,
    estimatedDateMs: Math.round(nowMs + blocksLeft * avgBlockTimeS * 1000),
    subsidySatsNow: subsidySatsAt(tipHeight),
    subsidySatsAfter: subsidySatsAt(height),
  };
}

/** Height at which the next difficulty retarget applies (the first block of the next 2016-block period). */
export function nextRetargetHeight(tipHeight: number): number {
  assertHeight(tipHeight, 'tip height');
  return (Math.floor(tipHeight / RETARGET_INTERVAL_BLOCKS) + 1) * RETARGET_INTERVAL_BLOCKS;
}
