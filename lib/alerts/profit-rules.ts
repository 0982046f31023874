/**
 * Unprofitable rig and site: profit per kWh below the margin. Hysteresis: once firing, the alert holds
 * until profit per kWh reaches margin + clear band (then it still has to stay there for clearForMs).
 * A rig or site without a profit per kWh (unknown power, no tariff) is not judged.
 */
import type { AlertEconomics, AlertInput, AlertSettings } from './inputs';
import { rigThresholds, siteThresholds } from './scope-thresholds';
import type { AlertThresholds } from './thresholds';
import type { Observation } from './types';

type Verdict = Pick<Observation, 'breached' | 'value' | 'detail' | 'holding'>;

function verdict(economics: AlertEconomics | undefined, t: AlertThresholds['unprofitable-rig']): Verdict | null {
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

/** Unprofitable-rig observations (rigs with economics) and unprofitable-site observations. */
export function profitObservations(input: AlertInput, settings: AlertSettings): Observation[] {
  const out: Observation[] = [];
  for (const rig of input.rigs) {
    const t = rigThresholds(settings, rig.id, rig.siteId)['unprofitable-rig'];
    const v = t.enabled ? verdict(input.rigEconomics[rig.id], t) : null;
    if (v) out.push({ rule: 'unprofitable-rig', scope: 'rig', subjectId: rig.id, siteId: rig.siteId, ...v });
  }
  for (const [id, economics] of Object.entries(input.siteEconomics)) {
    const siteId = Number(id);
    const t = siteThresholds(settings, siteId)['unprofitable-site'];
    const v = t.enabled ? verdict(economics, t) : null;
    if (v) out.push({ rule: 'unprofitable-site', scope: 'site', subjectId: siteId, siteId, ...v });
  }
  return out;
}
