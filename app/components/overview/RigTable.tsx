/**
 * The rig table, problems first. A stale or offline rig keeps its last reading on screen (operators want
 * to see what it was doing) but greyed and behind a solid connectivity badge, so it never passes for live.
 * On a phone the same table collapses to cards through CSS (see .data-table and .rig-table in globals.css).
 */
import { useMemo } from 'react';
import type { EconomicsView, RigView } from '../../../lib/realtime/contracts';
import {
  formatAge,
  formatClockTime,
  formatHashrateThs,
  formatJth,
  formatPowerW,
  formatTempC,
  MISSING,
} from '../../../lib/format/units';
import { hashesSha256 } from '../../../lib/domain/reading';
import { vendorToShow } from '../../../lib/format/device-name';
import { PowerSourceTag } from './PowerSourceTag';
import { StatusBadge } from './StatusBadge';
import { isLosing, RigEconomicsCells } from './RigEconomicsCells';
import { sortRigsWithLosses } from './sort-rigs-economics';

/** Below this share of the expected hash rate a mining rig's number is flagged. */
const LOW_HASHRATE_SHARE = 0.9;

/** Props of RigTable. */
export interface RigTableProps {
  rigs: RigView[];
  /** The ticking clock for "last seen"; null until mounted, so server and browser render the same. */
  nowMs: number | null;
  /** Latest economics by rig id (site currency); rigs without an entry show "—". */
  economics?: Record<number, EconomicsView>;
}

/** data-value wants the exact number; absent (not "null") when there is none. */
function exact(n: number | null | undefined): string | undefined {
  return typeof n === 'number' && Number.isFinite(n) ? String(n) : undefined;
}

function RigRow({ rig, nowMs, economics }: { rig: RigView; nowMs: number | null; economics: EconomicsView | undefined }) {
  const r = rig.reading;
  const live = rig.connectivity === 'online';
  const lastKnown = live ? undefined : 'Last known value';
  const expected = r?.expectedHashrateThs ?? null;
  const low = live && r?.status === 'mining' && expected !== null && r.hashrateThs < expected * LOW_HASHRATE_SHARE;
  const losing = isLosing(economics);
  const sha256 = r ? hashesSha256(r) : true;
  const model = rig.model ?? r?.model ?? MISSING;
  const make = r ? vendorToShow(r.make, model) : null;
  const seenTitle = nowMs !== null && rig.lastSeenMs !== null ? `at ${formatClockTime(rig.lastSeenMs)}` : undefined;
  return (
    <tr
      className={`rig-row rig-row--${rig.connectivity}${losing && live ? ' rig-row--losing' : ''}`}
      data-testid="rig-row"
      data-rig-name={rig.name}
      data-connectivity={rig.connectivity}
      data-losing={losing ? 'true' : 'false'}
    >
      <th scope="row" className="cell-name">
        {rig.name}
      </th>
      <td className="cell-site" data-label="Site">
        {rig.siteName}
      </td>
      <td className="cell-model" data-label="Model" data-driver={rig.driver}>
        {make && <span className="cell-make">{make} </span>}
        {model}
      </td>
      <td
        className="cell-state"
        data-label="State"
        data-testid="rig-state"
        data-connectivity={rig.connectivity}
        data-status={r?.status}
      >
        <StatusBadge value={rig.connectivity} />
        {r && <StatusBadge value={r.status} lastKnown={!live} />}
      </td>
      <td
        className={`cell-num cell-hashrate${low ? ' is-low' : ''}`}
        data-label="Hash rate"
        data-testid="rig-hashrate"
        data-value={exact(r?.hashrateThs)}
        title={lastKnown}
      >
        {r && r.algorithm === null ? MISSING : formatHashrateThs(r?.hashrateThs)}
        {r && !sha256 && (
          <>
            {' '}
            <span className="cell-sub">{r.algorithm ?? 'no miner API'}</span>
          </>
        )}
        {expected !== null && (
          <>
            {' '}
            <span className="cell-sub">of {formatHashrateThs(expected)}</span>
          </>
        )}
      </td>
      <td
        className="cell-num cell-power"
        data-label="Power"
        data-testid="rig-power"
        data-value={exact(r?.powerW)}
        title={lastKnown}
      >
        {formatPowerW(r?.powerW)}
        {r?.powerW != null && <PowerSourceTag source={r.powerSource} />}
      </td>
      <td className="cell-num cell-efficiency" data-label="J/TH" title={lastKnown}>
        {/* J/TH is a SHA-256 figure: a GPU rig's watts per TH/s of ethash says nothing. */}
        {sha256 ? formatJth(r?.efficiencyJth) : MISSING}
      </td>
      <td
        className="cell-num cell-temp"
        data-label="Max temp"
        data-testid="rig-temp"
        data-value={exact(r?.tempMaxC)}
        title={lastKnown}
      >
        {formatTempC(r?.tempMaxC)}
      </td>
      <RigEconomicsCells economics={economics} lastKnown={lastKnown} />
      <td className="cell-num cell-seen" data-label="Last seen" title={seenTitle}>
        {nowMs === null || rig.lastSeenMs === null ? MISSING : formatAge(nowMs - rig.lastSeenMs)}
      </td>
      <td className={`cell-error${rig.lastError ? '' : ' is-empty'}`} data-label="Last error">
        {rig.lastError ? (
          <span className="error-text" title={rig.lastError}>
            {rig.lastError}
          </span>
        ) : (
          MISSING
        )}
      </td>
    </tr>
  );
}

const NO_ECONOMICS: Record<number, EconomicsView> = {};

/** All rigs, offline/stale/error/throttled/losing money first, then by name. */
export function RigTable({ rigs, nowMs, economics = NO_ECONOMICS }: RigTableProps) {
  const sorted = useMemo(() => sortRigsWithLosses(rigs, (id) => isLosing(economics[id])), [rigs, economics]);
  if (sorted.length === 0) {
    return <p className="empty-note">No rigs yet: they appear here as soon as they are added.</p>;
  }
  return (
    <div className="data-table-wrap">
      <table className="data-table rig-table">
        <caption className="visually-hidden">Rigs, problems first</caption>
        <thead>
          <tr>
            <th scope="col">Rig</th>
            <th scope="col">Site</th>
            <th scope="col">Model</th>
            <th scope="col">State</th>
            <th scope="col" className="cell-num">
              Hash rate
            </th>
            <th scope="col" className="cell-num">
              Power
            </th>
            <th scope="col" className="cell-num">
              J/TH
            </th>
            <th scope="col" className="cell-num">
              Max temp
            </th>
            <th scope="col" className="cell-num">
              Profit/kWh
            </th>
            <th scope="col" className="cell-num">
              Breakeven
            </th>
            <th scope="col" className="cell-num">
              Last seen
            </th>
            <th scope="col">Last error</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((rig) => (
            <RigRow key={rig.id} rig={rig} nowMs={nowMs} economics={economics[rig.id]} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
