/**
 * The wall's big figures for one view, in one row: hash rate (with J/TH), power, profit per day, profit per
 * kWh now and the power price it is measured against. Reuses the overview's tiles, sized up by wall.css; the
 * rigs by state sit with the heat map, as its legend.
 */
import { formatMoneyWhole, formatPricePerKwh, pricePerKwhParts, shownProfitPerKwh } from '../../../lib/format/money';
import { hashrateThsParts, MISSING, powerWParts } from '../../../lib/format/units';
import { Tile } from '../overview/FleetKpis';
import { MoneyTile } from '../overview/ProfitKpis';
import { formatJth } from '../../../lib/format/units';
import type { WallFigures } from './wall-model';

/** Props of WallFiguresPanel. */
export interface WallFiguresPanelProps {
  figures: WallFigures;
  /** True when the figures are not current: drawn muted. */
  stale: boolean;
}

/** Five tiles in a row. */
export function WallFiguresPanel({ figures, stale }: WallFiguresPanelProps) {
  const { totals, economics: e } = figures;
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
          sub={`${formatJth(totals.efficiencyJth)} · ${totals.rigsOnline.toLocaleString('en-US')} online`}
        />
        <Tile
          label="Power"
          testId="wall-power"
          exact={totals.powerW}
          parts={powerWParts(totals.powerW)}
          sub={e ? `${Math.round(e.kwhPerDay).toLocaleString('en-US')} kWh/day with PUE` : 'rigs only, before PUE'}
        />
        <MoneyTile
          label="Profit / day"
          testId="wall-profit-day"
          exact={e?.profitPerDay ?? null}
          parts={e ? { value: formatMoneyWhole(e.profitPerDay, e.currency), unit: '' } : none}
          loss={e !== null && e.profitPerDay < 0}
          sub={e ? `at today's tariff${e.gpuRevenueUnset ? ' · excl. GPU revenue' : ''}` : waiting}
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
      </dl>
    </section>
  );
}
