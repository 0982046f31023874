/** Rule "hashrate-low": a rig hashes below a share of what it should (its expected hash rate). Pure. */
import { z } from '../../util/zod-browser';
import { readingRule, round } from './rig-rule';
import type { RuleDescriptor } from './rule';
import { MINUTE_MS, timingShape } from './threshold-fields';

const thresholds = z.strictObject({
  ...timingShape,
  belowPct: z.number({ error: 'must be a percentage' }).gt(0, { error: 'must be above 0 %' }).max(100, { error: 'must be 100 % or less' }),
});

/** The rule, described. */
export const hashrateLowDescriptor = {
  name: 'hashrate-low',
  label: 'Hash rate low',
  scope: 'rig',
  severity: 'warning',
  title: (s: string) => `${s} hash rate is low`,
  description: 'A rig hashes below a share of its expected hash rate.',
  thresholds,
  defaults: { enabled: true, forMs: 10 * MINUTE_MS, clearForMs: 5 * MINUTE_MS, belowPct: 80 },
  limits: [{ key: 'belowPct', label: 'Below (% of expected)', unit: 'plain' }],
} as const satisfies RuleDescriptor<'hashrate-low', typeof thresholds>;

/** The rule: online rigs that know their expected hash rate. */
export const hashrateLowRule = readingRule(hashrateLowDescriptor, (reading, t) => {
  const expected = reading.expectedHashrateThs;
  if (expected === null || !(expected > 0)) return null;
  const pct = round((reading.hashrateThs / expected) * 100, 1);
  return {
    breached: pct < t.belowPct,
    value: pct,
    detail: `hash rate ${round(reading.hashrateThs)} TH/s is ${pct} % of expected ${round(expected)} TH/s (limit ${t.belowPct} %)`,
  };
});
