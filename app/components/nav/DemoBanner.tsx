/**
 * The strip every page shows while demo rigs sit beside real ones (the demo never mixes in silently):
 * what they are and the command that removes them. A server component: it counts the rigs the viewer's
 * sites hold; absent for a demo alone, for real rigs alone, and when the database cannot be read.
 */
import { getAppDb } from '../../../lib/db/app-db';
import { rigCounts } from '../../../lib/db/queries/demo';
import './demo-banner.css';

/** Props of DemoBanner: the viewer's sites (null: every site). */
export interface DemoBannerProps {
  siteIds: readonly number[] | null;
}

/** "Demo rigs are shown beside your real rigs: hashwatt demo remove …", or nothing. */
export function DemoBanner({ siteIds }: DemoBannerProps) {
  let counts: { demo: number; real: number };
  try {
    counts = rigCounts(getAppDb(), siteIds);
  } catch {
    return null; // the page itself reports a database it cannot read
  }
  if (counts.demo === 0 || counts.real === 0) return null;
  return (
    <aside className="demo-banner" aria-label="Demo rigs" data-testid="demo-banner" data-demo-rigs={counts.demo}>
      <span className="demo-banner-tag">Demo</span>
      <p className="demo-banner-text">
        <strong>Demo rigs are shown beside your real rigs:</strong> <code>hashwatt demo remove</code> removes the {counts.demo} simulated
        rig{counts.demo === 1 ? '' : 's'} and their data.
      </p>
    </aside>
  );
}
