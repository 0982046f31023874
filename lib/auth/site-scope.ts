/**
 * What part of the fleet a principal sees, decided in one place: every route, page, stream and
 * notification asks here. A principal limited to some sites sees those sites' rigs, alerts, requests and
 * settings and nothing else; what belongs to no one site (fleet-wide alerts such as a stale price feed or a
 * pool's hash-rate gap, a pool account's own figures) is for principals who see every site. Admins always
 * see every site (`effectiveSiteIds`). Pure.
 */
/** A principal's sites: null for every site. */
export type SiteIds = readonly number[] | null;

/**
 * What this file reads of a principal (roles.ts's Principal has it; declared here, not imported, because
 * roles.ts asks seesSite).
 */
interface Scoped {
  siteIds: SiteIds;
}

/**
 * The sites a user with `role` and a stored site list sees: admins every site whatever is stored (an
 * admin configures users, tokens and sites, so a site limit on an admin would be a limit in name only;
 * lists stored before admins were refused one are ignored), everyone else their list.
 */
export function effectiveSiteIds<T extends SiteIds>(role: string, stored: T): T | null {
  return role === 'admin' ? null : stored;
}

/** Whether `who` sees every site. */
export function seesWholeFleet(who: Scoped): boolean {
  return who.siteIds === null;
}

/** Whether `who` may see a thing of site `siteId`; null: a fleet-wide thing of no one site. */
export function seesSite(who: Scoped, siteId: number | null): boolean {
  if (who.siteIds === null) return true;
  return siteId !== null && who.siteIds.includes(siteId);
}

/** The items `who` may see, in their order; `siteOf` names each item's site (null: fleet-wide). */
export function visibleTo<T>(who: Scoped, items: readonly T[], siteOf: (item: T) => number | null): T[] {
  return who.siteIds === null ? [...items] : items.filter((item) => seesSite(who, siteOf(item)));
}

/** The same access: role and sites (in any order). A socket whose principal changed is re-authorized. */
export function sameAccess(a: Scoped & { role: string }, b: Scoped & { role: string }): boolean {
  if (a.role !== b.role) return false;
  if (a.siteIds === null || b.siteIds === null) return a.siteIds === b.siteIds;
  const x = new Set(a.siteIds);
  const y = new Set(b.siteIds);
  return x.size === y.size && [...x].every((id) => y.has(id));
}
