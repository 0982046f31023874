/** Reads the append-only changes log and turns rows into typed deltas for browsers. */
import { asc, gt, min } from 'drizzle-orm';
import type { Delta, FleetPoint, FleetTotals } from '../../views/contracts';
import type { Db } from '../client';
import { changes, type Change } from '../schema';
import { activeAlerts } from './alerts';
import { economicsOfSweep } from './economics';
import { getMarketView, type MarketPolicy } from './market';
import { rigViewsByIds } from './rigs';

/** Change rows with id > cursor, oldest first, at most `limit`. */
export function changesAfter(db: Db, cursor: number, limit: number): Change[] {
  return db.orm.select().from(changes).where(gt(changes.id, cursor)).orderBy(asc(changes.id)).limit(limit).all();
}

/** Lowest id still kept (older rows are pruned), or null when the log is empty. */
export function oldestChangeId(db: Db): number | null {
  return (
    db.orm
      .select({ id: min(changes.id) })
      .from(changes)
      .get()?.id ?? null
  );
}

/**
 * Deltas for change rows. A 'rig' change carries no payload: it is resolved to the rig's current view,
 * which makes deltas idempotent (a late or repeated one only restates the latest state).
 */
export function toDeltas(db: Db, rows: readonly Change[], market: MarketPolicy, nowMs: number): Delta[] {
  const rigIds = [...new Set(rows.filter((r) => r.kind === 'rig' && r.rigId !== null).map((r) => r.rigId as number))];
  const views = new Map(rigViewsByIds(db, rigIds).map((v) => [v.id, v]));
  const deltas: Delta[] = [];
  // Several source updates in one batch make one market delta, at the last of them.
  const lastSourceId = rows.reduce((id, r) => (r.kind === 'source' ? r.id : id), -1);
  // Alert changes restate the whole active list: one delta at the last of them.
  const lastAlertsId = rows.reduce((id, r) => (r.kind === 'alerts' ? r.id : id), -1);
  for (const row of rows) {
    if (row.kind === 'sweep') {
      const payload = JSON.parse(row.payload) as { fleet: FleetTotals; point: FleetPoint };
      deltas.push({ id: row.id, tsMs: row.tsMs, kind: 'sweep', fleet: payload.fleet, point: payload.point });
    } else if (row.kind === 'rig') {
      const rig = row.rigId === null ? undefined : views.get(row.rigId);
      if (rig) deltas.push({ id: row.id, tsMs: row.tsMs, kind: 'rig', rig });
    } else if (row.kind === 'rigs-changed' || row.kind === 'site-settings') {
      deltas.push({ id: row.id, tsMs: row.tsMs, kind: 'rigs-changed' });
    } else if (row.kind === 'economics') {
      const { sweepId } = JSON.parse(row.payload) as { sweepId: number };
      deltas.push({ id: row.id, tsMs: row.tsMs, kind: 'economics', economics: economicsOfSweep(db, sweepId) });
    } else if (row.kind === 'source' && row.id === lastSourceId) {
      deltas.push({ id: row.id, tsMs: row.tsMs, kind: 'market', market: getMarketView(db, nowMs, market) });
    } else if (row.kind === 'alerts' && row.id === lastAlertsId) {
      deltas.push({ id: row.id, tsMs: row.tsMs, kind: 'alerts', alerts: activeAlerts(db) });
    }
  }
  return deltas;
}
