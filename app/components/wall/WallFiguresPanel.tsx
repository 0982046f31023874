/**
 * The wall's big figures for one view: hash rate, power, J/TH and profit per day, then profit per kWh,
 * the power price it is measured against, and the rigs by state. Reuses the overview's tiles, sized up
 * by wall.css.
 */
import { formatMoney, formatPricePerKwh, pricePerKwhParts, shownProfitPerKwh } from '../../../lib/format/money';
import { efficiencyJthParts, hashrateThsParts, MISSING, powerWParts } from '../../../lib/format/units';
import { Tile } from '../overview/FleetKpis';
import { MoneyTile } from '../overview/ProfitKpis';
import type { RigCounts, WallFigures } from './wall-model';

const COUNT_KINDS: ReadonlyArray<readonly [keyof Omit<RigCounts, 'total'>, string]> = [
  ['online', 'online'],
  ['stale', 'stale'],
  ['offline', 'offline'],
  ['losing', 'losing money'],
];

/** Props of WallFiguresPanel. */
export interface WallFiguresPanelProps {
  figures: WallFigures;
  /** True when the figures are not current: drawn muted. */
  stale: boolean;
}

/** Seven tiles in a 4-column grid; the rig counts take the last two cells. */
export function WallFiguresPanel({ figures, stale }: WallFiguresPanelProps) {
  const { totals, economics: e, counts } = figures;
  const none = { value: MISSING, unit: '' };
  const waiting = 'waiting for economics';
  return (
    <section className={`kpis wall-kpis${stale ? ' is-stale' : ''}`} aria-label={`${figures.title} figures`}>
      <dl className="wall-grid">
        <Tile
          label="Hash rate"
          testId="wall-hashrate"
          exact={totals.hashrateThs}
          parts={hashrateThsParts(totals.hashrateThs)}
          sub={`${totals.rigsOnline} of ${totals.rigsTotal} rigs online`}
        />
        <Tile
          label="Power"
          testId="wall-power"
          exact={totals.powerW}
          parts={powerWParts(totals.powerW)}
          sub={e ? `rigs only · ${Math.round(e.kwhPerDay).toLocaleString('en-US')} kWh/day with PUE` : 'rigs only, before PUE'}
        />
        <Tile
          label="Efficiency"
          testId="wall-efficiency"
          exact={totals.efficiencyJth ?? undefined}
          parts={efficiencyJthParts(totals.efficiencyJth)}
          sub="power ÷ hash rate"
        />
        <MoneyTile
          label="Profit / day"
          testId="wall-profit-day"
          exact={e?.profitPerDay ?? null}
          parts={e ? { value: formatMoney(e.profitPerDay, e.currency), unit: '' } : none}
          loss={e !== null && e.profitPerDay < 0}
          sub={
            e
              ? `at today's tariff · ${e.gpuRevenueUnset ? 'excluding GPU revenue' : `revenue ${formatMoney(e.revenuePerDay, e.currency)}`}`
              : waiting
          }
        />
        <MoneyTile
          label="Profit / kWh now"
          testId="wall-profit-kwh"
          exact={e?.profitPerKwh ?? null}
          parts={e ? pricePerKwhParts(shownProfitPerKwh(e), e.currency) : none}
          loss={e !== null && e.profitPerKwh !== null && e.profitPerKwh < 0}
          sub={e ? <span data-testid="wall-breakeven">breakeven {formatPricePerKwh(e.breakevenPricePerKwh, e.currency)}</span> : waiting}
        />
        <MoneyTile
          label="Power price now"
          testId="wall-power-price"
          exact={e?.pricePerKwh ?? null}
          parts={e ? pricePerKwhParts(e.pricePerKwh, e.currency) : none}
          loss={e !== null && e.pricePerKwh !== null && e.breakevenPricePerKwh !== null && e.pricePerKwh > e.breakevenPricePerKwh}
          sub={
            e
              ? e.pricePerKwh === null
                ? 'no tariff set'
                : e.profitPerKwh !== null && e.profitPerKwh < 0
                  ? 'above breakeven'
                  : 'below breakeven'
              : waiting
          }
        />
        <div className="kpi wall-counts">
          <dt className="kpi-label">Rigs</dt>
          <dd className="wall-counts-row">
            {COUNT_KINDS.map(([kind, text]) => (
              <span key={kind} className={`wall-count wall-count--${kind}${counts[kind] > 0 ? ' is-nonzero' : ''}`}>
                <span className="wall-count-n" data-testid={`wall-count-${kind}`}>
                  {counts[kind]}
                </span>
                <span className="wall-count-label">{text}</span>
              </span>
            ))}
          </dd>
        </div>
      </dl>
    </section>
  );
}
