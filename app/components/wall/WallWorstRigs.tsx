/** The wall's "worst rigs" list: losing money, then offline, then hottest, one large line each. */
import { formatPricePerKwh, shownProfitPerKwh } from '../../../lib/format/money';
import { formatAge, formatTempC } from '../../../lib/format/units';
import type { WorstRig } from './wall-model';

/** Props of WallWorstRigs. */
export interface WallWorstRigsProps {
  worst: WorstRig[];
  nowMs: number | null;
  /** Shows each rig's site (the fleet view). */
  showSite: boolean;
}

function what(line: WorstRig, nowMs: number | null): string {
  if (line.reason === 'losing') return formatPricePerKwh(shownProfitPerKwh(line.economics!), line.economics!.currency);
  if (line.reason === 'hot') return formatTempC(line.tempMaxC);
  const seen = line.rig.lastSeenMs;
  return seen === null || nowMs === null ? line.reason : `${line.reason} · seen ${formatAge(nowMs - seen)}`;
}

/** Up to eight lines: tag, rig name (and site), and the figure that put it there. */
export function WallWorstRigs({ worst, nowMs, showSite }: WallWorstRigsProps) {
  return (
    <section className="wall-panel wall-worst" aria-labelledby="wall-worst-title">
      <h2 className="wall-panel-title" id="wall-worst-title">
        Worst rigs
      </h2>
      {worst.length === 0 ? (
        <p className="wall-empty">No rigs</p>
      ) : (
        <ol className="wall-list">
          {worst.map((line) => (
            <li
              key={line.rig.id}
              className={`wall-worst-line wall-worst-line--${line.reason}`}
              data-testid="wall-worst"
              data-reason={line.reason}
              data-rig-id={line.rig.id}
            >
              <span className="wall-worst-tag">{line.reason === 'losing' ? 'loss' : line.reason}</span>
              <span className="wall-worst-name">
                {line.rig.name}
                {showSite && <span className="wall-worst-site"> · {line.rig.siteName}</span>}
              </span>
              <span className="wall-worst-what">{what(line, nowMs)}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
