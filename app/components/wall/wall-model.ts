/**
 * The wall display's view model (pure): which views it rotates through, and for one view (the fleet or
 * a site) the figures, rig counts, worst rigs and alerts it shows. The clock is an argument.
 */
import { fleetTotals } from '../../../lib/domain/fleet';
import type { AlertView } from '../../../lib/views/alert-contracts';
import type { EconomicsView, FleetSnapshot, FleetTotals, RigView } from '../../../lib/views/contracts';
import { compareRigNames } from '../../../lib/format/sort-rigs';
import { bannerAlerts } from '../alerts/alert-order';
import { isLosing } from '../overview/RigEconomicsCells';

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
  rigs: readonly Pick<RigView, 'siteId'>[],
  pinnedSiteId: number | null,
): WallView[] {
  const pinned = pinnedSiteId === null ? undefined : sites.find((s) => s.id === pinnedSiteId);
  if (pinned) return [{ kind: 'site', site: pinned }];
  const withRigs = new Set(rigs.map((r) => r.siteId));
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

/** Rigs per state; "losing" counts online rigs whose latest economics lose money per kWh. */
export interface RigCounts {
  online: number;
  stale: number;
  offline: number;
  losing: number;
  total: number;
}

/** Why a rig is on the worst list. */
export type WorstReason = 'losing' | 'offline' | 'stale' | 'hot';

/** One line of the worst-rigs list. */
export interface WorstRig {
  rig: RigView;
  reason: WorstReason;
  /** Profit per kWh in the rig's site currency, for a losing rig. */
  economics: EconomicsView | null;
  tempMaxC: number | null;
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
  counts: RigCounts;
  worst: WorstRig[];
  alerts: AlertView[];
  /** Active alerts beyond those shown. */
  moreAlerts: number;
}

/** Counts by connectivity, and online rigs losing money. */
export function rigCounts(rigs: readonly RigView[], economics: Readonly<Record<number, EconomicsView>>): RigCounts {
  const counts: RigCounts = { online: 0, stale: 0, offline: 0, losing: 0, total: rigs.length };
  for (const rig of rigs) {
    counts[rig.connectivity]++;
    if (rig.connectivity === 'online' && isLosing(economics[rig.id])) counts.losing++;
  }
  return counts;
}

const REASON_RANK: Record<WorstReason, number> = { losing: 0, offline: 1, stale: 2, hot: 3 };

/**
 * The rigs needing attention first: online rigs losing money (largest loss per kWh first), then offline,
 * then stale ones (by name), then the rest by hottest chip; at most `limit`. Rigs with no temperature
 * and no problem are left out: they have nothing to say.
 */
export function worstRigs(
  rigs: readonly RigView[],
  economics: Readonly<Record<number, EconomicsView>>,
  limit = WORST_RIGS_SHOWN,
): WorstRig[] {
  const lines: WorstRig[] = [];
  for (const rig of rigs) {
    const e = economics[rig.id] ?? null;
    const tempMaxC = rig.reading?.tempMaxC ?? null;
    if (rig.connectivity === 'offline' || rig.connectivity === 'stale')
      lines.push({ rig, reason: rig.connectivity, economics: null, tempMaxC });
    else if (isLosing(e ?? undefined)) lines.push({ rig, reason: 'losing', economics: e, tempMaxC });
    else if (tempMaxC !== null) lines.push({ rig, reason: 'hot', economics: null, tempMaxC });
  }
  lines.sort(
    (a, b) =>
      REASON_RANK[a.reason] - REASON_RANK[b.reason] ||
      (a.reason === 'losing' ? a.economics!.profitPerKwh! - b.economics!.profitPerKwh! : 0) ||
      (a.reason === 'hot' ? b.tempMaxC! - a.tempMaxC! : 0) ||
      compareRigNames(a.rig, b.rig),
  );
  return lines.slice(0, limit);
}

/** The figures of `view` from the live snapshot at `nowMs` (null before the browser's clock is read). */
export function wallFigures(snapshot: FleetSnapshot, view: WallView, nowMs: number | null): WallFigures {
  const site = view.kind === 'site' ? view.site : null;
  const rigs = site ? snapshot.rigs.filter((r) => r.siteId === site.id) : snapshot.rigs;
  const totals = site ? fleetTotals(rigs, snapshot.fleet.updatedAtMs) : snapshot.fleet;
  const economics = site ? (snapshot.economics.sites[site.id] ?? null) : snapshot.economics.fleet;
  const active = bannerAlerts(snapshot.alerts, nowMs).filter((a) => site === null || a.siteId === site.id);
  return {
    title: site ? site.name : 'Fleet',
    timeZone: site?.timeZone,
    totals,
    economics,
    counts: rigCounts(rigs, snapshot.economics.rigs),
    worst: worstRigs(rigs, snapshot.economics.rigs),
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
