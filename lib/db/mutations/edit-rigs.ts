/**
 * Editing and removing rigs from the settings screen, each in one transaction with a 'rigs-changed'
 * change so the collector's next sweep and every open screen follow.
 *
 * Removing a rig deletes it with its history: raw samples, rollups, its timeline of events, its latest
 * status, its per-rig economics, its maintenance window and threshold overrides. What an operator removes
 * is a device that left the site; keeping its charts would need the rig row (samples reference it), and a
 * ghost rig in every list is worse. Past alerts stay in the alerts log (they carry the rig's name), and
 * site and fleet totals already recorded are not rewritten.
 */
import { and, eq, ne } from 'drizzle-orm';
import type { RigPatch } from '../../rigs/rig-input';
import { ok, type Result } from '../../util/result';
import { refuse, type Refusal } from '../../util/refusal';
import type { Db } from '../client';
import {
  alertOverrides,
  rigEconomics,
  rigEvents,
  rigMaintenance,
  rigProfit,
  rigStatus,
  rigs,
  rollupPacks,
  rollups,
  samples,
} from '../schema';
import { logChange } from './change-log';
import { writeTransaction } from '../transactions';

/** Done, or why the edit was refused: no such rig ('not-found') or a clash with another rig ('conflict'). */
export type RigEditOutcome = Result<undefined, Refusal>;

/** Applies the edit; an address:port or a name another rig has is refused, naming that rig. */
export function updateRig(db: Db, id: number, patch: RigPatch, nowMs: number): RigEditOutcome {
  return writeTransaction(db, (): RigEditOutcome => {
    const rig = db.orm.select().from(rigs).where(eq(rigs.id, id)).get();
    if (!rig) return refuse('not-found', `there is no rig ${id}`);
    if (patch.name !== undefined && patch.name !== rig.name) {
      const other = db.orm.select({ id: rigs.id }).from(rigs).where(eq(rigs.name, patch.name)).get();
      if (other) return refuse('conflict', `name: another rig is already called ${JSON.stringify(patch.name)}`);
    }
    const address = patch.address ?? rig.address;
    const port = patch.port ?? rig.port;
    if (address !== rig.address || port !== rig.port) {
      const other = db.orm
        .select({ name: rigs.name })
        .from(rigs)
        .where(and(eq(rigs.address, address), eq(rigs.port, port), ne(rigs.id, id)))
        .get();
      if (other) return refuse('conflict', `${address}:${port} is already registered as ${other.name}`);
    }
    db.orm.update(rigs).set(patch).where(eq(rigs.id, id)).run();
    logChange(db, { tsMs: nowMs, kind: 'rigs-changed', siteId: patch.siteId ?? rig.siteId, rigId: id });
    return ok();
  });
}

/** Removes the rig and its history (see the file comment); false when there is no such rig. */
export function removeRig(db: Db, id: number, nowMs: number): { removed: false } | { removed: true; name: string; samples: number } {
  return writeTransaction(db, () => {
    const rig = db.orm.select({ name: rigs.name, siteId: rigs.siteId }).from(rigs).where(eq(rigs.id, id)).get();
    if (!rig) return { removed: false as const };
    const removedSamples = db.orm.delete(samples).where(eq(samples.rigId, id)).run().changes;
    db.orm.delete(rollups).where(eq(rollups.rigId, id)).run();
    db.orm.delete(rollupPacks).where(eq(rollupPacks.rigId, id)).run();
    db.orm.delete(rigEvents).where(eq(rigEvents.rigId, id)).run();
    db.orm.delete(rigStatus).where(eq(rigStatus.rigId, id)).run();
    db.orm.delete(rigEconomics).where(eq(rigEconomics.rigId, id)).run();
    db.orm.delete(rigProfit).where(eq(rigProfit.rigId, id)).run();
    db.orm.delete(rigMaintenance).where(eq(rigMaintenance.rigId, id)).run();
    db.orm
      .delete(alertOverrides)
      .where(and(eq(alertOverrides.scope, 'rig'), eq(alertOverrides.scopeId, id)))
      .run();
    db.orm.delete(rigs).where(eq(rigs.id, id)).run();
    logChange(db, { tsMs: nowMs, kind: 'rigs-changed', siteId: rig.siteId });
    return { removed: true as const, name: rig.name, samples: removedSamples };
  });
}
