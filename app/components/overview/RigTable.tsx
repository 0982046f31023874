/**
 * The rig table, problems first. A stale or offline rig keeps its last reading on screen (operators want
 * to see what it was doing) but greyed and behind a solid connectivity badge, so it never passes for live.
 * On a phone the same table collapses to cards through CSS (see .data-table and .rig-table in globals.css).
 * The overview shows it as is; /rigs adds sortable headers, links to each rig and a driver column.
 */
import Link from 'next/link';
import { useMemo } from 'react';
import type { EconomicsView, RigView } from '../../../lib/views/contracts';
import { formatAge, formatClockTime, formatHashrateThs, formatJth, formatPowerW, formatTempC, MISSING } from '../../../lib/format/units';
import { hashesSha256 } from '../../../lib/domain/reading';
import { vendorToShow } from '../../../lib/format/device-name';
import { rigLocationText } from '../../../lib/domain/rig-location';
import type { RigSort, RigSortKey } from '../rigs/rig-filters';
import { PowerSourceTag } from './PowerSourceTag';
import { StatusBadge } from './StatusBadge';
import { isLosing, RigEconomicsCells } from './RigEconomicsCells';
import { sortRigsWithLosses } from './sort-rigs-economics';
import { scrollRegion } from '../table/scroll-region';

/** Below this share of the expected hash rate a mining rig's number is flagged. */
const LOW_HASHRATE_SHARE = 0.9;

/** Props of RigTable. */
export interface RigTableProps {
  rigs: RigView[];
  /** The ticking clock for "last seen"; null until mounted, so server and browser render the same. */
  nowMs: number | null;
  /** Latest economics by rig id (site currency); rigs without an entry show "—". */
  economics?: Record<number, EconomicsView>;
  /**
   * Sortable headers: the rigs are shown in the order given (already sorted by the caller), the sorted
   * column carries aria-sort, and a header click asks for `onSort(key)`. Without it: problems first.
   */
  sort?: RigSort & { onSort: (key: RigSortKey) => void };
  /** Each rig's name links to its page, /rigs/<id>. */
  linkNames?: boolean;
  /** Adds a column with the driver (protocol family) that polls the rig. */
  showDriver?: boolean;
}

/** The columns in display order; `driver` only where asked for. */
const COLUMNS: readonly { key: RigSortKey; label: string; num?: boolean }[] = [
  { key: 'name', label: 'Rig' },
  { key: 'site', label: 'Site' },
  { key: 'model', label: 'Model' },
  { key: 'driver', label: 'Driver' },
  { key: 'state', label: 'State' },
  { key: 'hashrate', label: 'Hash rate', num: true },
  { key: 'power', label: 'Power', num: true },
  { key: 'efficiency', label: 'J/TH', num: true },
  { key: 'temp', label: 'Max temp', num: true },
  { key: 'profit', label: 'Profit/kWh', num: true },
  { key: 'breakeven', label: 'Breakeven', num: true },
  { key: 'seen', label: 'Last seen', num: true },
  { key: 'error', label: 'Last error' },
];

/** data-value wants the exact number; absent (not "null") when there is none. */
function exact(n: number | null | undefined): string | undefined {
  return typeof n === 'number' && Number.isFinite(n) ? String(n) : undefined;
}

interface RigRowProps {
  rig: RigView;
  nowMs: number | null;
  economics: EconomicsView | undefined;
  linkName: boolean;
  showDriver: boolean;
}

