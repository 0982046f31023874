/**
 * Every alert rule's evaluation, one per descriptor of ./descriptors.ts (a unit test checks the two lists
 * match). ../evaluate.ts runs them in this order after each sweep.
 */
import { boardMissingRule } from './board-missing';
import { fanStoppedRule } from './fan-stopped';
import { hashrateLowRule } from './hashrate-low';
import { networkStaleRule } from './network-stale';
import { noSharesRule } from './no-shares';
import { offlineRule } from './offline';
import { poolDeadRule } from './pool-dead';
import { poolGapRule } from './pool-gap';
import { priceStaleRule } from './price-stale';
import type { AlertRule } from './rule';
import { staleRule } from './stale';
import { tempHighRule } from './temp-high';
import { unprofitableRigRule } from './unprofitable-rig';
import { unprofitableSiteRule } from './unprofitable-site';

/** Every rule with its evaluation. */
export const ALERT_RULES: readonly AlertRule[] = [
  unprofitableRigRule,
  unprofitableSiteRule,
  offlineRule,
  staleRule,
  hashrateLowRule,
  tempHighRule,
  fanStoppedRule,
  boardMissingRule,
  poolDeadRule,
  noSharesRule,
  poolGapRule,
  networkStaleRule,
  priceStaleRule,
];
