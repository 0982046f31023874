/**
 * Pure merge of deltas into a snapshot, by id: anything at or below the cursor is already in it and is
 * dropped, so replays after a reconnect never double-count.
 */
import type { Delta, FleetPoint, FleetSnapshot, RigView } from '../views/contracts';
import { HISTORY_WINDOW_MS } from '../views/history-window';
import { decodeCell } from './cells-wire';

function withPoint(history: readonly FleetPoint[], point: FleetPoint): FleetPoint[] {
  const cutoffMs = point.tsMs - HISTORY_WINDOW_MS;
  return [...history.filter((p) => p.tsMs >= cutoffMs && p.tsMs !== point.tsMs), point].sort((a, b) => a.tsMs - b.tsMs);
}

function upsertRigs(rigs: readonly RigView[], incoming: readonly RigView[]): RigView[] {
  if (incoming.length === 0) return rigs as RigView[];
  const byId = new Map(rigs.map((r) => [r.id, r]));
  const out = [...rigs];
  const index = new Map(rigs.map((r, i) => [r.id, i]));
  for (const r of incoming) {
    const i = index.get(r.id);
    if (i === undefined) {
      index.set(r.id, out.length);
      out.push(r);
    } else if (byId.get(r.id) !== r) out[i] = r;
  }
  return out;
}

/** The merged snapshot, and whether the client should reload a full snapshot (rigs added or removed). */
export function applyDeltas(snapshot: FleetSnapshot, deltas: readonly Delta[]): { snapshot: FleetSnapshot; resync: boolean } {
  // A full summary restates the cells at its id, so a snapshot without cells takes it at its own cursor
  // too: the subscribe's answer to a page that is up to date carries the cells that page's HTML left out.
  // With cells, the same summary is a replay and changes nothing.
  const fresh = [...deltas]
    .filter((d) => d.id > snapshot.cursor || (d.kind === 'summary' && d.full && d.id === snapshot.cursor && snapshot.cells === null))
    .sort((a, b) => a.id - b.id);
  if (fresh.length === 0) return { snapshot, resync: false };
  let next: FleetSnapshot = { ...snapshot, cursor: fresh[fresh.length - 1].id };
  let resync = false;
  for (const d of fresh) {
    if (d.kind === 'sweep') {
      next.history = withPoint(next.history, d.point);
    } else if (d.kind === 'summary') {
      let cells = next.cells;
      if (d.full) cells = d.cells.map(decodeCell);
      else if (cells && d.cells.length > 0) {
        const index = new Map(cells.map((c, i) => [c.id, i]));
        cells = [...cells];
        for (const w of d.cells) {
          const i = index.get(w[0]);
          if (i === undefined) cells.push(decodeCell(w));
          else cells[i] = decodeCell(w);
        }
      }
      next = { ...next, fleet: d.fleet, counts: d.counts, sites: d.sites, cells, rigs: upsertRigs(next.rigs, d.rigs) };
      if (d.point) next.history = withPoint(next.history, d.point);
    } else if (d.kind === 'economics') {
      // Rigs' figures come only for watched rigs: keep the others' last figures rather than dropping them.
      next.economics = { ...d.economics, rigs: { ...next.economics.rigs, ...d.economics.rigs } };
    } else if (d.kind === 'market') {
      next.market = d.market;
    } else if (d.kind === 'alerts') {
      next.alerts = d.alerts;
    } else {
      resync = true;
    }
  }
  return { snapshot: next, resync };
}

/** The snapshot with a watch reply merged in (the rigs' views and economics now). */
export function applyWatch(
  snapshot: FleetSnapshot,
  rigs: readonly RigView[],
  economics: FleetSnapshot['economics']['rigs'],
): FleetSnapshot {
  return {
    ...snapshot,
    rigs: upsertRigs(snapshot.rigs, rigs),
    economics: { ...snapshot.economics, rigs: { ...snapshot.economics.rigs, ...economics } },
  };
}
