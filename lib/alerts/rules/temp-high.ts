/** Rule "temp-high": a rig's hottest sensor above the limit, with a clear band against flapping. Pure. */
import { z } from '../../util/zod-browser';
import { readingRule } from './rig-rule';
import type { RuleDescriptor } from './rule';
import { MINUTE_MS, timingShape } from './threshold-fields';

const thresholds = z.strictObject({
  ...timingShape,
  maxC: z
    .number({ error: 'must be a temperature in degC' })
    .min(0, { error: 'must be 0 degC or more' })
    .max(150, { error: 'must be 150 degC or less' }),
  clearBandC: z
    .number({ error: 'must be a number of degC' })
    .min(0, { error: 'must be 0 degC or more' })
    .max(50, { error: 'must be 50 degC or less' }),
});

/** The rule, described. */
export const tempHighDescriptor = {
  name: 'temp-high',
  label: 'Temperature high',
  scope: 'rig',
  severity: 'critical',
  title: (s: string) => `${s} is running hot`,
  description: "A rig's hottest sensor is above the limit; it clears only once below the limit minus the clear band.",
  thresholds,
  defaults: { enabled: true, forMs: 2 * MINUTE_MS, clearForMs: 5 * MINUTE_MS, maxC: 85, clearBandC: 3 },
  limits: [
    { key: 'maxC', label: 'Max (°C)', unit: 'plain' },
    { key: 'clearBandC', label: 'Clear band (°C)', unit: 'plain' },
  ],
} as const satisfies RuleDescriptor<'temp-high', typeof thresholds>;

/** The rule: online rigs that report a temperature. */
export const tempHighRule = readingRule(tempHighDescriptor, (reading, t) => {
  const tempC = reading.tempMaxC;
  if (tempC === null) return null;
  return {
    breached: tempC > t.maxC,
    holding: tempC > t.maxC - t.clearBandC,
    value: tempC,
    detail: `hottest ${tempC} degC (limit ${t.maxC} degC)`,
  };
});
