/** Rule "stale": the collector marks a rig stale (it missed polls, not yet enough to be offline). Pure. */
import { rigRule } from './rig-rule';
import type { RuleDescriptor } from './rule';
import { MINUTE_MS, timingOnlySchema } from './threshold-fields';

/** The rule, described. */
export const staleDescriptor = {
  name: 'stale',
  label: 'Rig data stale',
  scope: 'rig',
  severity: 'warning',
  title: (s: string) => `${s} has stopped reporting fresh data`,
  description: 'A rig misses its polls, short of offline: its figures are no longer current.',
  thresholds: timingOnlySchema,
  defaults: { enabled: true, forMs: 2 * MINUTE_MS, clearForMs: MINUTE_MS },
  limits: [],
} as const satisfies RuleDescriptor<'stale', typeof timingOnlySchema>;

/** The rule: every rig. */
export const staleRule = rigRule(staleDescriptor, (rig) => ({
  breached: rig.connectivity === 'stale',
  value: null,
  detail: `${rig.name} is ${rig.connectivity}`,
}));
