/**
 * The fleet's headline numbers: hash rate, power, efficiency and rigs online. Sized to be read from across
 * a control room; the only aria-live region of the page, so a screen reader hears totals, not every row.
 */
import type { ReactNode } from 'react';
import type { FleetTotals } from '../../../lib/views/contracts';
import type { ValueWithUnit } from '../../../lib/format/units';
import { efficiencyJthParts, formatSharePercent, hashrateThsParts, powerWParts } from '../../../lib/format/units';

/** Props of FleetKpis. */
export interface FleetKpisProps {
  fleet: FleetTotals;
  /** True when the totals are not current (no sweep yet, or none for too long): drawn muted. */
  stale: boolean;
  /** Rigs whose latest economics lose money per kWh; null before any economics. */
  losingRigs?: number | null;
}

interface TileProps {
  label: string;
  testId: string;
  /** The exact number behind the display, for tests comparing against the simulator. */
  exact?: number;
  parts: ValueWithUnit;
  sub: ReactNode;
}

/** One headline tile: label, the number with its unit, and a sub-line. */
export function Tile({ label, testId, exact, parts, sub }: TileProps) {
  return (
    <div className="kpi">
      <dt className="kpi-label">{label}</dt>
      <dd className="kpi-value" data-testid={testId} data-value={exact === undefined ? undefined : String(exact)}>
        <span className="kpi-number">{parts.value}</span>
        {parts.unit && (
          <>
            {' '}
            <span className="kpi-unit">{parts.unit}</span>
          </>
        )}
      </dd>
      <dd className="kpi-sub">{sub}</dd>
    </div>
  );
}

/** Four KPI tiles; totals count online rigs only, which the sub-lines say. */
export function FleetKpis({ fleet, stale, losingRigs = null }: FleetKpisProps) {
  const estimated = fleet.powerEstimatedShare > 0;
  const problems = fleet.rigsStale + fleet.rigsOffline;
  return (
    <section className={`kpis${stale ? ' is-stale' : ''}`} aria-label="Fleet totals" aria-live="polite">
      {stale && <p className="kpis-stale-note">Last known values: not updating</p>}
      <dl className="kpi-grid">
        <Tile
          label="Hash rate"
          testId="fleet-hashrate"
          exact={fleet.hashrateThs}
          parts={hashrateThsParts(fleet.hashrateThs)}
          sub={`${fleet.rigsOnline} online ${fleet.rigsOnline === 1 ? 'rig' : 'rigs'}`}
        />
        <Tile
          label="Power"
          testId="fleet-power"
          exact={fleet.powerW}
          parts={powerWParts(fleet.powerW)}
          sub={
            estimated ? (
              <span className="est-note">incl. {formatSharePercent(fleet.powerEstimatedShare)} estimated</span>
            ) : (
              'reported by rigs'
            )
          }
        />
        <Tile
          label="Efficiency"
          testId="fleet-efficiency"
          exact={fleet.efficiencyJth ?? undefined}
          parts={efficiencyJthParts(fleet.efficiencyJth)}
          sub="power ÷ hash rate"
        />
        <div className="kpi">
          <dt className="kpi-label">Rigs online</dt>
          <dd className="kpi-value">
            <span className="kpi-number" data-testid="rigs-online">
              {fleet.rigsOnline}
            </span>
            <span className="kpi-unit">
              {' / '}
              <span data-testid="rigs-total">{fleet.rigsTotal}</span>
            </span>
          </dd>
          <dd className="kpi-sub">
            {fleet.rigsTotal === 0 ? (
              'no rigs added'
            ) : problems === 0 ? (
              'all answering'
            ) : (
              <>
                <span className={fleet.rigsStale > 0 ? 'count-stale' : undefined}>{fleet.rigsStale} stale</span>
                {' · '}
                <span className={fleet.rigsOffline > 0 ? 'count-offline' : undefined}>{fleet.rigsOffline} offline</span>
              </>
            )}
          </dd>
          {losingRigs !== null && fleet.rigsTotal > 0 ? (
            <dd className="kpi-sub">
              {losingRigs === 0 ? (
                <span data-testid="rigs-losing" data-value={0}>
                  none losing money
                </span>
              ) : (
                <a className="count-offline" href="/rigs?losing=1" data-testid="rigs-losing" data-value={losingRigs}>
                  {losingRigs} losing money
                </a>
              )}
            </dd>
          ) : null}
        </div>
      </dl>
    </section>
  );
}
