/**
 * The wall's "needs attention" list: the worst rigs of the view from the heat-map cells, each with a badge
 * that says its problem (offline, error, graded temperature above the site's warning level, stale,
 * throttled, losing money) in a severity colour. A rig's name is never cut: a long one wraps, and a line
 * that does not fit the panel is left out whole (the title says how many there are).
 */
import { PROBLEM_LABEL, PROBLEM_SEVERITY, type ProblemRig } from '../heatmap/problem-rigs';

/** Props of WallWorstRigs. */
export interface WallWorstRigsProps {
  worst: ProblemRig[];
  /** Rigs with a problem in all (the title's count; the list shows the worst that fit). */
  total: number;
  /** Site names by id, shown after each rig in the fleet view; null in a site view. */
  siteNames: ReadonlyMap<number, string> | null;
  loading: boolean;
}

/** Up to eight lines: badge, then the rig name (and site), wrapping. */
export function WallWorstRigs({ worst, total, siteNames, loading }: WallWorstRigsProps) {
  return (
    <section className="wall-panel wall-worst" aria-labelledby="wall-worst-title" data-testid="wall-problems" data-total={total}>
      <h2 className="wall-panel-title" id="wall-worst-title">
        Needs attention <span className="wall-panel-count">{loading ? '' : total.toLocaleString('en-US')}</span>
      </h2>
      {loading ? (
        <p className="wall-empty">Loading the rigs…</p>
      ) : worst.length === 0 ? (
        <p className="wall-empty wall-empty--ok">Every rig mining within its limits</p>
      ) : (
        <ol className="wall-list">
          {worst.map(({ cell, problem }) => (
            <li
              key={cell.id}
              className={`wall-worst-line wall-worst-line--${PROBLEM_SEVERITY[problem]}`}
              data-testid="wall-worst"
              data-reason={problem}
              data-rig-id={cell.id}
            >
              <span className="wall-worst-tag">{PROBLEM_LABEL[problem]}</span>
              <span className="wall-worst-name">
                {cell.name}
                {siteNames && <span className="wall-worst-site"> · {siteNames.get(cell.siteId)}</span>}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
