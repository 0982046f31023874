/**
 * Adding, changing and removing sites. Each write and its change row commit in one transaction. A site
 * that still has rigs is never removed: its rigs would lose their site (and the foreign key forbids it).
 */
import { and, count, eq, isNull, ne } from 'drizzle-orm';
import type { SiteFields } from '../../settings/site-input';
import { ok, type Result } from '../../util/result';
import { refuse, type Refusal } from '../../util/refusal';
import type { Db } from '../client';
import { alertOverrides, apiTokens, rigs, sites, sourceState, users } from '../schema';
import { logChange } from './change-log';
import { writeTransaction } from '../transactions';

/** How a site write ended: the site's id, or why it was refused ('not-found', 'conflict'); the route maps each to its status. */
export type SiteWrite = Result<number, Refusal>;

const missing = (siteId: number): SiteWrite => refuse('not-found', `no site with id ${siteId}`);

function nameTaken(db: Db, name: string, exceptId: number | null): boolean {
  const where = exceptId === null ? eq(sites.name, name) : and(eq(sites.name, name), ne(sites.id, exceptId));
  return db.orm.select({ id: sites.id }).from(sites).where(where).get() !== undefined;
}

function noteChange(db: Db, nowMs: number, siteId: number, what: string): void {
  logChange(db, { tsMs: nowMs, kind: 'site-settings', siteId, payload: { what } });
}

/** Adds a site (validated fields); refuses a name already in use. */
export function createSite(db: Db, fields: SiteFields, nowMs: number): SiteWrite {
  return writeTransaction(db, (): SiteWrite => {
    if (nameTaken(db, fields.name, null)) return refuse('conflict', `a site named ${JSON.stringify(fields.name)} already exists`);
    const row = db.orm
      .insert(sites)
      .values({ ...fields, createdAtMs: nowMs })
      .returning({ id: sites.id })
      .get();
    noteChange(db, nowMs, row.id, 'site added');
    return ok(row.id);
  });
}

/** Changes any of a site's fields (validated); refuses an unknown site or a name another site has. */
export function updateSite(db: Db, siteId: number, patch: Partial<SiteFields>, nowMs: number): SiteWrite {
  return writeTransaction(db, (): SiteWrite => {
    if (!db.orm.select({ id: sites.id }).from(sites).where(eq(sites.id, siteId)).get()) return missing(siteId);
    if (patch.name !== undefined && nameTaken(db, patch.name, siteId)) {
      return refuse('conflict', `a site named ${JSON.stringify(patch.name)} already exists`);
    }
    if (Object.keys(patch).length > 0) db.orm.update(sites).set(patch).where(eq(sites.id, siteId)).run();
    noteChange(db, nowMs, siteId, 'site changed');
    return ok(siteId);
  });
}

/** How many rigs belong to the site. */
export function siteRigCount(db: Db, siteId: number): number {
  return db.orm.select({ n: count() }).from(rigs).where(eq(rigs.siteId, siteId)).get()?.n ?? 0;
}

/** Access that named the site goes with it: its kiosk links are revoked, and users limited to it lose it from their list. */
function dropSiteFromAccess(db: Db, siteId: number, nowMs: number): void {
  db.orm
    .update(apiTokens)
    .set({ revokedAtMs: nowMs })
    .where(and(eq(apiTokens.siteId, siteId), isNull(apiTokens.revokedAtMs)))
    .run();
  for (const user of db.orm.select({ id: users.id, siteIdsJson: users.siteIdsJson }).from(users).all()) {
    if (user.siteIdsJson === null) continue;
    const ids = JSON.parse(user.siteIdsJson) as number[];
    // An emptied list stays a list: the user then sees no site, never every site.
    if (ids.includes(siteId))
      db.orm
        .update(users)
        .set({ siteIdsJson: JSON.stringify(ids.filter((id) => id !== siteId)) })
        .where(eq(users.id, user.id))
        .run();
  }
}

/**
 * Removes a site with no rigs, with its alert overrides, its tariff feed's state and the access that
 * named it. Economics and alert history keep their rows (they name the site as it was).
 */
export function deleteSite(db: Db, siteId: number, nowMs: number): SiteWrite {
  return writeTransaction(db, (): SiteWrite => {
    const site = db.orm.select({ id: sites.id, name: sites.name }).from(sites).where(eq(sites.id, siteId)).get();
    if (!site) return missing(siteId);
    const rigCount = siteRigCount(db, siteId);
    if (rigCount > 0) {
      return refuse(
        'conflict',
        `site ${JSON.stringify(site.name)} still has ${rigCount} rig${rigCount === 1 ? '' : 's'}: move or remove them first`,
      );
    }
    db.orm
      .delete(alertOverrides)
      .where(and(eq(alertOverrides.scope, 'site'), eq(alertOverrides.scopeId, siteId)))
      .run();
    db.orm
      .delete(sourceState)
      .where(eq(sourceState.key, `tariff:${siteId}`))
      .run();
    dropSiteFromAccess(db, siteId, nowMs);
    db.orm.delete(sites).where(eq(sites.id, siteId)).run();
    noteChange(db, nowMs, siteId, 'site removed');
    return ok(siteId);
  });
}
