/**
 * Storage: the database file, its write-ahead log and the free disk now, beside the size the history
 * settles at for the rigs configured now (each tier full: raw samples, 1-minute, 5-minute and 1-hour rollups).
 * A server component: nothing here changes while the page is open.
 */
import type { StorageReport } from '../../../lib/db/queries/storage';
import { formatBytes, formatRetentionMs } from '../../../lib/format/units';

/** Props of StorageView. */
export interface StorageViewProps {
  report: StorageReport;
}

/** The storage panels. */
export function StorageView({ report }: StorageViewProps) {
  const { now, estimate, retention } = report;
  const growthBytes = Math.max(0, estimate.totalBytes - now.fileBytes);
  const tooBig = report.diskFreeBytes !== null && growthBytes > report.diskFreeBytes;
  const tiers = [
    { tier: 'Raw samples', every: `every ${report.pollIntervalS} s`, keptMs: retention.rawRetentionMs, bytes: estimate.rawBytes },
    { tier: '1-minute rollups', every: 'min / avg / max per minute', keptMs: retention.m1RetentionMs, bytes: estimate.m1Bytes },
    { tier: '5-minute rollups', every: 'min / avg / max per 5 minutes', keptMs: retention.m5RetentionMs, bytes: estimate.m5Bytes },
    { tier: '1-hour rollups', every: 'min / avg / max per hour', keptMs: retention.h1RetentionMs, bytes: estimate.h1Bytes },
  ];
  return (
    <>
      <section className="panel" aria-labelledby="db-now-title">
        <h2 className="panel-title" id="db-now-title">
          Database now
        </h2>
        <dl className="facts" data-testid="storage-now">
          <div className="fact">
            <dt>Database file</dt>
            <dd data-testid="storage-file">
              {formatBytes(now.fileBytes)}
              <span className="fact-sub">{formatBytes(now.freeBytes)} of it free for reuse</span>
            </dd>
          </div>
          <div className="fact">
            <dt>Write-ahead log</dt>
            <dd data-testid="storage-wal">{formatBytes(now.walBytes)}</dd>
          </div>
          <div className="fact">
            <dt>Free disk</dt>
            <dd data-testid="storage-disk-free" className={tooBig ? 'warn-text' : undefined}>
              {formatBytes(report.diskFreeBytes)}
            </dd>
          </div>
          <div className="fact">
            <dt>Rigs</dt>
            <dd data-testid="storage-rigs">
              {report.rigs}
              <span className="fact-sub">polled every {report.pollIntervalS} s</span>
            </dd>
          </div>
        </dl>
      </section>

      <section className="panel" aria-labelledby="db-estimate-title">
        <h2 className="panel-title" id="db-estimate-title">
          Estimated size for this fleet
        </h2>
        <p className="settings-lede">
          Once every tier is full, history stops growing: retention deletes what ages out. Retention is set with HASHWATT_RAW_RETENTION_H,
          HASHWATT_ROLLUP_1M_RETENTION_D, HASHWATT_ROLLUP_5M_RETENTION_D and HASHWATT_ROLLUP_1H_RETENTION_D.
        </p>
        <div className="data-table-wrap">
          <table className="data-table settings-table" data-testid="storage-estimate">
            <caption className="visually-hidden">Estimated size by history tier</caption>
            <thead>
              <tr>
                <th scope="col">Tier</th>
                <th scope="col">Resolution</th>
                <th scope="col" className="cell-num">
                  Kept for
                </th>
                <th scope="col" className="cell-num">
                  Estimated size
                </th>
              </tr>
            </thead>
            <tbody>
              {tiers.map((t) => (
                <tr key={t.tier} data-testid="storage-tier">
                  <th scope="row" className="cell-name">
                    {t.tier}
                  </th>
                  <td data-label="Resolution">{t.every}</td>
                  <td className="cell-num" data-label="Kept for" data-testid="storage-kept">
                    {formatRetentionMs(t.keptMs)}
                  </td>
                  <td className="cell-num" data-label="Estimated size">
                    {formatBytes(t.bytes)}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" className="cell-name" colSpan={3}>
                  Total at steady state
                </th>
                <td className="cell-num" data-label="Total" data-testid="storage-total">
                  {formatBytes(estimate.totalBytes)}
                </td>
              </tr>
            </tfoot>
          </table>
        </div>
        {tooBig && (
          <p className="form-error" role="alert" data-testid="storage-warning">
            The history will need {formatBytes(growthBytes)} more than the database holds now, but only {formatBytes(report.diskFreeBytes)}{' '}
            is free on its disk: shorten the retention or free space.
          </p>
        )}
      </section>
    </>
  );
}
