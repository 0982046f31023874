/**
 * What the rig's firmware reports about its parts: hash boards (hash rate, hottest chip, chips found),
 * fans and pools (with accepted and rejected shares). Each is the shared data table, so on a phone the
 * rows become cards. Missing parts say so instead of leaving an empty box.
 */
import type { Reading } from '../../../lib/domain/reading';
import { formatHashrateThs, formatTempC, MISSING } from '../../../lib/format/units';
import { scrollRegion } from '../table/scroll-region';

const count = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
/** Reject rates are small: two significant digits ("0.04%"), not a whole percent that reads "0%". */
const rejectShare = new Intl.NumberFormat('en-US', { style: 'percent', maximumSignificantDigits: 2 });

function formatCount(n: number | null | undefined): string {
  return typeof n === 'number' && Number.isFinite(n) ? count.format(n) : MISSING;
}

/** Props of RigHardware. */
export interface RigHardwareProps {
  reading: Reading | null;
  /** The reading is the last one of a rig no longer heard from. */
  lastKnown: boolean;
}

type Column = readonly [label: string, numeric?: boolean];

const BOARD_COLUMNS: readonly Column[] = [['Board'], ['Hash rate', true], ['Temp', true], ['Chips', true]];
const POOL_COLUMNS: readonly Column[] = [['Pool'], ['User'], ['Status'], ['Accepted', true], ['Rejected', true]];

function Head({ columns }: { columns: readonly Column[] }) {
  return (
    <thead>
      <tr>
        {columns.map(([label, numeric]) => (
          <th key={label} scope="col" className={numeric ? 'cell-num' : undefined}>
            {label}
          </th>
        ))}
      </tr>
    </thead>
  );
}

function Boards({ reading }: { reading: Reading }) {
  if (reading.boards.length === 0) return <p className="empty-note">The firmware reports no hash boards.</p>;
  return (
    <div className="data-table-wrap" {...scrollRegion('Hash boards table')}>
      <table className="data-table rd-table rd-boards" data-testid="rig-boards">
        <caption className="visually-hidden">Hash boards</caption>
        <Head columns={BOARD_COLUMNS} />
        <tbody>
          {reading.boards.map((b) => (
            <tr key={b.index} data-testid="rig-board">
              <th scope="row">Board {b.index + 1}</th>
              <td className="cell-num" data-label="Hash rate">
                {formatHashrateThs(b.hashrateThs)}
              </td>
              <td className="cell-num" data-label="Temp">
                {formatTempC(b.tempC)}
              </td>
              <td className="cell-num" data-label="Chips">
                {formatCount(b.chips)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Pools({ reading }: { reading: Reading }) {
  if (reading.pools.length === 0) return <p className="empty-note">No pool configured on the rig.</p>;
  return (
    <div className="data-table-wrap" {...scrollRegion('Pools table')}>
      <table className="data-table rd-table rd-pools" data-testid="rig-pools">
        <caption className="visually-hidden">Pools</caption>
        <Head columns={POOL_COLUMNS} />
        <tbody>
          {reading.pools.map((p, i) => {
            const shares = p.accepted + p.rejected;
            return (
              <tr key={`${i}-${p.url}`} data-testid="rig-pool">
                <th scope="row" className="rd-pool-url">
                  {p.url || MISSING}
                </th>
                <td className="rd-pool-user" data-label="User">
                  {p.user || MISSING}
                </td>
                <td data-label="Status">{p.status || MISSING}</td>
                <td className="cell-num" data-label="Accepted">
                  {formatCount(p.accepted)}
                </td>
                <td className={`cell-num${p.rejected > 0 ? ' is-warn' : ''}`} data-label="Rejected">
                  {formatCount(p.rejected)}
                  {shares > 0 && p.rejected > 0 && <span className="cell-sub">{rejectShare.format(p.rejected / shares)}</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Boards, fans and pools of the latest reading, under one panel. */
export function RigHardware({ reading, lastKnown }: RigHardwareProps) {
  return (
    <section className={`panel rd-hardware${lastKnown ? ' is-last-known' : ''}`} aria-labelledby="hardware-title">
      <div className="panel-head">
        <h2 className="panel-title" id="hardware-title">
          Hardware
        </h2>
        {lastKnown && <span className="rd-last-known">last known</span>}
      </div>
      {!reading ? (
        <p className="empty-note">Nothing reported yet: the rig has not answered a poll.</p>
      ) : (
        <>
          <h3 className="rd-subtitle">Boards</h3>
          <Boards reading={reading} />
          <h3 className="rd-subtitle">Fans</h3>
          {reading.fansRpm.length === 0 ? (
            <p className="empty-note">The firmware reports no fans.</p>
          ) : (
            <ul className="rd-fans" data-testid="rig-fans">
              {reading.fansRpm.map((rpm, i) => (
                <li key={i} className={`rd-fan${rpm === 0 ? ' is-stopped' : ''}`}>
                  <span className="rd-fan-label">Fan {i + 1}</span> <span className="rd-fan-rpm">{formatCount(rpm)} rpm</span>
                </li>
              ))}
            </ul>
          )}
          {reading.hardwareErrors !== null && (
            <p className="rd-hw-errors">
              Hardware errors: <strong>{formatCount(reading.hardwareErrors)}</strong>
            </p>
          )}
          <h3 className="rd-subtitle">Pools</h3>
          <Pools reading={reading} />
        </>
      )}
    </section>
  );
}