function RigRow({ rig, nowMs, economics, linkName, showDriver }: RigRowProps) {
  const r = rig.reading;
  const live = rig.connectivity === 'online';
  const lastKnown = live ? undefined : 'Last known value';
  const expected = r?.expectedHashrateThs ?? null;
  const low = live && r?.status === 'mining' && expected !== null && r.hashrateThs < expected * LOW_HASHRATE_SHARE;
  const losing = isLosing(economics);
  const sha256 = r ? hashesSha256(r) : true;
  const model = rig.model ?? r?.model ?? MISSING;
  const make = r ? vendorToShow(r.make, model) : null;
  const location = rigLocationText(rig.location);
  const seenTitle = nowMs !== null && rig.lastSeenMs !== null ? `at ${formatClockTime(rig.lastSeenMs)}` : undefined;
  return (
    <tr
      className={`rig-row rig-row--${rig.connectivity}${losing && live ? ' rig-row--losing' : ''}`}
      data-testid="rig-row"
      data-rig-id={rig.id}
      data-rig-name={rig.name}
      data-connectivity={rig.connectivity}
      data-losing={losing ? 'true' : 'false'}
    >
      <th scope="row" className="cell-name">
        {linkName ? (
          // No prefetch: a fleet-sized table would fetch every rig's page on a phone's mobile data.
          <Link href={`/rigs/${rig.id}`} prefetch={false} className="rig-link" data-testid="rig-link">
            {rig.name}
          </Link>
        ) : (
          rig.name
        )}
      </th>
      <td className="cell-site" data-label="Site">
        {rig.siteName}
        {location !== null && (
          <span className="cell-sub cell-location" data-testid="rig-location">
            {' '}
            {location}
          </span>
        )}
      </td>
      <td className="cell-model" data-label="Model" data-driver={rig.driver}>
        {make && <span className="cell-make">{make} </span>}
        {model}
      </td>
      {showDriver && (
        <td className="cell-driver" data-label="Driver" data-testid="rig-driver">
          {rig.driver}
        </td>
      )}
      <td className="cell-state" data-label="State" data-testid="rig-state" data-connectivity={rig.connectivity} data-status={r?.status}>
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
      <td className="cell-num cell-power" data-label="Power" data-testid="rig-power" data-value={exact(r?.powerW)} title={lastKnown}>
        {formatPowerW(r?.powerW)}
        {r?.powerW != null && <PowerSourceTag source={r.powerSource} />}
      </td>
      <td className="cell-num cell-efficiency" data-label="J/TH" title={lastKnown}>
        {/* J/TH is a SHA-256 figure: a GPU rig's watts per TH/s of ethash says nothing. */}
        {sha256 ? formatJth(r?.efficiencyJth) : MISSING}
      </td>
      <td className="cell-num cell-temp" data-label="Max temp" data-testid="rig-temp" data-value={exact(r?.tempMaxC)} title={lastKnown}>
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

const ARIA_SORT = { asc: 'ascending', desc: 'descending' } as const;

function HeaderCell({ column, sort }: { column: (typeof COLUMNS)[number]; sort: RigTableProps['sort'] }) {
  const className = column.num ? 'cell-num' : undefined;
  if (!sort) {
    return (
      <th scope="col" className={className}>
        {column.label}
      </th>
    );
  }
  const active = sort.sort === column.key;
  return (
    <th scope="col" className={className} aria-sort={active ? ARIA_SORT[sort.dir] : undefined}>
      <button
        type="button"
        className={`sort-button${active ? ' is-active' : ''}`}
        onClick={() => sort.onSort(column.key)}
        data-testid={`sort-${column.key}`}
      >
        {column.label}
        {/* Only the sorted column carries an arrow: thirteen idle arrows would cost a column's width. */}
        {active && (
          <span className="sort-arrow" aria-hidden="true">
            {sort.dir === 'asc' ? '▲' : '▼'}
          </span>
        )}
      </button>
    </th>
  );
}

/** All rigs: problems first (offline/stale/error/throttled/losing money, then by name), or as `sort` says. */
export function RigTable({ rigs, nowMs, economics = NO_ECONOMICS, sort, linkNames = false, showDriver = false }: RigTableProps) {
  const sortable = sort !== undefined;
  const shown = useMemo(() => (sortable ? rigs : sortRigsWithLosses(rigs, (id) => isLosing(economics[id]))), [sortable, rigs, economics]);
  if (shown.length === 0) {
    return <p className="empty-note">No rigs yet: they appear here as soon as they are added.</p>;
  }
  const columns = showDriver ? COLUMNS : COLUMNS.filter((c) => c.key !== 'driver');
  return (
    <div className="data-table-wrap" {...scrollRegion('Rigs table')}>
      <table className={`data-table rig-table${showDriver ? ' rig-table--driver' : ''}`}>
        <caption className="visually-hidden">{sortable ? 'Rigs' : 'Rigs, problems first'}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <HeaderCell key={c.key} column={c} sort={sort} />
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((rig) => (
            <RigRow key={rig.id} rig={rig} nowMs={nowMs} economics={economics[rig.id]} linkName={linkNames} showDriver={showDriver} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
