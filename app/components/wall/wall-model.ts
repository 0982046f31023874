/**
 * The wall display's view model (pure): which views it rotates through, and for one view (the fleet or
 * a site) the figures, rig counts, heat-map cells, worst rigs and alerts it shows, all from the snapshot's
 * summaries and cells (never every rig's full view). The clock is an argument.
 */
import { fleetTotals } from '../../../lib/domain/fleet';
import type { AlertView } from '../../../lib/views/alert-contracts';
import { countStates, RIG_STATES, type RigCell, type StateCounts } from '../../../lib/domain/rig-cell';
import type { EconomicsView, FleetSnapshot, FleetTotals, SiteSummary } from '../../../lib/views/contracts';
import { bannerAlerts } from '../alerts/alert-order';
import { topProblemRigs, type ProblemRig } from '../heatmap/problem-rigs';

/** A site as the wall names it and tells its time. */
export interface WallSite {
  id: number;
  name: string;
  /** IANA zone of the site's clock. */
  timeZone: string;
}

/** One screen of the rotation: the whole fleet, or one site. */
export type WallView = { kind: 'fleet' } | { kind: 'site'; site: WallSite };

/** Worst-rig lines shown at most. */
export const WORST_RIGS_SHOWN = 8;
/** Alerts shown at most. */
export const ALERTS_SHOWN = 5;

/**
 * The views to rotate through: the pinned site alone, or the fleet followed by every site that has rigs
 * (in `sites` order). A pinned id that names no site falls back to the rotation.
 */
export function rotationOrder(
  sites: readonly WallSite[],
  summaries: readonly Pick<SiteSummary, 'id' | 'counts'>[],
  pinnedSiteId: number | null,
): WallView[] {
  const pinned = pinnedSiteId === null ? undefined : sites.find((s) => s.id === pinnedSiteId);
  if (pinned) return [{ kind: 'site', site: pinned }];
  const withRigs = new Set(summaries.filter((s) => RIG_STATES.some((k) => s.counts[k] > 0)).map((s) => s.id));
  return [{ kind: 'fleet' }, ...sites.filter((s) => withRigs.has(s.id)).map((site) => ({ kind: 'site' as const, site }))];
}

/** The index after `index` in a rotation of `length` views (wrapping; 0 for an empty one). */
export function nextViewIndex(index: number, length: number): number {
  return length <= 1 ? 0 : (index + 1) % length;
}

/** A stable key of a view, for React keys and test attributes: "fleet" or "site-3". */
export function viewKey(view: WallView): string {
  return view.kind === 'fleet' ? 'fleet' : `site-${view.site.id}`;
}

/** Everything one view of the wall shows. */
export interface WallFigures {
  /** "Fleet" or the site's name. */
  title: string;
  /** IANA zone of the clock; undefined for the fleet (the browser's own zone). */
  timeZone: string | undefined;
  totals: FleetTotals;
  /** Fleet economics (fleet currency) or the site's (site currency); null before the first. */
  economics: EconomicsView | null;
  /** Rigs by state (adding up to the view's rigs). */
  counts: StateCounts;
  /** Rigs losing money now; null until the cells are loaded. */
  losing: number | null;
  /** The view's heat-map cells (the fleet's grouped by site); null until loaded. */
  cells: RigCell[] | null;
  /** The worst rigs, badged by problem; and how many have one in all. */
  worst: ProblemRig[];
  problems: number;
  alerts: AlertView[];
  /** Active alerts beyond those shown. */
  moreAlerts: number;
}

/**
 * The fleet's cells for one map: each site becomes the first level of grouping (its buildings under it, as
 * "Site · Building"), so the wall's fleet view reads site by site.
 */
export function fleetMapCells(cells: readonly RigCell[], siteNames: ReadonlyMap<number, string>): RigCell[] {
  return cells.map((c) => {
    const site = siteNames.get(c.siteId) ?? `Site ${c.siteId}`;
    const building = c.location?.building ? `${site} · ${c.location.building}` : site;
    return { ...c, location: { building, rack: c.location?.rack ?? null, position: c.location?.position ?? null } };
  });
}

/** The figures of `view` from the live snapshot at `nowMs` (null before the browser's clock is read). */
export function wallFigures(snapshot: FleetSnapshot, view: WallView, nowMs: number | null): WallFigures {
  const site = view.kind === 'site' ? view.site : null;
  const summary = site ? snapshot.sites.find((s) => s.id === site.id) : undefined;
  const own = snapshot.cells && site ? snapshot.cells.filter((c) => c.siteId === site.id) : snapshot.cells;
  const totals = site ? (summary?.totals ?? fleetTotals([], snapshot.fleet.updatedAtMs)) : snapshot.fleet;
  const counts = site ? (summary?.counts ?? countStates([])) : snapshot.counts;
  const economics = site ? (snapshot.economics.sites[site.id] ?? null) : snapshot.economics.fleet;
  const active = bannerAlerts(snapshot.alerts, nowMs).filter((a) => site === null || a.siteId === site.id);
  const worst = own ? topProblemRigs(own, WORST_RIGS_SHOWN) : { rigs: [], total: 0 };
  const cells = own && !site && snapshot.sites.length > 1 ? fleetMapCells(own, new Map(snapshot.sites.map((s) => [s.id, s.name]))) : own;
  return {
    title: site ? site.name : 'Fleet',
    timeZone: site?.timeZone,
    totals,
    economics,
    counts,
    losing: own ? own.filter((c) => c.profitBand === 'losing').length : null,
    cells,
    worst: worst.rigs,
    problems: worst.total,
    alerts: active.slice(0, ALERTS_SHOWN),
    moreAlerts: Math.max(0, active.length - ALERTS_SHOWN),
  };
}

/** How fresh the wall is: live, late (amber) or down (red). */
export type Freshness = 'live' | 'late' | 'down';

/** Sweeps missed before the wall turns amber, and red. */
export const LATE_AFTER_POLLS = 3;
export const DOWN_AFTER_POLLS = 10;

/**
 * Red while the socket is down (reconnecting) or no sweep came for 10 poll intervals; amber while
 * connecting, before the first sweep, or once the last is older than 3 intervals; green otherwise.
 */
export function freshness(
  link: 'connecting' | 'live' | 'reconnecting',
  updatedAtMs: number | null,
  nowMs: number | null,
  pollIntervalMs: number,
): Freshness {
  if (link === 'reconnecting') return 'down';
  const ageMs = updatedAtMs === null || nowMs === null ? null : nowMs - updatedAtMs;
  if (ageMs !== null && ageMs > DOWN_AFTER_POLLS * pollIntervalMs) return 'down';
  if (link === 'connecting' || updatedAtMs === null) return 'late';
  if (ageMs !== null && ageMs > LATE_AFTER_POLLS * pollIntervalMs) return 'late';
  return 'live';
}

/** `?rotate=` in seconds: a whole number from 0 (no rotation) to 3600; anything else reads as `fallbackS`. */
export function parseRotateS(raw: string | undefined, fallbackS = 20): number {
  if (raw === undefined || !/^\d+$/.test(raw)) return fallbackS;
  const s = Number(raw);
  return s <= 3600 ? s : fallbackS;
}

/** `?site=` as a site id, or null. */
export function parseSiteId(raw: string | undefined): number | null {
  return raw !== undefined && /^\d+$/.test(raw) ? Number(raw) : null;
}
