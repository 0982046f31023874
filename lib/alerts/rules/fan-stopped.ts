/** Rule "fan-stopped": a fan of an online rig at 0 rpm. Pure. */
import { readingRule } from './rig-rule';
import type { RuleDescriptor } from './rule';
import { MINUTE_MS, timingOnlySchema } from './threshold-fields';

/** The rule, described. */
export const fanStoppedDescriptor = {
  name: 'fan-stopped',
  label: 'Fan stopped',
  scope: 'rig',
  severity: 'critical',
  title: (s: string) => `${s} has a stopped fan`,
  description: 'A fan of a running rig reports 0 rpm.',
  thresholds: timingOnlySchema,
  defaults: { enabled: true, forMs: MINUTE_MS, clearForMs: 2 * MINUTE_MS },
  limits: [],
} as const satisfies RuleDescriptor<'fan-stopped', typeof timingOnlySchema>;

/** The rule: online rigs that report fans. */
export const fanStoppedRule = readingRule(fanStoppedDescriptor, (reading) => {
  if (reading.fansRpm.length === 0) return null;
  const stopped = reading.fansRpm.flatMap((rpm, i) => (rpm <= 0 ? [i] : []));
  const detail = stopped.length ? `fan ${stopped.join(', ')} at 0 rpm` : 'all fans spinning';
  return { breached: stopped.length > 0, value: stopped.length, detail };
});
