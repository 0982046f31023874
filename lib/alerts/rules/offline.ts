/** Rule "offline": the collector marks a rig offline (HASHWATT_OFFLINE_AFTER_POLLS already counts the polls). Pure. */
import { rigRule } from './rig-rule';
import type { RuleDescriptor } from './rule';
import { MINUTE_MS, timingOnlySchema } from './threshold-fields';

/** The rule, described. Fires at once: the polls before "offline" were the wait. */
export const offlineDescriptor = {
  name: 'offline',
  label: 'Rig offline',
  scope: 'rig',
  severity: 'critical',
  title: (s: string) => `${s} is offline`,
  description: 'A rig stops answering its polls.',
  thresholds: timingOnlySchema,
  defaults: { enabled: true, forMs: 0, clearForMs: 2 * MINUTE_MS },
  limits: [],
} as const satisfies RuleDescriptor<'offline', typeof timingOnlySchema>;

/** The rule: every rig. */
export const offlineRule = rigRule(offlineDescriptor, (rig) => ({
  breached: rig.connectivity === 'offline',
  value: null,
  detail: `${rig.name} is ${rig.connectivity}`,
}));
