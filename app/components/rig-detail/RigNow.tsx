/**
 * The rig's live figures as tiles: hash rate against expected, power with its source, J/TH (SHA-256
 * only: a GPU rig's watts per TH/s of another algorithm mean nothing), hottest temperature, and profit
 * per kWh with the breakeven power price, in the site currency. The overview's tiles, fed by one rig.
 */
import type { EconomicsView, RigView } from '../../../lib/views/contracts';
import { hashesSha256 } from '../../../lib/domain/reading';
import { pricePerKwhParts, formatPricePerKwh, shownProfitPerKwh } from '../../../lib/format/money';
import {
  efficiencyJthParts,
  formatHashrateThs,
  hashrateThsParts,
  MISSING,
  powerWParts,
  type ValueWithUnit,
} from '../../../lib/format/units';
import { Tile } from '../overview/FleetKpis';
import { PowerSourceTag } from '../overview/PowerSourceTag';
import { MoneyTile } from '../overview/ProfitKpis';
import { isLosing } from '../overview/RigEconomicsCells';
import { describeStaleInputs } from '../overview/stale-inputs';

/** Props of RigNow. */
export interface RigNowProps {
  rig: RigView;
  /** The rig's economics of the latest sweep; undefined before one. */
  economics: EconomicsView | undefined;
  /** Sweeps stopped arriving: every tile is drawn muted. */
  sweepStale: boolean;
}

/** Follows the source tag ("est. from the nameplate"), so the two read as one phrase. */
const POWER_SOURCE_WORDS = {
  meter: 'measured',
  firmware: 'reported by the firmware',
  override: 'by an operator',
  estimated: 'from the nameplate',
} as const;

const NONE: ValueWithUnit = { value: MISSING, unit: '' };

function tempParts(tempC: number | null | undefined): ValueWithUnit {
  return typeof tempC === 'number' && Number.isFinite(tempC) ? { value: String(Math.round(tempC)), unit: '°C' } : NONE;
}

/** Six tiles; a rig that is not online keeps its last values, muted, under a note that says so. */
export function RigNow({ rig, economics: e, sweepStale }: RigNowProps) {
  const r = rig.reading;
  const live = rig.connectivity === 'online';
  const sha256 = r ? hashesSha256(r) : true;
  const losing = isLosing(e);
  const note = !r
    ? 'No reading yet: figures appear after the first successful poll'
    : !live
      ? `Last known values: the rig is ${rig.connectivity}`
      : sweepStale
        ? 'Last known values: not updating'
        : null;
  return (
    <section className={`kpis rd-now${note ? ' is-stale' : ''}`} aria-label="Now" data-testid="rig-now">
      {note && <p className="kpis-stale-note">{note}</p>}
      <dl className="kpi-grid rd-now-grid">
        <Tile
          label="Hash rate"
          testId="rig-now-hashrate"
          exact={r?.hashrateThs}
          parts={r && r.algorithm !== null ? hashrateThsParts(r.hashrateThs) : NONE}
          sub={
            !sha256
              ? (r?.algorithm ?? 'algorithm unknown')
              : r?.expectedHashrateThs != null
                ? `of ${formatHashrateThs(r.expectedHashrateThs)} expected`
                : 'SHA-256'
          }
        />
        <Tile
          label="Power"
          testId="rig-now-power"
          exact={r?.powerW ?? undefined}
          parts={powerWParts(r?.powerW)}
          sub={
            r?.powerSource ? (
              <span className="rd-power-source">
                <PowerSourceTag source={r.powerSource} /> {POWER_SOURCE_WORDS[r.powerSource]}
              </span>
            ) : (
              'not reported'
            )
          }
        />
        <Tile
          label="Efficiency"
          testId="rig-now-efficiency"
          exact={sha256 ? (r?.efficiencyJth ?? undefined) : undefined}
          parts={sha256 ? efficiencyJthParts(r?.efficiencyJth) : NONE}
          sub={sha256 ? 'power ÷ hash rate' : 'SHA-256 rigs only'}
        />
        <Tile
          label="Hottest"
          testId="rig-now-temp"
          exact={r?.tempMaxC ?? undefined}
          parts={tempParts(r?.tempMaxC)}
          sub={r && r.boards.length > 1 ? `hottest of ${r.boards.length} boards` : 'hottest sensor'}
        />
        <MoneyTile
          label="Profit/kWh now"
          testId="rig-now-profit-kwh"
          exact={e?.profitPerKwh ?? null}
          parts={e ? pricePerKwhParts(shownProfitPerKwh(e), e.currency) : NONE}
          loss={losing}
          sub={
            !e ? (
              'waiting for economics'
            ) : e.gpuRevenueUnset ? (
              <span className="count-stale" data-testid="rig-gpu-revenue-unset">
                GPU revenue not set
              </span>
            ) : e.stale.length > 0 ? (
              <span className="kpi-hint">stale inputs: {describeStaleInputs(e.stale)}</span>
            ) : losing ? (
              <span className="count-offline">losing money</span>
            ) : (
              `${formatPricePerKwh(e.revenuePerKwh, e.currency)} revenue`
            )
          }
        />
        <MoneyTile
          label="Breakeven"
          testId="rig-now-breakeven"
          exact={e?.breakevenPricePerKwh ?? null}
          parts={e ? pricePerKwhParts(e.breakevenPricePerKwh, e.currency) : NONE}
          sub={
            e ? (
              e.pricePerKwh === null ? (
                'no tariff set'
              ) : (
                <span data-testid="rig-now-price">power costs {formatPricePerKwh(e.pricePerKwh, e.currency)} now</span>
              )
            ) : (
              'power price'
            )
          }
        />
      </dl>
    </section>
  );
}
