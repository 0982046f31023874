/**
 * A rig row's two economics cells, profit per kWh and breakeven price, both in the rig's site currency.
 * A rig losing money gets a solid red marker next to its profit so it stands out on a wall display;
 * colour is never the only cue (the marker says "loss").
 */
import type { EconomicsView } from '../../../lib/views/contracts';
import { formatPricePerKwh, shownProfitPerKwh } from '../../../lib/format/money';
import { MISSING } from '../../../lib/format/units';
import { describeStaleInputs } from './stale-inputs';

/** Props of RigEconomicsCells. */
export interface RigEconomicsCellsProps {
  /** The rig's economics from the latest sweep; undefined when none were computed for it. */
  economics: EconomicsView | undefined;
  /** Tooltip for a rig that is not live: the figures are from its last reading. */
  lastKnown: string | undefined;
}

/** True when the rig loses money now: the price in force now is above its breakeven (profit per kWh now < 0). */
export function isLosing(economics: EconomicsView | undefined): boolean {
  return economics !== undefined && economics.profitPerKwh !== null && economics.profitPerKwh < 0;
}

function exact(n: number | null | undefined): string | undefined {
  return typeof n === 'number' && Number.isFinite(n) ? String(n) : undefined;
}

/** Two <td>s: "Profit/kWh" (red with a "loss" marker when negative) and "Breakeven". */
export function RigEconomicsCells({ economics: e, lastKnown }: RigEconomicsCellsProps) {
  const losing = isLosing(e);
  const staleNote = e?.gpuRevenueUnset
    ? 'GPU revenue not set: its power cost counts, what it earns is unknown (Settings → Sites)'
    : e && e.stale.length > 0
      ? `Computed from stale inputs: ${describeStaleInputs(e.stale)}`
      : undefined;
  return (
    <>
      <td
        className={`cell-num cell-profit${losing ? ' is-loss' : ''}`}
        data-label="Profit/kWh"
        data-testid="rig-profit-kwh"
        data-value={exact(e?.profitPerKwh)}
        title={staleNote ?? lastKnown}
      >
        {losing && <span className="loss-marker">loss</span>}
        {/* One unit: a phone card may wrap after the marker, never after the minus sign. */}
        <span className="no-wrap">{e ? formatPricePerKwh(shownProfitPerKwh(e), e.currency) : MISSING}</span>
      </td>
      <td
        className="cell-num cell-breakeven"
        data-label="Breakeven"
        data-testid="rig-breakeven"
        data-value={exact(e?.breakevenPricePerKwh)}
        title={staleNote ?? lastKnown}
      >
        {e ? formatPricePerKwh(e.breakevenPricePerKwh, e.currency) : MISSING}
      </td>
    </>
  );
}
