/** Rule "no-shares": an online rig's accepted-share count has not gone up for too long. Pure. */
import { readingRule, round } from './rig-rule';
import type { RuleDescriptor } from './rule';
import { AFTER_FIELD, afterSchema, MINUTE_MS } from './threshold-fields';

/** The rule, described. */
export const noSharesDescriptor = {
  name: 'no-shares',
  label: 'No accepted shares',
  scope: 'rig',
  severity: 'warning',
  title: (s: string) => `${s} has no accepted shares`,
  description: "A running rig's accepted shares stop going up: the pool is not crediting its work.",
  thresholds: afterSchema,
  defaults: { enabled: true, forMs: 0, clearForMs: 2 * MINUTE_MS, afterMs: 15 * MINUTE_MS },
  limits: [AFTER_FIELD],
} as const satisfies RuleDescriptor<'no-shares', typeof afterSchema>;

/** The rule: online rigs whose shares the collector tracks. */
export const noSharesRule = readingRule(noSharesDescriptor, (_reading, t, rig, nowMs) => {
  if (rig.sharesAcceptedAtMs === undefined) return null;
  if (rig.sharesAcceptedAtMs === null) return { breached: true, value: null, detail: 'no accepted share seen yet' };
  const minutes = round((nowMs - rig.sharesAcceptedAtMs) / 60_000, 1);
  return {
    breached: nowMs - rig.sharesAcceptedAtMs >= t.afterMs,
    value: minutes,
    detail: `last accepted share ${minutes} min ago (limit ${t.afterMs / 60_000} min)`,
  };
});
