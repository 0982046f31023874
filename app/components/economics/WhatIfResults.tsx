/**
 * What the scenario does to the fleet: profit per day and per kWh against today's live figures, the rigs
 * that would lose money, and the merit-order curve under the scenario's price.
 */
import type { EconomicsView } from '../../../lib/views/contracts';
import { formatMoney, formatPricePerKwh } from '../../../lib/format/money';
import { MeritOrderChart } from './MeritOrderChart';
import type { WhatIfResult } from './whatif-compute';

/** How many losing rigs are listed by name before "and N more". */
const LOSING_LISTED = 12;

/** Props of WhatIfResults. */
export interface WhatIfResultsProps {
  /** Null until the inputs are complete (no network data yet and nothing typed). */
  result: WhatIfResult | null;
  /** Shown instead of a result while it is null: what is still missing. */
  waitingFor: string;
  liveFleet: EconomicsView | null;
  currency: string;
}

function exact(n: number | null | undefined): string | undefined {
  return typeof n === 'number' && Number.isFinite(n) ? String(n) : undefined;
}

/** "+$1.23 vs now" / "-$0.40 vs now"; nothing when there is no live figure (or it is in another currency). */
function delta(v: number | null, live: number | null | undefined, currency: string, perKwh: boolean): string | null {
  if (v === null || live === null || live === undefined) return null;
  const d = v - live;
  const fmt = (x: number) => (perKwh ? formatPricePerKwh(x, currency) : formatMoney(x, currency));
  const shown = fmt(Math.abs(d));
  if (shown === fmt(0)) return 'same as now';
  return `${d < 0 ? '−' : '+'}${shown} vs now`;
}

/** The scenario's totals, losing rigs and curve; a hint while it cannot be computed. */
export function WhatIfResults({ result, liveFleet, currency, waitingFor }: WhatIfResultsProps) {
  if (result === null) {
    return (
      <p className="empty-note" data-testid="whatif-waiting">
        {waitingFor}
      </p>
    );
  }
  const f = result.fleet;
  const live = liveFleet && liveFleet.currency === currency ? liveFleet : null;
  const losing = [...result.losing].sort((a, b) => (a.site.profitPerKwh ?? 0) - (b.site.profitPerKwh ?? 0));
  return (
    <div className="whatif-results">
      <dl className="whatif-totals">
        <div className="whatif-total">
          <dt>Fleet profit / day</dt>
          <dd className={f.profitPerDay < 0 ? 'is-loss' : undefined} data-testid="whatif-profit-day" data-value={exact(f.profitPerDay)}>
            {formatMoney(f.profitPerDay, currency)}
          </dd>
          <dd className="whatif-delta">{delta(f.profitPerDay, live?.profitPerDay, currency, false)}</dd>
        </div>
        <div className="whatif-total">
          <dt>Profit / kWh</dt>
          <dd
            className={f.profitPerKwh !== null && f.profitPerKwh < 0 ? 'is-loss' : undefined}
            data-testid="whatif-profit-kwh"
            data-value={exact(f.profitPerKwh)}
          >
            {formatPricePerKwh(f.profitPerKwh, currency)}
          </dd>
          <dd className="whatif-delta">{delta(f.profitPerKwh, live?.profitPerKwh, currency, true)}</dd>
        </div>
        <div className="whatif-total">
          <dt>Rigs losing money</dt>
          <dd className={losing.length > 0 ? 'is-loss' : undefined} data-testid="whatif-losing-count" data-value={String(losing.length)}>
            {losing.length} <span className="whatif-of">of {result.rigs.length}</span>
          </dd>
          <dd className="whatif-delta">breakeven {formatPricePerKwh(f.breakevenPricePerKwh, currency)}</dd>
        </div>
      </dl>

      {losing.length > 0 && (
        <ul className="whatif-losing" aria-label="Rigs losing money under this scenario" data-testid="whatif-losing">
          {losing.slice(0, LOSING_LISTED).map((r) => (
            <li key={r.rig.id} data-rig-name={r.rig.name}>
              <span className="loss-marker">loss</span>
              <span className="whatif-rig">{r.rig.name}</span> <span className="whatif-site">{r.rig.siteName}</span>{' '}
              <span className="is-loss">{formatPricePerKwh(r.site.profitPerKwh, r.site.currency)}</span>
            </li>
          ))}
          {losing.length > LOSING_LISTED && <li className="whatif-more">and {losing.length - LOSING_LISTED} more</li>}
        </ul>
      )}

      {(result.skipped.length > 0 || result.noTariff > 0) && (
        <p className="whatif-notes">
          {result.skipped.length > 0 &&
            `Left out (no BTC quote in their site currency, or invalid settings): ${result.skipped.join(', ')}. `}
          {result.noTariff > 0 && `${result.noTariff} rigs have no tariff: their power is counted as free.`}
        </p>
      )}

      <MeritOrderChart curve={result.merit} label="Merit order under the what-if" testId="whatif-merit-order" />
    </div>
  );
}
