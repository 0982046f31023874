/**
 * "Needs attention": the worst rigs from the heat-map cells (offline, error, critical temperature, stale,
 * very hot, throttled, losing money, hot), each a link to its page with a written badge, and how many more
 * there are. What a phone shows instead of every rig.
 */
import type { RigCell } from '../../../lib/domain/rig-cell';
import { PROBLEM_LABEL, PROBLEM_SEVERITY, topProblemRigs } from '../heatmap/problem-rigs';

/** Props of ProblemRigs. */
export interface ProblemRigsProps {
  cells: RigCell[] | null;
  /** Site names by id, shown after each rig when there is more than one site. */
  siteNames: ReadonlyMap<number, string>;
  limit?: number;
}

/** The short list, or a calm line when nothing needs attention. */
export function ProblemRigs({ cells, siteNames, limit = 8 }: ProblemRigsProps) {
  const { rigs, total } = cells ? topProblemRigs(cells, limit) : { rigs: [], total: 0 };
  return (
    <section className="panel problem-rigs" aria-labelledby="problems-title" data-testid="problem-rigs" data-total={total}>
      <h2 className="panel-title" id="problems-title">
        Needs attention <span className="panel-count">{cells ? total.toLocaleString('en-US') : ''}</span>
      </h2>
      {cells === null ? (
        <p className="empty-note">Loading the rigs…</p>
      ) : rigs.length === 0 ? (
        <p className="empty-note empty-note--ok">Every rig is mining within its limits</p>
      ) : (
        <ol className="problem-list">
          {rigs.map(({ cell, problem }) => (
            <li key={cell.id} className="problem-line" data-testid="problem-rig" data-problem={problem} data-rig-id={cell.id}>
              <span className={`problem-tag problem-tag--${PROBLEM_SEVERITY[problem]}`}>{PROBLEM_LABEL[problem]}</span>
              <a className="problem-name" href={`/rigs/${cell.id}`}>
                {cell.name}
              </a>
              {siteNames.size > 1 && <span className="problem-site">{siteNames.get(cell.siteId)}</span>}
            </li>
          ))}
        </ol>
      )}
      {total > rigs.length && (
        <p className="problem-more">
          <a href="/rigs">+{(total - rigs.length).toLocaleString('en-US')} more in the rig list</a>
        </p>
      )}
    </section>
  );
}
