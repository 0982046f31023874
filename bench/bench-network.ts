/** The fixed network state the benchmarks price every sweep with (no network source is polled). */
import type { NetworkState } from '../lib/domain/network';

/** Difficulty, subsidy and fees of late 2025; no next adjustment. */
export const BENCH_NETWORK: NetworkState = {
  tipHeight: 925_000,
  subsidySats: 312_500_000,
  difficulty: 1.48e14,
  feesPerBlockSats: 3_600_000,
  networkHashrateThs: null,
  nextAdjustment: null,
  halving: { height: 1_050_000, blocksLeft: 125_000, estimatedDateMs: 0 },
};
