/**
 * Pools against rigs: what each pool says it received over the last hour against what the rigs pointed
 * at it report. A persistent shortfall means stale shares, a misdirected worker or a firmware dev fee,
 * so a gap beyond 5 % is highlighted.
 */
import type { PoolReconciliation } from '../../../lib/views/contracts';
import { formatAge, formatHashrateThs, MISSING } from '../../../lib/format/units';
import { scrollRegion } from '../table/scroll-region';

/** Gaps beyond this share of the rigs' hash rate are worth a look. */
const GAP_ALERT_PCT = 5;

/** Props of PoolReconciliationTable. */
export interface PoolReconciliationTableProps {
  pools: PoolReconciliation[];
  /** The ticking clock for ages; null until mounted. */
  nowMs: number | null;
}

/** Signed, one decimal: a gap reads "-12.4" (pool short) or "+0.8". */
const signedOne = new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' });

function exact(n: number | null): string | undefined {
  return n !== null && Number.isFinite(n) ? String(n) : undefined;
}

/** One row per configured pool; an empty note when none is configured. */
export function PoolReconciliationTable({ pools, nowMs }: PoolReconciliationTableProps) {
  if (pools.length === 0) {
    return <p className="empty-note">No pool account these rigs point at is configured (an admin adds them in Settings → Pools).</p>;
  }
  return (
    <div className="data-table-wrap" {...scrollRegion('Pools table')}>
      <table className="data-table economics-table" data-testid="pool-reconciliation">
        <caption className="visually-hidden">Pool-reported hash rate over the last hour against the rigs</caption>
        <thead>
          <tr>
            <th scope="col">Pool</th>
            <th scope="col" className="cell-num">
              Pool (1 h)
            </th>
            <th scope="col" className="cell-num">
              Rigs (1 h)
            </th>
            <th scope="col" className="cell-num">
              Gap
            </th>
            <th scope="col">Updated</th>
          </tr>
        </thead>
        <tbody>
          {pools.map((p) => {
            const wide = p.gapPct !== null && Math.abs(p.gapPct) > GAP_ALERT_PCT;
            return (
              <tr key={p.poolId} data-testid="pool-row" data-pool-name={p.name} data-gap-alert={wide ? 'true' : 'false'}>
                <th scope="row" className="cell-name">
                  {p.name} <span className="cell-sub">{p.kind}</span>
                </th>
                <td className="cell-num" data-label="Pool (1 h)" data-value={exact(p.poolHashrateThs1h)}>
                  {formatHashrateThs(p.poolHashrateThs1h)}
                </td>
                <td className="cell-num" data-label="Rigs (1 h)" data-value={exact(p.rigsHashrateThs1h)}>
                  {formatHashrateThs(p.rigsHashrateThs1h)}{' '}
                  <span className="cell-sub">
                    {p.rigs} {p.rigs === 1 ? 'rig' : 'rigs'}
                  </span>
                </td>
                <td
                  className={`cell-num${wide ? ' is-gap' : ''}`}
                  data-label="Gap"
                  data-testid="pool-gap"
                  data-value={exact(p.gapPct)}
                  title={wide ? `More than ${GAP_ALERT_PCT}% apart: check for stale shares, a misdirected worker or a dev fee` : undefined}
                >
                  {p.gapThs === null ? MISSING : `${signedOne.format(p.gapThs)} TH/s`}{' '}
                  {p.gapPct !== null && <span className="cell-sub">{signedOne.format(p.gapPct)}%</span>}
                </td>
                <td data-label="Updated" className={p.lastError ? 'cell-error' : undefined}>
                  {p.fetchedAtMs === null ? 'never' : nowMs === null ? MISSING : formatAge(nowMs - p.fetchedAtMs)}
                  {p.lastError && (
                    <span className="error-text" title={p.lastError}>
                      {p.lastError}
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
