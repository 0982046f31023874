/**
 * Pure merge of deltas into a snapshot, by id: anything at or below the cursor is already in it and is
 * dropped, so replays after a reconnect never double-count.
 */
import type { Delta, FleetSnapshot } from '../views/contracts';
import { HISTORY_WINDOW_MS } from '../views/history-window';
import { countStates, profitBandOf, rigStateOf } from '../domain/rig-cell';
import { fleetTotals } from '../domain/fleet';

/** The merged snapshot, and whether the client should reload a full snapshot (rigs added or removed). */
export function applyDeltas(snapshot: FleetSnapshot, deltas: readonly Delta[]): { snapshot: FleetSnapshot; resync: boolean } {
  const fresh = [...deltas].filter((d) => d.id > snapshot.cursor).sort((a, b) => a.id - b.id);
  if (fresh.length === 0) return { snapshot, resync: false };
  let rigs = snapshot.rigs;
  let fleet = snapshot.fleet;
  let history = snapshot.history;
  let economics = snapshot.economics;
  let market = snapshot.market;
  let alerts = snapshot.alerts;
  let cells = snapshot.cells;
  let resync = false;
  const cellIndex = new Map((cells ?? []).map((c, i) => [c.id, i]));
  const rigIndex = new Map(rigs.map((r, i) => [r.id, i]));
  for (const d of fresh) {
    if (d.kind === 'rig') {
      if (rigs === snapshot.rigs) rigs = [...rigs];
      const i = rigIndex.get(d.rig.id);
      if (i === undefined) {
        rigIndex.set(d.rig.id, rigs.length);
        rigs.push(d.rig);
      } else {
        rigs[i] = d.rig;
      }
      // A rig's state moves its cell now; its bands follow with the cells the server sends.
      const c = cellIndex.get(d.rig.id);
      if (cells && c !== undefined && cells[c].state !== rigStateOf(d.rig)) {
        if (cells === snapshot.cells) cells = [...cells];
        cells[c] = { ...cells[c], state: rigStateOf(d.rig) };
      }
    } else if (d.kind === 'sweep') {
      fleet = d.fleet;
      const cutoffMs = d.point.tsMs - HISTORY_WINDOW_MS;
      history = [...history.filter((p) => p.tsMs >= cutoffMs && p.tsMs !== d.point.tsMs), d.point];
    } else if (d.kind === 'economics') {
      economics = d.economics;
      // The profit band follows the rig's new margin (rigCellOf's rule) until the stream sends changed cells.
      if (cells) {
        const e = economics.rigs;
        const next = cells.map((c) => {
          const band =
            c.state === 'offline' || c.state === 'stale' || c.state === 'sleeping'
              ? 'unknown'
              : profitBandOf(e[c.id]?.breakevenPricePerKwh ?? null, e[c.id]?.pricePerKwh ?? null);
          return band === c.profitBand ? c : { ...c, profitBand: band };
        });
        if (next.some((c, i) => c !== cells![i])) cells = next;
      }
    } else if (d.kind === 'market') {
      market = d.market;
    } else if (d.kind === 'alerts') {
      alerts = d.alerts;
    } else {
      resync = true;
    }
  }
  const counts = cells && cells !== snapshot.cells ? countStates(cells) : snapshot.counts;
  // Until the stream sends each site's summary per sweep, a site's totals and counts follow its rigs here
  // (every rig's view is in the snapshot for now), so a site's figures stay live like the fleet's.
  const sites =
    fleet !== snapshot.fleet || cells !== snapshot.cells
      ? snapshot.sites.map((site) => ({
          ...site,
          totals: fleetTotals(
            rigs.filter((r) => r.siteId === site.id),
            fleet.updatedAtMs,
          ),
          counts: cells ? countStates(cells.filter((c) => c.siteId === site.id)) : site.counts,
        }))
      : snapshot.sites;
  return {
    snapshot: { ...snapshot, cursor: fresh[fresh.length - 1].id, fleet, counts, sites, cells, rigs, history, economics, market, alerts },
    resync,
  };
}
