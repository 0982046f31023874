'use client';
/**
 * The wall's heat map of the view: every rig of the site in view (or of the fleet, site by site) coloured by
 * state, filling the panel, under a legend that is also the count of rigs by state (the counts add up to the
 * view's rigs) and the number losing money.
 */
import { useEffect, useState } from 'react';
import { RIG_STATES, type StateCounts } from '../../../lib/domain/rig-cell';
import type { RigCell } from '../../../lib/domain/rig-cell';
import { HeatMap } from '../heatmap/HeatMap';
import { legendOf } from '../heatmap/heatmap-colours';
import { Swatch } from '../heatmap/HeatMapLegend';
import '../heatmap/heatmap.css';

/** Props of WallHeatMap. */
export interface WallHeatMapProps {
  title: string;
  cells: RigCell[] | null;
  counts: StateCounts;
  losing: number | null;
}

/** The wall's --u (a hundredth of a 16:9 screen's height) in px, once in the browser; labels are 3.6 of it. */
function useWallLabelPx(): number {
  const [px, setPx] = useState(36);
  useEffect(() => {
    const update = () => setPx(Math.round(3.6 * Math.min(window.innerHeight / 100, (window.innerWidth * 0.5625) / 100)));
    update();
    window.addEventListener('resize', update);
    return () => window.removeEventListener('resize', update);
  }, []);
  return px;
}

/** The panel: counts, then the map. */
export function WallHeatMap({ title, cells, counts, losing }: WallHeatMapProps) {
  const labelPx = useWallLabelPx();
  const total = RIG_STATES.reduce((sum, s) => sum + counts[s], 0);
  // The legend's swatches and words; the numbers come from the same summaries as the figures.
  const styles = new Map(legendOf([], 'state').map((e) => [e.value, e]));
  return (
    <section className="wall-panel wall-map" aria-label={`${title} rigs`} data-testid="wall-map" data-total={total}>
      <ul className="wall-map-counts">
        <li className="wall-map-total">
          <span className="wall-count-n" data-testid="wall-count-total">
            {total.toLocaleString('en-US')}
          </span>{' '}
          rigs
        </li>
        {RIG_STATES.filter((s) => counts[s] > 0 || s === 'mining' || s === 'offline').map((s) => (
          <li key={s} className={`wall-count wall-count--${s}${counts[s] > 0 ? ' is-nonzero' : ''}`}>
            <Swatch entry={styles.get(s)!} />
            <span className="wall-count-n" data-testid={`wall-count-${s}`}>
              {counts[s].toLocaleString('en-US')}
            </span>{' '}
            <span className="wall-count-label">{s}</span>
          </li>
        ))}
        {losing !== null && (
          <li className={`wall-count wall-count--losing${losing > 0 ? ' is-nonzero' : ''}`}>
            <span className="wall-count-n" data-testid="wall-count-losing">
              {losing.toLocaleString('en-US')}
            </span>{' '}
            <span className="wall-count-label">losing money</span>
          </li>
        )}
      </ul>
      <div className="wall-map-box">
        {cells ? (
          <HeatMap
            cells={cells}
            mode="state"
            label={`Heat map of ${title}`}
            fillHeight
            maxCellPx={40}
            interactive={false}
            labelPx={labelPx}
          />
        ) : (
          <p className="wall-empty">Loading the rigs…</p>
        )}
      </div>
    </section>
  );
}
