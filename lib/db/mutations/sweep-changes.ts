/**
 * The `changes` rows a sweep writes (what browsers hear about it): one per rig polled, with that rig's
 * writes, and the sweep's own row, written last, which marks the sweep complete. One small module so the
 * live path can change what it announces without touching the write.
 */
import type { Statement } from 'better-sqlite3';
import type { FleetPoint, FleetTotals } from '../../views/contracts';
import type { Db } from '../client';

/** Writes a sweep's change rows through statements prepared once per database. */
export interface SweepChangeWriter {
  /** Inside the rig's transaction. */
  rig(endMs: number, siteId: number, rigId: number): void;
  /** In the sweep's last transaction, after its row. */
  sweep(endMs: number, fleet: FleetTotals, point: FleetPoint): void;
}

export function sweepChangeWriter(db: Db): SweepChangeWriter {
  const insert: Statement = db.sqlite.prepare('insert into changes (ts_ms, kind, site_id, rig_id, payload) values (?, ?, ?, ?, ?)');
  return {
    rig: (endMs, siteId, rigId) => insert.run(endMs, 'rig', siteId, rigId, '{}'),
    sweep: (endMs, fleet, point) => insert.run(endMs, 'sweep', null, null, JSON.stringify({ fleet, point })),
  };
}
