/** Rule "pool-dead": none of an online rig's pools is alive. Pure. */
import { readingRule } from './rig-rule';
import type { RuleDescriptor } from './rule';
import { MINUTE_MS, timingOnlySchema } from './threshold-fields';

/** The rule, described. */
export const poolDeadDescriptor = {
  name: 'pool-dead',
  label: 'No working pool',
  scope: 'rig',
  severity: 'critical',
  title: (s: string) => `${s} has no working pool`,
  description: 'None of the pools a running rig is set up with reports alive: it hashes for nobody.',
  thresholds: timingOnlySchema,
  defaults: { enabled: true, forMs: 2 * MINUTE_MS, clearForMs: 2 * MINUTE_MS },
  limits: [],
} as const satisfies RuleDescriptor<'pool-dead', typeof timingOnlySchema>;

/** The rule: online rigs that report pools. */
export const poolDeadRule = readingRule(poolDeadDescriptor, (reading) => {
  if (reading.pools.length === 0) return null;
  const alive = reading.pools.filter((p) => p.status.trim().toLowerCase() === 'alive');
  const detail = alive.length
    ? `${alive.length} of ${reading.pools.length} pools alive`
    : `no pool alive (${reading.pools.map((p) => `${p.url}: ${p.status}`).join('; ')})`;
  return { breached: alive.length === 0, value: alive.length, detail };
});
