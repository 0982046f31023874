/**
 * The rig CSV against the database: the export, the dry run, and the import applied all or nothing. The
 * apply plans again inside its write transaction, from the rigs as they are then, so a preview that went
 * stale (a rig added meanwhile) can never half-apply: any refused row and nothing is written.
 */
import type { Db } from '../../lib/db/client';
import { writeImportedRigs } from '../../lib/db/mutations/import-rigs';
import { rigsForCsv, rigSiteIds, siteNames } from '../../lib/db/queries/rigs';
import { readTransaction, writeTransaction } from '../../lib/db/transactions';
import { DRIVER_DEFAULT_PORTS } from '../../lib/domain/driver-kinds';
import { err, ok, type Result } from '../../lib/util/result';
import { planRigImport, rigsToCsv, type RigImportContext, type RigImportPlan } from '../../lib/rigs/rig-csv';

/** Registered rigs, sites and drivers, as the dry run compares against them. */
function importContext(db: Db): RigImportContext {
  return { rigs: rigsForCsv(db), sites: siteNames(db), defaultPorts: DRIVER_DEFAULT_PORTS };
}

/** Every rig as a CSV document (header first), by site then name. */
export function exportRigsCsv(db: Db): string {
  return rigsToCsv(readTransaction(db, () => rigsForCsv(db)));
}

/** What importing `text` would do, written nowhere; or why the file is refused as a whole. */
export function previewRigImport(db: Db, text: string): Result<RigImportPlan, string> {
  return readTransaction(db, () => planRigImport(text, importContext(db)));
}

/** Why an import was not applied: the file as a whole, or the plan with its refused rows. */
export type ImportRefusal = { message: string; plan: RigImportPlan | null };

/** Applies the import in one write transaction when no row is refused; otherwise writes nothing. */
export function applyRigImport(db: Db, text: string, nowMs: number): Result<RigImportPlan, ImportRefusal> {
  return writeTransaction(db, (): Result<RigImportPlan, ImportRefusal> => {
    const planned = planRigImport(text, importContext(db));
    if (!planned.ok) return err({ message: planned.error, plan: null });
    const plan = planned.value;
    if (plan.counts.refused > 0)
      return err({ message: `${plan.counts.refused} of ${plan.rows.length} rows are refused: nothing was imported`, plan });
    const rigSite = rigSiteIds(db);
    const added = plan.rows.flatMap((r) => (r.action === 'new' ? [{ ...r.rig, siteId: r.siteId }] : []));
    const updated = plan.rows.flatMap((r) =>
      r.action === 'updated' ? [{ ...r.rig, siteId: r.siteId, id: r.rigId, oldSiteId: rigSite.get(r.rigId) ?? r.siteId }] : [],
    );
    writeImportedRigs(db, added, updated, nowMs);
    return ok(plan);
  });
}
