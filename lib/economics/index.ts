/**
 * The economics engine's public API (pure: no I/O, no clock, nothing from node: or lib/db), safe to
 * import from the browser's what-if panel as well as the collector and the CLI.
 */
export { aggregateEconomics, convertFigures } from './aggregate';
export {
  blocksPerDay,
  hashpriceBtcPerThDay,
  hashpricePerThDay,
  networkHashrateThsFromDifficulty,
  HASHES_PER_DIFFICULTY,
  SATS_PER_BTC,
} from './hashprice';
export { meritOrder, type MeritOrder, type MeritOrderEntry, type MeritOrderRig } from './merit-order';
export { kwhPerDay, rigEconomics } from './rig';
export {
  halvingInfo,
  nextRetargetHeight,
  subsidySatsAt,
  HALVING_INTERVAL_BLOCKS,
  RETARGET_INTERVAL_BLOCKS,
  type HalvingInfo,
} from './subsidy';
export * from './tariffs';
export type { EconomicsFigures, MarketInputs, RigEconomicsInput } from './types';
