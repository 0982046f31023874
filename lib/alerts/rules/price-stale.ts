/** Rule "price-stale": the BTC price older than the limit. Pure. */
import { dataAgeVerdicts } from './data-age';
import { defineRule, type RuleDescriptor } from './rule';
import { AFTER_FIELD, afterSchema, MINUTE_MS } from './threshold-fields';

/** The rule, described. 30 minutes, as HASHWATT_PRICE_STALE_AFTER_S. */
export const priceStaleDescriptor = {
  name: 'price-stale',
  label: 'BTC price stale',
  scope: 'fleet',
  severity: 'warning',
  title: () => 'BTC price is stale',
  description: 'The BTC price has not been fetched for longer than the limit: revenue figures age with it.',
  thresholds: afterSchema,
  defaults: { enabled: true, forMs: 0, clearForMs: 0, afterMs: 30 * MINUTE_MS },
  limits: [AFTER_FIELD],
} as const satisfies RuleDescriptor<'price-stale', typeof afterSchema>;

/** The rule: the fleet, when a price feed is used (not a fixed HASHWATT_BTC_PRICE). */
export const priceStaleRule = defineRule(priceStaleDescriptor, (ctx) =>
  dataAgeVerdicts('price', ctx.input.market.priceFetchedAtMs, ctx.input.nowMs, ctx.global),
);
