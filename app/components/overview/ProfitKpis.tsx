/**
 * The fleet's money tiles: profit per day, profit per kWh and the power price it is measured against.
 * Figures are in the fleet currency (the economics engine converts each site's). Before the first
 * economics sweep every tile reads "—" with the reason, and figures computed from stale inputs say which.
 */
import type { ReactNode } from 'react';
import type { EconomicsView, MarketView } from '../../../lib/views/contracts';
import type { ValueWithUnit } from '../../../lib/format/units';
import { MISSING } from '../../../lib/format/units';
import { formatMoney, formatPricePerKwh, pricePerKwhParts, shownProfitPerKwh } from '../../../lib/format/money';
import { describeStaleInputs } from './stale-inputs';

/** Props of ProfitKpis. */
export interface ProfitKpisProps {
  /** Fleet economics of the latest sweep; null until network data and a sweep have both arrived. */
  economics: EconomicsView | null;
  market: MarketView;
  /** True when sweeps have stopped arriving: drawn muted like the other tiles. */
  stale: boolean;
}

interface MoneyTileProps {
  label: string;
  testId: string;
  exact: number | null;
  parts: ValueWithUnit;
  /** Marks the number red: the fleet (or its price) is losing money. */
  loss?: boolean;
  sub: ReactNode;
}

function exactAttr(n: number | null): string | undefined {
  return n !== null && Number.isFinite(n) ? String(n) : undefined;
}

/** A money tile: like the fleet tiles, with the unit ("/kWh") tight to the number and red for a loss. */
export function MoneyTile({ label, testId, exact, parts, loss = false, sub }: MoneyTileProps) {
  return (
    <div className="kpi">
      <dt className="kpi-label">{label}</dt>
      <dd className={`kpi-value${loss ? ' is-loss' : ''}`} data-testid={testId} data-value={exactAttr(exact)}>
        <span className="kpi-number">{parts.value}</span>
        {parts.unit && <span className="kpi-unit">{parts.unit}</span>}
      </dd>
      <dd className="kpi-sub">{sub}</dd>
    </div>
  );
}

/** Why there is no figure yet, in the operator's words. */
function waitingHint(market: MarketView): string {
  if (market.network === null || market.btcPrice === null) return 'waiting for network data';
  return 'waiting for the next sweep';
}

/** Where the power price sits against breakeven: the margin an operator acts on. */
function priceSub(e: EconomicsView): ReactNode {
  if (e.pricePerKwh === null) return <span className="count-stale">no tariff set</span>;
  if (e.breakevenPricePerKwh === null) return 'no energy use';
  if (e.pricePerKwh > e.breakevenPricePerKwh) return <span className="count-offline">above breakeven: losing money</span>;
  return 'below breakeven';
}

/**
 * Three tiles in their own grid: profit per day at today's tariff, then two figures now: profit per kWh
 * (breakeven - price now, as shown) and the price in force now.
 */
export function ProfitKpis({ economics: e, market, stale }: ProfitKpisProps) {
  const flagged = e !== null && e.stale.length > 0;
  const none = { value: MISSING, unit: '' };
  const hint = <span className="kpi-hint">{waitingHint(market)}</span>;
  return (
    <section
      className={`kpis kpis--money${stale ? ' is-stale' : ''}`}
      aria-label="Fleet economics"
      data-testid="fleet-economics"
      data-stale-inputs={flagged ? e.stale.join(',') : undefined}
    >
      {flagged && (
        <p className="kpis-stale-note kpis-stale-note--inputs" data-testid="economics-stale">
          Computed from stale inputs: {describeStaleInputs(e.stale)}
        </p>
      )}
      <dl className="kpi-grid kpi-grid--3">
        <MoneyTile
          label="Profit / day"
          testId="fleet-profit-day"
          exact={e?.profitPerDay ?? null}
          parts={e ? { value: formatMoney(e.profitPerDay, e.currency), unit: '/day' } : none}
          loss={e !== null && e.profitPerDay < 0}
          sub={
            e ? (
              <>
                <span data-testid="fleet-profit-day-basis">at today&apos;s tariff</span>
                {e.gpuRevenueUnset && (
                  <>
                    {' · '}
                    <span
                      className="count-stale"
                      data-testid="profit-excludes-gpu"
                      title="GPU revenue not set: their power is counted, what they earn is not"
                    >
                      excluding GPU revenue
                    </span>
                  </>
                )}{' '}
                · revenue {formatMoney(e.revenuePerDay, e.currency)} · cost {formatMoney(e.costPerDay, e.currency)}
              </>
            ) : (
              hint
            )
          }
        />
        <MoneyTile
          label="Profit / kWh now"
          testId="fleet-profit-kwh"
          exact={e?.profitPerKwh ?? null}
          parts={e ? pricePerKwhParts(shownProfitPerKwh(e), e.currency) : none}
          loss={e !== null && e.profitPerKwh !== null && e.profitPerKwh < 0}
          sub={e ? <span data-testid="fleet-breakeven">breakeven {formatPricePerKwh(e.breakevenPricePerKwh, e.currency)}</span> : hint}
        />
        <MoneyTile
          label="Power price now"
          testId="power-price"
          exact={e?.pricePerKwh ?? null}
          parts={e ? pricePerKwhParts(e.pricePerKwh, e.currency) : none}
          loss={e !== null && e.pricePerKwh !== null && e.breakevenPricePerKwh !== null && e.pricePerKwh > e.breakevenPricePerKwh}
          sub={e ? priceSub(e) : hint}
        />
      </dl>
    </section>
  );
}
