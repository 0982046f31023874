/** Reads the append-only changes log and turns rows into the deltas every browser shares. */
import { asc, gt, min } from 'drizzle-orm';
import { isChangeKind } from '../change-kinds';
import type { SweepChangePayload } from '../mutations/sweep-change';
import type { Delta } from '../../views/contracts';
import type { Db } from '../client';
import { changes, type Change } from '../schema';
import { activeAlerts } from './alerts';
import { economicsFor } from './live-economics';
import { getMarketView } from './market';
import type { MarketPolicy } from '../../domain/market-policy';

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

/** True when the rows may have moved a heat-map cell (state, profit or temperature band, name, location). */
export function touchesCells(rows: readonly Change[]): boolean {
  return rows.some(
    (r) =>
      r.kind === 'sweep' ||
      r.kind === 'economics' ||
      r.kind === 'alert-settings' ||
      r.kind === 'rigs-changed' ||
      r.kind === 'site-settings',
  );
}

function parse<T>(payload: string): Partial<T> {
  try {
    return JSON.parse(payload) as Partial<T>;
  } catch {
    return {};
  }
}

/**
 * The deltas every browser shares for change rows: a chart point per sweep, the latest economics (fleet and
 * sites; rigs' figures go only to sockets watching them), one market and one alerts delta at the last of
 * their rows (each restates the whole), rigs-changed for fleet edits. Cells and rigs travel in the summary
 * the web server adds (lib/realtime). Rows of kinds this version does not read are skipped.
 */
export function toDeltas(db: Db, rows: readonly Change[], market: MarketPolicy, nowMs: number): Delta[] {
  const lastOf = (kind: string) => rows.reduce((id, r) => (r.kind === kind ? r.id : id), -1);
  const lastSource = lastOf('source');
  const lastAlerts = lastOf('alerts');
  const lastEconomics = lastOf('economics');
  const deltas: Delta[] = [];
  for (const row of rows) {
    if (!isChangeKind(row.kind)) continue;
    if (row.kind === 'sweep') {
      const { point } = parse<SweepChangePayload>(row.payload);
      if (point) deltas.push({ id: row.id, tsMs: row.tsMs, kind: 'sweep', point });
    } else if (row.kind === 'rigs-changed' || row.kind === 'site-settings') {
      deltas.push({ id: row.id, tsMs: row.tsMs, kind: 'rigs-changed' });
    } else if (row.kind === 'economics' && row.id === lastEconomics) {
      const { sweepId } = parse<{ sweepId: number }>(row.payload);
      if (typeof sweepId === 'number')
        deltas.push({ id: row.id, tsMs: row.tsMs, kind: 'economics', economics: economicsFor(db, [], sweepId) });
    } else if (row.kind === 'source' && row.id === lastSource) {
      deltas.push({ id: row.id, tsMs: row.tsMs, kind: 'market', market: getMarketView(db, nowMs, market) });
    } else if (row.kind === 'alerts' && row.id === lastAlerts) {
      deltas.push({ id: row.id, tsMs: row.tsMs, kind: 'alerts', alerts: activeAlerts(db) });
    }
  }
  return deltas;
}
