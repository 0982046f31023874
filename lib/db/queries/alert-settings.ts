/** The operator's alert settings as stored: threshold overrides, maintenance and the notification policy. */
import type { AlertSettings } from '../../alerts/thresholds';
import { DEFAULT_NOTIFY_POLICY, parseNotifyPolicy, type NotifyPolicy } from '../../alerts/policy';
import { DEFAULT_THRESHOLDS, parseThresholdOverride, resolveThresholds, type ThresholdOverride } from '../../alerts/thresholds';
import type { MaintenanceView, RulesView } from '../../views/alert-contracts';
import type { Principal } from '../../auth/roles';
import { seesSite, visibleTo } from '../../auth/site-scope';
import type { Db } from '../client';
import { rigSiteIds } from './rigs';
import { alertOverrides, appSettings, rigMaintenance, rigs } from '../schema';
import { eq } from 'drizzle-orm';

export const NOTIFY_POLICY_KEY = 'notify-policy';

/** A stored override, re-validated (a hand-edited row that no longer parses is ignored with a warning). */
function storedOverride(json: string, where: string): ThresholdOverride {
  const parsed = parseThresholdOverride(JSON.parse(json), where);
  if (parsed.ok) return parsed.value;
  console.warn(`alerts: ignoring stored ${where}: ${parsed.error.join('; ')}`);
  return {};
}

function overrides(db: Db) {
  const out = {
    global: {} as ThresholdOverride,
    sites: {} as Record<number, ThresholdOverride>,
    rigs: {} as Record<number, ThresholdOverride>,
  };
  for (const row of db.orm.select().from(alertOverrides).all()) {
    const o = storedOverride(row.overrideJson, `${row.scope} ${row.scopeId} thresholds`);
    if (row.scope === 'global') out.global = o;
    else if (row.scope === 'site') out.sites[row.scopeId] = o;
    else if (row.scope === 'rig') out.rigs[row.scopeId] = o;
  }
  return out;
}

/** Rigs in maintenance at `nowMs` (a maintenance whose until has passed no longer counts). */
export function listMaintenance(db: Db, nowMs: number): MaintenanceView[] {
  return db.orm
    .select({
      rigId: rigMaintenance.rigId,
      rigName: rigs.name,
      siteId: rigs.siteId,
      sinceMs: rigMaintenance.sinceMs,
      untilMs: rigMaintenance.untilMs,
      note: rigMaintenance.note,
    })
    .from(rigMaintenance)
    .innerJoin(rigs, eq(rigs.id, rigMaintenance.rigId))
    .all()
    .filter((m) => m.untilMs === null || m.untilMs > nowMs);
}

export function getNotifyPolicy(db: Db): NotifyPolicy {
  const row = db.orm.select().from(appSettings).where(eq(appSettings.key, NOTIFY_POLICY_KEY)).get();
  if (!row) return DEFAULT_NOTIFY_POLICY;
  const parsed = parseNotifyPolicy(JSON.parse(row.valueJson));
  return parsed.ok ? parsed.value : DEFAULT_NOTIFY_POLICY;
}

/** What the rule engine needs after a sweep. */
export function loadAlertSettings(db: Db, nowMs: number): AlertSettings {
  const o = overrides(db);
  return {
    global: resolveThresholds(DEFAULT_THRESHOLDS, o.global),
    sites: o.sites,
    rigs: o.rigs,
    maintenanceRigIds: listMaintenance(db, nowMs).map((m) => m.rigId),
  };
}

/**
 * Everything the rules settings show, as `who` may see it: the site and rig overrides and the rigs in
 * maintenance of its sites only (the defaults, the global override and the policy belong to no site).
 */
export function getRulesView(db: Db, nowMs: number, who: Pick<Principal, 'siteIds'>): RulesView {
  const o = overrides(db);
  const rigSite = rigSiteIds(db);
  const pick = <T>(rec: Record<number, T>, siteOf: (id: number) => number | null) =>
    Object.fromEntries(Object.entries(rec).filter(([id]) => seesSite(who, siteOf(Number(id))))) as Record<number, T>;
  return {
    defaults: DEFAULT_THRESHOLDS,
    global: o.global,
    sites: pick(o.sites, (id) => id),
    rigs: pick(o.rigs, (id) => rigSite.get(id) ?? null),
    maintenance: visibleTo(who, listMaintenance(db, nowMs), (m) => m.siteId),
    policy: getNotifyPolicy(db),
  };
}
