/** Rule "network-stale": network data (difficulty, block reward, fees) older than the limit. Pure. */
import { dataAgeVerdicts } from './data-age';
import { defineRule, type RuleDescriptor } from './rule';
import { AFTER_FIELD, afterSchema, MINUTE_MS } from './threshold-fields';

/** The rule, described. 30 minutes, as HASHWATT_NETWORK_STALE_AFTER_S. */
export const networkStaleDescriptor = {
  name: 'network-stale',
  label: 'Network data stale',
  scope: 'fleet',
  severity: 'warning',
  title: () => 'Network data is stale',
  description: 'Network data (difficulty, block reward, fees) has not been fetched for longer than the limit: revenue figures age with it.',
  thresholds: afterSchema,
  defaults: { enabled: true, forMs: 0, clearForMs: 0, afterMs: 30 * MINUTE_MS },
  limits: [AFTER_FIELD],
} as const satisfies RuleDescriptor<'network-stale', typeof afterSchema>;

/** The rule: the fleet, when network data is used. */
export const networkStaleRule = defineRule(networkStaleDescriptor, (ctx) =>
  dataAgeVerdicts('network', ctx.input.market.networkFetchedAtMs, ctx.input.nowMs, ctx.global),
);
