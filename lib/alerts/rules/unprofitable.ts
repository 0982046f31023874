/**
 * What the two unprofitable rules (rig and site) share: profit per kWh below the margin. Hysteresis: once
 * firing, the alert holds until profit per kWh reaches margin + clear band (then it still has to stay there
 * for clearForMs). A rig or site without a profit per kWh (unknown power, no tariff) is not judged. Pure.
 */
import { z } from '../../util/zod-browser';
import type { AlertEconomics } from '../inputs';
import type { Verdict } from './rig-rule';
import type { RuleField } from './rule';
import { MINUTE_MS, timingShape } from './threshold-fields';

const money = z
  .number({ error: 'must be a number (per kWh, in the site currency)' })
  .min(-1000, { error: 'must be -1000 or more' })
  .max(1000, { error: 'must be 1000 or less' });
const band = z
  .number({ error: 'must be a number (per kWh, in the site currency)' })
  .min(0, { error: 'must be 0 or more' })
  .max(1000, { error: 'must be 1000 or less' });

/** The thresholds of both unprofitable rules. */
export const unprofitableSchema = z.strictObject({
  ...timingShape,
  /** Breached while profit per kWh is below this. */
  marginPerKwh: money,
  /** Hysteresis: a firing alert clears only once profit per kWh >= marginPerKwh + clearBandPerKwh. */
  clearBandPerKwh: band,
});

/** Their thresholds. */
export type UnprofitableThresholds = z.infer<typeof unprofitableSchema>;

/** Margin 0/kWh for 15 minutes; resolves only once profit per kWh has been at or above margin + 0.002/kWh for 5 minutes. */
export const UNPROFITABLE_DEFAULTS: UnprofitableThresholds = {
  enabled: true,
  forMs: 15 * MINUTE_MS,
  clearForMs: 5 * MINUTE_MS,
  marginPerKwh: 0,
  clearBandPerKwh: 0.002,
};

/** Their form fields. */
export const UNPROFITABLE_LIMITS: readonly RuleField[] = [
  { key: 'marginPerKwh', label: 'Margin (/kWh, site currency)', unit: 'plain' },
  { key: 'clearBandPerKwh', label: 'Clear band (/kWh)', unit: 'plain' },
];

/** The verdict on one rig's or site's economics; null when it has no profit per kWh. */
export function unprofitableVerdict(economics: AlertEconomics | undefined, t: UnprofitableThresholds): Verdict | null {
  const profit = economics?.profitPerKwh ?? null;
  if (profit === null || !Number.isFinite(profit)) return null;
  const unit = `${economics?.currency ?? ''}/kWh`.trim();
  const clearAt = t.marginPerKwh + t.clearBandPerKwh;
  return {
    breached: profit < t.marginPerKwh,
    holding: profit < clearAt,
    value: profit,
    detail: `profit ${profit.toFixed(4)} ${unit}, margin ${t.marginPerKwh} ${unit} (clears at ${Number(clearAt.toFixed(6))} ${unit})`,
  };
}
