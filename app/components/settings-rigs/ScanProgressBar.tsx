import type { ScanProgress } from '../../../lib/rigs/device-request-types';

/** "1,024 of 4,094 addresses · 3 found", with a bar; before the collector starts, "Waiting for the collector". */
export function ScanProgressBar({ progress }: { progress: ScanProgress | null }) {
  const done = progress?.done ?? 0;
  const total = progress?.total ?? 0;
  const pct = total > 0 ? Math.round((done / total) * 100) : 0;
  return (
    <div className="scan-progress" data-testid="scan-progress" data-done={done} data-total={total}>
      <div
        className="scan-progress-track"
        role="progressbar"
        aria-label="Scan progress"
        aria-valuemin={0}
        aria-valuemax={total || 1}
        aria-valuenow={done}
      >
        <div className="scan-progress-fill" style={{ width: `${pct}%` }} />
      </div>
      <p className="request-state is-pending" role="status">
        {progress === null
          ? 'Waiting for the collector to start the scan…'
          : `${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} addresses · ${progress.found} answered`}
      </p>
    </div>
  );
}
