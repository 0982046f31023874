/**
 * Rule "pool-gap": a pool's hash rate over the last hour differs from its rigs' sum by more than the limit
 * (either way: the pool credits less than the rigs hash, or rigs report more than they deliver). Pure.
 */
import { z } from '../../util/zod-browser';
import { defineRule, type RuleDescriptor, type RuleVerdict } from './rule';
import { MINUTE_MS, timingShape } from './threshold-fields';

const thresholds = z.strictObject({
  ...timingShape,
  gapPct: z.number({ error: 'must be a percentage' }).gt(0, { error: 'must be above 0 %' }).max(1000, { error: 'must be 1000 % or less' }),
});

/** The rule, described. Pools read the global thresholds only. */
export const poolGapDescriptor = {
  name: 'pool-gap',
  label: 'Pool reports less than rigs',
  scope: 'pool',
  severity: 'warning',
  title: (s: string) => `Pool ${s} reports less than the rigs`,
  description: "A pool's hash rate over the last hour differs from the sum its rigs report by more than the limit.",
  thresholds,
  defaults: { enabled: true, forMs: 15 * MINUTE_MS, clearForMs: 15 * MINUTE_MS, gapPct: 10 },
  limits: [{ key: 'gapPct', label: 'Gap (%)', unit: 'plain' }],
} as const satisfies RuleDescriptor<'pool-gap', typeof thresholds>;

/** The rule: every pool with a reconciliation. */
export const poolGapRule = defineRule(poolGapDescriptor, (ctx) => {
  const t = ctx.global;
  if (!t.enabled) return [];
  return ctx.input.pools.flatMap((pool): RuleVerdict[] => {
    if (pool.gapPct === null || !Number.isFinite(pool.gapPct)) return [];
    const detail = `pool ${pool.name} ${pool.poolHashrateThs1h ?? '?'} TH/s vs rigs ${pool.rigsHashrateThs1h} TH/s over 1 h: gap ${pool.gapPct} % (limit ${t.gapPct} %)`;
    return [{ subjectId: pool.poolId, siteId: null, breached: Math.abs(pool.gapPct) > t.gapPct, value: pool.gapPct, detail }];
  });
});
